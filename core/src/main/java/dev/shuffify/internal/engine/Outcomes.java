package dev.shuffify.internal.engine;

import dev.shuffify.event.JobEvent;
import dev.shuffify.internal.timing.NextRun;
import dev.shuffify.model.Activity;
import dev.shuffify.model.ActivityType;
import dev.shuffify.model.Execution;
import dev.shuffify.model.ExecutionStatus;
import dev.shuffify.model.JobResult;
import dev.shuffify.model.Schedule;
import dev.shuffify.store.RunCompletion;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one home of a run's outcome: how a run ends ({@link #end}, {@link #notRun}), and what the store records
 * of its end ({@link #completion}) — the execution, the schedule's last-run fields and next run, the intent's
 * deletion, the activity entry and the release of its leases, in one transaction
 * ({@link dev.shuffify.store.ShuffifyStore#completeRuns}). The scheduler records the ends of its runs in batches
 * through {@link #completion}; a run started outside the scheduler is recorded by {@link #record}, the same way.
 */
final class Outcomes {
    private static final Logger LOG = LoggerFactory.getLogger(ExecutionEngine.class);
    /** The next-run rule for runs started outside the scheduler: the scheduler's, without jitter. */
    private static final NextRun EXACT = new NextRun(Duration.ZERO, new SplittableRandom(0));
    private static final int ATTEMPTS = 3;

    private final EngineConfig config;
    private final EngineEvents events;

    Outcomes(EngineConfig config, EngineEvents events) {
        this.config = config;
        this.events = events;
    }

    /**
     * Ends a run whose job ran (or was skipped): its end goes to {@code state}, its event to the listeners.
     *
     * @param failure the class of a failure; {@link FailureKind#NONE} for a success or a skip
     * @return the ended execution
     */
    Execution end(RunState state, Schedule schedule, Execution execution, ExecutionStatus status, JobResult result,
            String error, List<String> warnings, FailureKind failure) {
        Instant now = config.clock().instant();
        Execution started = failure.isTransient()
                ? withDetail(execution, ExecutionEngine.DETAIL_TRANSIENT_FAILURE, true) : execution;
        Execution done = status == ExecutionStatus.SUCCESS ? started.succeeded(now, result)
                : withWarnings(started, warnings).ended(now, status, error);
        state.finished(done, status == ExecutionStatus.SKIPPED ? null : activityOf(schedule, done), true, false,
                failure);
        events.fire(EngineEvents.typeOf(status), schedule, done, error);
        return done;
    }

    /**
     * The run's job did not run: a store call before it failed. Ends the execution {@code skipped}, marked
     * {@link ExecutionEngine#DETAIL_NOT_RUN}, without touching the schedule (its slot stays due).
     */
    Execution notRun(RunState state, Schedule schedule, Execution execution, Throwable cause) {
        Execution done = notRunExecution(execution, "the store failed before the job started (" + cause.getMessage()
                + ")");
        LOG.warn("schedule {}: the store failed before the job started; not run, the slot stays due",
                schedule.id(), cause);
        state.finished(done, null, false);
        events.fire(JobEvent.Type.SKIPPED, schedule, done, done.errorMessage());
        return done;
    }

    /** An execution ended as not run: {@code skipped}, marked {@link ExecutionEngine#DETAIL_NOT_RUN}. */
    Execution notRunExecution(Execution execution, String why) {
        return withDetail(execution.ended(config.clock().instant(), ExecutionStatus.SKIPPED, "not run: " + why
                + "; the slot stays due and is tried again"), ExecutionEngine.DETAIL_NOT_RUN, true);
    }

    /**
     * What the store records of a run's end. Unless its job never ran: the schedule's outcome fields and its next
     * run, from {@code nextRun} ({@link NextRun#afterRun}: the trigger's next slot after the end, the retry when
     * one comes first, the stored slot for a manual run, none while paused).
     *
     * @param f the end
     * @param leaseToken the scheduler lease to release, or null
     * @param releaseRetry the retry attempt a run whose job never ran keeps
     * @param manual whether the run was started by hand
     * @param retryAt when the run is tried again, or null
     * @param retryAttempt the attempt of that retry (0 when none)
     * @param nextRun the next-run rule
     * @return the completion to record
     */
    static RunCompletion completion(Finished f, String leaseToken, int releaseRetry, boolean manual, Instant retryAt,
            int retryAttempt, NextRun nextRun) {
        Execution e = f.execution();
        if (!f.jobRan()) {
            return new RunCompletion(e, null, leaseToken, releaseRetry, null, f.playlists());
        }
        Instant end = e.completedAt();
        return new RunCompletion(e, current -> current.withOutcome(end, e.status(), e.errorMessage(),
                nextRun.afterRun(current, end, manual, retryAt)), leaseToken, retryAttempt, f.activity(),
                f.playlists());
    }

    /**
     * Records the end of a run started outside the scheduler (no scheduler lease), a few tries at once (the
     * write is idempotent). When every try fails the execution stays {@code running} until housekeeping takes
     * it for abandoned and repairs it.
     */
    void record(Finished f, boolean manual) {
        RunCompletion end = completion(f, null, 0, manual, null, 0, EXACT);
        for (int i = 1; ; i++) {
            try {
                config.store().completeRuns(List.of(end));
                return;
            } catch (RuntimeException e) {
                if (i == ATTEMPTS) {
                    LOG.error("could not record the outcome of execution {} ({}); housekeeping takes it for "
                            + "abandoned and repairs it", f.execution().id(), f.execution().status().wireName(), e);
                    return;
                }
                LOG.debug("recording the outcome of execution {} failed; trying again", f.execution().id(), e);
            }
        }
    }

    Activity activityOf(Schedule schedule, Execution done) {
        boolean ok = done.status() == ExecutionStatus.SUCCESS;
        String target = schedule.job().target() == null ? "" : " of '" + displayName(schedule) + "'";
        String description = schedule.jobType() + target + (ok
                ? " succeeded: " + done.tracksAdded() + " added, " + done.tracksRemoved() + " removed, "
                        + done.tracksTotal() + " in total"
                : " failed: " + done.errorMessage());
        Map<String, Object> meta = new LinkedHashMap<>();
        meta.put("scheduleId", schedule.id());
        meta.put("executionId", done.id());
        meta.put("jobType", schedule.jobType());
        meta.put("status", done.status().wireName());
        meta.put("tracksAdded", done.tracksAdded());
        meta.put("tracksRemoved", done.tracksRemoved());
        meta.put("tracksTotal", done.tracksTotal());
        return new Activity(config.ids().get(), schedule.userId(),
                ok ? ActivityType.SCHEDULE_RUN_SUCCEEDED : ActivityType.SCHEDULE_RUN_FAILED, description, meta,
                config.clock().instant());
    }

    static String displayName(Schedule schedule) {
        String name = schedule.job().target().name();
        return name.isEmpty() ? schedule.job().target().id() : name;
    }

    static Execution withDetail(Execution e, String key, Object value) {
        Map<String, Object> details = new LinkedHashMap<>(e.details());
        details.put(key, value);
        return new Execution(e.id(), e.scheduleId(), e.userId(), e.jobType(), e.startedAt(), e.completedAt(),
                e.status(), e.tracksAdded(), e.tracksRemoved(), e.tracksTotal(), e.errorMessage(), e.triggerSource(),
                e.attempt(), details, e.warnings());
    }

    private static Execution withWarnings(Execution e, List<String> warnings) {
        if (warnings.isEmpty()) {
            return e;
        }
        return new Execution(e.id(), e.scheduleId(), e.userId(), e.jobType(), e.startedAt(), e.completedAt(),
                e.status(), e.tracksAdded(), e.tracksRemoved(), e.tracksTotal(), e.errorMessage(), e.triggerSource(),
                e.attempt(), e.details(), warnings);
    }
}
