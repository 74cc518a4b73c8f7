package dev.shuffify.model;

/**
 * The album a track belongs to.
 *
 * @param id the service's album id; may be null for local files
 * @param name the display name; never null (may be empty)
 * @param releaseDate the release date as the service gives it ({@code 1999}, {@code 1999-05} or
 *     {@code 1999-05-12}); may be null
 * @since 0.1.0
 */
public record Album(String id, String name, String releaseDate) {
    /**
     * Normalises a null name to empty.
     *
     * @param id the service's album id; may be null for local files
     * @param name the display name; never null (may be empty)
     * @param releaseDate the release date as the service gives it ({@code 1999}, {@code 1999-05} or
     *     {@code 1999-05-12}); may be null
     */
    public Album {
        name = name == null ? "" : name;
    }

    /**
     * A key that identifies the album: the id when there is one, else the lower-cased name.
     *
     * @return never null
     */
    public String key() {
        return id != null && !id.isBlank() ? id : "name:" + name.toLowerCase(java.util.Locale.ROOT);
    }
}
