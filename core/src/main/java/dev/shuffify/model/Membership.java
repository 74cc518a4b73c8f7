package dev.shuffify.model;

import java.time.Instant;
import java.util.Objects;

/**
 * The engine's record of one track's membership in one playlist.
 *
 * @param playlistId the playlist; never blank
 * @param uri the track; never blank
 * @param firstSeenAt when the engine first saw the track in the playlist (since it last entered); never null
 * @param leftAt when the engine saw it gone; null while it is in the playlist
 * @since 0.1.0
 */
public record Membership(String playlistId, String uri, Instant firstSeenAt, Instant leftAt) {
    /**
     * Validates.
     *
     * @param playlistId the playlist; never blank
     * @param uri the track; never blank
     * @param firstSeenAt when the engine first saw the track in the playlist (since it last entered); never null
     * @param leftAt when the engine saw it gone; null while it is in the playlist
     */
    public Membership {
        Objects.requireNonNull(playlistId, "playlistId");
        Objects.requireNonNull(uri, "uri");
        Objects.requireNonNull(firstSeenAt, "firstSeenAt");
    }

    /**
     * Whether the track is in the playlist as far as the engine knows.
     *
     * @return true when it has not left
     */
    public boolean isPresent() {
        return leftAt == null;
    }

    /**
     * The record of a uri entering a playlist: first seen at the earlier of the observation and the music
     * service's added date (the service knows how long it has been there before the engine first looked),
     * never before the uri last left it.
     *
     * @param playlistId the playlist
     * @param uri the track
     * @param at the observation; never null
     * @param addedAt the service's added date; null when unknown
     * @param previous the uri's earlier record in the playlist (it left); null when there is none
     * @return a present record
     * @since 0.2.0
     */
    public static Membership entering(String playlistId, String uri, Instant at, Instant addedAt,
            Membership previous) {
        Objects.requireNonNull(at, "at");
        Instant t = addedAt != null && addedAt.isBefore(at) ? addedAt : at;
        if (previous != null && previous.leftAt() != null && t.isBefore(previous.leftAt())) {
            t = previous.leftAt();
        }
        return new Membership(playlistId, uri, t, null);
    }
}
