package dev.shuffify.internal.scheduler;

import dev.shuffify.internal.engine.Claimed;
import dev.shuffify.internal.engine.StartBatch;
import dev.shuffify.internal.engine.StartedRun;
import dev.shuffify.model.MisfirePolicy;
import dev.shuffify.model.Schedule;
import dev.shuffify.model.TriggerSource;
import dev.shuffify.store.ClaimedStarts;
import dev.shuffify.store.ScheduleClaim;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.RejectedExecutionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Claims, plans and launches runs: claims due schedules and records the starts of their runs in one transaction
 * ({@link dev.shuffify.store.ShuffifyStore#claimAndStartRuns}), sorts the claims out (a misfire to skip, a
 * schedule still waiting for a playlist, a run to start) and hands each run to the worker pool, whose worker
 * runs the job and hands its end to the {@link EndRecorder}.
 */
final class Launcher {
    private static final Logger LOG = LoggerFactory.getLogger(Scheduler.class);
    private final SchedulerState s;
    private final EndRecorder ends;

    Launcher(SchedulerState s, EndRecorder ends) {
        this.s = s;
        this.ends = ends;
    }

    /** Claims sorted out before their start: those to release and those whose runs start. */
    private static final class Plan {
        final List<ScheduleClaim> skipped = new ArrayList<>();
        final List<ScheduleClaim> waiting = new ArrayList<>();
        final List<ScheduleClaim> toStart = new ArrayList<>();
        final List<TriggerSource> sources = new ArrayList<>();
        StartBatch batch;
    }

    /**
     * A poll's claim: claims due schedules and records the starts of their runs in one transaction, then hands
     * each run to the pool. Should the store fail once the runs were planned, each is ended as not run
     * (releasing what a commit reported failed may have kept); a claim it skips or that waits is released after
     * the commit.
     *
     * @return how many were claimed
     */
    int claimAndStart(Instant now, int limit) {
        Plan[] planned = new Plan[1];
        ClaimedStarts result;
        try {
            result = s.store.claimAndStartRuns(s.config.nodeId(), now, s.config.leaseDuration(), limit, claims -> {
                planned[0] = plan(claims, null, now);
                return planned[0].batch == null ? List.of() : planned[0].batch.starts();
            });
        } catch (RuntimeException e) {
            s.trouble.failed("claiming due schedules", e);
            if (planned[0] != null) {
                launch(planned[0], null, e);
            }
            return 0;
        }
        s.morePossiblyDue = !result.claims().isEmpty() && result.claims().size() == limit;
        if (planned[0] != null) { // a store that claimed nothing (a race on a target playlist) may not plan
            launch(planned[0], result.busy(), null);
        }
        return result.claims().size();
    }

    /**
     * Starts claims taken on their own (an operator's run): sorted out, started through the store in one
     * transaction, and handed to the pool.
     *
     * @param manual {@link TriggerSource#MANUAL} for an operator's run
     */
    List<InFlight> startBatch(List<ScheduleClaim> claims, TriggerSource manual) {
        Plan plan = plan(claims, manual, s.clock.instant());
        if (plan.batch == null) {
            return launch(plan, List.of(), null);
        }
        List<Optional<String>> busy;
        try {
            busy = plan.batch.starts().isEmpty() ? List.of() : s.store.startRuns(plan.batch.starts());
        } catch (RuntimeException e) {
            return launch(plan, null, e);
        }
        return launch(plan, busy, null);
    }

    /**
     * Sorts claims out: the ones a misfire policy skips, the ones whose playlist was busy a moment ago (not a row
     * per poll while they wait), and the runs to start, prepared through the engine. Writes nothing.
     */
    private Plan plan(List<ScheduleClaim> claims, TriggerSource manual, Instant now) {
        Plan plan = new Plan();
        List<Claimed> claimed = new ArrayList<>();
        for (ScheduleClaim claim : claims) {
            TriggerSource source = manual != null ? manual : claim.source();
            if (isMisfireToSkip(claim, source, now)) {
                plan.skipped.add(claim);
                continue;
            }
            Instant waitUntil = s.waitingUntil.get(claim.scheduleId());
            if (manual == null && waitUntil != null && now.isBefore(waitUntil)) {
                plan.waiting.add(claim);
                continue;
            }
            s.waitingUntil.remove(claim.scheduleId());
            plan.toStart.add(claim);
            plan.sources.add(source);
            claimed.add(new Claimed(claim.schedule(), source, source == TriggerSource.MANUAL ? 1 : claim.attempt()));
        }
        if (!claimed.isEmpty()) {
            plan.batch = s.engine.prepare(claimed);
        }
        return plan;
    }

    /**
     * After the starts were recorded (or failed to be): releases the skipped and waiting claims and hands each
     * run to the pool (a run whose start failed goes too, to record its end as not run).
     */
    private List<InFlight> launch(Plan plan, List<Optional<String>> busy, RuntimeException failure) {
        Instant now = s.clock.instant();
        plan.skipped.forEach(claim -> skipMisfire(claim, now));
        plan.waiting.forEach(this::releaseStillDue);
        List<InFlight> jobs = new ArrayList<>();
        if (plan.batch == null) {
            return jobs;
        }
        List<StartedRun> started = failure == null ? s.engine.started(plan.batch, busy)
                : s.engine.notStarted(plan.batch, failure);
        for (int i = 0; i < plan.toStart.size(); i++) {
            InFlight job = new InFlight(plan.toStart.get(i), plan.sources.get(i), started.get(i));
            s.inFlight.put(job.claim.token(), job);
            jobs.add(job);
            try {
                s.workers.execute(() -> run(job));
            } catch (RejectedExecutionException e) {
                LOG.warn("worker pool refused schedule {}; its slot stays due", job.claim.scheduleId());
                if (job.state.compareAndSet(InFlight.QUEUED, InFlight.CANCELLED)) {
                    cancelStarted(job, "the worker pool refused it");
                }
            }
        }
        return jobs;
    }

    /** A worker's run: the job, then its end joins the next transaction of ends. */
    private void run(InFlight job) {
        job.thread = Thread.currentThread();
        if (!job.state.compareAndSet(InFlight.QUEUED, InFlight.RUNNING)) {
            job.thread = null;
            return; // the scheduler closed before this claim started; close() released it
        }
        boolean over = false;
        ends.jobsRunning.incrementAndGet();
        try {
            job.finished = s.engine.runStarted(job.started);
            job.outcome = Optional.of(job.finished.execution());
            over = true;
        } finally {
            job.thread = null;
            ends.jobsRunning.decrementAndGet();
            if (!over) {
                s.finish(job, null); // the process is going down: the lease expires and the run is recovered
            }
        }
        ends.recordEnd(job);
    }

    /** A started run whose job will not run: its end (not run, slot still due) is recorded now. */
    void cancelStarted(InFlight job, String why) {
        job.finished = s.engine.cancel(job.started, why);
        job.outcome = Optional.of(job.finished.execution());
        if (!ends.completeRun(job)) {
            s.unfinishedBookkeeping.remove(job.claim.token());
            LOG.error("schedule {}: could not record that its run did not start; its lease expires and another "
                    + "node (or the next start) recovers it", job.claim.scheduleId());
        }
        s.finish(job, null);
        job.done.complete(Optional.empty());
    }

    private void releaseStillDue(ScheduleClaim claim) {
        try {
            s.store.schedules().release(claim.token(), claim.slot(), claim.slot(), SchedulerState.retryOf(claim));
        } catch (RuntimeException e) {
            LOG.debug("could not release the claim of schedule {}; its lease expires", claim.scheduleId(), e);
        }
    }

    private boolean isMisfireToSkip(ScheduleClaim claim, TriggerSource source, Instant now) {
        return source == TriggerSource.SCHEDULER && claim.schedule().misfirePolicy() == MisfirePolicy.SKIP
                && claim.slot() != null && now.isAfter(claim.slot().plus(s.config.misfireThreshold()));
    }

    private void skipMisfire(ScheduleClaim claim, Instant now) {
        Schedule schedule = claim.schedule();
        Instant next = s.nextRun.after(schedule.trigger(), now);
        LOG.info("schedule {} missed its slot {} by more than {}; skipped to {} (misfire policy skip)",
                schedule.id(), claim.slot(), s.config.misfireThreshold(), next);
        try {
            s.store.schedules().release(claim.token(), claim.slot(), next, 0);
        } catch (RuntimeException e) {
            LOG.error("schedule {}: could not release the skipped slot; its lease will expire and be recovered",
                    claim.scheduleId(), e);
        }
    }
}
