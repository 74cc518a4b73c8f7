package dev.shuffify.internal.engine;

import dev.shuffify.error.JobExecutionException;
import dev.shuffify.model.Activity;
import dev.shuffify.model.ActivityType;
import dev.shuffify.model.Execution;
import dev.shuffify.model.ExecutionStatus;
import dev.shuffify.model.JobIntent;
import dev.shuffify.model.Schedule;
import dev.shuffify.spi.PlaylistService;
import dev.shuffify.store.ShuffifyStore;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import java.util.concurrent.Semaphore;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The repair of abandoned runs (crash safety, SPEC §4): checks a run's playlists against the intent it recorded
 * before its first write ({@link AbandonedRunRepair}), puts back what it lost and records what it found.
 */
final class AbandonedRuns {
    private static final Logger LOG = LoggerFactory.getLogger(ExecutionEngine.class);
    private static final int REPAIR_BATCH = 100;
    private final EngineParts parts;
    private final ShuffifyStore store;

    AbandonedRuns(EngineParts parts) {
        this.parts = parts;
        this.store = parts.store;
    }

    /** See {@link ExecutionEngine#repairAbandoned}. */
    void repairAbandoned(String executionId) {
        try {
            Optional<JobIntent> intent = store.intents().find(executionId);
            if (intent.isEmpty()) {
                Optional<Execution> run = store.executions().find(executionId).filter(e -> e.status()
                        == ExecutionStatus.ABANDONED && !e.details().containsKey(ExecutionEngine.DETAIL_REPAIR));
                run.ifPresent(e -> recordRepair(e.id(), e.scheduleId(), e.userId(), e.jobType(),
                        ExecutionStatus.ABANDONED, "it had made no write, so nothing needed repair", 0));
                return;
            }
            repairLocked(intent.get());
        } catch (VirtualMachineError e) {
            throw e;
        } catch (Throwable e) {
            LOG.warn("could not repair abandoned execution {}; retried with housekeeping and before the next run",
                    executionId, e);
        }
    }

    /** See {@link ExecutionEngine#repairPending}. */
    int repairPending() {
        int repaired = 0;
        try {
            for (JobIntent intent : store.intents().list(REPAIR_BATCH)) {
                try {
                    if (needsRepair(intent) && repairLocked(intent)) {
                        repaired++;
                    }
                } catch (RuntimeException e) {
                    LOG.warn("repair of abandoned execution {} failed; it is retried later", intent.executionId(),
                            e);
                }
            }
        } catch (RuntimeException e) {
            LOG.warn("could not list the intents of interrupted runs", e);
        }
        return repaired;
    }

    /**
     * Before a schedule runs, repairs its abandoned runs: the job never builds on a playlist an interrupted run
     * left half-written. Runs under the run's playlist locks.
     *
     * @throws JobExecutionException when a repair fails: the job does not run (a transient cause makes the run
     *     transient, so the retry policy tries again)
     */
    void beforeRun(Schedule schedule, PlaylistService service) {
        for (JobIntent intent : store.intents().listBySchedule(schedule.id())) {
            if (!needsRepair(intent)) {
                continue;
            }
            try {
                repair(intent, () -> service);
            } catch (RuntimeException e) {
                throw new JobExecutionException("the interrupted run '" + intent.executionId() + "' of this "
                        + "schedule could not be repaired yet (" + e.getMessage() + "); the job did not run, so it "
                        + "does not build on a half-written playlist", e);
            }
        }
    }

    /** True for an abandoned (or no longer stored) run; drops the intent of a run whose outcome was recorded. */
    private boolean needsRepair(JobIntent intent) {
        Optional<Execution> run = store.executions().find(intent.executionId());
        if (run.isEmpty() || run.get().status().isAbandoned()) {
            return true;
        }
        if (run.get().status().isFinal()) {
            store.intents().delete(intent.executionId()); // its outcome was recorded without clearing the intent
        }
        return false;
    }

    /** Repairs under the locks of the intent's playlists; false when a job on this node holds one of them. */
    private boolean repairLocked(JobIntent intent) {
        List<Semaphore> held = new ArrayList<>();
        try {
            List<String> playlists = List.copyOf(new TreeSet<>(intent.playlists()));
            for (String playlistId : playlists) {
                if (!parts.locks.tryLock(playlistId, held)) {
                    LOG.info("repair of abandoned execution {} waits: a job is running on playlist {}",
                            intent.executionId(), playlistId);
                    return false;
                }
            }
            List<String> leased = new ArrayList<>();
            try {
                Optional<String> busy = parts.guards.leasePlaylists(playlists, intent.executionId(),
                        intent.executionId(), leased);
                if (busy.isPresent()) {
                    LOG.info("repair of abandoned execution {} waits: a job on another node holds playlist {}",
                            intent.executionId(), busy.get());
                    return false;
                }
                repair(intent, () -> parts.accounts.connect(intent.userId()));
                return true;
            } finally {
                parts.guards.releaseLeases(leased, intent.executionId());
            }
        } finally {
            held.forEach(Semaphore::release);
        }
    }

    /** Repairs and records the outcome; a failure is recorded ({@code abandoned_unrepaired}) and rethrown. */
    private void repair(JobIntent intent, Supplier<PlaylistService> service) {
        AbandonedRunRepair.Outcome outcome;
        try {
            outcome = AbandonedRunRepair.repair(intent, service.get());
        } catch (RuntimeException e) {
            String detail = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
            recordRepair(intent.executionId(), intent.scheduleId(), intent.userId(), intent.jobType(),
                    ExecutionStatus.ABANDONED_UNREPAIRED, "repair failed: " + detail + " (the intent is kept; "
                            + "retried before the schedule's next run and with housekeeping)", 0);
            throw e;
        }
        ExecutionStatus status = outcome.nothingLost() ? ExecutionStatus.ABANDONED
                : ExecutionStatus.ABANDONED_RESTORED;
        recordRepair(intent.executionId(), intent.scheduleId(), intent.userId(), intent.jobType(), status,
                outcome.describe(), outcome.putBack());
        store.intents().delete(intent.executionId());
        if (outcome.nothingLost()) {
            LOG.info("abandoned execution {}: {}", intent.executionId(), outcome.describe());
        } else {
            LOG.warn("abandoned execution {}: {}", intent.executionId(), outcome.describe());
        }
    }

    /** Updates the abandoned execution's status and message, and logs activity when its status changes. */
    private void recordRepair(String executionId, String scheduleId, String userId, String jobType,
            ExecutionStatus status, String summary, int putBack) {
        Optional<Execution> found = store.executions().find(executionId);
        String because = found.map(e -> e.details().get(ExecutionEngine.DETAIL_ABANDONED) instanceof String w ? w
                : e.errorMessage()).orElse(null);
        if (because == null) {
            because = "the process running it stopped";
        }
        String message = because + "; " + summary;
        boolean changed = found.isEmpty() || found.get().status() != status
                || !found.get().details().containsKey(ExecutionEngine.DETAIL_REPAIR);
        if (found.isPresent()) {
            Execution e = found.get();
            Map<String, Object> details = new LinkedHashMap<>(e.details());
            details.put(ExecutionEngine.DETAIL_ABANDONED, because);
            details.put(ExecutionEngine.DETAIL_REPAIR, summary);
            details.put(ExecutionEngine.DETAIL_ENTRIES_PUT_BACK, putBack);
            store.executions().save(new Execution(e.id(), e.scheduleId(), e.userId(), e.jobType(), e.startedAt(),
                    e.completedAt(), status, e.tracksAdded(), e.tracksRemoved(), e.tracksTotal(), message,
                    e.triggerSource(), e.attempt(), details, e.warnings()));
        }
        if (changed) {
            logRepairActivity(executionId, scheduleId, userId, jobType, status, message, putBack);
        }
    }

    private void logRepairActivity(String executionId, String scheduleId, String userId, String jobType,
            ExecutionStatus status, String message, int putBack) {
        try {
            String target = store.schedules().find(scheduleId).filter(s -> s.job().target() != null)
                    .map(s -> " of '" + Outcomes.displayName(s) + "'").orElse("");
            Map<String, Object> meta = new LinkedHashMap<>();
            meta.put("scheduleId", scheduleId);
            meta.put("executionId", executionId);
            meta.put("jobType", jobType);
            meta.put("status", status.wireName());
            meta.put(ExecutionEngine.DETAIL_ENTRIES_PUT_BACK, putBack);
            store.activity().append(new Activity(parts.config.ids().get(), userId,
                    ActivityType.SCHEDULE_RUN_ABANDONED, jobType + target + " was interrupted (" + status.wireName()
                            + "): " + message, meta, parts.config.clock().instant()));
        } catch (RuntimeException e) {
            LOG.warn("could not log activity for abandoned execution {}", executionId, e);
        }
    }
}
