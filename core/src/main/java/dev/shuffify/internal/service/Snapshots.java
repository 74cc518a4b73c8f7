package dev.shuffify.internal.service;

import dev.shuffify.error.NotFoundException;
import dev.shuffify.error.ShuffifyException;
import dev.shuffify.error.ValidationException;
import dev.shuffify.internal.engine.PlaylistRestore;
import dev.shuffify.model.ActivityType;
import dev.shuffify.model.Playlist;
import dev.shuffify.model.RestoreResult;
import dev.shuffify.model.Snapshot;
import dev.shuffify.model.SnapshotType;
import dev.shuffify.service.SnapshotService;
import dev.shuffify.spi.PlaylistService;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The {@link SnapshotService}: listing, manual snapshots, and the restore workflow. */
public final class Snapshots implements SnapshotService {
    private final ServiceContext c;

    /**
     * Creates the service.
     *
     * @param context what the services share
     */
    public Snapshots(ServiceContext context) {
        this.c = context;
    }

    @Override
    public List<Snapshot> list(String userId, String playlistId) {
        Check.userId(userId);
        Check.id("playlistId", playlistId);
        return c.store().snapshots().listByPlaylist(userId, playlistId);
    }

    @Override
    public Snapshot take(String userId, String playlistId) {
        Check.userId(userId);
        Check.id("playlistId", playlistId);
        Playlist playlist = c.engine().connect(userId).playlist(playlistId);
        return c.engine().storeSnapshot(userId, playlist, SnapshotType.MANUAL, "manual");
    }

    @Override
    public RestoreResult restore(String userId, String snapshotId) {
        Check.userId(userId);
        Check.id("snapshotId", snapshotId);
        Snapshot snapshot = c.store().snapshots().find(snapshotId).filter(s -> s.userId().equals(userId))
                .orElseThrow(() -> new NotFoundException("snapshot", snapshotId));
        PlaylistService service = c.engine().connect(userId);
        RestoreResult result = c.engine().withPlaylistLock(snapshot.playlistId(),
                () -> writeBack(userId, service, snapshot))
                .orElseThrow(() -> new ShuffifyException("a job is running on playlist '" + snapshot.playlistId()
                        + "'; try the restore again when it has finished"));
        logRestore(userId, snapshot, result);
        return result;
    }

    /** Under the playlist's lock: checks ownership, snapshots the current state, writes the snapshot back. */
    private RestoreResult writeBack(String userId, PlaylistService service, Snapshot snapshot) {
        Playlist current = service.playlist(snapshot.playlistId());
        if (current.ownerId() != null && !current.ownerId().equals(service.currentUserId())) {
            throw new ValidationException("snapshotId", "playlist '" + snapshot.playlistId()
                    + "' is no longer the user's own; it cannot be restored");
        }
        Snapshot pre = c.engine().storeSnapshot(userId, current, SnapshotType.AUTO_PRE_RESTORE,
                "before restoring snapshot " + snapshot.id());
        PlaylistRestore.Outcome outcome = PlaylistRestore.restore(service, snapshot.playlistId(), snapshot.uris());
        return new RestoreResult(pre, snapshot.playlistId(), outcome.notRestored(), outcome.notRemoved(),
                outcome.calls());
    }

    private void logRestore(String userId, Snapshot snapshot, RestoreResult result) {
        Map<String, Object> meta = new LinkedHashMap<>();
        meta.put("snapshotId", snapshot.id());
        meta.put("playlistId", snapshot.playlistId());
        meta.put("tracks", snapshot.size());
        meta.put("notRestored", result.notRestored());
        meta.put("notRemoved", result.notRemoved());
        c.logActivity(userId, ActivityType.SNAPSHOT_RESTORED, "restored a snapshot of " + snapshot.playlistName()
                + shortfall(result), meta);
    }

    private static String shortfall(RestoreResult result) {
        if (result.complete()) {
            return "";
        }
        int lost = result.notRestored().size();
        return " as far as the service allows: " + lost + " entr" + (lost == 1 ? "y" : "ies")
                + " could not be brought back"
                + (result.notRestored().isEmpty() ? "" : " (" + String.join(", ", result.notRestored()) + ")")
                + (result.notRemoved().isEmpty() ? "" : ", " + result.notRemoved().size()
                        + " could not be removed (" + String.join(", ", result.notRemoved()) + ")");
    }
}
