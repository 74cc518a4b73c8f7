package dev.shuffify.store;

import java.time.Instant;
import java.util.Optional;

/**
 * Leases of playlists across nodes: a run holds one for every playlist it may write (the target, a rotation's
 * archive, a drip's staging playlist, …) from before its first read until its outcome is recorded, so two nodes
 * sharing a database never write one playlist at once. A lease names its holder (the execution's id) and ends
 * at a time: the lease of a host that died expires by itself, and the repair of the run it abandoned takes its
 * leases over.
 *
 * <p>Implementations must be atomic across every node of the store: of two nodes asking for the same free
 * playlist at the same moment, exactly one gets it.
 *
 * @since 0.2.0
 */
public interface PlaylistLeaseStore {

    /** A store without shared leases: every request is granted (each node's own locks still apply). */
    PlaylistLeaseStore UNSHARED = new PlaylistLeaseStore() {
        @Override
        public boolean tryAcquire(String playlistId, String holder, String takeOverFrom, Instant until,
                Instant now) {
            return true;
        }

        @Override
        public void release(String playlistId, String holder) {
        }

        @Override
        public Optional<String> holder(String playlistId, Instant now) {
            return Optional.empty();
        }
    };

    /**
     * Takes the lease of a playlist until {@code until}. Granted when nobody holds it, when its lease has
     * expired at {@code now}, or when {@code holder} or {@code takeOverFrom} holds it; refused (false, nothing
     * changed) while another holder's lease runs.
     *
     * @param playlistId the playlist; never blank
     * @param holder who takes it (an execution id); never blank
     * @param takeOverFrom a holder whose lease may be taken over (the run a repair finishes), or null
     * @param until when the lease ends unless released first
     * @param now the current time
     * @return whether the lease is now {@code holder}'s
     */
    boolean tryAcquire(String playlistId, String holder, String takeOverFrom, Instant until, Instant now);

    /**
     * Ends a lease; nothing happens when {@code holder} does not hold it (it expired and another took it).
     *
     * @param playlistId the playlist
     * @param holder the holder
     */
    void release(String playlistId, String holder);

    /**
     * Who holds a playlist's lease.
     *
     * @param playlistId the playlist
     * @param now the current time
     * @return the holder of a lease that has not expired at {@code now}, or empty
     */
    Optional<String> holder(String playlistId, Instant now);
}
