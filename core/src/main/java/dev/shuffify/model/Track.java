package dev.shuffify.model;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * One entry of a playlist, or a playable item of the catalogue.
 *
 * <p>A playlist read from the service holds every entry at the position the service counts it: catalogue
 * tracks, podcast episodes, local files and unavailable entries (the service answers a {@code null} item
 * for content removed from the catalogue or blocked in the user's market). Only tracks and episodes can be
 * written back through the service's API ({@link #writable()}); local files and unavailable entries can be
 * moved but never added, replaced or removed, so a write plan must work around them.
 *
 * <p>Tests and in-memory playlists build tracks with the factories and copy them with {@code with…}:
 * <pre>{@code
 * Track song = Track.of("t1", "Song", new Artist("a1", "Artist"), new Album("al1", "Album", "2024-01-01"))
 *         .withAddedAt(Instant.parse("2025-06-01T00:00:00Z"));   // as if added to the playlist then
 * Track bare = Track.ofUri("spotify:track:t2");
 * }</pre>
 *
 * @param uri the service uri, e.g. {@code spotify:track:4uLU6hMCjMI75M1A2tKUQC}; never blank. Local files
 *     have uris too ({@code spotify:local:…}); an unavailable entry has {@value #UNAVAILABLE_URI}.
 * @param id the service id; null for local files
 * @param name the title; never null
 * @param artists the credited artists, first is primary; never null, may be empty
 * @param album the album; may be null
 * @param duration the length; never null (zero when unknown)
 * @param popularity 0–100, 0 when unknown
 * @param addedAt when the track was added to the playlist it was read from; null outside a playlist or when
 *     the service does not say
 * @param kind what the entry is; never null
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
        Kind kind) {

    /**
     * The uri of every unavailable entry: the service answers no item for it, so it has no uri of its own.
     * Counting these keeps positions and multisets right; no write may carry this uri.
     */
    public static final String UNAVAILABLE_URI = "shuffify:unavailable";

    /**
     * What a playlist entry is.
     *
     * @since 0.1.0
     */
    public enum Kind {
        /** A catalogue track ({@code spotify:track:…}); can be written back. */
        TRACK,
        /** A podcast episode ({@code spotify:episode:…}); can be written back. */
        EPISODE,
        /** A local file ({@code spotify:local:…}); the service refuses it on every write. */
        LOCAL,
        /** Content the service no longer serves (a {@code null} item); it has no uri and cannot be written. */
        UNAVAILABLE,
        /** An item of a type this library does not know; kept in place, never written. */
        OTHER;

        /**
         * Whether entries of this kind can be added, replaced or removed through the service's API.
         *
         * @return true for tracks and episodes
         */
        public boolean writable() {
            return this == TRACK || this == EPISODE;
        }

        /**
         * The kind a uri names: {@code spotify:local:} is a local file, {@code spotify:episode:} an episode,
         * {@value Track#UNAVAILABLE_URI} unavailable, {@code spotify:track:} a track, anything else other.
         *
         * @param uri the uri; never null
         * @return never null
         */
        public static Kind ofUri(String uri) {
            if (uri.startsWith("spotify:track:")) {
                return TRACK;
            }
            if (uri.startsWith("spotify:episode:")) {
                return EPISODE;
            }
            if (uri.startsWith("spotify:local:")) {
                return LOCAL;
            }
            return uri.equals(UNAVAILABLE_URI) ? UNAVAILABLE : OTHER;
        }
    }

    /**
     * Validates the uri and copies the artists.
     *
     * @param uri the service uri, e.g. {@code spotify:track:4uLU6hMCjMI75M1A2tKUQC}; never blank. Local files
     *     have uris too ({@code spotify:local:…}); an unavailable entry has {@value #UNAVAILABLE_URI}.
     * @param id the service id; null for local files
     * @param name the title; never null
     * @param artists the credited artists, first is primary; never null, may be empty
     * @param album the album; may be null
     * @param duration the length; never null (zero when unknown)
     * @param popularity 0–100, 0 when unknown
     * @param addedAt when the track was added to the playlist it was read from; null outside a playlist or when
     *     the service does not say
     * @param kind what the entry is; never null
     */
    public Track {
        Objects.requireNonNull(uri, "uri");
        if (uri.isBlank()) {
            throw new IllegalArgumentException("track uri must not be blank");
        }
        name = name == null ? "" : name;
        artists = artists == null ? List.of() : List.copyOf(artists);
        duration = duration == null ? Duration.ZERO : duration;
        kind = kind == null ? Kind.ofUri(uri) : kind;
    }

    /**
     * A track whose kind is read from its uri, or {@link Kind#LOCAL} when {@code local} is set.
     *
     * @param uri the uri; never blank
     * @param id the service id, may be null
     * @param name the title, may be null
     * @param artists the artists, may be null
     * @param album the album, may be null
     * @param duration the length, may be null
     * @param popularity 0–100
     * @param addedAt when it was added to its playlist, may be null
     * @param local whether it is a local file
     */
    public Track(String uri, String id, String name, List<Artist> artists, Album album, Duration duration,
            int popularity, Instant addedAt, boolean local) {
        this(uri, id, name, artists, album, duration, popularity, addedAt, local ? Kind.LOCAL : null);
    }

    /**
     * An unavailable entry: the service kept its position but serves no item for it.
     *
     * @param addedAt when it was added, may be null
     * @return an entry of kind {@link Kind#UNAVAILABLE}
     */
    public static Track unavailable(Instant addedAt) {
        return new Track(UNAVAILABLE_URI, null, "", List.of(), null, Duration.ZERO, 0, addedAt, Kind.UNAVAILABLE);
    }

    /**
     * Whether this is a local file.
     *
     * @return true for {@link Kind#LOCAL}
     */
    public boolean local() {
        return kind == Kind.LOCAL;
    }

    /**
     * Whether this entry can be added, replaced or removed through the service's API (tracks and
     * episodes). Local files, unavailable entries and unknown kinds can only be moved.
     *
     * @return whether writes may carry this entry's uri
     */
    public boolean writable() {
        return kind.writable();
    }

    /**
     * A track known only by its uri (id taken from the uri's last segment for {@code spotify:track:} uris).
     *
     * @param uri the uri
     * @return a track with no metadata
     */
    public static Track ofUri(String uri) {
        return new Track(uri, idFromUri(uri), "", List.of(), null, Duration.ZERO, 0, null, Kind.ofUri(uri));
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
                null, Kind.TRACK);
    }

    /**
     * The same track with another {@code addedAt}: when it was added to the playlist it is in. Use it to seed an
     * in-memory playlist whose tracks have known added dates (rotation and {@code newest_first} order by them;
     * the in-memory service keeps a date it is given and stamps its clock's now on tracks without one).
     *
     * @param when the new value, may be null
     * @return a copy
     */
    public Track withAddedAt(Instant when) {
        return new Track(uri, id, name, artists, album, duration, popularity, when, kind);
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
