package dev.shuffify.model;

import java.util.List;
import java.util.Objects;

/**
 * What a snapshot restore did. A restore never truncates the playlist: it brings back every entry the music
 * service lets it write, around the ones it cannot. Local files and unavailable entries cannot be added or
 * removed through the service's API, so a restore can be incomplete; then {@link #notRestored()} and
 * {@link #notRemoved()} say exactly which entries, and every other entry is where the snapshot has it.
 *
 * @param safety the {@link SnapshotType#AUTO_PRE_RESTORE} snapshot of the state before the restore (so the
 *     restore can itself be undone); never null
 * @param playlistId the restored playlist; never null
 * @param notRestored the snapshot's entries that are no longer in the playlist and that the service will not
 *     take back (local files, {@value Track#UNAVAILABLE_URI}), in snapshot order; never null
 * @param notRemoved entries the playlist holds that the snapshot has not and that the service will not remove;
 *     they were kept, after the snapshot's entries; never null
 * @param writeCalls the write calls the restore made
 * @since 0.1.0
 */
public record RestoreResult(Snapshot safety, String playlistId, List<String> notRestored, List<String> notRemoved,
        int writeCalls) {

    /**
     * Validates and copies.
     *
     * @param safety the snapshot taken before the restore; never null
     * @param playlistId the restored playlist; never null
     * @param notRestored the snapshot's entries that could not be brought back; never null
     * @param notRemoved the entries that could not be removed; never null
     * @param writeCalls the write calls made; not negative
     */
    public RestoreResult {
        Objects.requireNonNull(safety, "safety");
        Objects.requireNonNull(playlistId, "playlistId");
        notRestored = List.copyOf(notRestored);
        notRemoved = List.copyOf(notRemoved);
        if (writeCalls < 0) {
            throw new IllegalArgumentException("writeCalls must not be negative, got " + writeCalls);
        }
    }

    /**
     * Whether the playlist now holds exactly the snapshot's entries in the snapshot's order.
     *
     * @return true when nothing was left out or left over
     */
    public boolean complete() {
        return notRestored.isEmpty() && notRemoved.isEmpty();
    }
}
