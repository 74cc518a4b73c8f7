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
     * Records what a playlist holds, as {@link #observe(String, Collection, Instant)}, with what the music
     * service says about when each entry was added: a uri not present before gets the earlier of {@code at}
     * and its added date as its first-seen time, never earlier than when it last left
     * ({@link Membership#entering}), so the first observation of a playlist already knows how long its tracks
     * have been there. The built-in stores implement it; the default ignores the added dates.
     *
     * @param playlistId the playlist
     * @param uris what it holds now (duplicates allowed)
     * @param addedAt the service's added date of the earliest copy of a uri; may miss uris, never null
     * @param at the time of the observation
     * @since 0.2.0
     */
    default void observe(String playlistId, Collection<String> uris, Map<String, Instant> addedAt, Instant at) {
        observe(playlistId, uris, at);
    }

    /**
     * Every record of a playlist, present and left.
     *
     * @param playlistId the playlist
     * @return uri → record; never null
     */
    Map<String, Membership> find(String playlistId);
}
