package dev.shuffify.json;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.deser.std.StdScalarDeserializer;
import com.fasterxml.jackson.databind.ser.std.StdScalarSerializer;
import dev.shuffify.model.SnapshotType;
import java.io.IOException;

/** A {@link SnapshotType} as its name, e.g. {@code auto_pre_shuffle}; read in any case. */
final class SnapshotTypeJson {
    private SnapshotTypeJson() {
    }

    /** Writes the name. */
    static final class Serializer extends StdScalarSerializer<SnapshotType> {
        private static final long serialVersionUID = 1L;

        Serializer() {
            super(SnapshotType.class);
        }

        @Override
        public void serialize(SnapshotType value, JsonGenerator gen, SerializerProvider provider) throws IOException {
            gen.writeString(value.name());
        }
    }

    /** Reads a name; anything that is not one is refused saying what a name is. */
    static final class Deserializer extends StdScalarDeserializer<SnapshotType> {
        private static final long serialVersionUID = 1L;

        Deserializer() {
            super(SnapshotType.class);
        }

        @Override
        public SnapshotType deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
            if (!p.hasToken(JsonToken.VALUE_STRING)) {
                return (SnapshotType) ctxt.handleUnexpectedToken(SnapshotType.class, p.currentToken(), p,
                        "expected a snapshot type name such as auto_pre_shuffle");
            }
            String text = p.getText();
            try {
                return SnapshotType.of(text);
            } catch (IllegalArgumentException e) {
                return (SnapshotType) ctxt.handleWeirdStringValue(SnapshotType.class, text, e.getMessage());
            }
        }
    }
}
