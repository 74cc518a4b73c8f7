package dev.shuffify.internal.scheduler;

import dev.shuffify.internal.engine.ExecutionEngine;
import dev.shuffify.internal.engine.Finished;
import dev.shuffify.model.Execution;
import dev.shuffify.model.TriggerSource;
import dev.shuffify.store.RunCompletion;
import dev.shuffify.store.ScheduleClaim;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Records the ends of runs: each end, as {@link ExecutionEngine}'s outcome rule makes it
 * ({@code Outcomes.completion}) with the scheduler's retry decision, joins a transaction shared with the ends
 * that arrive with it (group commit, {@link dev.shuffify.store.ShuffifyStore#completeRuns}); an end the store
 * fails to record is retried by each poll, with backoff, its lease held.
 */
final class EndRecorder {
    private static final Logger LOG = LoggerFactory.getLogger(Scheduler.class);
    /** The most run ends recorded in one transaction. */
    private static final int COMPLETION_BATCH = 100;
    /**
     * How long a worker about to record ends waits for the ends of jobs still running, so that they share its
     * transaction: a group commit with a bounded wait. It stops waiting as soon as no job is running.
     */
    private static final long END_GROUP_WAIT_NANOS = TimeUnit.MILLISECONDS.toNanos(2);

    private final SchedulerState s;
    /** Ends of runs waiting to be recorded; one worker at a time records all that are waiting. */
    private final ArrayDeque<InFlight> completions = new ArrayDeque<>();
    /** Jobs running on a worker now (their ends are still to come). */
    final AtomicInteger jobsRunning = new AtomicInteger();
    /** Runs whose job is over and whose end waits in the queue or in the transaction recording it. */
    final AtomicInteger endsToRecord = new AtomicInteger();
    /** How many workers record ends now, at most {@link #maxRecorders}. */
    private int recorders;
    private final int maxRecorders;

    EndRecorder(SchedulerState s) {
        this.s = s;
        // ends are recorded by the workers that just ran them, in up to one transaction per two workers at once
        this.maxRecorders = Math.max(1, Math.min(4, s.config.poolSize() / 2));
    }

    /**
     * Queues a run's end and, unless enough workers are recording ends now (one per two workers, at most four),
     * records every end waiting, in transactions of up to {@value #COMPLETION_BATCH}: ends that arrive while a
     * transaction commits share the next, and a recorder waits up to 2 ms for the ends of jobs still running.
     */
    void recordEnd(InFlight job) {
        endsToRecord.incrementAndGet();
        s.repollIfMoreMayBeDue(); // the worker is free: claim the next batch while this end is recorded
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
        while (!s.closing && !completions.isEmpty() && completions.size() < COMPLETION_BATCH
                && jobsRunning.get() > 0) {
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                return;
            }
            try {
                TimeUnit.NANOSECONDS.timedWait(completions, left);
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
                s.store.completeRuns(ends);
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
            s.waitingUntil.put(job.claim.scheduleId(), s.clock.instant().plus(s.config.pollInterval()));
        }
        s.finish(job, null);
        job.done.complete(job.outcome);
    }

    /**
     * A run's end as the store records it: the engine's outcome rule, with this scheduler's lease, its retry
     * decision (the retry policy reads the typed {@link Finished#failure}; a retry comes before the next slot or
     * not at all) and its next-run rule (jittered).
     */
    private RunCompletion completionOf(InFlight job) {
        Finished f = job.finished;
        ScheduleClaim claim = job.claim;
        Execution e = f.execution();
        boolean manual = job.source == TriggerSource.MANUAL;
        Instant retryAt = null;
        int retry = 0;
        if (f.jobRan() && !manual && s.config.retry().shouldRetry(e, f.failure())) {
            Instant end = e.completedAt();
            Instant slot = s.nextRun.slotAfter(claim.schedule().trigger(), end);
            Instant at = end.plus(s.config.retry().backoff(e.attempt()));
            if (slot == null || at.isBefore(slot)) {
                retryAt = at;
                retry = e.attempt() + 1;
                if (job.bookkeepingFailures == 0) {
                    LOG.info("schedule {}: attempt {} failed ({}); retry {} at {}", claim.scheduleId(), e.attempt(),
                            e.errorMessage(), retry, at);
                }
            }
        }
        return s.engine.completion(f, claim.token(), SchedulerState.retryOf(claim), manual, retryAt, retry,
                s.nextRun);
    }

    /**
     * Records one run's end; on a store failure the claim stays in flight (its lease renewed by the heartbeat
     * and by each retry) and the next poll tries again.
     *
     * @return true when done; false when it is left for a retry
     */
    boolean completeRun(InFlight job) {
        try {
            RunCompletion end = completionOf(job);
            retrying(() -> {
                s.store.completeRuns(List.of(end));
                return null;
            });
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
        long backoff = Math.min(s.config.pollInterval().toMillis() << Math.min(job.bookkeepingFailures - 1, 2),
                s.config.leaseDuration().toMillis() / 10);
        job.retryAt = s.clock.instant().plusMillis(backoff);
        s.unfinishedBookkeeping.put(job.claim.token(), job);
        s.trouble.failed("recording the end of a run of schedule " + job.claim.scheduleId(), e);
    }

    /** Retries the recording of ends the store failed to record, lease renewed. */
    void retryBookkeeping() {
        Instant now = s.clock.instant();
        for (InFlight job : List.copyOf(s.unfinishedBookkeeping.values())) {
            if (job.retryAt != null && now.isBefore(job.retryAt)) {
                continue;
            }
            try {
                // hold the lease while retrying, so no other node takes the run for dead (the heartbeat renews
                // it too; a failure here does not keep the retry from going on)
                s.store.schedules().renew(List.of(job.claim.token()), now.plus(s.config.leaseDuration()));
            } catch (RuntimeException e) {
                LOG.debug("could not renew the lease of schedule {} before retrying its bookkeeping",
                        job.claim.scheduleId(), e);
            }
            if (completeRun(job)) {
                s.unfinishedBookkeeping.remove(job.claim.token());
                s.finish(job, null);
                job.done.complete(job.outcome);
            }
        }
    }

    /**
     * A step of the bookkeeping, tried up to three times at once (each step is idempotent); a failure of all
     * three is left to the next poll's retry, with backoff.
     */
    private static <T> T retrying(Supplier<T> step) {
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
}
