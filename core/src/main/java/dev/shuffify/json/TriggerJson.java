package dev.shuffify.json;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.deser.std.StdDeserializer;
import com.fasterxml.jackson.databind.ser.std.StdSerializer;
import dev.shuffify.error.ValidationException;
import dev.shuffify.model.Trigger;
import java.io.IOException;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.ZoneId;

/**
 * A {@link Trigger} as an object with a {@code kind}:
 * {@code {"kind":"interval","name":"daily","every":"PT24H"}}, {@code {"kind":"interval","name":null,
 * "every":"PT30M"}} or {@code {"kind":"cron","expression":"30 2 * * 1-5","zone":"Europe/Paris"}}. An interval
 * read with a name and no {@code every} is the named interval. The model's own checks apply, so a bad trigger
 * is refused with the field it names ({@code trigger.interval}, {@code trigger.expression},
 * {@code trigger.zone}).
 */
final class TriggerJson {
    private TriggerJson() {
    }

    /** Writes a trigger. */
    static final class Serializer extends StdSerializer<Trigger> {
        private static final long serialVersionUID = 1L;

        Serializer() {
            super(Trigger.class);
        }

        @Override
        public void serialize(Trigger value, JsonGenerator gen, SerializerProvider provider) throws IOException {
            gen.writeStartObject(value);
            if (value instanceof Trigger.Interval interval) {
                gen.writeStringField("kind", "interval");
                gen.writeStringField("name", interval.name());
                gen.writeStringField("every", interval.every().toString());
            } else {
                Trigger.Cron cron = (Trigger.Cron) value;
                gen.writeStringField("kind", "cron");
                gen.writeStringField("expression", cron.expression());
                gen.writeStringField("zone", cron.zone().getId());
            }
            gen.writeEndObject();
        }
    }

    /**
     * Reads a trigger.
     *
     * @param <T> {@link Trigger}, {@link Trigger.Interval} or {@link Trigger.Cron}
     */
    static final class Deserializer<T extends Trigger> extends StdDeserializer<T> {
        private static final long serialVersionUID = 1L;
        private final Class<T> type;

        Deserializer(Class<T> type) {
            super(type);
            this.type = type;
        }

        @Override
        public T deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
            if (!p.isExpectedStartObjectToken()) {
                return type.cast(ctxt.handleUnexpectedToken(type, p));
            }
            JsonNode node = ctxt.readTree(p);
            String kind = text(node, "kind", p, ctxt);
            Trigger trigger;
            try {
                trigger = switch (kind == null ? "" : kind) {
                    case "interval" -> interval(node, p, ctxt);
                    case "cron" -> cron(node, p, ctxt);
                    default -> throw new ValidationException("trigger.kind",
                            "must be interval or cron, was " + (kind == null ? "missing" : "'" + kind + "'"));
                };
            } catch (ValidationException e) {
                return type.cast(ctxt.reportInputMismatch(type, "%s", e.getMessage()));
            }
            if (!type.isInstance(trigger)) {
                return type.cast(ctxt.reportInputMismatch(type, "expected a %s trigger, found kind '%s'",
                        type == Trigger.Cron.class ? "cron" : "interval", kind));
            }
            return type.cast(trigger);
        }

        private Trigger.Cron cron(JsonNode node, JsonParser p, DeserializationContext ctxt) throws IOException {
            String expression = text(node, "expression", p, ctxt);
            String zone = text(node, "zone", p, ctxt);
            return zone == null ? Trigger.cron(expression, (ZoneId) null) : Trigger.cron(expression, zone);
        }

        private Trigger.Interval interval(JsonNode node, JsonParser p, DeserializationContext ctxt)
                throws IOException {
            String name = text(node, "name", p, ctxt);
            JsonNode every = node.get("every");
            if (every == null || every.isNull()) {
                return Trigger.named(name);
            }
            String text = text(node, "every", p, ctxt);
            Duration length;
            try {
                length = Duration.parse(text.trim());
            } catch (DateTimeException e) {
                throw new ValidationException("trigger.interval",
                        "every must be an ISO-8601 duration such as PT30M or P1D, was '" + text + "'");
            }
            return new Trigger.Interval(name, length);
        }

        private String text(JsonNode node, String field, JsonParser p, DeserializationContext ctxt)
                throws IOException {
            JsonNode value = node.get(field);
            if (value == null || value.isNull()) {
                return null;
            }
            if (!value.isTextual()) {
                ctxt.reportInputMismatch(type, "trigger.%s must be a string, was %s", field, value.getNodeType()
                        .name().toLowerCase(java.util.Locale.ROOT));
            }
            return value.asText();
        }
    }
}
