package dev.shuffify.spi;

import java.time.Instant;
import java.util.Map;
import java.util.Optional;

/**
 * The engine's record of when tracks entered and left playlists. The engine observes every playlist a job
 * reads, so this knows when a track was first seen even after a shuffle reset the service's
 * {@code addedAt}.
 *
 * @since 0.1.0
 */
public interface MembershipHistory {

    /**
     * When each track currently in the playlist was first seen there (since it last entered).
     *
     * @param playlistId the playlist
     * @return uri → first-seen time; never null
     */
    Map<String, Instant> firstSeen(String playlistId);

    /**
     * When a track was last seen leaving the playlist.
     *
     * @param playlistId the playlist
     * @param uri the track
     * @return the time, or empty when it never left (or was never seen)
     */
    Optional<Instant> leftAt(String playlistId, String uri);
}
