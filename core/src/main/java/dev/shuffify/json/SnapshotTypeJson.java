package dev.shuffify.json;

import dev.shuffify.model.SnapshotType;

/** A {@link SnapshotType} as its name, e.g. {@code auto_pre_shuffle}; read in any case. */
final class SnapshotTypeJson {
    private SnapshotTypeJson() {
    }

    /** Writes the name. */
    static final class Serializer extends TextScalar.Serializer<SnapshotType> {
        private static final long serialVersionUID = 1L;

        Serializer() {
            super(SnapshotType.class, SnapshotType::name);
        }
    }

    /** Reads a name; anything that is not one is refused saying what a name is. */
    static final class Deserializer extends TextScalar.Deserializer<SnapshotType> {
        private static final long serialVersionUID = 1L;

        Deserializer() {
            super(SnapshotType.class, SnapshotType::of, "a snapshot type name such as auto_pre_shuffle", true);
        }
    }
}
