package dev.shuffify.json;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.deser.std.StdScalarDeserializer;
import com.fasterxml.jackson.databind.ser.std.StdScalarSerializer;
import java.io.IOException;
import java.time.DateTimeException;
import java.util.function.Function;

/**
 * A model value written and read as one JSON string: the one home of the module's text serializers (instants,
 * durations, snapshot types). A value that is not a string, or a string that does not parse, is refused with
 * Jackson's own exception, saying what was expected.
 */
final class TextScalar {
    private TextScalar() {
    }

    /** Writes a value as its text. */
    abstract static class Serializer<T> extends StdScalarSerializer<T> {
        private static final long serialVersionUID = 1L;
        private final transient Function<T, String> text;

        Serializer(Class<T> type, Function<T, String> text) {
            super(type);
            this.text = text;
        }

        @Override
        public void serialize(T value, JsonGenerator gen, SerializerProvider provider) throws IOException {
            gen.writeString(text.apply(value));
        }
    }

    /** Reads a value from its text. */
    abstract static class Deserializer<T> extends StdScalarDeserializer<T> {
        private static final long serialVersionUID = 1L;
        private final Class<T> type;
        private final transient Function<String, T> parser;
        private final String expected;
        private final boolean explainRefusal;

        /**
         * A reader.
         *
         * @param type the value's type
         * @param parser parses the trimmed text; throws {@link DateTimeException} or
         *     {@link IllegalArgumentException} when it is not a value
         * @param expected what a value looks like, for the error
         * @param explainRefusal whether the error gives the parser's message (bounded by the parser) instead of
         *     {@code expected}
         */
        Deserializer(Class<T> type, Function<String, T> parser, String expected, boolean explainRefusal) {
            super(type);
            this.type = type;
            this.parser = parser;
            this.expected = expected;
            this.explainRefusal = explainRefusal;
        }

        @Override
        public T deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
            return parse(p, ctxt, type, parser, expected, explainRefusal);
        }
    }

    /**
     * Reads a value from the string at the parser.
     *
     * @param p the parser, at the value
     * @param ctxt the context
     * @param type the value's type
     * @param parser parses the trimmed text
     * @param expected what a value looks like, for the error
     * @param explainRefusal whether the error gives the parser's own message
     * @param <T> the value's type
     * @return the value
     * @throws IOException when it is not one
     */
    static <T> T parse(JsonParser p, DeserializationContext ctxt, Class<T> type, Function<String, T> parser,
            String expected, boolean explainRefusal) throws IOException {
        if (!p.hasToken(JsonToken.VALUE_STRING)) {
            return type.cast(ctxt.handleUnexpectedToken(type, p.currentToken(), p, "expected %s", expected));
        }
        String text = p.getText();
        try {
            return parser.apply(text.trim());
        } catch (DateTimeException | IllegalArgumentException e) {
            return type.cast(explainRefusal ? ctxt.handleWeirdStringValue(type, text, e.getMessage())
                    : ctxt.handleWeirdStringValue(type, text, "expected %s", expected));
        }
    }
}
