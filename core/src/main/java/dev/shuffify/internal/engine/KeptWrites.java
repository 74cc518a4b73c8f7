package dev.shuffify.internal.engine;

import dev.shuffify.model.Execution;
import dev.shuffify.model.Schedule;
import dev.shuffify.model.Track;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The counts of a run that failed and kept its writes: what those writes did to the target, so that a raid that
 * failed after adding 100 tracks reports {@code tracksAdded=100} rather than 0.
 */
final class KeptWrites {
    private KeptWrites() {
    }

    /** From the playlists as verification re-read them. */
    static Execution counted(Execution execution, Schedule schedule, List<Verification.Check> checks) {
        String target = target(schedule);
        for (Verification.Check c : checks) {
            if (c.playlistId().equals(target)) {
                return counts(execution, c.before(), c.actual());
            }
        }
        return execution;
    }

    /** From the engine's model of the playlists (when they were not re-read). */
    static Execution counted(Execution execution, Schedule schedule, TrackingPlaylistService tracking) {
        String target = target(schedule);
        for (TrackingPlaylistService.State s : tracking.written()) {
            if (s.id.equals(target) && s.before != null) {
                return counts(execution, s.before.stream().map(Track::uri).toList(),
                        s.items.stream().map(Track::uri).toList());
            }
        }
        return execution;
    }

    private static String target(Schedule schedule) {
        return schedule.job().target() == null ? null : schedule.job().target().id();
    }

    private static Execution counts(Execution execution, List<String> before, List<String> after) {
        Map<String, Integer> delta = new HashMap<>();
        after.forEach(u -> delta.merge(u, 1, Integer::sum));
        before.forEach(u -> delta.merge(u, -1, Integer::sum));
        int added = delta.values().stream().filter(d -> d > 0).mapToInt(Integer::intValue).sum();
        int removed = -delta.values().stream().filter(d -> d < 0).mapToInt(Integer::intValue).sum();
        return execution.withCounts(added, removed, after.size());
    }
}
