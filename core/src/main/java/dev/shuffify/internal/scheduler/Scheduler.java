package dev.shuffify.internal.scheduler;

import dev.shuffify.error.NotFoundException;
import dev.shuffify.internal.timing.NextRun;
import dev.shuffify.internal.engine.ExecutionEngine;
import dev.shuffify.model.Execution;
import dev.shuffify.model.ExecutionStatus;
import dev.shuffify.model.MisfirePolicy;
import dev.shuffify.model.Schedule;
import dev.shuffify.model.ScheduleState;
import dev.shuffify.model.TriggerSource;
import dev.shuffify.store.ClaimedStarts;
import dev.shuffify.store.RunCompletion;
import dev.shuffify.store.ScheduleClaim;
import dev.shuffify.store.ShuffifyStore;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.random.RandomGenerator;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The scheduler of one node. Each poll it recovers expired leases of dead nodes, claims due schedules (as
 * many as it has free workers, at most a batch) with a lease, and runs each claim on the worker pool; while a
 * run lasts its lease is renewed. After a run it releases the lease, moving the next run past the slot it ran,
 * or to a retry time when the retry policy asks. Every step is also a method ({@link #runDueOnce()},
 * {@link #heartbeat()}, {@link #recoverExpiredLeases()}, {@link #reconcileStaleRuns()}, {@link #housekeeping()})
 * so tests drive the scheduler with a manual clock and executor instead of waiting.
 *
 * <p>Guarantees: a slot runs at most once across nodes (a claim is exclusive and the next run moves past the
 * slot before the lease ends); two schedules with one target playlist never run at once (their leases
 * exclude each other); a missed slot runs once, or is skipped under {@link MisfirePolicy#SKIP}; a node that
 * dies mid-run has its run marked {@code abandoned}, repaired from the intent it recorded before its first
 * write ({@link JobRunner#repairAbandoned}) and its schedule rescheduled by the first node that sees the lease
 * expired; {@link #close(Duration)} leaves no run {@code running}.
 */
public final class Scheduler implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(Scheduler.class);
    private static final int RECENT_EXECUTIONS = 20;
    private static final int STALE_BATCH = 1000;
    /** The most run ends recorded in one transaction. */
    private static final int COMPLETION_BATCH = 100;

    private final ShuffifyStore store;
    private final JobRunner runner;
    /** The engine when runs are started and ended in batches; null for a runner of one run at a time. */
    private final ExecutionEngine engine;
    /** Ends of runs waiting to be recorded; one worker at a time records all that are waiting (group commit). */
    private final java.util.ArrayDeque<InFlight> completions = new java.util.ArrayDeque<>();
    /** Jobs of the batched path running on a worker now (their ends are still to come). */
    private final AtomicInteger jobsRunning = new AtomicInteger();
    /**
     * How long a worker about to record ends waits for the ends of jobs still running, so that they share its
     * transaction: a group commit with a bounded wait. It stops waiting as soon as no job is running.
     */
    private static final long END_GROUP_WAIT_NANOS = java.util.concurrent.TimeUnit.MILLISECONDS.toNanos(2);
    /** How many workers record ends now, at most {@link #maxRecorders}. */
    private int recorders;
    private final int maxRecorders;
    /** Runs whose job is over and whose end waits in the queue or in the transaction recording it. */
    private final AtomicInteger endsToRecord = new AtomicInteger();
    /** Schedules whose last run waited for a playlist another run holds: not started again before this time. */
    private final Map<String, Instant> waitingUntil = new ConcurrentHashMap<>();
    private final SchedulerConfig config;
    private final Clock clock;
    private final NextRun nextRun;
    private final Executor workers;
    private final ExecutorService ownedWorkers;
    private final Map<String, InFlight> inFlight = new ConcurrentHashMap<>();
    private final Object monitor = new Object();
    private volatile ScheduledExecutorService loop;
    /** The last poll filled every free worker (or found none free): more may be due than it could take. */
    private volatile boolean morePossiblyDue;
    private final AtomicBoolean repollQueued = new AtomicBoolean();
    private ScheduledExecutorService heartbeats;
    private volatile boolean started;
    private volatile boolean closing;
    /** Start-up reconciliation has not succeeded yet: each poll tries it again. */
    private volatile boolean reconcilePending;
    /** Claims whose run is over but whose outcome or release could not be stored yet; retried by each poll. */
    private final Map<String, InFlight> unfinishedBookkeeping = new ConcurrentHashMap<>();
    private final StoreTrouble trouble = new StoreTrouble();
    /** The poll loop skips polls until this time after a poll that met store failures. */
    private volatile Instant pollBackoffUntil = Instant.MIN;
    private int failedPollsInARow;
    /** When the last poll that met no store failure ended; null before the first one. */
    private volatile Instant lastSuccessfulPoll;

    /** One claim this node holds: queued on the pool, then running (or cancelled by close before it ran). */
    private static final class InFlight {
        static final int QUEUED = 0;
        static final int RUNNING = 1;
        static final int CANCELLED = 2;

        final ScheduleClaim claim;
        final TriggerSource source;
        final CompletableFuture<Optional<Execution>> done = new CompletableFuture<>();
        final AtomicInteger state = new AtomicInteger(QUEUED);
        volatile Thread thread;
        /** What the run returned, kept while its bookkeeping is retried. */
        volatile Optional<Execution> outcome = Optional.empty();
        /** The batched path: the run as the engine started it, and its end once over. */
        volatile ExecutionEngine.Started started;
        volatile ExecutionEngine.Finished finished;
        /** Failed attempts at the bookkeeping after the run (storing its outcome, releasing the claim). */
        int bookkeepingFailures;
        /** When the next attempt at the bookkeeping is due. */
        Instant retryAt;

        InFlight(ScheduleClaim claim, TriggerSource source) {
            this.claim = claim;
            this.source = source;
        }
    }

    /**
     * Creates a scheduler that is not running yet.
     *
     * @param store the store (leases, schedules, executions)
     * @param runner runs one schedule (the execution engine)
     * @param config the configuration
     * @param clock the clock every time is read from
     * @param random the source of jitter
     * @param workers runs claims; null for a pool of {@code config.poolSize()} daemon threads owned by the
     *     scheduler (tests pass a manual executor)
     */
    public Scheduler(ShuffifyStore store, JobRunner runner, SchedulerConfig config, Clock clock,
            RandomGenerator random, Executor workers) {
        this.store = Objects.requireNonNull(store, "store");
        this.runner = Objects.requireNonNull(runner, "runner");
        this.engine = runner.engine();
        this.config = Objects.requireNonNull(config, "config");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.nextRun = new NextRun(config.jitter(), Objects.requireNonNull(random, "random"));
        // ends are recorded by the workers that just ran them, in up to one transaction per two workers at once
        this.maxRecorders = Math.max(1, Math.min(4, config.poolSize() / 2));
        if (workers == null) {
            this.ownedWorkers = Executors.newFixedThreadPool(config.poolSize(),
                    threads("shuffify-worker-" + config.nodeId()));
            this.workers = ownedWorkers;
        } else {
            this.ownedWorkers = null;
            this.workers = workers;
        }
    }

    /** @return the rule for next runs this scheduler stores; the facade uses the same one */
    public NextRun nextRun() {
        return nextRun;
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
        return started && !closing;
    }

    /**
     * Reconciles runs left {@code running} by a previous life of this node, then starts the poll loop, the
     * heartbeat and housekeeping on their own daemon threads.
     *
     * @throws IllegalStateException when already started or closed
     */
    public synchronized void start() {
        if (started || closing) {
            throw new IllegalStateException(closing ? "the scheduler was closed; build a new Shuffify to start again"
                    : "the scheduler is already started");
        }
        reconcileAtStart();
        try {
            loop = Executors.newSingleThreadScheduledExecutor(threads("shuffify-scheduler-" + config.nodeId()));
            heartbeats = Executors.newSingleThreadScheduledExecutor(
                    threads("shuffify-heartbeat-" + config.nodeId()));
        } catch (RuntimeException e) {
            if (loop != null) {
                loop.shutdownNow();
                loop = null;
            }
            throw e; // nothing started: start() can be called again
        }
        started = true;
        loop.scheduleWithFixedDelay(this::pollFromLoop, 0, config.pollInterval().toMillis(),
                TimeUnit.MILLISECONDS);
        loop.scheduleWithFixedDelay(() -> safely("housekeeping", this::housekeeping),
                config.housekeeping().interval().toMillis(), config.housekeeping().interval().toMillis(),
                TimeUnit.MILLISECONDS);
        heartbeats.scheduleWithFixedDelay(() -> safely("heartbeat", this::heartbeat),
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
            trouble.failed("start-up reconciliation", e);
        }
    }

    /** A poll of the loop: skipped while backing off after store failures. */
    private void pollFromLoop() {
        if (clock.instant().isBefore(pollBackoffUntil)) {
            return;
        }
        safely("poll", this::runDueOnce);
    }

    // ---- one poll ----------------------------------------------------------------------------------------

    /**
     * One poll: recovers expired leases, then claims due schedules up to the free workers (at most a batch)
     * and hands each claim to the worker pool.
     *
     * @return how many claims were handed to the pool
     */
    public int runDueOnce() {
        if (closing) {
            return 0;
        }
        int failuresBefore = trouble.failures();
        if (reconcilePending) {
            reconcileAtStart();
        }
        retryBookkeeping();
        recoverExpiredLeases();
        // a run whose end waits for the store to come back holds its lease but no worker
        // nor does one whose end waits to be recorded: the next batch is claimed and started while it commits
        int held = inFlight.size() - unfinishedBookkeeping.size() - endsToRecord.get();
        // claiming ahead, a node claims again once no more runs wait than it has workers, so that each claim
        // (and each start) takes a batch, not the one or two runs that just ended (db-scheduler's lower limit)
        int free = config.claimAhead() > 1 && held > config.poolSize() ? 0 : config.capacity() - held;
        int claimed = 0;
        if (free <= 0) {
            morePossiblyDue = true;
        } else {
            Instant now = clock.instant();
            int limit = Math.min(free, config.batchSize());
            if (engine != null) {
                claimed = claimAndStart(now, limit);
            } else {
                try {
                    List<ScheduleClaim> claims = store.schedules().claimDue(config.nodeId(), now,
                            config.leaseDuration(), limit);
                    morePossiblyDue = !claims.isEmpty() && claims.size() == limit;
                    for (ScheduleClaim claim : claims) {
                        dispatch(claim, claim.source());
                    }
                    claimed = claims.size();
                } catch (RuntimeException e) {
                    // a claim that committed though reported failed expires and is released as never started
                    trouble.failed("claiming due schedules", e);
                }
            }
        }
        afterPoll(trouble.failures() > failuresBefore);
        return claimed;
    }

    /** Backs the poll loop off after a poll that met store failures (doubling up to 16 intervals). */
    private void afterPoll(boolean failed) {
        if (!failed) {
            lastSuccessfulPoll = clock.instant();
            failedPollsInARow = 0;
            pollBackoffUntil = Instant.MIN;
            trouble.recovered(config.nodeId());
            return;
        }
        failedPollsInARow = Math.min(failedPollsInARow + 1, 5);
        pollBackoffUntil = clock.instant().plus(config.pollInterval().multipliedBy(1L << (failedPollsInARow - 1)));
    }

    /** Retries the bookkeeping of finished runs whose outcome or release could not be stored, lease renewed. */
    private void retryBookkeeping() {
        Instant now = clock.instant();
        for (InFlight job : List.copyOf(unfinishedBookkeeping.values())) {
            if (job.retryAt != null && now.isBefore(job.retryAt)) {
                continue;
            }
            try {
                // hold the lease while retrying, so no other node takes the run for dead (the heartbeat renews
                // it too; a failure here does not keep the retry from going on)
                store.schedules().renew(List.of(job.claim.token()), now.plus(config.leaseDuration()));
            } catch (RuntimeException e) {
                LOG.debug("could not renew the lease of schedule {} before retrying its bookkeeping",
                        job.claim.scheduleId(), e);
            }
            if (completeRun(job)) {
                unfinishedBookkeeping.remove(job.claim.token());
                finish(job, null);
                job.done.complete(job.outcome);
            }
        }
    }

    /**
     * A worker came free after a poll that could not take everything due: poll again now rather than after the
     * whole poll interval (at the default 5 s a node would otherwise run at most {@code poolSize} short jobs per
     * interval). At most one such poll is queued at a time; it runs on the poll loop's thread.
     */
    private void repollIfMoreMayBeDue() {
        ScheduledExecutorService current = loop;
        if (!morePossiblyDue || current == null || closing || !repollQueued.compareAndSet(false, true)) {
            return;
        }
        try {
            current.execute(() -> {
                repollQueued.set(false);
                safely("poll", this::runDueOnce);
            });
        } catch (RejectedExecutionException e) {
            repollQueued.set(false); // the loop is shutting down
        }
    }

    /**
     * The batched path's poll: claims due schedules and records the starts of their runs in one transaction,
     * then hands each run to the pool. Should the store fail once the runs were planned, each is ended as not run
     * (releasing what a commit reported failed may have kept); a claim it skips or that waits is released after
     * the commit.
     *
     * @return how many were claimed
     */
    private int claimAndStart(Instant now, int limit) {
        Plan[] planned = new Plan[1];
        ClaimedStarts result;
        try {
            result = store.claimAndStartRuns(config.nodeId(), now, config.leaseDuration(), limit, claims -> {
                planned[0] = plan(claims, null, now);
                return planned[0].batch == null ? List.of() : planned[0].batch.starts();
            });
        } catch (RuntimeException e) {
            trouble.failed("claiming due schedules", e);
            if (planned[0] != null) {
                launch(planned[0], null, e);
            }
            return 0;
        }
        morePossiblyDue = !result.claims().isEmpty() && result.claims().size() == limit;
        if (planned[0] != null) { // a store that claimed nothing (a race on a target playlist) may not plan
            launch(planned[0], result.busy(), null);
        }
        return result.claims().size();
    }

    /** Claims sorted out before their start: those to release and those whose runs start. */
    private static final class Plan {
        final List<ScheduleClaim> skipped = new ArrayList<>();
        final List<ScheduleClaim> waiting = new ArrayList<>();
        final List<ScheduleClaim> toStart = new ArrayList<>();
        final List<TriggerSource> sources = new ArrayList<>();
        ExecutionEngine.StartBatch batch;
    }

    /**
     * Sorts claims out: the ones a misfire policy skips, the ones whose playlist was busy a moment ago (not a row
     * per poll while they wait), and the runs to start, prepared through the engine. Writes nothing.
     */
    private Plan plan(List<ScheduleClaim> claims, TriggerSource manual, Instant now) {
        Plan plan = new Plan();
        List<ExecutionEngine.Claimed> claimed = new ArrayList<>();
        for (ScheduleClaim claim : claims) {
            TriggerSource source = manual != null ? manual : claim.source();
            if (isMisfireToSkip(claim, source, now)) {
                plan.skipped.add(claim);
                continue;
            }
            Instant waitUntil = waitingUntil.get(claim.scheduleId());
            if (manual == null && waitUntil != null && now.isBefore(waitUntil)) {
                plan.waiting.add(claim);
                continue;
            }
            waitingUntil.remove(claim.scheduleId());
            plan.toStart.add(claim);
            plan.sources.add(source);
            claimed.add(new ExecutionEngine.Claimed(claim.schedule(), source,
                    source == TriggerSource.MANUAL ? 1 : claim.attempt()));
        }
        if (!claimed.isEmpty()) {
            plan.batch = engine.prepare(claimed);
        }
        return plan;
    }

    /**
     * After the starts were recorded (or failed to be): releases the skipped and waiting claims and hands each
     * run to the pool (a run whose start failed goes too, to record its end as not run).
     */
    private List<InFlight> launch(Plan plan, List<java.util.Optional<String>> busy, RuntimeException failure) {
        Instant now = clock.instant();
        plan.skipped.forEach(claim -> skipMisfire(claim, now));
        plan.waiting.forEach(this::releaseStillDue);
        List<InFlight> jobs = new ArrayList<>();
        if (plan.batch == null) {
            return jobs;
        }
        List<ExecutionEngine.Started> started = failure == null ? engine.started(plan.batch, busy)
                : engine.notStarted(plan.batch, failure);
        for (int i = 0; i < plan.toStart.size(); i++) {
            InFlight job = new InFlight(plan.toStart.get(i), plan.sources.get(i));
            job.started = started.get(i);
            job.outcome = Optional.of(job.started.execution());
            inFlight.put(job.claim.token(), job);
            jobs.add(job);
            try {
                workers.execute(() -> run(job));
            } catch (RejectedExecutionException e) {
                LOG.warn("worker pool refused schedule {}; its slot stays due", job.claim.scheduleId());
                if (job.state.compareAndSet(InFlight.QUEUED, InFlight.CANCELLED)) {
                    cancelStarted(job, "the worker pool refused it");
                }
            }
        }
        return jobs;
    }

    /**
     * Starts claims taken on their own (an operator's run): sorted out, started through the store in one
     * transaction, and handed to the pool.
     *
     * @param manual {@link TriggerSource#MANUAL} for an operator's run
     */
    private List<InFlight> startBatch(List<ScheduleClaim> claims, TriggerSource manual) {
        Plan plan = plan(claims, manual, clock.instant());
        if (plan.batch == null) {
            return launch(plan, List.of(), null);
        }
        List<java.util.Optional<String>> busy;
        try {
            busy = plan.batch.starts().isEmpty() ? List.of() : store.startRuns(plan.batch.starts());
        } catch (RuntimeException e) {
            return launch(plan, null, e);
        }
        return launch(plan, busy, null);
    }

    /** A started run whose job will not run: its end (not run, slot still due) is recorded now. */
    private void cancelStarted(InFlight job, String why) {
        job.finished = engine.cancel(job.started, why);
        job.outcome = Optional.of(job.finished.execution());
        if (!completeRun(job)) {
            unfinishedBookkeeping.remove(job.claim.token());
            LOG.error("schedule {}: could not record that its run did not start; its lease expires and another "
                    + "node (or the next start) recovers it", job.claim.scheduleId());
        }
        finish(job, null);
        job.done.complete(Optional.empty());
    }

    private void releaseStillDue(ScheduleClaim claim) {
        try {
            store.schedules().release(claim.token(), claim.slot(), claim.slot(), retryOf(claim));
        } catch (RuntimeException e) {
            LOG.debug("could not release the claim of schedule {}; its lease expires", claim.scheduleId(), e);
        }
    }

    private void skipMisfire(ScheduleClaim claim, Instant now) {
        Schedule schedule = claim.schedule();
        Instant next = nextRun.after(schedule.trigger(), now);
        LOG.info("schedule {} missed its slot {} by more than {}; skipped to {} (misfire policy skip)",
                schedule.id(), claim.slot(), config.misfireThreshold(), next);
        try {
            store.schedules().release(claim.token(), claim.slot(), next, 0);
        } catch (RuntimeException e) {
            LOG.error("schedule {}: could not release the skipped slot; its lease will expire and be recovered",
                    claim.scheduleId(), e);
        }
    }

    private InFlight dispatch(ScheduleClaim claim, TriggerSource source) {
        InFlight job = new InFlight(claim, source);
        inFlight.put(claim.token(), job);
        try {
            workers.execute(() -> run(job));
        } catch (RejectedExecutionException e) {
            LOG.warn("worker pool refused schedule {}; releasing it for a later poll", claim.scheduleId());
            finish(job, () -> store.schedules().release(claim.token(), claim.slot(), claim.slot(), retryOf(claim)));
        }
        return job;
    }

    private void run(InFlight job) {
        ScheduleClaim claim = job.claim;
        job.thread = Thread.currentThread();
        if (!job.state.compareAndSet(InFlight.QUEUED, InFlight.RUNNING)) {
            job.thread = null;
            return; // the scheduler closed before this claim started; close() released it
        }
        if (job.started != null) {
            runStarted(job);
            return;
        }
        boolean completed = true;
        try {
            Instant now = clock.instant();
            Schedule schedule = claim.schedule();
            if (isMisfireToSkip(claim, job.source, now)) {
                skipMisfire(claim, now);
                return;
            }
            job.outcome = runner.run(schedule.id(), job.source,
                    job.source == TriggerSource.MANUAL ? 1 : claim.attempt());
            completed = completeRun(job);
        } catch (VirtualMachineError e) {
            throw e;
        } catch (Throwable e) {
            // the runner, the misfire skip and the bookkeeping do not throw; should anything else, the lease
            // expires and the claim is recovered
            LOG.error("schedule {}: unexpected failure around its run; its lease will expire and be recovered",
                    claim.scheduleId(), e);
        } finally {
            job.thread = null;
            if (completed) {
                finish(job, null);
                job.done.complete(job.outcome);
            }
        }
    }

    private boolean isMisfireToSkip(ScheduleClaim claim, TriggerSource source, Instant now) {
        return source == TriggerSource.SCHEDULER && claim.schedule().misfirePolicy() == MisfirePolicy.SKIP
                && claim.slot() != null && now.isAfter(claim.slot().plus(config.misfireThreshold()));
    }

    /** The batched path's run: the job, then its end joins the next transaction of ends. */
    private void runStarted(InFlight job) {
        boolean over = false;
        jobsRunning.incrementAndGet();
        try {
            job.finished = engine.runStarted(job.started);
            job.outcome = Optional.of(job.finished.execution());
            over = true;
        } finally {
            job.thread = null;
            jobsRunning.decrementAndGet();
            if (!over) {
                finish(job, null); // the process is going down: the lease expires and the run is recovered
            }
        }
        recordEnd(job);
    }

    /**
     * Queues a run's end and, unless enough workers are recording ends now (one per two workers, at most four),
     * records every end waiting, in transactions of up to {@value #COMPLETION_BATCH}: ends that arrive while a
     * transaction commits share the next, and a recorder waits up to 2 ms for the ends of jobs still running (a
     * group commit with a bounded wait).
     */
    private void recordEnd(InFlight job) {
        endsToRecord.incrementAndGet();
        repollIfMoreMayBeDue(); // the worker is free: claim the next batch while this end is recorded
        synchronized (completions) {
            completions.add(job);
            completions.notifyAll(); // a recorder waiting for more ends
            if (recorders >= maxRecorders) {
                return;
            }
            recorders++;
        }
        boolean done = false;
        try {
            while (true) {
                List<InFlight> batch = new ArrayList<>();
                synchronized (completions) {
                    awaitMoreEnds();
                    while (!completions.isEmpty() && batch.size() < COMPLETION_BATCH) {
                        batch.add(completions.poll());
                    }
                    if (batch.isEmpty()) {
                        recorders--;
                        done = true;
                        return;
                    }
                }
                recordEnds(batch);
            }
        } finally {
            if (!done) {
                synchronized (completions) {
                    recorders--;
                }
            }
        }
    }

    /**
     * Holding {@link #completions}: waits up to {@link #END_GROUP_WAIT_NANOS} while jobs are still running and
     * their ends could join the transaction (woken by each end queued; never while closing).
     */
    private void awaitMoreEnds() {
        long deadline = System.nanoTime() + END_GROUP_WAIT_NANOS;
        while (!closing && !completions.isEmpty() && completions.size() < COMPLETION_BATCH
                && jobsRunning.get() > 0) {
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                return;
            }
            try {
                java.util.concurrent.TimeUnit.NANOSECONDS.timedWait(completions, left);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    private void recordEnds(List<InFlight> batch) {
        try {
            recordEndsOf(batch);
        } finally {
            endsToRecord.addAndGet(-batch.size());
        }
    }

    private void recordEndsOf(List<InFlight> batch) {
        try {
            List<RunCompletion> ends = new ArrayList<>(batch.size());
            for (InFlight job : batch) {
                ends.add(completionOf(job));
            }
            retrying(() -> {
                store.completeRuns(ends);
                return null;
            });
        } catch (RuntimeException e) {
            if (batch.size() == 1) {
                bookkeepingFailed(batch.get(0), e);
                return;
            }
            // one at a time, so a run the batch could not record does not hold back the others
            for (InFlight job : batch) {
                if (completeRun(job)) {
                    endRecorded(job);
                }
            }
            return;
        }
        batch.forEach(this::endRecorded);
    }

    private void endRecorded(InFlight job) {
        if (job.finished.waiting()) {
            waitingUntil.put(job.claim.scheduleId(), clock.instant().plus(config.pollInterval()));
        }
        finish(job, null);
        job.done.complete(job.outcome);
    }

    /**
     * A run's end as the store records it: the execution; unless the job never ran, the schedule's outcome and
     * its next run, the one rule for both — the trigger's next slot after the end (jittered), a retry when the
     * retry policy asks and it comes before that slot, the stored next run kept for a manual run, none while
     * paused; and the release of its lease and playlist leases.
     */
    private RunCompletion completionOf(InFlight job) {
        ExecutionEngine.Finished f = job.finished;
        ScheduleClaim claim = job.claim;
        Execution e = f.execution();
        if (!f.jobRan()) {
            return new RunCompletion(e, null, claim.token(), retryOf(claim), null, f.playlists());
        }
        Instant end = e.completedAt();
        boolean manual = job.source == TriggerSource.MANUAL;
        Instant retryAt = null;
        int retry = 0;
        if (!manual && config.retry().shouldRetry(e)) {
            Instant slot = nextRun.slotAfter(claim.schedule().trigger(), end);
            Instant at = end.plus(config.retry().backoff(e.attempt()));
            if (slot == null || at.isBefore(slot)) {
                retryAt = at;
                retry = e.attempt() + 1;
                if (job.bookkeepingFailures == 0) {
                    LOG.info("schedule {}: attempt {} failed ({}); retry {} at {}", claim.scheduleId(), e.attempt(),
                            e.errorMessage(), retry, at);
                }
            }
        }
        Instant retryTime = retryAt;
        return new RunCompletion(e, current -> current.withOutcome(end, e.status(), e.errorMessage(),
                nextRun.afterRun(current, end, manual, retryTime)), claim.token(), retry, f.activity(), f.playlists());
    }


    /**
     * The bookkeeping after a run, each step idempotent so that it can be retried: stores the outcome when the
     * engine could not, then releases the claim. A run whose job never ran gives its slot back still due; only
     * the transaction that records a run's outcome moves the next run. On a store failure the claim stays in
     * flight (its lease renewed by the heartbeat and by each retry) and the next poll tries again.
     *
     * @return true when done; false when it is left for a retry
     */
    private boolean completeRun(InFlight job) {
        try {
            doCompleteRun(job);
            return true;
        } catch (VirtualMachineError e) {
            throw e;
        } catch (Throwable e) {
            bookkeepingFailed(job, e);
            return false;
        }
    }

    private void bookkeepingFailed(InFlight job, Throwable e) {
        job.bookkeepingFailures++;
        long backoff = Math.min(config.pollInterval().toMillis() << Math.min(job.bookkeepingFailures - 1, 2),
                config.leaseDuration().toMillis() / 10);
        job.retryAt = clock.instant().plusMillis(backoff);
        unfinishedBookkeeping.put(job.claim.token(), job);
        trouble.failed("recording the end of a run of schedule " + job.claim.scheduleId(), e);
    }

    private void doCompleteRun(InFlight job) {
        if (job.finished != null) {
            RunCompletion end = completionOf(job);
            retrying(() -> {
                store.completeRuns(List.of(end));
                return null;
            });
            return;
        }
        ScheduleClaim claim = job.claim;
        Optional<Execution> outcome = job.outcome;
        boolean retrying = job.bookkeepingFailures > 0;
        if (outcome.isEmpty() || isNotRun(outcome.get())) {
            // the job never ran (the schedule could not be read, was deleted or paused, or the store failed
            // before the job started): give the slot back, still due
            if (outcome.isPresent()) {
                Execution notRun = outcome.get();
                retrying(() -> {
                    endNotRun(notRun);
                    return null;
                });
            }
            retrying(() -> store.schedules().release(claim.token(), claim.slot(), claim.slot(), retryOf(claim)));
            return;
        }
        Execution execution = outcome.get();
        if (Boolean.TRUE.equals(execution.details().get(ExecutionEngine.DETAIL_OUTCOME_UNRECORDED))) {
            Execution unrecorded = execution;
            retrying(() -> {
                runner.retryOutcome(unrecorded, job.source);
                return null;
            });
            Map<String, Object> details = new java.util.LinkedHashMap<>(execution.details());
            details.remove(ExecutionEngine.DETAIL_OUTCOME_UNRECORDED);
            execution = new Execution(execution.id(), execution.scheduleId(), execution.userId(),
                    execution.jobType(), execution.startedAt(), execution.completedAt(), execution.status(),
                    execution.tracksAdded(), execution.tracksRemoved(), execution.tracksTotal(),
                    execution.errorMessage(), execution.triggerSource(), execution.attempt(), details,
                    execution.warnings());
            job.outcome = Optional.of(execution);
        }
        Instant now = clock.instant();
        boolean held;
        if (job.source != TriggerSource.MANUAL && config.retry().shouldRetry(execution)) {
            Optional<Schedule> current = retrying(() -> store.schedules().find(claim.scheduleId()));
            if (current.isEmpty()) {
                return; // deleted while running; its lease went with it
            }
            Instant expected = current.get().nextRunAt();
            Instant retryAt = now.plus(config.retry().backoff(execution.attempt()));
            if (expected == null || retryAt.isBefore(expected)) {
                LOG.info("schedule {}: attempt {} failed ({}); retry {} at {}", claim.scheduleId(),
                        execution.attempt(), execution.errorMessage(), execution.attempt() + 1, retryAt);
                int retry = execution.attempt() + 1;
                held = retrying(() -> store.schedules().release(claim.token(), expected, retryAt, retry));
            } else {
                held = retrying(() -> store.schedules().release(claim.token(), expected, expected, 0));
            }
        } else if (nextRun.jitters() && job.source != TriggerSource.MANUAL) {
            Optional<Schedule> current = retrying(() -> store.schedules().find(claim.scheduleId()));
            if (current.isEmpty()) {
                return;
            }
            Instant expected = current.get().nextRunAt();
            Instant next = Objects.equals(expected, claim.slot()) || retrying ? expected : nextRun.jittered(expected);
            held = retrying(() -> store.schedules().release(claim.token(), expected, next, 0));
        } else {
            // the outcome's transaction moved the next run; the release leaves it as it is
            held = retrying(() -> store.schedules().release(claim.token(), claim.slot(), claim.slot(), 0));
        }
        if (!held && !retrying) {
            LOG.warn("schedule {}: the lease was lost while running (recovered by another node after missed "
                    + "heartbeats); the recovering node rescheduled it", claim.scheduleId());
        }
    }

    /**
     * A step of the bookkeeping, tried up to three times at once (each step is idempotent); a failure of all
     * three is left to the next poll's retry, with backoff.
     */
    private static <T> T retrying(java.util.function.Supplier<T> step) {
        RuntimeException last = null;
        for (int i = 0; i < 3; i++) {
            try {
                return step.get();
            } catch (RuntimeException e) {
                if (last != null) {
                    e.addSuppressed(last);
                }
                last = e;
            }
        }
        throw last;
    }

    private static boolean isNotRun(Execution execution) {
        return Boolean.TRUE.equals(execution.details().get(ExecutionEngine.DETAIL_NOT_RUN));
    }

    /** A run whose job never ran must not stay {@code running} (it would be taken for abandoned). */
    private void endNotRun(Execution execution) {
        Optional<Execution> stored = store.executions().find(execution.id());
        if (stored.isPresent() && stored.get().status() == ExecutionStatus.RUNNING) {
            Execution skipped = execution.status() == ExecutionStatus.SKIPPED ? execution
                    : stored.get().ended(clock.instant(), ExecutionStatus.SKIPPED, "not run: "
                            + execution.errorMessage() + "; the slot stays due and is tried again");
            store.executions().saveIfRunning(withNotRun(skipped));
        }
    }

    private static Execution withNotRun(Execution e) {
        if (isNotRun(e)) {
            return e;
        }
        Map<String, Object> details = new java.util.LinkedHashMap<>(e.details());
        details.put(ExecutionEngine.DETAIL_NOT_RUN, true);
        return new Execution(e.id(), e.scheduleId(), e.userId(), e.jobType(), e.startedAt(), e.completedAt(),
                e.status(), e.tracksAdded(), e.tracksRemoved(), e.tracksTotal(), e.errorMessage(),
                e.triggerSource(), e.attempt(), details, e.warnings());
    }

    private void finish(InFlight job, Runnable releaseFirst) {
        if (job.finished != null) {
            job.finished.unlock().run();
        } else if (job.started != null && job.started.early() != null) {
            job.started.early().unlock().run();
        }
        try {
            if (releaseFirst != null) {
                releaseFirst.run();
            }
        } finally {
            synchronized (monitor) {
                inFlight.remove(job.claim.token());
                monitor.notifyAll();
            }
            repollIfMoreMayBeDue();
        }
    }

    private static int retryOf(ScheduleClaim claim) {
        return claim.attempt() > 1 ? claim.attempt() : 0;
    }


    // ---- leases -------------------------------------------------------------------------------------------

    /**
     * Renews the leases of this node's claims.
     *
     * @return how many were renewed
     */
    public int heartbeat() {
        List<String> tokens = new ArrayList<>(inFlight.keySet());
        if (tokens.isEmpty()) {
            return 0;
        }
        int renewed = store.schedules().renew(tokens, clock.instant().plus(config.leaseDuration()));
        if (renewed < tokens.size()) {
            LOG.warn("{} of {} leases held by node {} were no longer held; their runs were recovered elsewhere",
                    tokens.size() - renewed, tokens.size(), config.nodeId());
        }
        return renewed;
    }

    /**
     * Recovers expired leases of other nodes (or of an earlier life of this node): a run that started under
     * the lease and is still {@code running} becomes {@code abandoned} and the schedule is rescheduled from now;
     * a claim whose run never started is released with its slot still due.
     *
     * @return how many leases were recovered
     */
    public int recoverExpiredLeases() {
        Instant now = clock.instant();
        int recovered = 0;
        List<ScheduleClaim> expired;
        try {
            expired = store.schedules().findExpired(now, config.batchSize());
        } catch (RuntimeException e) {
            trouble.failed("finding expired leases", e);
            return 0;
        }
        for (ScheduleClaim lease : expired) {
            if (inFlight.containsKey(lease.token())) {
                continue; // ours and still running: the heartbeat renews it
            }
            try {
                if (recover(lease, now, true, "node '" + lease.owner() + "' stopped renewing its lease (expired at "
                        + lease.expiresAt() + ")")) {
                    recovered++;
                }
            } catch (RuntimeException e) {
                // each lease on its own: the next poll tries this one again, the others and claiming go on
                trouble.failed("recovering the expired lease of schedule " + lease.scheduleId(), e);
            }
        }
        return recovered;
    }

    private boolean recover(ScheduleClaim lease, Instant now, boolean onlyIfExpired, String why) {
        boolean started = false;
        for (Execution e : store.executions().listBySchedule(lease.scheduleId(), RECENT_EXECUTIONS)) {
            if (e.startedAt().isBefore(lease.acquiredAt()) || isNotRun(e)
                    || (onlyIfExpired && e.startedAt().isAfter(lease.expiresAt()))) {
                // an earlier run; one whose job never ran; or one that started after this lease expired: a
                // newer claim's (another poll recovered this lease meanwhile and the schedule was claimed again)
                continue;
            }
            started = true;
            if (e.status() == ExecutionStatus.RUNNING
                    && store.executions().saveIfRunning(e.ended(now, ExecutionStatus.ABANDONED, why))) {
                LOG.warn("execution {} of schedule {} abandoned: {}", e.id(), lease.scheduleId(), why);
                runner.repairAbandoned(e.id()); // before the schedule is rescheduled below
            }
        }
        Schedule schedule = lease.schedule();
        Instant expected = schedule.nextRunAt();
        Instant next = expected;
        if (started && Objects.equals(expected, lease.slot())) {
            next = nextRun.after(schedule.trigger(), now);
        }
        int retry = started ? 0 : retryOf(lease);
        boolean ended = onlyIfExpired ? store.schedules().recoverExpired(lease.token(), now, expected, next, retry)
                : store.schedules().release(lease.token(), expected, next, retry);
        if (ended) {
            LOG.info("recovered the lease of schedule {} held by node {}: {}; next run {}", lease.scheduleId(),
                    lease.owner(), started ? "its run was abandoned" : "its run had not started", next);
        }
        return ended;
    }

    /**
     * Marks {@code running} executions that no live lease covers as {@code abandoned} (the process running them
     * died), and recovers leases this node id held in an earlier life. Runs at start-up and with housekeeping.
     * A manual run has no lease, so it is only taken for dead after {@link Housekeeping#staleManualRunAfter()}.
     *
     * @return how many executions were marked abandoned
     */
    public int reconcileStaleRuns() {
        Instant now = clock.instant();
        // executions first, leases second: a run listed here was claimed before, so its lease is visible below
        List<Execution> running = store.executions().listByStatus(ExecutionStatus.RUNNING, STALE_BATCH);
        List<ScheduleClaim> leases = store.schedules().listLeases();
        for (ScheduleClaim lease : leases) {
            if (lease.owner().equals(config.nodeId()) && !inFlight.containsKey(lease.token())) {
                recover(lease, now, false, "node '" + config.nodeId() + "' restarted while running it");
            }
        }
        Map<String, ScheduleClaim> live = store.schedules().listLeases().stream()
                .filter(l -> !l.isExpired(now)).collect(Collectors.toMap(ScheduleClaim::scheduleId,
                        Function.identity(), (a, b) -> a));
        int abandoned = 0;
        for (Execution e : running) {
            ScheduleClaim lease = live.get(e.scheduleId());
            if (lease != null && !e.startedAt().isBefore(lease.acquiredAt())) {
                continue; // running under a live lease
            }
            if (e.triggerSource() == TriggerSource.MANUAL
                    && e.startedAt().isAfter(now.minus(config.housekeeping().staleManualRunAfter()))) {
                continue; // a manual run on some node; not old enough to be taken for dead
            }
            if (store.executions().saveIfRunning(e.ended(now, ExecutionStatus.ABANDONED,
                    "found running with no live scheduler lease on node '" + config.nodeId()
                            + "'; the process running it stopped"))) {
                abandoned++;
                runner.repairAbandoned(e.id());
            }
        }
        if (abandoned > 0) {
            LOG.warn("marked {} stale running execution(s) abandoned", abandoned);
        }
        return abandoned;
    }

    // ---- housekeeping -------------------------------------------------------------------------------------

    /**
     * Prunes old executions, activity and snapshots, reconciles stale runs and retries the repair of abandoned
     * runs not repaired yet.
     *
     * @return how many rows were deleted
     */
    public int housekeeping() {
        Housekeeping h = config.housekeeping();
        Instant now = clock.instant();
        int deleted = 0;
        if (!h.executionMaxAge().isZero()) {
            deleted += store.executions().deleteFinishedBefore(now.minus(h.executionMaxAge()));
        }
        if (h.executionsPerSchedule() > 0) {
            deleted += store.executions().pruneEachSchedule(h.executionsPerSchedule());
        }
        if (!h.activityMaxAge().isZero()) {
            deleted += store.activity().deleteBefore(now.minus(h.activityMaxAge()));
        }
        if (h.activityPerUser() > 0) {
            deleted += store.activity().pruneEachUser(h.activityPerUser());
        }
        if (h.snapshotsPerPlaylist() > 0) {
            deleted += store.snapshots().pruneEachPlaylist(h.snapshotsPerPlaylist());
        }
        reconcileStaleRuns();
        runner.repairPending();
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
        return inFlight.size();
    }

    // ---- operator functions -------------------------------------------------------------------------------

    /**
     * Every schedule with its state.
     *
     * @return never null
     */
    public List<ScheduleState> jobs() {
        Map<String, ScheduleClaim> leases = store.schedules().listLeases().stream()
                .collect(Collectors.toMap(ScheduleClaim::scheduleId, Function.identity(), (a, b) -> a));
        return store.schedules().listAll().stream().map(s -> {
            ScheduleClaim lease = leases.get(s.id());
            return new ScheduleState(s, lease == null ? null : lease.owner(), lease == null ? null : lease.expiresAt());
        }).toList();
    }

    /**
     * Pauses a schedule: the scheduler stops running it (a run in progress finishes).
     *
     * @param scheduleId the schedule
     * @return the paused schedule
     * @throws NotFoundException when there is no such schedule
     */
    public Schedule pause(String scheduleId) {
        Schedule s = require(scheduleId);
        Schedule paused = s.withEnabled(false, clock.instant());
        store.schedules().save(paused);
        return paused;
    }

    /**
     * Resumes a paused schedule; a next run in the past (or none) becomes the trigger's next slot from now.
     *
     * @param scheduleId the schedule
     * @return the resumed schedule
     * @throws NotFoundException when there is no such schedule
     */
    public Schedule resume(String scheduleId) {
        Schedule s = require(scheduleId);
        Instant now = clock.instant();
        Schedule resumed = s.withEnabled(true, now).withNextRunAt(nextRun.resumed(s, now));
        store.schedules().save(resumed);
        return resumed;
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
        if (closing) {
            throw new IllegalStateException("the scheduler is closed");
        }
        require(scheduleId);
        Optional<ScheduleClaim> claim = store.schedules().claim(scheduleId, config.nodeId(), clock.instant(),
                config.leaseDuration());
        if (engine != null) {
            return claim.map(c -> startBatch(List.of(c), TriggerSource.MANUAL).get(0).done);
        }
        return claim.map(c -> dispatch(c, TriggerSource.MANUAL).done);
    }

    private Schedule require(String scheduleId) {
        return store.schedules().find(scheduleId).orElseThrow(() -> new NotFoundException("schedule", scheduleId));
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
            if (closing) {
                return inFlight.isEmpty();
            }
            closing = true;
        }
        if (loop != null) {
            loop.shutdownNow();
        }
        for (InFlight job : List.copyOf(inFlight.values())) {
            if (job.state.compareAndSet(InFlight.QUEUED, InFlight.CANCELLED)) {
                // never started: give the slot back, still due, for the next node (or the next start)
                if (job.started != null) {
                    cancelStarted(job, "Shuffify on node '" + config.nodeId() + "' closed before the run started");
                    continue;
                }
                finish(job, () -> store.schedules().release(job.claim.token(), job.claim.slot(), job.claim.slot(),
                        retryOf(job.claim)));
                job.done.complete(Optional.empty());
            }
        }
        for (InFlight job : List.copyOf(unfinishedBookkeeping.values())) {
            // the run is over; only its outcome or release is left: a few more tries, then leave the lease
            boolean done = false;
            for (int i = 0; i < 3 && !done; i++) {
                done = completeRun(job);
            }
            if (!done) {
                LOG.error("schedule {}: could not store the end of its run before shutdown; its lease expires and "
                        + "another node (or the next start) recovers it", job.claim.scheduleId());
            }
            unfinishedBookkeeping.remove(job.claim.token());
            finish(job, null);
            job.done.complete(job.outcome);
        }
        boolean allDone = awaitIdle(timeout);
        if (!allDone) {
            for (InFlight job : List.copyOf(inFlight.values())) {
                abandonOnShutdown(job);
            }
        }
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

    private boolean awaitIdle(Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        synchronized (monitor) {
            while (!inFlight.isEmpty()) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    return false;
                }
                try {
                    TimeUnit.NANOSECONDS.timedWait(monitor, left);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return false;
                }
            }
            return true;
        }
    }

    private void abandonOnShutdown(InFlight job) {
        if (job.finished != null) {
            // the run is over, only its end is not recorded yet: record it rather than call it abandoned
            if (!completeRun(job)) {
                unfinishedBookkeeping.remove(job.claim.token());
                LOG.error("schedule {}: could not store the end of its run before shutdown; its lease expires and "
                        + "another node (or the next start) recovers it", job.claim.scheduleId());
            }
            finish(job, null);
            job.done.complete(job.outcome);
            return;
        }
        try {
            recover(job.claim, clock.instant(), false, "Shuffify on node '" + config.nodeId()
                    + "' shut down before the run finished");
        } catch (RuntimeException e) {
            LOG.error("could not mark the run of schedule {} abandoned at shutdown; its lease will expire",
                    job.claim.scheduleId(), e);
        } finally {
            Thread t = job.thread;
            if (t != null) {
                t.interrupt();
            }
            finish(job, null);
        }
    }

    // ---- helpers ------------------------------------------------------------------------------------------

    private void safely(String what, Runnable step) {
        try {
            step.run();
        } catch (VirtualMachineError e) {
            throw e;
        } catch (Throwable e) {
            trouble.failed(what, e);
        }
    }

    /**
     * Logs store failures once per episode: a warning at the first, a debug line for each further one, and an
     * info line with the count when a poll goes through without one.
     */
    private static final class StoreTrouble {
        private final AtomicInteger failures = new AtomicInteger();
        private int failuresAtEpisodeStart = -1;

        int failures() {
            return failures.get();
        }

        synchronized void failed(String what, Throwable e) {
            failures.incrementAndGet();
            if (failuresAtEpisodeStart < 0) {
                failuresAtEpisodeStart = failures.get() - 1;
                LOG.warn("scheduler: {} failed; retrying with backoff (further failures logged at debug until it "
                        + "recovers)", what, e);
            } else {
                LOG.debug("scheduler: {} failed again", what, e);
            }
        }

        synchronized void recovered(String nodeId) {
            if (failuresAtEpisodeStart >= 0) {
                LOG.info("scheduler on node {} recovered after {} store failure(s)", nodeId,
                        failures.get() - failuresAtEpisodeStart);
                failuresAtEpisodeStart = -1;
            }
        }
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
