package dev.shuffify.internal.scheduler;

import dev.shuffify.internal.engine.ExecutionEngine;
import dev.shuffify.internal.timing.NextRun;
import dev.shuffify.store.ScheduleClaim;
import dev.shuffify.store.ShuffifyStore;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * What the parts of one node's scheduler share: the store, the engine and the configuration, the claims the node
 * holds, and the poll loop (for a re-poll when a worker comes free).
 */
final class SchedulerState {
    final ShuffifyStore store;
    final ExecutionEngine engine;
    final SchedulerConfig config;
    final Clock clock;
    final NextRun nextRun;
    final Executor workers;
    final StoreTrouble trouble = new StoreTrouble();
    /** The claims this node holds, by lease token. */
    final Map<String, InFlight> inFlight = new ConcurrentHashMap<>();
    /** Claims whose run is over but whose end could not be stored yet; retried by each poll. */
    final Map<String, InFlight> unfinishedBookkeeping = new ConcurrentHashMap<>();
    /** Schedules whose last run waited for a playlist another run holds: not started again before this time. */
    final Map<String, Instant> waitingUntil = new ConcurrentHashMap<>();
    /** Notified whenever a claim is given up ({@link #finish}). */
    final Object monitor = new Object();
    volatile boolean closing;
    volatile ScheduledExecutorService loop;
    /** The last poll filled every free worker (or found none free): more may be due than it could take. */
    volatile boolean morePossiblyDue;
    private final AtomicBoolean repollQueued = new AtomicBoolean();
    /** One poll, as the loop runs it. */
    volatile Runnable poll = () -> { };

    SchedulerState(ShuffifyStore store, ExecutionEngine engine, SchedulerConfig config, Clock clock, NextRun nextRun,
            Executor workers) {
        this.store = store;
        this.engine = engine;
        this.config = config;
        this.clock = clock;
        this.nextRun = nextRun;
        this.workers = workers;
    }

    /**
     * Gives a claim up: this node's playlist locks of its run back, then {@code releaseFirst} (null for none),
     * then the claim out of {@link #inFlight}.
     */
    void finish(InFlight job, Runnable releaseFirst) {
        job.unlock();
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

    /**
     * A worker came free after a poll that could not take everything due: poll again now rather than after the
     * whole poll interval (at the default 5 s a node would otherwise run at most {@code poolSize} short jobs per
     * interval). At most one such poll is queued at a time; it runs on the poll loop's thread.
     */
    void repollIfMoreMayBeDue() {
        ScheduledExecutorService current = loop;
        if (!morePossiblyDue || current == null || closing || !repollQueued.compareAndSet(false, true)) {
            return;
        }
        try {
            current.execute(() -> {
                repollQueued.set(false);
                safely("poll", poll);
            });
        } catch (RejectedExecutionException e) {
            repollQueued.set(false); // the loop is shutting down
        }
    }

    /** Runs a step of the loop; a failure counts as store trouble. */
    void safely(String what, Runnable step) {
        try {
            step.run();
        } catch (VirtualMachineError e) {
            throw e;
        } catch (Throwable e) {
            trouble.failed(what, e);
        }
    }

    /** The retry attempt a claim's slot keeps when it is given back still due. */
    static int retryOf(ScheduleClaim claim) {
        return claim.attempt() > 1 ? claim.attempt() : 0;
    }
}
