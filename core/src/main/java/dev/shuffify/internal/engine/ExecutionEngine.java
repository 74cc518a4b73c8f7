package dev.shuffify.internal.engine;

import dev.shuffify.internal.timing.NextRun;
import dev.shuffify.error.AuthenticationException;
import dev.shuffify.event.JobEvent;
import dev.shuffify.error.JobExecutionException;
import dev.shuffify.event.JobListener;
import dev.shuffify.error.NotFoundException;
import dev.shuffify.error.PlaylistServiceException;
import dev.shuffify.error.ShuffifyException;
import dev.shuffify.error.ValidationException;
import dev.shuffify.model.Account;
import dev.shuffify.model.AccountHealth;
import dev.shuffify.model.Activity;
import dev.shuffify.model.ActivityType;
import dev.shuffify.model.Execution;
import dev.shuffify.model.ExecutionStatus;
import dev.shuffify.model.JobIntent;
import dev.shuffify.model.JobResult;
import dev.shuffify.model.PlannedChange;
import dev.shuffify.model.Playlist;
import dev.shuffify.model.Preview;
import dev.shuffify.model.Schedule;
import dev.shuffify.model.Snapshot;
import dev.shuffify.model.SnapshotType;
import dev.shuffify.model.TriggerSource;
import dev.shuffify.model.UserSettings;
import dev.shuffify.spi.JobExecutor;
import dev.shuffify.spi.Params;
import dev.shuffify.spi.PlaylistService;
import dev.shuffify.store.PlaylistLeaseStore;
import dev.shuffify.store.ShuffifyStore;
import dev.shuffify.store.StoreException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

/**
 * Runs one execution through the lifecycle of SPEC §4: record, connect, dispatch, verify, record the
 * outcome, log activity, notify listeners. {@link #execute} never throws.
 */
public final class ExecutionEngine {

    /** The next-run rule for outcomes this engine records itself: the scheduler's, without jitter. */
    private static final NextRun EXACT = new NextRun(java.time.Duration.ZERO, new java.util.SplittableRandom(0));
    private static final Logger LOG = LoggerFactory.getLogger(ExecutionEngine.class);

    /** MDC key: schedule id. */
    public static final String MDC_SCHEDULE = "shuffify.scheduleId";
    /** MDC key: execution id. */
    public static final String MDC_EXECUTION = "shuffify.executionId";
    /** MDC key: job type. */
    public static final String MDC_JOB_TYPE = "shuffify.jobType";
    /** MDC key: user id. */
    public static final String MDC_USER = "shuffify.userId";
    /** Execution detail set to {@code true} when a run failed for a transient reason (rate limit, 5xx, I/O). */
    public static final String DETAIL_TRANSIENT_FAILURE = "transientFailure";
    /**
     * How long a run's cross-node playlist leases last unless released: longer than a job may run (the Spotify
     * adapter's job deadline is 15 minutes by default). A host that dies leaves them to expire, or to the repair
     * of its run, which takes them over.
     */
    static final Duration PLAYLIST_LEASE = Duration.ofMinutes(30);

    /**
     * Execution detail set to {@code true} on a run whose job never ran because a store call failed before it
     * (recording the start, or a read the run needs): the scheduler gives the slot back, still due.
     */
    public static final String DETAIL_NOT_RUN = "notRun";

    /**
     * Detail on a returned (never a stored) execution whose outcome could not be stored: the caller retries
     * with {@link #retryOutcome}.
     */
    public static final String DETAIL_OUTCOME_UNRECORDED = "outcomeUnrecorded";

    private final EngineConfig config;
    private final ShuffifyStore store;
    private final Map<String, Semaphore> playlistLocks = new ConcurrentHashMap<>();

    /**
     * Creates the engine.
     *
     * @param config its parts
     */
    public ExecutionEngine(EngineConfig config) {
        this.config = config;
        this.store = config.store();
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
     * The scheduler's entry point. Never throws (but for {@link VirtualMachineError}).
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
                fire(new JobEvent(JobEvent.Type.SKIPPED, scheduleId, schedule.userId(), schedule.jobType(), null,
                        "schedule is disabled"));
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
     * Runs a schedule now and records the execution. Never throws (but for {@link VirtualMachineError}).
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
        try {
            try {
                store.executions().save(execution);
            } catch (RuntimeException e) {
                LOG.error("could not record the start of execution {}; the job was not run", execution.id(), e);
                Execution failed = withDetail(execution.ended(config.clock().instant(), ExecutionStatus.FAILED,
                        "could not record the execution: " + e.getMessage()), DETAIL_NOT_RUN, true);
                fire(event(JobEvent.Type.FAILED, schedule, failed, failed.errorMessage()));
                return failed;
            }
            fire(event(JobEvent.Type.STARTED, schedule, execution, null));
            Optional<String> skipReason = skipReason(schedule, source);
            if (skipReason.isPresent()) {
                return finish(schedule, execution, source, ExecutionStatus.SKIPPED, null, skipReason.get(), List.of());
            }
            List<Semaphore> held = new ArrayList<>();
            List<String> playlists = playlistsWritten(schedule);
            for (String playlistId : playlists) {
                Semaphore lock = playlistLocks.computeIfAbsent(playlistId, k -> new Semaphore(1));
                if (!lock.tryAcquire()) {
                    held.forEach(Semaphore::release);
                    return finish(schedule, execution, source, ExecutionStatus.SKIPPED, null,
                            "another job is running on playlist '" + playlistId + "'", List.of());
                }
                held.add(lock);
            }
            List<String> leased = new ArrayList<>();
            try {
                Optional<String> busy;
                try {
                    busy = leasePlaylists(playlists, execution.id(), null, leased);
                } catch (RuntimeException e) {
                    if (isStoreFailure(e)) {
                        return notRun(schedule, execution, e);
                    }
                    LOG.warn("could not lease the playlists of execution {}", execution.id(), e);
                    return finish(schedule, withDetail(execution, DETAIL_TRANSIENT_FAILURE, true), source,
                            ExecutionStatus.FAILED, null, "could not lease the playlists it writes (nothing was "
                                    + "written): " + e.getMessage(), List.of());
                }
                if (busy.isPresent()) {
                    return finish(schedule, execution, source, ExecutionStatus.SKIPPED, null,
                            "another job is running on playlist '" + busy.get() + "' (on another node)", List.of());
                }
                Optional<String> unfinished = unfinishedRun(schedule, execution.id());
                if (unfinished.isPresent()) {
                    return finish(schedule, execution, source, ExecutionStatus.SKIPPED, null, unfinished.get(),
                            List.of());
                }
                return runLocked(schedule, execution, source, null);
            } finally {
                releaseLeases(leased, execution.id());
                held.forEach(Semaphore::release);
            }
        } finally {
            restoreMdc(previousMdc);
        }
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

    // ---- the scheduler's batched path -------------------------------------------------------------------------

    /**
     * A claimed schedule to start in a batch.
     *
     * @param schedule the schedule as claimed
     * @param source what started it
     * @param attempt the attempt number
     */
    public record Claimed(Schedule schedule, TriggerSource source, int attempt) {
    }

    /**
     * The end of a run, not stored yet: the scheduler records it, with the release of its lease, in one
     * transaction shared with the runs that ended with it ({@link dev.shuffify.store.ShuffifyStore#completeRuns}).
     *
     * @param execution the finished execution
     * @param activity its activity entry, or null for none
     * @param playlists the playlist leases its execution holds
     * @param jobRan false when the job never ran: the slot stays due
     * @param waiting true when it did not run because another run holds one of its playlists: try it again
     *     later rather than at once
     * @param unlock gives back this node's locks of the playlists; run once the end is stored (or given up)
     */
    public record Finished(Execution execution, Activity activity, List<String> playlists, boolean jobRan,
            boolean waiting, Runnable unlock) {
    }

    /** A run started by {@link #startAll}: what its job needs, read for the whole batch. */
    public static final class Started {
        private final Deferred deferred;
        private final Schedule schedule;
        private final TriggerSource source;
        private final Execution execution;
        private Finished early;

        private Started(Deferred deferred, Schedule schedule, TriggerSource source, Execution execution) {
            this.deferred = deferred;
            this.schedule = schedule;
            this.source = source;
            this.execution = execution;
        }

        /**
         * The execution, as started.
         *
         * @return never null
         */
        public Execution execution() {
            return execution;
        }

        /**
         * The end of a run that was over before its job (skipped or not started), or null.
         *
         * @return the end, or null when the job is to run
         */
        public Finished early() {
            return early;
        }
    }

    /** What a run of a batch has read and holds, and, once it ends, its end. */
    private static final class Deferred {
        UserSettings settings;
        List<JobIntent> intents;
        final List<String> playlists = new ArrayList<>();
        final List<Semaphore> local = new ArrayList<>();
        private final AtomicBoolean unlocked = new AtomicBoolean();
        Finished result;

        void finished(Execution done, Activity activity, boolean jobRan) {
            finished(done, activity, jobRan, false);
        }

        void finished(Execution done, Activity activity, boolean jobRan, boolean waiting) {
            result = new Finished(done, activity, List.copyOf(playlists), jobRan, waiting, this::unlock);
        }

        /** Gives back this node's playlist locks, once. */
        void unlock() {
            if (unlocked.compareAndSet(false, true)) {
                local.forEach(Semaphore::release);
            }
        }
    }

    /**
     * Starts a batch of claimed runs: reads the accounts, settings and intents they need in one query each,
     * takes this node's locks of the playlists each writes, and records every execution ({@code running}) with
     * the cross-node leases of its playlists in one transaction. A run that cannot start (a playlist busy here
     * or on another node, a quarantined account, an unfinished earlier run, the store failing) comes back with
     * its {@link Started#early() end}. Never throws (but for {@link VirtualMachineError}).
     *
     * @param claims the claimed runs
     * @return one started run per claim, in order
     */
    public List<Started> startAll(List<Claimed> claims) {
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
     * A batch of claimed runs {@link #prepare prepared} to start: what the store records of them, and then
     * {@link #started} (or {@link #notStarted}) makes of them.
     */
    public static final class StartBatch {
        private final List<Started> started;
        private final List<Started> toRecord;
        private final List<dev.shuffify.store.RunStart> starts;

        private StartBatch(List<Started> started, List<Started> toRecord, List<dev.shuffify.store.RunStart> starts) {
            this.started = started;
            this.toRecord = toRecord;
            this.starts = starts;
        }

        /**
         * The starts to record (for the runs that did not end before their start).
         *
         * @return never null
         */
        public List<dev.shuffify.store.RunStart> starts() {
            return starts;
        }
    }

    /**
     * The first half of {@link #startAll}: reads the accounts, settings and intents the claimed runs need in one
     * query each, takes this node's locks of the playlists each writes, and makes the starts to record. The
     * caller records them ({@link dev.shuffify.store.ShuffifyStore#startRuns}, or with the claims in one
     * transaction) and then calls {@link #started} with what the store answered, or {@link #notStarted} when it
     * failed: either gives back the locks of runs that do not go on. Never throws (but for
     * {@link VirtualMachineError}).
     *
     * @param claims the claimed runs
     * @return the batch
     */
    public StartBatch prepare(List<Claimed> claims) {
        Instant now = config.clock().instant();
        java.util.Set<String> users = new java.util.LinkedHashSet<>();
        claims.forEach(c -> users.add(c.schedule().userId()));
        Map<String, Account> accounts = readForBatch("accounts", () -> store.accounts().findAll(users));
        Map<String, UserSettings> settings = readForBatch("settings", () -> store.settings().findAll(users));
        Map<String, List<JobIntent>> intents = readForBatch("intents", () -> store.intents().listBySchedules(
                claims.stream().map(c -> c.schedule().id()).toList()));
        List<Started> started = new ArrayList<>(claims.size());
        List<Started> toRecord = new ArrayList<>();
        List<dev.shuffify.store.RunStart> starts = new ArrayList<>();
        for (Claimed c : claims) {
            Schedule schedule = c.schedule();
            Deferred d = new Deferred();
            if (settings != null) {
                d.settings = settings.getOrDefault(schedule.userId(), UserSettings.DEFAULTS);
            }
            if (intents != null) {
                d.intents = intents.getOrDefault(schedule.id(), List.of());
            }
            Execution execution = Execution.started(config.ids().get(), schedule, now, c.source(), c.attempt());
            Started s = new Started(d, schedule, c.source(), execution);
            started.add(s);
            try {
                Optional<String> skip = skipReason(schedule, c.source(), accounts);
                if (skip.isPresent()) {
                    earlyEnd(s, ExecutionStatus.SKIPPED, skip.get());
                    continue;
                }
                List<String> playlists = playlistsWritten(schedule);
                for (String playlistId : playlists) {
                    Semaphore lock = playlistLocks.computeIfAbsent(playlistId, k -> new Semaphore(1));
                    if (!lock.tryAcquire()) {
                        notStarted(s, "another job is running on playlist '" + playlistId + "' on this node");
                        break;
                    }
                    d.local.add(lock);
                }
                if (s.early == null) {
                    toRecord.add(s);
                    starts.add(new dev.shuffify.store.RunStart(execution, playlists, now.plus(PLAYLIST_LEASE)));
                }
            } catch (RuntimeException e) {
                LOG.error("schedule {}: could not prepare its run", schedule.id(), e);
                earlyEnd(s, ExecutionStatus.FAILED, "could not prepare the run: " + e.getMessage());
            }
        }
        return new StartBatch(started, toRecord, starts);
    }

    /**
     * The batch's runs once the store recorded their starts.
     *
     * @param batch the batch
     * @param busy what the store answered for each of {@link StartBatch#starts()}: the playlist another run holds
     * @return one started run per claim, in order
     */
    public List<Started> started(StartBatch batch, List<Optional<String>> busy) {
        for (int i = 0; i < batch.toRecord.size(); i++) {
            Started s = batch.toRecord.get(i);
            if (busy.get(i).isPresent()) {
                notStarted(s, "another job is running on playlist '" + busy.get(i).get() + "' (on another node)");
                continue;
            }
            s.deferred.playlists.addAll(batch.starts.get(i).playlists());
            fire(event(JobEvent.Type.STARTED, s.schedule, s.execution, null));
            Optional<String> unfinished = unfinishedRun(s.schedule, s.execution.id(), s.deferred.intents);
            if (unfinished.isPresent()) {
                earlyEnd(s, ExecutionStatus.SKIPPED, unfinished.get());
            }
        }
        return batch.started;
    }

    /**
     * The batch's runs when the store failed to record their starts: not run, their slots stay due (their ends
     * release what a start that did commit though reported failed holds).
     *
     * @param batch the batch
     * @param e the failure
     * @return one run per claim, in order, each with its {@link Started#early() end}
     */
    public List<Started> notStarted(StartBatch batch, RuntimeException e) {
        if (!batch.starts.isEmpty()) {
            LOG.warn("could not record the start of {} run(s); not run, their slots stay due", batch.starts.size(),
                    e);
        }
        for (int i = 0; i < batch.toRecord.size(); i++) {
            Started s = batch.toRecord.get(i);
            s.deferred.playlists.addAll(batch.starts.get(i).playlists()); // released in case the start did commit
            s.deferred.finished(notRunExecution(s.execution, "the store failed before the job started ("
                    + e.getMessage() + ")"), null, false);
            s.early = s.deferred.result;
        }
        return batch.started;
    }

    private <T> T readForBatch(String what, java.util.function.Supplier<T> read) {
        try {
            return read.get();
        } catch (RuntimeException e) {
            LOG.debug("could not read the {} of a batch of runs; each run reads its own", what, e);
            return null;
        }
    }

    /** A run that waits for a playlist another run holds: not run, its slot stays due and is tried again. */
    private void notStarted(Started s, String why) {
        LOG.info("schedule {}: {}; not run now, the slot stays due", s.schedule.id(), why);
        s.deferred.finished(notRunExecution(s.execution, why), null, false, true);
        s.early = s.deferred.result;
    }

    private void earlyEnd(Started s, ExecutionStatus status, String why) {
        finish(s.schedule, s.execution, s.source, status, null, why, List.of(), s.deferred);
        s.early = s.deferred.result;
    }

    /**
     * Runs the job of a run {@link #startAll} started; its end is returned, not stored. Never throws (but for
     * {@link VirtualMachineError}).
     *
     * @param started the run
     * @return its end
     */
    public Finished runStarted(Started started) {
        if (started.early != null) {
            return started.early;
        }
        Map<String, String> previousMdc = putMdc(started.schedule, started.execution.id());
        boolean ended = false;
        try {
            runLocked(started.schedule, started.execution, started.source, started.deferred);
            if (started.deferred.result == null) {
                throw new IllegalStateException("the run of schedule " + started.schedule.id() + " ended without "
                        + "an outcome");
            }
            ended = true;
            return started.deferred.result;
        } finally {
            if (!ended) {
                started.deferred.unlock(); // the process is going down (or a bug): never keep a playlist locked
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
    public Finished cancel(Started started, String why) {
        if (started.early != null) {
            return started.early;
        }
        started.deferred.finished(notRunExecution(started.execution, why), null, false);
        return started.deferred.result;
    }

    /**
     * Takes the cross-node lease of every playlist, in order, for {@code holder}; a lease held by a run that has
     * ended (or is no longer recorded) is taken over, as is {@code takeOverFrom}'s. Stops at the first playlist
     * another running execution holds, releasing nothing itself (the caller releases {@code leased}).
     *
     * @return the playlist that is busy, or empty when every lease was taken
     */
    private Optional<String> leasePlaylists(List<String> playlists, String holder, String takeOverFrom,
            List<String> leased) {
        PlaylistLeaseStore leases = store.playlistLeases();
        for (String playlistId : playlists) {
            Instant now = config.clock().instant();
            Instant until = now.plus(PLAYLIST_LEASE);
            boolean taken = leases.tryAcquire(playlistId, holder, takeOverFrom, until, now);
            if (!taken) {
                Optional<String> other = leases.holder(playlistId, now);
                boolean ended = other.isEmpty() || store.executions().find(other.get())
                        .map(e -> e.status().isFinal()).orElse(true);
                taken = ended && leases.tryAcquire(playlistId, holder, other.orElse(null), until, now);
            }
            if (!taken) {
                return Optional.of(playlistId);
            }
            leased.add(playlistId);
        }
        return Optional.empty();
    }

    private void releaseLeases(List<String> leased, String holder) {
        for (String playlistId : leased) {
            try {
                store.playlistLeases().release(playlistId, holder);
            } catch (RuntimeException e) {
                LOG.warn("could not release the lease of playlist {}; it expires by itself", playlistId, e);
            }
        }
    }

    /**
     * The playlists a run may write, in a fixed order: the target, the archive of the target's pair (rotate
     * writes it) and those the job type names ({@link JobExecutor#otherPlaylistsWritten}, e.g. drip's staging
     * playlist). Locking all of them keeps two jobs from interleaving writes on any one playlist.
     */
    private List<String> playlistsWritten(Schedule schedule) {
        TreeSet<String> ids = new TreeSet<>();
        if (schedule.job().target() != null) {
            String target = schedule.job().target().id();
            ids.add(target);
            try {
                store.pairs().find(schedule.userId(), target).ifPresent(p -> ids.add(p.archive().id()));
            } catch (RuntimeException e) {
                LOG.warn("could not read the pair of playlist {}; locking the target only", target, e);
            }
        }
        try {
            for (JobExecutor step : config.jobTypes().resolve(schedule.jobType())) {
                ids.addAll(step.otherPlaylistsWritten(schedule.job()));
            }
        } catch (RuntimeException e) {
            // an unknown job type or a failing plugin: the run itself reports it; lock what is known
            LOG.debug("could not ask the job type which playlists it writes", e);
        }
        return List.copyOf(ids);
    }

    private Optional<String> skipReason(Schedule schedule, TriggerSource source) {
        return skipReason(schedule, source, null);
    }

    /** As above, with the accounts of a batch read already (null: read this one). */
    private Optional<String> skipReason(Schedule schedule, TriggerSource source, Map<String, Account> accounts) {
        if (source == TriggerSource.MANUAL) {
            return Optional.empty();
        }
        try {
            Optional<Account> account = accounts != null ? Optional.ofNullable(accounts.get(schedule.userId()))
                    : store.accounts().find(schedule.userId());
            if (account.isPresent() && account.get().health() == AccountHealth.QUARANTINED) {
                return Optional.of("account of user '" + schedule.userId() + "' is quarantined after "
                        + account.get().consecutiveFailures() + " consecutive failures"
                        + (account.get().reason() == null ? "" : ": " + account.get().reason()));
            }
        } catch (RuntimeException e) {
            LOG.warn("could not read the account health of user {}; running anyway", schedule.userId(), e);
        }
        return Optional.empty();
    }

    private Execution runLocked(Schedule schedule, Execution execution, TriggerSource source, Deferred deferred) {
        List<String> warnings = new ArrayList<>();
        TrackingPlaylistService tracking = null;
        boolean invoked = false;
        try {
            List<JobExecutor> steps = config.jobTypes().resolve(schedule.jobType());
            Params params = JobTypes.parseParams(steps, schedule.job().params());
            PlaylistService service = connect(schedule.userId());
            UserSettings settings = deferred != null && deferred.settings != null ? deferred.settings
                    : settings(schedule.userId());
            if (deferred == null || deferred.intents == null || !deferred.intents.isEmpty()) {
                repairBeforeRun(schedule, service);
            }
            SnapshotHooks hooks = new SnapshotHooks(schedule, settings, warnings, execution.id());
            tracking = new TrackingPlaylistService(service, false, config.clock(), hooks);
            EngineJobContext context = new EngineJobContext(schedule, execution.id(), params, tracking, config,
                    config.randomFactory().apply(execution.id()), false, this::progress);
            invoked = true;
            JobResult result = runSteps(steps, context, hooks);
            List<Verification.Check> checks = null;
            if (schedule.verifyWrites()) {
                try {
                    checks = checks(tracking, warnings);
                } catch (RuntimeException e) {
                    LOG.warn("could not re-read the playlists to verify the job's writes", e);
                    warnings.add("the job's writes could not be verified: " + e.getMessage());
                }
            }
            if (checks != null) {
                List<Verification.Check> mismatched = checks.stream().filter(c -> !c.matchesIntent()).toList();
                if (!mismatched.isEmpty()) {
                    String message = "verification failed after " + schedule.jobType() + ": "
                            + String.join("; ", mismatched.stream().map(Verification.Check::describeMismatch).toList());
                    return rollBack(schedule, execution, source, checks, message, warnings, tracking, deferred);
                }
                observeAfter(checks);
            } else {
                observeModel(tracking);
            }
            warnings.addAll(0, result.warnings());
            JobResult withWarnings = new JobResult(result.tracksAdded(), result.tracksRemoved(), result.tracksTotal(),
                    result.details(), warnings);
            return finish(schedule, execution, source, ExecutionStatus.SUCCESS, withWarnings, null, List.of(),
                    deferred);
        } catch (VirtualMachineError e) {
            throw e;
        } catch (Throwable e) {
            if (!invoked && isStoreFailure(e)) {
                return notRun(schedule, execution, e, deferred);
            }
            if (isTransient(e)) {
                execution = withDetail(execution, DETAIL_TRANSIENT_FAILURE, true);
            }
            String message = describe(schedule, e);
            if (e instanceof ShuffifyException) {
                LOG.warn("{} failed: {}", schedule.jobType(), message);
            } else {
                LOG.error("{} failed with an unexpected error", schedule.jobType(), e);
            }
            if (tracking != null && schedule.verifyWrites() && !tracking.written().isEmpty()) {
                try {
                    List<Verification.Check> checks = checks(tracking, warnings);
                    List<String> lost = Verification.lostTracks(checks);
                    if (!lost.isEmpty()) {
                        return rollBack(schedule, execution, source, checks, message + "; the failure left "
                                + lost.size() + " track(s) in no playlist: " + Verification.sample(lost), warnings,
                                tracking, deferred);
                    }
                    observeAfter(checks);
                    execution = KeptWrites.counted(execution, schedule, checks);
                } catch (RuntimeException verifyFailure) {
                    LOG.warn("could not verify playlists after the failure", verifyFailure);
                    message += "; the playlists could not be re-read to check for lost tracks: "
                            + verifyFailure.getMessage();
                    execution = KeptWrites.counted(execution, schedule, tracking);
                }
            } else if (tracking != null) {
                execution = KeptWrites.counted(execution, schedule, tracking);
            }
            return finish(schedule, execution, source, ExecutionStatus.FAILED, null, message, warnings, deferred);
        }
    }

    private JobResult runSteps(List<JobExecutor> steps, EngineJobContext context, SnapshotHooks hooks) {
        if (steps.size() == 1) {
            hooks.snapshotType = steps.get(0).snapshotType();
            JobResult only = requireResult(steps.get(0), steps.get(0).execute(context));
            context.sendHeldAppends();
            return only;
        }
        int added = 0;
        int removed = 0;
        int total = 0;
        Map<String, Object> details = new LinkedHashMap<>();
        List<String> warnings = new ArrayList<>();
        for (JobExecutor step : steps) {
            if (!hooks.snapshotTaken()) {
                hooks.snapshotType = step.snapshotType();
            }
            JobResult r = requireResult(step, step.execute(context));
            added += r.tracksAdded();
            removed += r.tracksRemoved();
            total = r.tracksTotal();
            r.details().forEach((k, v) -> details.put(step.type() + "." + k, v));
            warnings.addAll(r.warnings());
        }
        context.sendHeldAppends();
        return new JobResult(added, removed, total, details, warnings);
    }

    private static JobResult requireResult(JobExecutor step, JobResult result) {
        if (result == null) {
            throw new JobExecutionException("job type '" + step.type() + "' returned no result");
        }
        return result;
    }

    private static List<Verification.Check> checks(TrackingPlaylistService tracking, List<String> warnings) {
        List<Verification.Check> checks = new ArrayList<>();
        for (TrackingPlaylistService.State s : tracking.written()) {
            Playlist actual = tracking.reread(s.id);
            checks.add(new Verification.Check(s.id, s.name, uris(s.before), uris(s.items), actual.uris(),
                    s.orderChanged));
        }
        return checks;
    }

    private static List<String> uris(List<dev.shuffify.model.Track> tracks) {
        return tracks.stream().map(dev.shuffify.model.Track::uri).toList();
    }

    private Execution rollBack(Schedule schedule, Execution execution, TriggerSource source,
            List<Verification.Check> checks, String message, List<String> warnings, TrackingPlaylistService tracking,
            Deferred deferred) {
        PlaylistService service = tracking.delegate();
        List<String> failures = new ArrayList<>();
        List<String> incomplete = new ArrayList<>();
        for (Verification.Check c : checks) {
            if (c.unchanged()) {
                continue;
            }
            // a job that never replaced the playlist promised its added dates: the rollback keeps them too
            boolean keepAddedDates = tracking.changes().stream().noneMatch(ch -> ch.playlistId()
                    .equals(c.playlistId()) && ch.operation() == PlannedChange.Operation.REPLACE);
            try {
                PlaylistRestore.Outcome outcome = PlaylistRestore.restore(service, c.playlistId(), c.actual(),
                        c.before(), keepAddedDates);
                if (!outcome.complete()) {
                    incomplete.add("playlist '" + c.playlistId() + "': " + outcome.describe());
                }
                store.membership().observe(c.playlistId(), c.before(), config.clock().instant());
            } catch (RuntimeException e) {
                failures.add("restoring playlist '" + c.playlistId() + "' failed: " + e.getMessage());
            }
        }
        if (!failures.isEmpty()) {
            LOG.error("{}; {}", message, failures);
            return finish(schedule, execution, source, ExecutionStatus.FAILED, null,
                    message + "; " + String.join("; ", failures)
                            + (incomplete.isEmpty() ? "" : "; " + String.join("; ", incomplete))
                            + ". Restore the snapshot taken before the job by hand.", warnings, deferred);
        }
        if (!incomplete.isEmpty()) {
            String text = message + "; restored the playlists as far as the service allows: "
                    + String.join("; ", incomplete);
            LOG.error("{}", text);
            return finish(schedule, execution, source, ExecutionStatus.FAILED, null, text, warnings, deferred);
        }
        LOG.warn("{}; restored the playlists as they were before the job", message);
        return finish(schedule, execution, source, ExecutionStatus.FAILED_ROLLED_BACK, null,
                message + "; restored the playlists as they were before the job", warnings, deferred);
    }

    private void observeAfter(List<Verification.Check> checks) {
        for (Verification.Check c : checks) {
            observe(c.playlistId(), c.actual());
        }
    }

    private void observeModel(TrackingPlaylistService tracking) {
        for (TrackingPlaylistService.State s : tracking.written()) {
            observe(s.id, uris(s.items));
        }
    }

    private void observe(String playlistId, List<String> uris) {
        observe(playlistId, uris, Map.of());
    }

    private void observe(String playlistId, List<String> uris, Map<String, Instant> addedAt) {
        try {
            store.membership().observe(playlistId, uris, addedAt, config.clock().instant());
        } catch (RuntimeException e) {
            LOG.warn("could not record the membership of playlist {}", playlistId, e);
        }
    }

    private Execution finish(Schedule schedule, Execution execution, TriggerSource source, ExecutionStatus status,
            JobResult result, String error, List<String> warnings) {
        return finish(schedule, execution, source, status, result, error, warnings, null);
    }

    private Execution finish(Schedule schedule, Execution execution, TriggerSource source, ExecutionStatus status,
            JobResult result, String error, List<String> warnings, Deferred deferred) {
        Instant now = config.clock().instant();
        Execution done = status == ExecutionStatus.SUCCESS ? execution.succeeded(now, result)
                : withWarnings(execution, warnings).ended(now, status, error);
        if (deferred != null) {
            deferred.finished(done, status == ExecutionStatus.SKIPPED ? null : activityOf(schedule, done), true);
            fire(event(eventType(status), schedule, done, error));
            return done;
        }
        boolean recorded = false;
        try {
            writeOutcome(done, source);
            recorded = true;
        } catch (RuntimeException e) {
            LOG.error("could not record the outcome of execution {} ({}{}); the scheduler retries it", done.id(),
                    status.wireName(), error == null ? "" : ": " + error, e);
        }
        if (status != ExecutionStatus.SKIPPED) {
            logActivity(schedule, done);
        }
        fire(event(eventType(status), schedule, done, error));
        return recorded ? done : withDetail(done, DETAIL_OUTCOME_UNRECORDED, true);
    }

    private static JobEvent.Type eventType(ExecutionStatus status) {
        return switch (status) {
            case SUCCESS -> JobEvent.Type.SUCCEEDED;
            case SKIPPED -> JobEvent.Type.SKIPPED;
            default -> JobEvent.Type.FAILED;
        };
    }

    /** The execution's end, the schedule's outcome and next run, in one transaction. */
    private void writeOutcome(Execution done, TriggerSource source) {
        Instant now = done.completedAt();
        Schedule current = store.schedules().find(done.scheduleId()).orElse(null);
        if (current == null) {
            store.executions().save(done);
            store.intents().delete(done.id());
        } else {
            Instant next = EXACT.afterRun(current, now, source == TriggerSource.MANUAL, null);
            store.recordOutcome(done, current.withOutcome(now, done.status(), done.errorMessage(), next));
        }
    }

    /**
     * Stores the outcome of a run that {@link #run} returned with {@link #DETAIL_OUTCOME_UNRECORDED}: idempotent
     * by execution id, so a write that did commit though it was reported failed is not repeated, and an
     * execution another party already ended (a recovery) is left as it is.
     *
     * @param execution the execution as {@link #run} returned it
     * @param source what started it
     * @throws dev.shuffify.store.StoreException when the store fails again
     */
    public void retryOutcome(Execution execution, TriggerSource source) {
        Map<String, Object> details = new LinkedHashMap<>(execution.details());
        details.remove(DETAIL_OUTCOME_UNRECORDED);
        Execution done = new Execution(execution.id(), execution.scheduleId(), execution.userId(),
                execution.jobType(), execution.startedAt(), execution.completedAt(), execution.status(),
                execution.tracksAdded(), execution.tracksRemoved(), execution.tracksTotal(),
                execution.errorMessage(), execution.triggerSource(), execution.attempt(), details,
                execution.warnings());
        Optional<Execution> stored = store.executions().find(done.id());
        if (stored.isPresent() && stored.get().status().isFinal()) {
            return; // recorded already
        }
        writeOutcome(done, source);
        LOG.info("recorded the outcome of execution {} ({}) on a retry", done.id(), done.status().wireName());
    }

    /**
     * The run's job did not run: a store call before it failed. Ends the execution {@code skipped}, marked
     * {@link #DETAIL_NOT_RUN}, without touching the schedule (its slot stays due); the scheduler retries that
     * write when it fails here.
     */
    private Execution notRun(Schedule schedule, Execution execution, Throwable cause) {
        return notRun(schedule, execution, cause, null);
    }

    private Execution notRun(Schedule schedule, Execution execution, Throwable cause, Deferred deferred) {
        Execution done = notRunExecution(execution, "the store failed before the job started (" + cause.getMessage()
                + ")");
        LOG.warn("schedule {}: the store failed before the job started; not run, the slot stays due",
                schedule.id(), cause);
        if (deferred != null) {
            deferred.finished(done, null, false);
            fire(event(JobEvent.Type.SKIPPED, schedule, done, done.errorMessage()));
            return done;
        }
        try {
            store.executions().saveIfRunning(done);
        } catch (RuntimeException e) {
            LOG.debug("could not end execution {} as not run; the scheduler retries it", done.id(), e);
        }
        fire(event(JobEvent.Type.SKIPPED, schedule, done, done.errorMessage()));
        return done;
    }

    private Execution notRunExecution(Execution execution, String why) {
        return withDetail(execution.ended(config.clock().instant(), ExecutionStatus.SKIPPED, "not run: " + why
                + "; the slot stays due and is tried again"), DETAIL_NOT_RUN, true);
    }

    private static boolean isStoreFailure(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof StoreException) {
                return true;
            }
        }
        return false;
    }

    /**
     * Whether a failure, or any of its causes, is a transient music-service failure.
     *
     * @param e the failure
     * @return true when a later retry may succeed
     */
    static boolean isTransient(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof dev.shuffify.error.PlaylistServiceException p && p.isTransient()) {
                return true;
            }
        }
        return false;
    }

    private static Execution withDetail(Execution e, String key, Object value) {
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

    private void logActivity(Schedule schedule, Execution done) {
        try {
            store.activity().append(activityOf(schedule, done));
        } catch (RuntimeException e) {
            LOG.warn("could not log activity for execution {}", done.id(), e);
        }
    }

    private Activity activityOf(Schedule schedule, Execution done) {
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

    private static String displayName(Schedule schedule) {
        String name = schedule.job().target().name();
        return name.isEmpty() ? schedule.job().target().id() : name;
    }

    /**
     * A dry run: the executors run against a recording model of the service; nothing is written or recorded.
     *
     * @param schedule the schedule
     * @return the intended result and writes
     * @throws JobExecutionException when the job fails in the dry run
     */
    public Preview preview(Schedule schedule) {
        List<JobExecutor> steps = config.jobTypes().resolve(schedule.jobType());
        Params params = JobTypes.parseParams(steps, schedule.job().params());
        PlaylistService service = connect(schedule.userId());
        TrackingPlaylistService.Hooks noHooks = new TrackingPlaylistService.Hooks() {
            @Override
            public void observed(Playlist playlist) {
            }

            @Override
            public void beforeFirstWrite(Playlist before) {
            }
        };
        TrackingPlaylistService tracking = new TrackingPlaylistService(service, true, config.clock(), noHooks);
        String id = "preview-" + config.ids().get();
        EngineJobContext context = new EngineJobContext(schedule, id, params, tracking, config,
                config.randomFactory().apply(id), true, this::progress);
        try {
            JobResult result = runSteps(steps, context, new SnapshotHooks(schedule, UserSettings.DEFAULTS,
                    new ArrayList<>(), null));
            return new Preview(schedule.id(), result, tracking.changes());
        } catch (JobExecutionException e) {
            throw e;
        } catch (RuntimeException e) {
            throw new JobExecutionException(describe(schedule, e), e);
        }
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
    public <T> Optional<T> withPlaylistLock(String playlistId, java.util.function.Supplier<T> action) {
        Semaphore lock = playlistLocks.computeIfAbsent(playlistId, k -> new Semaphore(1));
        if (!lock.tryAcquire()) {
            return Optional.empty();
        }
        try {
            return Optional.of(action.get());
        } finally {
            lock.release();
        }
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
        try {
            return config.connector().connect(userId);
        } catch (PlaylistServiceException | NotFoundException e) {
            throw e;
        } catch (RuntimeException e) {
            throw new AuthenticationException(AuthenticationException.MUST_LOG_IN_AGAIN + " (" + e.getMessage()
                    + ")", e);
        }
    }

    /**
     * A user's settings, defaults when none are stored or the store fails.
     *
     * @param userId the user
     * @return never null
     */
    public UserSettings settings(String userId) {
        try {
            return store.settings().find(userId).orElse(UserSettings.DEFAULTS);
        } catch (RuntimeException e) {
            LOG.warn("could not read the settings of user {}; using defaults", userId, e);
            return UserSettings.DEFAULTS;
        }
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

    private String describe(Schedule schedule, Throwable e) {
        if (e instanceof AuthenticationException) {
            return e.getMessage() != null && e.getMessage().startsWith(AuthenticationException.MUST_LOG_IN_AGAIN)
                    ? e.getMessage() : AuthenticationException.MUST_LOG_IN_AGAIN + ": " + e.getMessage();
        }
        if (e instanceof NotFoundException nf && "user".equals(nf.kind())) {
            return "the owner of schedule '" + schedule.id() + "' is unknown to the music service: " + e.getMessage();
        }
        if (e instanceof JobExecutionException) {
            return e.getMessage();
        }
        if (e instanceof ValidationException) {
            return "schedule '" + schedule.id() + "' is no longer valid: " + e.getMessage();
        }
        String detail = e.getMessage() == null ? e.getClass().getName() : e.getMessage();
        return schedule.jobType() + " failed: " + (e instanceof ShuffifyException ? detail
                : e.getClass().getSimpleName() + ": " + detail);
    }

    private void progress(Schedule schedule, String executionId, String message) {
        LOG.info("{}", message);
        fire(new JobEvent(JobEvent.Type.PROGRESS, schedule.id(), schedule.userId(), schedule.jobType(), null,
                message));
    }

    private static JobEvent event(JobEvent.Type type, Schedule schedule, Execution execution, String message) {
        return new JobEvent(type, schedule.id(), schedule.userId(), schedule.jobType(), execution, message);
    }

    private void fire(JobEvent event) {
        for (JobListener listener : config.listeners()) {
            try {
                listener.onEvent(event);
            } catch (VirtualMachineError e) {
                throw e;
            } catch (Throwable e) {
                LOG.warn("job listener {} failed on {}", listener.getClass().getName(), event.type(), e);
            }
        }
    }

    // ---- repair of abandoned runs (crash safety, SPEC §4) ------------------------------------------------

    /** Execution detail: why the run was abandoned (the message the repair outcome is appended to). */
    public static final String DETAIL_ABANDONED = "abandoned";
    /** Execution detail: what the repair of an abandoned run found and did. */
    public static final String DETAIL_REPAIR = "repair";
    /** Execution detail: how many entries the repair of an abandoned run put back. */
    public static final String DETAIL_ENTRIES_PUT_BACK = "entriesPutBack";
    private static final int REPAIR_BATCH = 100;

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
        try {
            Optional<JobIntent> intent = store.intents().find(executionId);
            if (intent.isEmpty()) {
                Optional<Execution> run = store.executions().find(executionId).filter(e -> e.status()
                        == ExecutionStatus.ABANDONED && !e.details().containsKey(DETAIL_REPAIR));
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

    /**
     * Repairs every abandoned run whose intent is still stored (an earlier repair failed, or could not take the
     * playlists' locks), and drops intents whose run's outcome was recorded after all. Intents of runs still
     * {@code running} are left alone. Runs with housekeeping. Never throws (but for {@link VirtualMachineError}).
     *
     * @return how many runs were repaired
     */
    public int repairPending() {
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
    private void repairBeforeRun(Schedule schedule, PlaylistService service) {
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

    /**
     * Another run of this schedule that has written and not finished: it runs on another node without a lease (a
     * "run now"), or its process died and it has not been found abandoned yet. Building on its playlists could
     * lose what it took out, so this run is skipped until that one ends or is repaired.
     */
    private Optional<String> unfinishedRun(Schedule schedule, String executionId) {
        return unfinishedRun(schedule, executionId, null);
    }

    /** As above, with the schedule's intents read already (null: read them). */
    private Optional<String> unfinishedRun(Schedule schedule, String executionId, List<JobIntent> intents) {
        try {
            for (JobIntent intent : intents != null ? intents : store.intents().listBySchedule(schedule.id())) {
                if (intent.executionId().equals(executionId)) {
                    continue;
                }
                Optional<Execution> run = store.executions().find(intent.executionId());
                if (run.isPresent() && run.get().status() == ExecutionStatus.RUNNING) {
                    return Optional.of("run '" + intent.executionId() + "' of this schedule has written to its "
                            + "playlists and not finished (running elsewhere, or its process stopped and it is "
                            + "repaired once found abandoned); skipped so as not to build on a half-written playlist");
                }
            }
        } catch (RuntimeException e) {
            LOG.warn("could not read the intents of schedule {}; running anyway", schedule.id(), e);
        }
        return Optional.empty();
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
            for (String playlistId : new TreeSet<>(intent.playlists())) {
                Semaphore lock = playlistLocks.computeIfAbsent(playlistId, k -> new Semaphore(1));
                if (!lock.tryAcquire()) {
                    LOG.info("repair of abandoned execution {} waits: a job is running on playlist {}",
                            intent.executionId(), playlistId);
                    return false;
                }
                held.add(lock);
            }
            List<String> leased = new ArrayList<>();
            try {
                Optional<String> busy = leasePlaylists(List.copyOf(new TreeSet<>(intent.playlists())),
                        intent.executionId(), intent.executionId(), leased);
                if (busy.isPresent()) {
                    LOG.info("repair of abandoned execution {} waits: a job on another node holds playlist {}",
                            intent.executionId(), busy.get());
                    return false;
                }
                repair(intent, () -> connect(intent.userId()));
                return true;
            } finally {
                releaseLeases(leased, intent.executionId());
            }
        } finally {
            held.forEach(Semaphore::release);
        }
    }

    /** Repairs and records the outcome; a failure is recorded ({@code abandoned_unrepaired}) and rethrown. */
    private void repair(JobIntent intent, java.util.function.Supplier<PlaylistService> service) {
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
        String because = found.map(e -> e.details().get(DETAIL_ABANDONED) instanceof String w ? w
                : e.errorMessage()).orElse(null);
        if (because == null) {
            because = "the process running it stopped";
        }
        String message = because + "; " + summary;
        boolean changed = found.isEmpty() || found.get().status() != status
                || !found.get().details().containsKey(DETAIL_REPAIR);
        if (found.isPresent()) {
            Execution e = found.get();
            Map<String, Object> details = new LinkedHashMap<>(e.details());
            details.put(DETAIL_ABANDONED, because);
            details.put(DETAIL_REPAIR, summary);
            details.put(DETAIL_ENTRIES_PUT_BACK, putBack);
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
                    .map(s -> " of '" + displayName(s) + "'").orElse("");
            Map<String, Object> meta = new LinkedHashMap<>();
            meta.put("scheduleId", scheduleId);
            meta.put("executionId", executionId);
            meta.put("jobType", jobType);
            meta.put("status", status.wireName());
            meta.put(DETAIL_ENTRIES_PUT_BACK, putBack);
            store.activity().append(new Activity(config.ids().get(), userId, ActivityType.SCHEDULE_RUN_ABANDONED,
                    jobType + target + " was interrupted (" + status.wireName() + "): " + message, meta,
                    config.clock().instant()));
        } catch (RuntimeException e) {
            LOG.warn("could not log activity for abandoned execution {}", executionId, e);
        }
    }

    /** Takes the auto-snapshot before the first write to each playlist, and records membership on reads. */
    private final class SnapshotHooks implements TrackingPlaylistService.Hooks {
        private final Schedule schedule;
        private final UserSettings settings;
        private final List<String> warnings;
        SnapshotType snapshotType = SnapshotType.SCHEDULED_PRE_EXECUTION;
        private int taken;
        private final String executionId;
        private JobIntent intent;

        SnapshotHooks(Schedule schedule, UserSettings settings, List<String> warnings, String executionId) {
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
            for (dev.shuffify.model.Track t : playlist.items()) {
                if (t.addedAt() != null) {
                    addedAt.merge(t.uri(), t.addedAt(), (a, b) -> a.isBefore(b) ? a : b);
                }
            }
            observe(playlist.id(), playlist.uris(), addedAt);
        }

        @Override
        public void beforeFirstWrite(Playlist before) {
            recordIntent(before);
            if (!settings.autoSnapshot()) {
                return;
            }
            try {
                storeSnapshot(schedule.userId(), before, snapshotType,
                        "schedule " + schedule.id() + " (" + config.jobTypes().summary(schedule.job()) + ")");
                taken++;
            } catch (RuntimeException e) {
                LOG.warn("snapshot of playlist {} failed; the job goes on", before.id(), e);
                warnings.add("snapshot of playlist '" + before.id() + "' failed: " + e.getMessage());
            }
        }

        /**
         * Durably records the playlist's pre-job state in the run's intent before the write is sent, whatever
         * the auto-snapshot setting; a run whose intent cannot be stored does not write.
         */
        private void recordIntent(Playlist before) {
            if (executionId == null) {
                return;
            }
            JobIntent.PlaylistBefore state = new JobIntent.PlaylistBefore(before.id(), before.name(),
                    before.uris());
            JobIntent next = intent == null
                    ? new JobIntent(executionId, schedule.id(), schedule.userId(), schedule.jobType(),
                            config.clock().instant(), playlistsWritten(schedule), List.of(state))
                    : intent.withBefore(state);
            try {
                store.intents().save(next);
            } catch (RuntimeException e) {
                throw new JobExecutionException("could not record the job's intent before its first write to "
                        + "playlist '" + before.id() + "', so nothing was written to it: " + e.getMessage(), e);
            }
            intent = next;
        }
    }
}
