package dev.shuffify.store;

import dev.shuffify.model.Snapshot;
import java.util.List;
import java.util.Optional;

/**
 * Stores snapshots.
 *
 * @since 0.1.0
 */
public interface SnapshotStore {

    /**
     * Stores a snapshot.
     *
     * @param snapshot the snapshot
     */
    void save(Snapshot snapshot);

    /**
     * Finds a snapshot.
     *
     * @param id the id
     * @return the snapshot, or empty
     */
    Optional<Snapshot> find(String id);

    /**
     * A user's snapshots of a playlist, newest first.
     *
     * @param userId the owner
     * @param playlistId the playlist
     * @return never null
     */
    List<Snapshot> listByPlaylist(String userId, String playlistId);

    /**
     * Deletes a snapshot.
     *
     * @param id the id
     * @return whether it existed
     */
    boolean delete(String id);

    /**
     * Keeps the newest {@code keep} snapshots of a user's playlist.
     *
     * @param userId the owner
     * @param playlistId the playlist
     * @param keep how many to keep
     * @return how many were deleted
     */
    int prune(String userId, String playlistId, int keep);

    /**
     * Keeps the newest {@code keep} snapshots of every user's playlist, deleting older ones.
     *
     * @param keep how many to keep per playlist
     * @return how many were deleted
     */
    int pruneEachPlaylist(int keep);
}
