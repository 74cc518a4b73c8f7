package dev.shuffify.internal.scheduler;

import dev.shuffify.internal.engine.Finished;
import dev.shuffify.internal.engine.StartedRun;
import dev.shuffify.model.Execution;
import dev.shuffify.model.TriggerSource;
import dev.shuffify.store.ScheduleClaim;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;

/** One claim this node holds: queued on the pool, then running (or cancelled by close before it ran). */
final class InFlight {
    static final int QUEUED = 0;
    static final int RUNNING = 1;
    static final int CANCELLED = 2;

    final ScheduleClaim claim;
    final TriggerSource source;
    /** The run as the engine started it. */
    final StartedRun started;
    final CompletableFuture<Optional<Execution>> done = new CompletableFuture<>();
    final AtomicInteger state = new AtomicInteger(QUEUED);
    volatile Thread thread;
    /** What the run returned, kept while its bookkeeping is retried. */
    volatile Optional<Execution> outcome;
    /** Its end, once over. */
    volatile Finished finished;
    /** Failed attempts at recording its end. */
    int bookkeepingFailures;
    /** When the next attempt at recording its end is due. */
    Instant retryAt;

    InFlight(ScheduleClaim claim, TriggerSource source, StartedRun started) {
        this.claim = claim;
        this.source = source;
        this.started = started;
        this.outcome = Optional.of(started.execution());
    }

    /** Gives back this node's playlist locks of the run (once its end is stored, or given up). */
    void unlock() {
        if (finished != null) {
            finished.unlock().run();
        } else if (started.early() != null) {
            started.early().unlock().run();
        }
    }
}
