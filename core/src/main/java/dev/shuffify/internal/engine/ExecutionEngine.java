package dev.shuffify.internal.engine;

import dev.shuffify.error.AuthenticationException;
import dev.shuffify.error.JobExecutionException;
import dev.shuffify.error.NotFoundException;
import dev.shuffify.error.PlaylistServiceException;
import dev.shuffify.event.JobEvent;
import dev.shuffify.internal.timing.NextRun;
import dev.shuffify.model.Execution;
import dev.shuffify.model.ExecutionStatus;
import dev.shuffify.model.Playlist;
import dev.shuffify.model.Preview;
import dev.shuffify.model.Schedule;
import dev.shuffify.model.Snapshot;
import dev.shuffify.model.SnapshotType;
import dev.shuffify.model.TriggerSource;
import dev.shuffify.model.UserSettings;
import dev.shuffify.spi.PlaylistService;
import dev.shuffify.store.RunCompletion;
import dev.shuffify.store.ShuffifyStore;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

/**
 * Runs executions through the lifecycle of SPEC §4: record, connect, dispatch, verify, record the outcome, log
 * activity, notify listeners. The scheduler starts and ends its runs in batches ({@link #prepare},
 * {@link #runStarted}, recording each {@link Finished end} through {@link Outcomes#completion}); {@link #run}
 * runs one schedule outside the scheduler and records its end the same way. The seams are classes of their
 * own: {@link BatchStart} (claim and start), {@link RunGuards} (playlists, account, unfinished runs, leases),
 * {@link JobRun} (the job, verification, rollback), {@link Outcomes} (the end), {@link AbandonedRuns} (repair),
 * {@link SnapshotHooks} (intent and snapshot before a write) and {@link Previews} (dry runs).
 */
public final class ExecutionEngine {
    private static final Logger LOG = LoggerFactory.getLogger(ExecutionEngine.class);

    /** MDC key: schedule id. */
    public static final String MDC_SCHEDULE = "shuffify.scheduleId";
    /** MDC key: execution id. */
    public static final String MDC_EXECUTION = "shuffify.executionId";
    /** MDC key: job type. */
    public static final String MDC_JOB_TYPE = "shuffify.jobType";
    /** MDC key: user id. */
    public static final String MDC_USER = "shuffify.userId";
    /**
     * Execution detail set to {@code true} when a run failed for a transient reason (rate limit, 5xx, I/O), for
     * hosts and operators. Core never reads it back: the scheduler's retry decision reads {@link Finished#failure}.
     */
    public static final String DETAIL_TRANSIENT_FAILURE = "transientFailure";
    /**
     * Execution detail set to {@code true} on a run whose job never ran because a store call failed before it
     * (recording the start, or a read the run needs): the scheduler gives the slot back, still due.
     */
    public static final String DETAIL_NOT_RUN = "notRun";
    /** Execution detail: why the run was abandoned (the message the repair outcome is appended to). */
    public static final String DETAIL_ABANDONED = "abandoned";
    /** Execution detail: what the repair of an abandoned run found and did. */
    public static final String DETAIL_REPAIR = "repair";
    /** Execution detail: how many entries the repair of an abandoned run put back. */
    public static final String DETAIL_ENTRIES_PUT_BACK = "entriesPutBack";

    private final EngineConfig config;
    private final ShuffifyStore store;
    private final EngineParts parts;
    private final Previews previews;

    /**
     * Creates the engine.
     *
     * @param config its parts
     */
    public ExecutionEngine(EngineConfig config) {
        this.config = config;
        this.store = config.store();
        this.parts = new EngineParts(config);
        this.previews = new Previews(parts);
    }

    /**
     * The configuration.
     *
     * @return never null
     */
    public EngineConfig config() {
        return config;
    }

    /**
     * Runs a schedule by id, outside the scheduler. Never throws (but for {@link VirtualMachineError}).
     *
     * @param scheduleId the schedule
     * @param source what started it
     * @param attempt the attempt number
     * @return the finished execution, or empty when none was recorded (schedule missing or disabled)
     */
    public Optional<Execution> execute(String scheduleId, TriggerSource source, int attempt) {
        try {
            Optional<Schedule> found = store.schedules().find(scheduleId);
            if (found.isEmpty()) {
                LOG.warn("schedule {} not found; nothing to run", scheduleId);
                return Optional.empty();
            }
            Schedule schedule = found.get();
            if (!schedule.enabled() && source == TriggerSource.SCHEDULER) {
                LOG.info("schedule {} is disabled; skipped", scheduleId);
                parts.events.fire(new JobEvent(JobEvent.Type.SKIPPED, scheduleId, schedule.userId(),
                        schedule.jobType(), null, "schedule is disabled"));
                return Optional.empty();
            }
            return Optional.of(run(schedule, source, attempt));
        } catch (VirtualMachineError e) {
            throw e;
        } catch (Throwable e) {
            LOG.error("schedule {}: unexpected failure outside any execution", scheduleId, e);
            return Optional.empty();
        }
    }

    /**
     * Runs a schedule now, outside the scheduler (no scheduler lease), and records the execution through
     * {@link Outcomes#record}, the path every run's end takes. Never throws (but for {@link VirtualMachineError}).
     *
     * @param schedule the schedule
     * @param source what started it
     * @param attempt the attempt number
     * @return the finished execution
     */
    public Execution run(Schedule schedule, TriggerSource source, int attempt) {
        Execution execution = Execution.started(config.ids().get(), schedule, config.clock().instant(), source,
                attempt);
        Map<String, String> previousMdc = putMdc(schedule, execution.id());
        RunState state = new RunState();
        try {
            try {
                store.executions().save(execution);
            } catch (RuntimeException e) {
                LOG.error("could not record the start of execution {}; the job was not run", execution.id(), e);
                Execution failed = Outcomes.withDetail(execution.ended(config.clock().instant(),
                        ExecutionStatus.FAILED, "could not record the execution: " + e.getMessage()),
                        DETAIL_NOT_RUN, true);
                parts.events.fire(JobEvent.Type.FAILED, schedule, failed, failed.errorMessage());
                return failed;
            }
            parts.events.fire(JobEvent.Type.STARTED, schedule, execution, null);
            try {
                new SingleRun(parts, schedule, execution, source, state).run();
                parts.outcomes.record(state.result(), source == TriggerSource.MANUAL);
            } finally {
                parts.guards.releaseLeases(state.playlists, execution.id()); // released with the end already
            }
            return state.result().execution();
        } finally {
            state.unlock();
            restoreMdc(previousMdc);
        }
    }

    // ---- the scheduler's batched path -------------------------------------------------------------------------

    /**
     * Starts a batch of claimed runs: {@link #prepare}, the starts recorded ({@link ShuffifyStore#startRuns}),
     * then {@link #started} (or {@link #notStarted}). Never throws (but for {@link VirtualMachineError}).
     *
     * @param claims the claimed runs
     * @return one started run per claim, in order
     */
    public List<StartedRun> startAll(List<Claimed> claims) {
        StartBatch batch = prepare(claims);
        List<Optional<String>> busy;
        try {
            busy = batch.starts().isEmpty() ? List.of() : store.startRuns(batch.starts());
        } catch (RuntimeException e) {
            return notStarted(batch, e);
        }
        return started(batch, busy);
    }

    /**
     * The first half of a batch's start: reads the accounts, settings and intents the claimed runs need in one
     * query each, takes this node's locks of the playlists each writes, and makes the starts to record. The
     * caller records them ({@link ShuffifyStore#startRuns}, or with the claims in one transaction) and then calls
     * {@link #started} with what the store answered, or {@link #notStarted} when it failed. A run that cannot
     * start (a playlist busy here, a quarantined account) comes back with its {@link StartedRun#early() end}.
     * Never throws (but for {@link VirtualMachineError}).
     *
     * @param claims the claimed runs
     * @return the batch
     */
    public StartBatch prepare(List<Claimed> claims) {
        return parts.batches.prepare(claims);
    }

    /**
     * The batch's runs once the store recorded their starts.
     *
     * @param batch the batch
     * @param busy what the store answered for each of {@link StartBatch#starts()}: the playlist another run holds
     * @return one started run per claim, in order
     */
    public List<StartedRun> started(StartBatch batch, List<Optional<String>> busy) {
        return parts.batches.started(batch, busy);
    }

    /**
     * The batch's runs when the store failed to record their starts: not run, their slots stay due (their ends
     * release what a start that did commit though reported failed holds).
     *
     * @param batch the batch
     * @param e the failure
     * @return one run per claim, in order, each with its {@link StartedRun#early() end}
     */
    public List<StartedRun> notStarted(StartBatch batch, RuntimeException e) {
        return parts.batches.notStarted(batch, e);
    }

    /**
     * Runs the job of a started run; its end is returned, not stored. Never throws (but for
     * {@link VirtualMachineError}).
     *
     * @param started the run
     * @return its end
     */
    public Finished runStarted(StartedRun started) {
        if (started.early != null) {
            return started.early;
        }
        Map<String, String> previousMdc = putMdc(started.schedule, started.execution.id());
        boolean ended = false;
        try {
            parts.jobRun.run(started.schedule, started.execution, started.state);
            if (started.state.result() == null) {
                throw new IllegalStateException("the run of schedule " + started.schedule.id() + " ended without "
                        + "an outcome");
            }
            ended = true;
            return started.state.result();
        } finally {
            if (!ended) {
                started.state.unlock(); // the process is going down (or a bug): never keep a playlist locked
            }
            restoreMdc(previousMdc);
        }
    }

    /**
     * The end of a started run whose job will not run after all (the scheduler closed before it ran): not run,
     * its slot stays due.
     *
     * @param started the run
     * @param why why, for the execution's message
     * @return its end
     */
    public Finished cancel(StartedRun started, String why) {
        if (started.early != null) {
            return started.early;
        }
        started.state.finished(parts.outcomes.notRunExecution(started.execution, why), null, false);
        return started.state.result();
    }

    /**
     * What the store records of a run's end ({@link ShuffifyStore#completeRuns}): the one outcome rule,
     * {@link Outcomes#completion}, with the caller's lease and retry decision.
     *
     * @param end the run's end
     * @param leaseToken the scheduler lease to release, or null
     * @param releaseRetry the retry attempt a run whose job never ran keeps
     * @param manual whether the run was started by hand (it keeps the schedule's slot)
     * @param retryAt when the run is tried again, or null
     * @param retryAttempt the attempt of that retry (0 when none)
     * @param nextRun the next-run rule
     * @return the completion to record
     */
    public RunCompletion completion(Finished end, String leaseToken, int releaseRetry, boolean manual,
            Instant retryAt, int retryAttempt, NextRun nextRun) {
        return Outcomes.completion(end, leaseToken, releaseRetry, manual, retryAt, retryAttempt, nextRun);
    }

    // ---- repair of abandoned runs (crash safety, SPEC §4) ------------------------------------------------

    /**
     * Repairs a run just marked {@link ExecutionStatus#ABANDONED} (by lease recovery, start-up reconciliation or
     * shutdown): checks the playlists against its intent and puts back what it lost, then records
     * {@code abandoned} (nothing lost), {@code abandoned_restored} or, when the repair fails,
     * {@code abandoned_unrepaired} (the intent is kept and the repair retried). Never throws (but for
     * {@link VirtualMachineError}).
     *
     * @param executionId the abandoned execution
     */
    public void repairAbandoned(String executionId) {
        parts.repairs.repairAbandoned(executionId);
    }

    /**
     * Repairs every abandoned run whose intent is still stored (an earlier repair failed, or could not take the
     * playlists' locks), and drops intents whose run's outcome was recorded after all. Intents of runs still
     * {@code running} are left alone. Runs with housekeeping. Never throws (but for {@link VirtualMachineError}).
     *
     * @return how many runs were repaired
     */
    public int repairPending() {
        return parts.repairs.repairPending();
    }

    // ---- services the facade uses -------------------------------------------------------------------------

    /**
     * A dry run: the executors run against a recording model of the service; nothing is written or recorded.
     *
     * @param schedule the schedule
     * @return the intended result and writes
     * @throws JobExecutionException when the job fails in the dry run
     */
    public Preview preview(Schedule schedule) {
        return previews.preview(schedule);
    }

    /**
     * Runs an action while holding a playlist's lock, the one executions take, so that a restore or another
     * direct write never races a running job on the same playlist.
     *
     * @param playlistId the playlist
     * @param action what to run
     * @param <T> the result type
     * @return the action's result, or empty when a job holds the playlist
     */
    public <T> Optional<T> withPlaylistLock(String playlistId, Supplier<T> action) {
        return parts.locks.withLock(playlistId, action);
    }

    /**
     * Connects to the music service as a user.
     *
     * @param userId the user
     * @return the service
     * @throws NotFoundException when the user is unknown
     * @throws AuthenticationException when the user must log in again
     * @throws PlaylistServiceException as the connector classified it (a token-endpoint outage is transient,
     *     a wrong client secret a configuration error): never turned into "log in again"
     */
    public PlaylistService connect(String userId) {
        return parts.accounts.connect(userId);
    }

    /**
     * A user's settings, defaults when none are stored or the store fails.
     *
     * @param userId the user
     * @return never null
     */
    public UserSettings settings(String userId) {
        return parts.snapshots.settings(userId);
    }

    /**
     * Stores a snapshot of a playlist and prunes older ones to the user's retention.
     *
     * @param userId the owner
     * @param playlist the playlist's current state
     * @param type why
     * @param trigger what took it
     * @return the stored snapshot
     */
    public Snapshot storeSnapshot(String userId, Playlist playlist, SnapshotType type, String trigger) {
        return parts.snapshots.store(userId, playlist, type, trigger);
    }

    /** Puts a run's keys in the logging context; returns the context as it was. */
    private static Map<String, String> putMdc(Schedule schedule, String executionId) {
        Map<String, String> previous = MDC.getCopyOfContextMap();
        MDC.put(MDC_SCHEDULE, schedule.id());
        MDC.put(MDC_EXECUTION, executionId);
        MDC.put(MDC_JOB_TYPE, schedule.jobType());
        MDC.put(MDC_USER, schedule.userId());
        return previous;
    }

    private static void restoreMdc(Map<String, String> previous) {
        if (previous == null) {
            MDC.clear();
        } else {
            MDC.setContextMap(previous);
        }
    }
}
