package dev.shuffify.json;

import com.fasterxml.jackson.annotation.JacksonAnnotationsInside;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import com.fasterxml.jackson.databind.deser.std.StdScalarDeserializer;
import com.fasterxml.jackson.databind.ser.std.StdScalarSerializer;
import java.io.IOException;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.util.function.Function;

/**
 * The model's points in time and lengths as ISO-8601 text ({@code 2026-11-22T10:15:30Z}, {@code PT3M25S}),
 * whatever the host's mapper does with {@code java.time} types elsewhere: the model's properties carry these
 * through mix-ins, so the module needs no {@code java.time} module and changes no other type's format.
 */
final class IsoText {
    private IsoText() {
    }

    /** An {@link Instant} property written and read as ISO-8601 text. */
    @Retention(RetentionPolicy.RUNTIME)
    @Target({ElementType.METHOD, ElementType.FIELD, ElementType.PARAMETER})
    @JacksonAnnotationsInside
    @JsonSerialize(using = InstantSerializer.class)
    @JsonDeserialize(using = InstantDeserializer.class)
    @interface IsoInstant {
    }

    /** A {@link Duration} property written and read as ISO-8601 text. */
    @Retention(RetentionPolicy.RUNTIME)
    @Target({ElementType.METHOD, ElementType.FIELD, ElementType.PARAMETER})
    @JacksonAnnotationsInside
    @JsonSerialize(using = DurationSerializer.class)
    @JsonDeserialize(using = DurationDeserializer.class)
    @interface IsoDuration {
    }

    /** Writes an instant. */
    static final class InstantSerializer extends StdScalarSerializer<Instant> {
        private static final long serialVersionUID = 1L;

        InstantSerializer() {
            super(Instant.class);
        }

        @Override
        public void serialize(Instant value, JsonGenerator gen, SerializerProvider provider) throws IOException {
            gen.writeString(value.toString());
        }
    }

    /** Reads an instant. */
    static final class InstantDeserializer extends StdScalarDeserializer<Instant> {
        private static final long serialVersionUID = 1L;

        InstantDeserializer() {
            super(Instant.class);
        }

        @Override
        public Instant deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
            return parse(p, ctxt, Instant.class, Instant::parse, "an ISO-8601 instant such as 2026-11-22T10:15:30Z");
        }
    }

    /** Writes a duration. */
    static final class DurationSerializer extends StdScalarSerializer<Duration> {
        private static final long serialVersionUID = 1L;

        DurationSerializer() {
            super(Duration.class);
        }

        @Override
        public void serialize(Duration value, JsonGenerator gen, SerializerProvider provider) throws IOException {
            gen.writeString(value.toString());
        }
    }

    /** Reads a duration. */
    static final class DurationDeserializer extends StdScalarDeserializer<Duration> {
        private static final long serialVersionUID = 1L;

        DurationDeserializer() {
            super(Duration.class);
        }

        @Override
        public Duration deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
            return duration(p, ctxt);
        }
    }

    /**
     * Reads an ISO-8601 duration.
     *
     * @param p the parser, at the value
     * @param ctxt the context
     * @return the duration
     * @throws IOException an {@link com.fasterxml.jackson.databind.exc.InvalidFormatException} for anything else
     */
    static Duration duration(JsonParser p, DeserializationContext ctxt) throws IOException {
        return parse(p, ctxt, Duration.class, Duration::parse, "an ISO-8601 duration such as PT30M or PT3M25S");
    }

    private static <T> T parse(JsonParser p, DeserializationContext ctxt, Class<T> type, Function<String, T> parser,
            String expected) throws IOException {
        if (!p.hasToken(JsonToken.VALUE_STRING)) {
            return type.cast(ctxt.handleUnexpectedToken(type, p.currentToken(), p, "expected %s", expected));
        }
        String text = p.getText();
        try {
            return parser.apply(text.trim());
        } catch (DateTimeException e) {
            return type.cast(ctxt.handleWeirdStringValue(type, text, "expected %s", expected));
        }
    }
}
