package dev.shuffify.service;

import dev.shuffify.error.NotFoundException;
import dev.shuffify.error.PlaylistNotFoundException;
import dev.shuffify.error.ShuffifyException;
import dev.shuffify.error.ValidationException;
import dev.shuffify.model.RestoreResult;
import dev.shuffify.model.Snapshot;
import java.util.List;

/**
 * A user's snapshots: copies of a playlist's entries, taken before a job writes or by hand, that can be
 * written back.
 *
 * <pre>{@code
 * Snapshot before = shuffify.snapshots().take("alice", playlistId);
 * RestoreResult undo = shuffify.snapshots().restore("alice", before.id());
 * }</pre>
 *
 * @since 0.3.0
 */
public interface SnapshotService {

    /**
     * A playlist's snapshots, newest first.
     *
     * @param userId the owner
     * @param playlistId the playlist
     * @return the snapshots
     */
    List<Snapshot> list(String userId, String playlistId);

    /**
     * Takes a manual snapshot of one of the user's playlists.
     *
     * @param userId the owner
     * @param playlistId the playlist
     * @return the stored snapshot
     * @throws PlaylistNotFoundException when the playlist does not exist
     */
    Snapshot take(String userId, String playlistId);

    /**
     * Writes a snapshot back to its playlist, after taking an {@code auto_pre_restore} snapshot of the
     * current state (so a restore can itself be undone).
     *
     * <p>The restore never truncates: it moves the entries that stay into the snapshot's order, inserts the
     * missing ones and removes the extra ones, in the fewest calls, and never writes a local file or an
     * unavailable entry (the service refuses them). A snapshot entry of that kind that is no longer in the
     * playlist cannot be brought back: the result names it ({@link RestoreResult#notRestored()}), and every
     * other entry is restored around it.
     *
     * @param userId the owner
     * @param snapshotId the snapshot
     * @return what the restore did, with the {@code auto_pre_restore} snapshot taken first
     * @throws NotFoundException when the user has no such snapshot
     * @throws ValidationException when the playlist is no longer the user's own (nothing is written)
     * @throws ShuffifyException when a job is running on the playlist, or the service fails
     */
    RestoreResult restore(String userId, String snapshotId);
}
