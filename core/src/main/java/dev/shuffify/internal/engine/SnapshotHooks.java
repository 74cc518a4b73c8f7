package dev.shuffify.internal.engine;

import dev.shuffify.error.JobExecutionException;
import dev.shuffify.model.JobIntent;
import dev.shuffify.model.Playlist;
import dev.shuffify.model.Schedule;
import dev.shuffify.model.SnapshotType;
import dev.shuffify.model.Track;
import dev.shuffify.model.UserSettings;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Before the first write to each playlist: records the run's intent (the playlist's pre-job state, for the
 * repair of an interrupted run) and takes the auto-snapshot; on reads, records membership.
 */
final class SnapshotHooks implements TrackingPlaylistService.Hooks {
    private static final Logger LOG = LoggerFactory.getLogger(ExecutionEngine.class);
    private final EngineConfig config;
    private final SnapshotKeeper snapshots;
    private final WriteChecks membership;
    private final Supplier<List<String>> playlists;
    private final Schedule schedule;
    private final UserSettings settings;
    private final List<String> warnings;
    private final String executionId;
    SnapshotType snapshotType = SnapshotType.SCHEDULED_PRE_EXECUTION;
    private int taken;
    private JobIntent intent;

    /**
     * @param playlists the playlists the run writes (its intent names them)
     * @param executionId the run's execution, or null for a dry run (no intent)
     */
    SnapshotHooks(EngineConfig config, SnapshotKeeper snapshots, WriteChecks membership, Supplier<List<String>> playlists,
            Schedule schedule, UserSettings settings, List<String> warnings, String executionId) {
        this.config = config;
        this.snapshots = snapshots;
        this.membership = membership;
        this.playlists = playlists;
        this.schedule = schedule;
        this.settings = settings;
        this.warnings = warnings;
        this.executionId = executionId;
    }

    boolean snapshotTaken() {
        return taken > 0;
    }

    @Override
    public void observed(Playlist playlist) {
        Map<String, Instant> addedAt = new HashMap<>();
        for (Track t : playlist.items()) {
            if (t.addedAt() != null) {
                addedAt.merge(t.uri(), t.addedAt(), (a, b) -> a.isBefore(b) ? a : b);
            }
        }
        membership.observe(playlist.id(), playlist.uris(), addedAt);
    }

    @Override
    public void beforeFirstWrite(Playlist before) {
        recordIntent(before);
        if (!settings.autoSnapshot()) {
            return;
        }
        try {
            snapshots.store(schedule.userId(), before, snapshotType,
                    "schedule " + schedule.id() + " (" + config.jobTypes().summary(schedule.job()) + ")");
            taken++;
        } catch (RuntimeException e) {
            LOG.warn("snapshot of playlist {} failed; the job goes on", before.id(), e);
            warnings.add("snapshot of playlist '" + before.id() + "' failed: " + e.getMessage());
        }
    }

    /**
     * Durably records the playlist's pre-job state in the run's intent before the write is sent, whatever the
     * auto-snapshot setting; a run whose intent cannot be stored does not write.
     */
    private void recordIntent(Playlist before) {
        if (executionId == null) {
            return;
        }
        JobIntent.PlaylistBefore state = new JobIntent.PlaylistBefore(before.id(), before.name(), before.uris());
        JobIntent next = intent == null
                ? new JobIntent(executionId, schedule.id(), schedule.userId(), schedule.jobType(),
                        config.clock().instant(), playlists.get(), List.of(state))
                : intent.withBefore(state);
        try {
            config.store().intents().save(next);
        } catch (RuntimeException e) {
            throw new JobExecutionException("could not record the job's intent before its first write to "
                    + "playlist '" + before.id() + "', so nothing was written to it: " + e.getMessage(), e);
        }
        intent = next;
    }
}
