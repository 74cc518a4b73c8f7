package dev.shuffify.json;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.deser.std.StdDeserializer;
import com.fasterxml.jackson.databind.ser.std.StdSerializer;
import dev.shuffify.model.Execution;
import dev.shuffify.model.PlaylistPair;
import dev.shuffify.model.RotationStatus;
import dev.shuffify.model.Schedule;
import java.io.IOException;
import java.util.Optional;

/**
 * A {@link RotationStatus} as {@code {"playlistId":…,"pair":…,"schedule":…,"lastExecution":…}}, an empty
 * optional as {@code null}, so a host needs no {@code Optional} module.
 */
final class RotationStatusJson {
    private RotationStatusJson() {
    }

    /** Writes a status. */
    static final class Serializer extends StdSerializer<RotationStatus> {
        private static final long serialVersionUID = 1L;

        Serializer() {
            super(RotationStatus.class);
        }

        @Override
        public void serialize(RotationStatus value, JsonGenerator gen, SerializerProvider provider)
                throws IOException {
            gen.writeStartObject(value);
            gen.writeStringField("playlistId", value.playlistId());
            provider.defaultSerializeField("pair", value.pair().orElse(null), gen);
            provider.defaultSerializeField("schedule", value.schedule().orElse(null), gen);
            provider.defaultSerializeField("lastExecution", value.lastExecution().orElse(null), gen);
            gen.writeEndObject();
        }
    }

    /** Reads a status. */
    static final class Deserializer extends StdDeserializer<RotationStatus> {
        private static final long serialVersionUID = 1L;

        Deserializer() {
            super(RotationStatus.class);
        }

        @Override
        public RotationStatus deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
            if (!p.isExpectedStartObjectToken()) {
                return (RotationStatus) ctxt.handleUnexpectedToken(RotationStatus.class, p);
            }
            JsonNode node = ctxt.readTree(p);
            JsonNode playlistId = node.get("playlistId");
            if (playlistId == null || !playlistId.isTextual()) {
                return (RotationStatus) ctxt.reportInputMismatch(RotationStatus.class,
                        "playlistId is required: a playlist id string");
            }
            return new RotationStatus(playlistId.asText(), optional(node, "pair", PlaylistPair.class, ctxt),
                    optional(node, "schedule", Schedule.class, ctxt),
                    optional(node, "lastExecution", Execution.class, ctxt));
        }

        private static <T> Optional<T> optional(JsonNode node, String field, Class<T> type,
                DeserializationContext ctxt) throws IOException {
            JsonNode value = node.get(field);
            if (value == null || value.isNull()) {
                return Optional.empty();
            }
            try {
                return Optional.of(ctxt.readTreeAsValue(value, type));
            } catch (com.fasterxml.jackson.databind.JsonMappingException e) {
                e.prependPath(RotationStatus.class, field);
                throw e;
            }
        }
    }
}
