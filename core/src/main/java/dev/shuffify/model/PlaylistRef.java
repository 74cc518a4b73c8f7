package dev.shuffify.model;

import java.util.Objects;

/**
 * A reference to a playlist by id, with the display name the user knows it by.
 *
 * @param id the service id; never blank
 * @param name the display name; never null (may be empty)
 * @since 0.1.0
 */
public record PlaylistRef(String id, String name) {
    /**
     * Validates the id.
     *
     * @param id the service id; never blank
     * @param name the display name; never null (may be empty)
     */
    public PlaylistRef {
        Objects.requireNonNull(id, "id");
        name = name == null ? "" : name;
    }

    /**
     * A reference without a display name.
     *
     * @param id the id
     * @return the reference
     */
    public static PlaylistRef of(String id) {
        return new PlaylistRef(id, "");
    }
}
