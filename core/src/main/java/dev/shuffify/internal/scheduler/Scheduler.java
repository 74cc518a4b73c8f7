package dev.shuffify.internal.scheduler;

import dev.shuffify.error.NotFoundException;
import dev.shuffify.internal.timing.NextRun;
import dev.shuffify.model.Execution;
import dev.shuffify.model.MisfirePolicy;
import dev.shuffify.model.Schedule;
import dev.shuffify.model.ScheduleState;
import dev.shuffify.model.TriggerSource;
import dev.shuffify.store.ScheduleClaim;
import dev.shuffify.store.ShuffifyStore;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.random.RandomGenerator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The scheduler of one node. Each poll it recovers expired leases of dead nodes, claims due schedules (as
 * many as it has free workers, at most a batch) with a lease, and runs each claim on the worker pool; while a
 * run lasts its lease is renewed. After a run it records the run's end with the release of its lease, moving
 * the next run past the slot it ran, or to a retry time when the retry policy asks. Every step is also a method
 * ({@link #runDueOnce()}, {@link #heartbeat()}, {@link #recoverExpiredLeases()}, {@link #reconcileStaleRuns()},
 * {@link #housekeeping()}) so tests drive the scheduler with a manual clock and executor instead of waiting.
 * The seams are classes of their own: {@link Launcher} (claim, plan, launch), {@link EndRecorder} (batched ends,
 * group commit, retries of the bookkeeping), {@link LeaseRecovery} (heartbeat, recovery, reconciliation) and
 * {@link Shutdown}.
 *
 * <p>Guarantees: a slot runs at most once across nodes (a claim is exclusive and the next run moves past the
 * slot before the lease ends); two schedules with one target playlist never run at once (their leases
 * exclude each other); a missed slot runs once, or is skipped under {@link MisfirePolicy#SKIP}; a node that
 * dies mid-run has its run marked {@code abandoned}, repaired from the intent it recorded before its first
 * write and its schedule rescheduled by the first node that sees the lease expired; {@link #close(Duration)}
 * leaves no run {@code running}.
 */
public final class Scheduler implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(Scheduler.class);

    private final SchedulerState s;
    private final ShuffifyStore store;
    private final SchedulerConfig config;
    private final Clock clock;
    private final EndRecorder ends;
    private final Launcher launcher;
    private final LeaseRecovery leases;
    private final Shutdown shutdown;
    private final ScheduleControls controls;
    private final ExecutorService ownedWorkers;
    private ScheduledExecutorService heartbeats;
    private volatile boolean started;
    /** Start-up reconciliation has not succeeded yet: each poll tries it again. */
    private volatile boolean reconcilePending;
    /** The poll loop skips polls until this time after a poll that met store failures. */
    private volatile Instant pollBackoffUntil = Instant.MIN;
    private int failedPollsInARow;
    /** When the last poll that met no store failure ended; null before the first one. */
    private volatile Instant lastSuccessfulPoll;

    /**
     * Creates a scheduler that is not running yet.
     *
     * @param store the store (leases, schedules, executions)
     * @param runner runs the claims (the execution engine)
     * @param config the configuration
     * @param clock the clock every time is read from
     * @param random the source of jitter
     * @param workers runs claims; null for a pool of {@code config.poolSize()} daemon threads owned by the
     *     scheduler (tests pass a manual executor)
     */
    public Scheduler(ShuffifyStore store, JobRunner runner, SchedulerConfig config, Clock clock,
            RandomGenerator random, Executor workers) {
        this.store = Objects.requireNonNull(store, "store");
        this.config = Objects.requireNonNull(config, "config");
        this.clock = Objects.requireNonNull(clock, "clock");
        NextRun nextRun = new NextRun(config.jitter(), Objects.requireNonNull(random, "random"));
        Executor pool = workers;
        if (workers == null) {
            this.ownedWorkers = Executors.newFixedThreadPool(config.poolSize(),
                    threads("shuffify-worker-" + config.nodeId()));
            pool = ownedWorkers;
        } else {
            this.ownedWorkers = null;
        }
        this.s = new SchedulerState(store, Objects.requireNonNull(runner, "runner").engine(), config, clock,
                nextRun, pool);
        s.poll = this::runDueOnce;
        this.ends = new EndRecorder(s);
        this.launcher = new Launcher(s, ends);
        this.leases = new LeaseRecovery(s);
        this.shutdown = new Shutdown(s, launcher, ends, leases);
        this.controls = new ScheduleControls(s);
    }

    /** @return the rule for next runs this scheduler stores; the facade uses the same one */
    public NextRun nextRun() {
        return s.nextRun;
    }

    /**
     * The configuration.
     *
     * @return never null
     */
    public SchedulerConfig config() {
        return config;
    }

    /**
     * Whether {@link #start()} was called and {@link #close} was not.
     *
     * @return true while running
     */
    public boolean isRunning() {
        return started && !s.closing;
    }

    /**
     * Reconciles runs left {@code running} by a previous life of this node, then starts the poll loop, the
     * heartbeat and housekeeping on their own daemon threads.
     *
     * @throws IllegalStateException when already started or closed
     */
    public synchronized void start() {
        if (started || s.closing) {
            throw new IllegalStateException(s.closing
                    ? "the scheduler was closed; build a new Shuffify to start again"
                    : "the scheduler is already started");
        }
        reconcileAtStart();
        ScheduledExecutorService loop = Executors.newSingleThreadScheduledExecutor(
                threads("shuffify-scheduler-" + config.nodeId()));
        try {
            heartbeats = Executors.newSingleThreadScheduledExecutor(threads("shuffify-heartbeat-" + config.nodeId()));
        } catch (RuntimeException e) {
            loop.shutdownNow();
            throw e; // nothing started: start() can be called again
        }
        s.loop = loop;
        started = true;
        loop.scheduleWithFixedDelay(this::pollFromLoop, 0, config.pollInterval().toMillis(), TimeUnit.MILLISECONDS);
        long housekeepingMillis = config.housekeeping().interval().toMillis();
        loop.scheduleWithFixedDelay(() -> s.safely("housekeeping", this::housekeeping), housekeepingMillis,
                housekeepingMillis, TimeUnit.MILLISECONDS);
        heartbeats.scheduleWithFixedDelay(() -> s.safely("heartbeat", this::heartbeat),
                config.heartbeatInterval().toMillis(), config.heartbeatInterval().toMillis(), TimeUnit.MILLISECONDS);
        LOG.info("scheduler started on node {} ({} workers, polling every {})", config.nodeId(), config.poolSize(),
                config.pollInterval());
    }

    /**
     * Start-up reconciliation; when the store fails it is left to the poll loop, which tries it first on each
     * poll until it succeeds.
     */
    private void reconcileAtStart() {
        try {
            reconcileStaleRuns();
            reconcilePending = false;
        } catch (RuntimeException e) {
            reconcilePending = true;
            s.trouble.failed("start-up reconciliation", e);
        }
    }

    /** A poll of the loop: skipped while backing off after store failures. */
    private void pollFromLoop() {
        if (clock.instant().isBefore(pollBackoffUntil)) {
            return;
        }
        s.safely("poll", this::runDueOnce);
    }

    /**
     * One poll: retries the recording of ends the store failed, recovers expired leases, then claims due
     * schedules up to the free workers (at most a batch) and hands each run to the worker pool.
     *
     * @return how many claims were handed to the pool
     */
    public int runDueOnce() {
        if (s.closing) {
            return 0;
        }
        int failuresBefore = s.trouble.failures();
        if (reconcilePending) {
            reconcileAtStart();
        }
        ends.retryBookkeeping();
        recoverExpiredLeases();
        // a run whose end waits for the store to come back holds its lease but no worker
        // nor does one whose end waits to be recorded: the next batch is claimed and started while it commits
        int held = s.inFlight.size() - s.unfinishedBookkeeping.size() - ends.endsToRecord.get();
        // claiming ahead, a node claims again once no more runs wait than it has workers, so that each claim
        // (and each start) takes a batch, not the one or two runs that just ended (db-scheduler's lower limit)
        int free = config.claimAhead() > 1 && held > config.poolSize() ? 0 : config.capacity() - held;
        int claimed = 0;
        if (free <= 0) {
            s.morePossiblyDue = true;
        } else {
            claimed = launcher.claimAndStart(clock.instant(), Math.min(free, config.batchSize()));
        }
        afterPoll(s.trouble.failures() > failuresBefore);
        return claimed;
    }

    /** Backs the poll loop off after a poll that met store failures (doubling up to 16 intervals). */
    private void afterPoll(boolean failed) {
        if (!failed) {
            lastSuccessfulPoll = clock.instant();
            failedPollsInARow = 0;
            pollBackoffUntil = Instant.MIN;
            s.trouble.recovered(config.nodeId());
            return;
        }
        failedPollsInARow = Math.min(failedPollsInARow + 1, 5);
        pollBackoffUntil = clock.instant().plus(config.pollInterval().multipliedBy(1L << (failedPollsInARow - 1)));
    }

    // ---- leases -------------------------------------------------------------------------------------------

    /**
     * Renews the leases of this node's claims.
     *
     * @return how many were renewed
     */
    public int heartbeat() {
        return leases.heartbeat();
    }

    /**
     * Recovers expired leases of other nodes (or of an earlier life of this node): a run that started under
     * the lease and is still {@code running} becomes {@code abandoned} and the schedule is rescheduled from now;
     * a claim whose run never started is released with its slot still due.
     *
     * @return how many leases were recovered
     */
    public int recoverExpiredLeases() {
        return leases.recoverExpiredLeases();
    }

    /**
     * Marks {@code running} executions that no live lease covers as {@code abandoned} (the process running them
     * died), and recovers leases this node id held in an earlier life. Runs at start-up and with housekeeping.
     * A manual run has no lease, so it is only taken for dead after {@link Housekeeping#staleManualRunAfter()}.
     *
     * @return how many executions were marked abandoned
     */
    public int reconcileStaleRuns() {
        return leases.reconcileStaleRuns();
    }

    /**
     * Prunes old executions, activity and snapshots, reconciles stale runs and retries the repair of abandoned
     * runs not repaired yet.
     *
     * @return how many rows were deleted
     */
    public int housekeeping() {
        int deleted = config.housekeeping().prune(store, clock.instant());
        reconcileStaleRuns();
        s.engine.repairPending();
        if (deleted > 0) {
            LOG.info("housekeeping deleted {} old row(s)", deleted);
        }
        return deleted;
    }

    // ---- health -------------------------------------------------------------------------------------------

    /**
     * When the last poll that met no store failure ended.
     *
     * @return the time, or null when no poll has succeeded yet
     */
    public Instant lastSuccessfulPoll() {
        return lastSuccessfulPoll;
    }

    /**
     * The claims this node holds now: queued or running, and those whose end waits to be recorded.
     *
     * @return the count
     */
    public int claimsHeld() {
        return s.inFlight.size();
    }

    // ---- operator functions -------------------------------------------------------------------------------

    /**
     * Schedules with their state, oldest first: every one, or one user's.
     *
     * @param userId the owner, or null for every schedule
     * @return never null
     */
    public List<ScheduleState> jobs(String userId) {
        return userId == null ? controls.jobs() : controls.jobs(userId);
    }

    /**
     * Pauses a schedule: the scheduler stops running it (a run in progress finishes).
     *
     * @param scheduleId the schedule
     * @return the paused schedule
     * @throws NotFoundException when there is no such schedule
     */
    public Schedule pause(String scheduleId) {
        return controls.pause(scheduleId);
    }

    /**
     * Resumes a paused schedule; a next run in the past (or none) becomes the trigger's next slot from now.
     *
     * @param scheduleId the schedule
     * @return the resumed schedule
     * @throws NotFoundException when there is no such schedule
     */
    public Schedule resume(String scheduleId) {
        return controls.resume(scheduleId);
    }

    /**
     * Runs a schedule now on this node's pool (an operator's "trigger"), under a lease like any scheduled run.
     * The run is recorded with trigger source {@code manual}; the schedule's next run does not move.
     *
     * @param scheduleId the schedule
     * @return the run's outcome when it finishes, or empty when the schedule (or its target playlist) is running
     *     now
     * @throws NotFoundException when there is no such schedule
     * @throws IllegalStateException when the scheduler is closed
     */
    public Optional<CompletableFuture<Optional<Execution>>> trigger(String scheduleId) {
        if (s.closing) {
            throw new IllegalStateException("the scheduler is closed");
        }
        controls.require(scheduleId);
        Optional<ScheduleClaim> claim = store.schedules().claim(scheduleId, config.nodeId(), clock.instant(),
                config.leaseDuration());
        return claim.map(c -> launcher.startBatch(List.of(c), TriggerSource.MANUAL).get(0).done);
    }

    // ---- shutdown -----------------------------------------------------------------------------------------

    /** Closes with a 30-second wait for running jobs. */
    @Override
    public void close() {
        close(Duration.ofSeconds(30));
    }

    /**
     * Stops claiming, waits up to {@code timeout} for running jobs, then marks the runs still going
     * {@code abandoned}, reschedules them and interrupts their threads. Claims that had not started are
     * released with their slot still due. Leaves no execution {@code running}. Idempotent.
     *
     * @param timeout how long to wait for running jobs
     * @return true when every job finished within the timeout
     */
    public boolean close(Duration timeout) {
        synchronized (this) {
            if (s.closing) {
                return s.inFlight.isEmpty();
            }
            s.closing = true;
        }
        if (s.loop != null) {
            s.loop.shutdownNow();
        }
        boolean allDone = shutdown.drain(timeout);
        if (heartbeats != null) {
            heartbeats.shutdownNow();
        }
        if (ownedWorkers != null) {
            ownedWorkers.shutdownNow();
        }
        if (started) {
            LOG.info("scheduler on node {} closed{}", config.nodeId(), allDone ? "" : " (some runs were abandoned)");
        }
        return allDone;
    }

    private static ThreadFactory threads(String prefix) {
        AtomicInteger n = new AtomicInteger();
        return r -> {
            Thread t = new Thread(r, prefix + "-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
    }
}
