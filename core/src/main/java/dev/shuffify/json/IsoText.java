package dev.shuffify.json;

import com.fasterxml.jackson.annotation.JacksonAnnotationsInside;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.time.Duration;
import java.time.Instant;

/**
 * The model's points in time and lengths as ISO-8601 text ({@code 2026-11-22T10:15:30Z}, {@code PT3M25S}),
 * whatever the host's mapper does with {@code java.time} types elsewhere: the model's properties carry these
 * through mix-ins, so the module needs no {@code java.time} module and changes no other type's format.
 */
final class IsoText {
    private static final String DURATION = "an ISO-8601 duration such as PT30M or PT3M25S";

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
    static final class InstantSerializer extends TextScalar.Serializer<Instant> {
        private static final long serialVersionUID = 1L;

        InstantSerializer() {
            super(Instant.class, Instant::toString);
        }
    }

    /** Reads an instant. */
    static final class InstantDeserializer extends TextScalar.Deserializer<Instant> {
        private static final long serialVersionUID = 1L;

        InstantDeserializer() {
            super(Instant.class, Instant::parse, "an ISO-8601 instant such as 2026-11-22T10:15:30Z", false);
        }
    }

    /** Writes a duration. */
    static final class DurationSerializer extends TextScalar.Serializer<Duration> {
        private static final long serialVersionUID = 1L;

        DurationSerializer() {
            super(Duration.class, Duration::toString);
        }
    }

    /** Reads a duration. */
    static final class DurationDeserializer extends TextScalar.Deserializer<Duration> {
        private static final long serialVersionUID = 1L;

        DurationDeserializer() {
            super(Duration.class, Duration::parse, DURATION, false);
        }
    }
}
