package dev.shuffify.model;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * A playable item, as it stands in a playlist or a catalogue.
 *
 * @param uri the service uri, e.g. {@code spotify:track:4uLU6hMCjMI75M1A2tKUQC}; never blank. Local files
 *     have uris too ({@code spotify:local:…}).
 * @param id the service id; null for local files
 * @param name the title; never null
 * @param artists the credited artists, first is primary; never null, may be empty
 * @param album the album; may be null
 * @param duration the length; never null (zero when unknown)
 * @param popularity 0–100, 0 when unknown
 * @param addedAt when the track was added to the playlist it was read from; null outside a playlist or when
 *     the service does not say
 * @param local whether this is a local file (not playable from the service's catalogue)
 * @since 0.1.0
 */
public record Track(
        String uri,
        String id,
        String name,
        List<Artist> artists,
        Album album,
        Duration duration,
        int popularity,
        Instant addedAt,
        boolean local) {

    /** Validates the uri and copies the artists. */
    public Track {
        Objects.requireNonNull(uri, "uri");
        if (uri.isBlank()) {
            throw new IllegalArgumentException("track uri must not be blank");
        }
        name = name == null ? "" : name;
        artists = artists == null ? List.of() : List.copyOf(artists);
        duration = duration == null ? Duration.ZERO : duration;
    }

    /**
     * A track known only by its uri (id taken from the uri's last segment for {@code spotify:track:} uris).
     *
     * @param uri the uri
     * @return a track with no metadata
     */
    public static Track ofUri(String uri) {
        return new Track(uri, idFromUri(uri), "", List.of(), null, Duration.ZERO, 0, null,
                uri.startsWith("spotify:local:"));
    }

    /**
     * A catalogue track by one artist.
     *
     * @param id the track id; the uri becomes {@code spotify:track:<id>}
     * @param name the title
     * @param artist the primary artist
     * @param album the album, may be null
     * @return the track
     */
    public static Track of(String id, String name, Artist artist, Album album) {
        return new Track("spotify:track:" + id, id, name, List.of(artist), album, Duration.ofMinutes(3), 50,
                null, false);
    }

    /**
     * The same track with another {@code addedAt}.
     *
     * @param when the new value, may be null
     * @return a copy
     */
    public Track withAddedAt(Instant when) {
        return new Track(uri, id, name, artists, album, duration, popularity, when, local);
    }

    /**
     * The key of the primary artist (see {@link Artist#key()}), or the uri when the track has no artist, so
     * that artist-aware algorithms never group unrelated unknowns together.
     *
     * @return never null
     */
    public String primaryArtistKey() {
        return artists.isEmpty() ? "uri:" + uri : artists.get(0).key();
    }

    /**
     * The album key (see {@link Album#key()}), or the uri when the track has no album.
     *
     * @return never null
     */
    public String albumKey() {
        return album == null ? "uri:" + uri : album.key();
    }

    private static String idFromUri(String uri) {
        if (uri.startsWith("spotify:track:")) {
            return uri.substring("spotify:track:".length());
        }
        return null;
    }
}
