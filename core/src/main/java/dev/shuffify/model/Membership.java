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
}
