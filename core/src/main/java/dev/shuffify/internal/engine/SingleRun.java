package dev.shuffify.internal.engine;

import dev.shuffify.model.Execution;
import dev.shuffify.model.ExecutionStatus;
import dev.shuffify.model.Schedule;
import dev.shuffify.model.TriggerSource;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One run started outside the scheduler ({@link ExecutionEngine#run}), its execution recorded {@code running}:
 * the guards a batch start applies, one at a time (account, this node's locks, the playlist leases, unfinished
 * runs), then the job. Its end goes to the run's state; the caller records it.
 */
final class SingleRun {
    private static final Logger LOG = LoggerFactory.getLogger(ExecutionEngine.class);
    private final EngineParts parts;
    private final Schedule schedule;
    private final Execution execution;
    private final TriggerSource source;
    private final RunState state;

    SingleRun(EngineParts parts, Schedule schedule, Execution execution, TriggerSource source, RunState state) {
        this.parts = parts;
        this.schedule = schedule;
        this.execution = execution;
        this.source = source;
        this.state = state;
    }

    void run() {
        Optional<String> skipReason = parts.guards.skipReason(schedule, source, null);
        if (skipReason.isPresent()) {
            skip(skipReason.get());
            return;
        }
        List<String> playlists = parts.guards.playlistsWritten(schedule);
        for (String playlistId : playlists) {
            if (!parts.locks.tryLock(playlistId, state.local)) {
                skip("another job is running on playlist '" + playlistId + "'");
                return;
            }
        }
        Optional<String> busy;
        try {
            busy = parts.guards.leasePlaylists(playlists, execution.id(), null, state.playlists);
        } catch (RuntimeException e) {
            if (Failures.isStoreFailure(e)) {
                parts.outcomes.notRun(state, schedule, execution, e);
                return;
            }
            LOG.warn("could not lease the playlists of execution {}", execution.id(), e);
            parts.outcomes.end(state, schedule, execution, ExecutionStatus.FAILED, null, "could not lease the "
                    + "playlists it writes (nothing was written): " + e.getMessage(), List.of(),
                    FailureKind.TRANSIENT);
            return;
        }
        if (busy.isPresent()) {
            skip("another job is running on playlist '" + busy.get() + "' (on another node)");
            return;
        }
        Optional<String> unfinished = parts.guards.unfinishedRun(schedule, execution.id(), null);
        if (unfinished.isPresent()) {
            skip(unfinished.get());
            return;
        }
        parts.jobRun.run(schedule, execution, state);
    }

    private void skip(String why) {
        parts.outcomes.end(state, schedule, execution, ExecutionStatus.SKIPPED, null, why, List.of(),
                FailureKind.NONE);
    }
}
