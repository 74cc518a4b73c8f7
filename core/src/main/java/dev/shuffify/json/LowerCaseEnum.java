package dev.shuffify.json;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.deser.std.StdScalarDeserializer;
import com.fasterxml.jackson.databind.ser.std.StdScalarSerializer;
import java.io.IOException;
import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * A model enum as its lower-case name, e.g. {@code failed_rolled_back} (the wire name the store and the
 * documentation use); read case-insensitively, anything else refused with the allowed names.
 */
final class LowerCaseEnum {
    private LowerCaseEnum() {
    }

    /**
     * Writes an enum's lower-case name.
     *
     * @param <E> the enum
     */
    static final class Serializer<E extends Enum<E>> extends StdScalarSerializer<E> {
        private static final long serialVersionUID = 1L;

        Serializer(Class<E> type) {
            super(type);
        }

        @Override
        public void serialize(E value, JsonGenerator gen, SerializerProvider provider) throws IOException {
            gen.writeString(wireName(value));
        }
    }

    /**
     * Reads an enum from its name in any case.
     *
     * @param <E> the enum
     */
    static final class Deserializer<E extends Enum<E>> extends StdScalarDeserializer<E> {
        private static final long serialVersionUID = 1L;
        private final Class<E> type;

        Deserializer(Class<E> type) {
            super(type);
            this.type = type;
        }

        @Override
        public E deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
            if (!p.hasToken(JsonToken.VALUE_STRING)) {
                return type.cast(ctxt.handleUnexpectedToken(type, p.currentToken(), p, "expected one of %s",
                        allowed()));
            }
            String text = p.getText().trim();
            for (E constant : type.getEnumConstants()) {
                if (constant.name().equalsIgnoreCase(text)) {
                    return constant;
                }
            }
            return type.cast(ctxt.handleWeirdStringValue(type, text, "allowed: %s", allowed()));
        }

        private String allowed() {
            return Arrays.stream(type.getEnumConstants()).map(LowerCaseEnum::wireName)
                    .collect(Collectors.joining(", "));
        }
    }

    static String wireName(Enum<?> value) {
        return value.name().toLowerCase(Locale.ROOT);
    }
}
