package dev.shuffify.internal.scheduler;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A node's shutdown, once claiming has stopped: claims not started yet are given back still due, ends not
 * recorded yet get a few more tries, running jobs are waited for up to a timeout, and the runs still going then
 * are marked {@code abandoned} (and repaired) and their threads interrupted. Leaves no run {@code running}.
 */
final class Shutdown {
    private static final Logger LOG = LoggerFactory.getLogger(Scheduler.class);
    private final SchedulerState s;
    private final Launcher launcher;
    private final EndRecorder ends;
    private final LeaseRecovery leases;

    Shutdown(SchedulerState s, Launcher launcher, EndRecorder ends, LeaseRecovery leases) {
        this.s = s;
        this.launcher = launcher;
        this.ends = ends;
        this.leases = leases;
    }

    /** @return true when every job finished within the timeout */
    boolean drain(Duration timeout) {
        for (InFlight job : List.copyOf(s.inFlight.values())) {
            if (job.state.compareAndSet(InFlight.QUEUED, InFlight.CANCELLED)) {
                // never started: give the slot back, still due, for the next node (or the next start)
                launcher.cancelStarted(job, "Shuffify on node '" + s.config.nodeId()
                        + "' closed before the run started");
            }
        }
        for (InFlight job : List.copyOf(s.unfinishedBookkeeping.values())) {
            // the run is over; only its end is left: a few more tries, then leave the lease
            boolean done = false;
            for (int i = 0; i < 3 && !done; i++) {
                done = ends.completeRun(job);
            }
            if (!done) {
                unrecorded(job);
            }
            s.unfinishedBookkeeping.remove(job.claim.token());
            s.finish(job, null);
            job.done.complete(job.outcome);
        }
        boolean allDone = awaitIdle(timeout);
        if (!allDone) {
            for (InFlight job : List.copyOf(s.inFlight.values())) {
                abandon(job);
            }
        }
        return allDone;
    }

    private boolean awaitIdle(Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        synchronized (s.monitor) {
            while (!s.inFlight.isEmpty()) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    return false;
                }
                try {
                    TimeUnit.NANOSECONDS.timedWait(s.monitor, left);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return false;
                }
            }
            return true;
        }
    }

    private void abandon(InFlight job) {
        if (job.finished != null) {
            // the run is over, only its end is not recorded yet: record it rather than call it abandoned
            if (!ends.completeRun(job)) {
                s.unfinishedBookkeeping.remove(job.claim.token());
                unrecorded(job);
            }
            s.finish(job, null);
            job.done.complete(job.outcome);
            return;
        }
        try {
            leases.recover(job.claim, s.clock.instant(), false, "Shuffify on node '" + s.config.nodeId()
                    + "' shut down before the run finished");
        } catch (RuntimeException e) {
            LOG.error("could not mark the run of schedule {} abandoned at shutdown; its lease will expire",
                    job.claim.scheduleId(), e);
        } finally {
            Thread t = job.thread;
            if (t != null) {
                t.interrupt();
            }
            s.finish(job, null);
        }
    }

    private static void unrecorded(InFlight job) {
        LOG.error("schedule {}: could not store the end of its run before shutdown; its lease expires and "
                + "another node (or the next start) recovers it", job.claim.scheduleId());
    }
}
