package dev.shuffify.model;

/**
 * An artist credited on a track.
 *
 * @param id the service's artist id; may be null for local files
 * @param name the display name; never null (may be empty)
 * @since 0.1.0
 */
public record Artist(String id, String name) {
    /**
     * Normalises a null name to empty.
     *
     * @param id the service's artist id; may be null for local files
     * @param name the display name; never null (may be empty)
     */
    public Artist {
        name = name == null ? "" : name;
    }

    /**
     * A key that identifies the artist: the id when there is one, else the lower-cased name.
     *
     * @return never null
     */
    public String key() {
        return id != null && !id.isBlank() ? id : "name:" + name.toLowerCase(java.util.Locale.ROOT);
    }
}
