package dev.shuffify.store;

import dev.shuffify.model.Membership;
import java.time.Instant;
import java.util.Collection;
import java.util.Map;

/**
 * Stores when tracks entered and left playlists.
 *
 * @since 0.1.0
 */
public interface MembershipStore {

    /**
     * Records what a playlist holds at a time: uris not present before get {@code firstSeenAt = at} (a uri
     * that had left re-enters with a new first-seen time), present uris keep theirs, and present records
     * whose uri is no longer in {@code uris} get {@code leftAt = at}.
     *
     * @param playlistId the playlist
     * @param uris what it holds now (duplicates allowed)
     * @param at the time of the observation
     */
    void observe(String playlistId, Collection<String> uris, Instant at);

    /**
     * Every record of a playlist, present and left.
     *
     * @param playlistId the playlist
     * @return uri → record; never null
     */
    Map<String, Membership> find(String playlistId);
}
