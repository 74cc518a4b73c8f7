package dev.shuffify.testkit;

import dev.shuffify.Shuffify;
import dev.shuffify.error.JobExecutionException;
import dev.shuffify.memory.Call;
import dev.shuffify.model.Execution;
import dev.shuffify.model.Schedule;
import dev.shuffify.model.Snapshot;
import dev.shuffify.store.ShuffifyStore;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * One run through the {@link ExecutorHarness}: what the playlists and snapshots were before, the run as a
 * user's "run now", its calls, the snapshots it took and the entry check.
 */
final class OneRun {
    private final Shuffify shuffify;
    private final ShuffifyStore store;
    private final RecordingConnector recorder;
    private final PlaylistReader reader;
    private final String userId;

    /** A run; {@code reader} is null when the entry check is off. */
    OneRun(Shuffify shuffify, ShuffifyStore store, RecordingConnector recorder, PlaylistReader reader,
            String userId) {
        this.shuffify = shuffify;
        this.store = store;
        this.recorder = recorder;
        this.reader = reader;
        this.userId = userId;
    }

    HarnessRun run(String scheduleId) {
        Schedule schedule = shuffify.schedules().get(userId, scheduleId);
        Set<String> playlists = involved(schedule);
        Set<String> before = snapshotIds(playlists);
        Map<String, List<String>> entriesBefore = reader != null ? reader.all() : Map.of();
        int from = recorder.mark();
        Execution execution;
        try {
            execution = shuffify.runs().runNow(userId, scheduleId);
        } catch (JobExecutionException e) {
            execution = store.executions().find(e.executionId())
                    .orElseThrow(() -> new IllegalStateException("no execution recorded for " + scheduleId, e));
        }
        List<Call> calls = recorder.callsSince(from);
        if (reader != null) {
            EntryLedger.check(entriesBefore, calls, reader, execution);
        }
        return new HarnessRun(shuffify.schedules().get(userId, scheduleId), execution, taken(playlists, before), calls);
    }

    private List<Snapshot> taken(Set<String> playlists, Set<String> before) {
        List<Snapshot> taken = new ArrayList<>();
        for (String id : playlists) {
            for (Snapshot s : store.snapshots().listByPlaylist(userId, id)) {
                if (!before.contains(s.id())) {
                    taken.add(s);
                }
            }
        }
        return taken;
    }

    private Set<String> involved(Schedule schedule) {
        Set<String> ids = new LinkedHashSet<>();
        if (schedule.job().target() != null) {
            ids.add(schedule.job().target().id());
            shuffify.pairs().find(userId, schedule.job().target().id()).ifPresent(p -> ids.add(p.archive().id()));
        }
        return ids;
    }

    private Set<String> snapshotIds(Set<String> playlists) {
        Set<String> ids = new HashSet<>();
        for (String id : playlists) {
            store.snapshots().listByPlaylist(userId, id).forEach(s -> ids.add(s.id()));
        }
        return ids;
    }
}
