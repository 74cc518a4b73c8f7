package dev.shuffify.internal.engine;

import dev.shuffify.model.Playlist;
import dev.shuffify.model.Snapshot;
import dev.shuffify.model.SnapshotType;
import dev.shuffify.model.UserSettings;
import dev.shuffify.store.ShuffifyStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Stores snapshots within the owner's retention, and reads the settings that govern them. */
final class SnapshotKeeper {
    private static final Logger LOG = LoggerFactory.getLogger(ExecutionEngine.class);
    private final EngineConfig config;
    private final ShuffifyStore store;

    SnapshotKeeper(EngineConfig config) {
        this.config = config;
        this.store = config.store();
    }

    /** A user's settings, defaults when none are stored or the store fails. */
    UserSettings settings(String userId) {
        try {
            return store.settings().find(userId).orElse(UserSettings.DEFAULTS);
        } catch (RuntimeException e) {
            LOG.warn("could not read the settings of user {}; using defaults", userId, e);
            return UserSettings.DEFAULTS;
        }
    }

    /** Stores a snapshot of a playlist and prunes older ones to the user's retention. */
    Snapshot store(String userId, Playlist playlist, SnapshotType type, String trigger) {
        Snapshot snapshot = new Snapshot(config.ids().get(), userId, playlist.id(), playlist.name(), playlist.uris(),
                type, trigger, config.clock().instant());
        store.snapshots().save(snapshot);
        try {
            store.snapshots().prune(userId, playlist.id(), settings(userId).snapshotRetention());
        } catch (RuntimeException e) {
            LOG.warn("could not prune snapshots of playlist {}", playlist.id(), e);
        }
        return snapshot;
    }
}
