package dev.shuffify.internal.engine;

import dev.shuffify.event.JobEvent;
import dev.shuffify.model.Account;
import dev.shuffify.model.Execution;
import dev.shuffify.model.ExecutionStatus;
import dev.shuffify.model.JobIntent;
import dev.shuffify.model.Schedule;
import dev.shuffify.model.UserSettings;
import dev.shuffify.store.RunStart;
import dev.shuffify.store.ShuffifyStore;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The start of a batch of claimed runs: plans it (reads, this node's locks, the starts to record) and, once the
 * store recorded the starts, sorts out which runs go on. See {@link ExecutionEngine#prepare}.
 */
final class BatchStart {
    private static final Logger LOG = LoggerFactory.getLogger(ExecutionEngine.class);
    private final EngineParts parts;
    private final ShuffifyStore store;

    BatchStart(EngineParts parts) {
        this.parts = parts;
        this.store = parts.store;
    }

    StartBatch prepare(List<Claimed> claims) {
        Instant now = parts.config.clock().instant();
        Set<String> users = new LinkedHashSet<>();
        claims.forEach(c -> users.add(c.schedule().userId()));
        Map<String, Account> accounts = readForBatch("accounts", () -> store.accounts().findAll(users));
        Map<String, UserSettings> settings = readForBatch("settings", () -> store.settings().findAll(users));
        Map<String, List<JobIntent>> intents = readForBatch("intents", () -> store.intents().listBySchedules(
                claims.stream().map(c -> c.schedule().id()).toList()));
        List<StartedRun> started = new ArrayList<>(claims.size());
        List<StartedRun> toRecord = new ArrayList<>();
        List<RunStart> starts = new ArrayList<>();
        for (Claimed c : claims) {
            Schedule schedule = c.schedule();
            RunState state = new RunState();
            if (settings != null) {
                state.settings = settings.getOrDefault(schedule.userId(), UserSettings.DEFAULTS);
            }
            if (intents != null) {
                state.intents = intents.getOrDefault(schedule.id(), List.of());
            }
            Execution execution = Execution.started(parts.config.ids().get(), schedule, now, c.source(),
                    c.attempt());
            StartedRun s = new StartedRun(state, schedule, c.source(), execution);
            started.add(s);
            Optional<RunStart> start = plan(s, accounts, now);
            if (start.isPresent()) {
                toRecord.add(s);
                starts.add(start.get());
            }
        }
        return new StartBatch(started, toRecord, starts);
    }

    /** One run of the batch: its start to record, or empty when it ended before it (skipped, busy here). */
    private Optional<RunStart> plan(StartedRun s, Map<String, Account> accounts, Instant now) {
        try {
            Optional<String> skip = parts.guards.skipReason(s.schedule, s.source, accounts);
            if (skip.isPresent()) {
                earlyEnd(s, ExecutionStatus.SKIPPED, skip.get());
                return Optional.empty();
            }
            List<String> playlists = parts.guards.playlistsWritten(s.schedule);
            for (String playlistId : playlists) {
                if (!parts.locks.tryLock(playlistId, s.state.local)) {
                    waits(s, "another job is running on playlist '" + playlistId + "' on this node");
                    return Optional.empty();
                }
            }
            return Optional.of(new RunStart(s.execution, playlists, now.plus(RunGuards.PLAYLIST_LEASE)));
        } catch (RuntimeException e) {
            LOG.error("schedule {}: could not prepare its run", s.schedule.id(), e);
            earlyEnd(s, ExecutionStatus.FAILED, "could not prepare the run: " + e.getMessage());
            return Optional.empty();
        }
    }

    List<StartedRun> started(StartBatch batch, List<Optional<String>> busy) {
        for (int i = 0; i < batch.toRecord.size(); i++) {
            StartedRun s = batch.toRecord.get(i);
            if (busy.get(i).isPresent()) {
                waits(s, "another job is running on playlist '" + busy.get(i).get() + "' (on another node)");
                continue;
            }
            s.state.playlists.addAll(batch.starts.get(i).playlists());
            parts.events.fire(JobEvent.Type.STARTED, s.schedule, s.execution, null);
            Optional<String> unfinished = parts.guards.unfinishedRun(s.schedule, s.execution.id(), s.state.intents);
            if (unfinished.isPresent()) {
                earlyEnd(s, ExecutionStatus.SKIPPED, unfinished.get());
            }
        }
        return batch.started;
    }

    List<StartedRun> notStarted(StartBatch batch, RuntimeException e) {
        if (!batch.starts.isEmpty()) {
            LOG.warn("could not record the start of {} run(s); not run, their slots stay due", batch.starts.size(),
                    e);
        }
        for (int i = 0; i < batch.toRecord.size(); i++) {
            StartedRun s = batch.toRecord.get(i);
            s.state.playlists.addAll(batch.starts.get(i).playlists()); // released in case the start did commit
            s.state.finished(parts.outcomes.notRunExecution(s.execution, "the store failed before the job started ("
                    + e.getMessage() + ")"), null, false);
            s.early = s.state.result();
        }
        return batch.started;
    }

    private <T> T readForBatch(String what, Supplier<T> read) {
        try {
            return read.get();
        } catch (RuntimeException e) {
            LOG.debug("could not read the {} of a batch of runs; each run reads its own", what, e);
            return null;
        }
    }

    /** A run that waits for a playlist another run holds: not run, its slot stays due and is tried again. */
    private void waits(StartedRun s, String why) {
        LOG.info("schedule {}: {}; not run now, the slot stays due", s.schedule.id(), why);
        s.state.finished(parts.outcomes.notRunExecution(s.execution, why), null, false, true, FailureKind.NONE);
        s.early = s.state.result();
    }

    private void earlyEnd(StartedRun s, ExecutionStatus status, String why) {
        parts.outcomes.end(s.state, s.schedule, s.execution, status, null, why, List.of(),
                status == ExecutionStatus.FAILED ? FailureKind.PERMANENT : FailureKind.NONE);
        s.early = s.state.result();
    }
}
