package dev.shuffify.internal.scheduler;

import dev.shuffify.internal.engine.ExecutionEngine;
import dev.shuffify.model.Execution;
import dev.shuffify.model.ExecutionStatus;
import dev.shuffify.model.Schedule;
import dev.shuffify.model.TriggerSource;
import dev.shuffify.store.ScheduleClaim;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The scheduler leases of a node: renews its own ({@link #heartbeat}), recovers the expired leases of dead
 * nodes ({@link #recoverExpiredLeases}) and, at start-up and with housekeeping, ends runs no live lease covers
 * ({@link #reconcileStaleRuns}). A run found abandoned is repaired before its schedule is rescheduled.
 */
final class LeaseRecovery {
    private static final Logger LOG = LoggerFactory.getLogger(Scheduler.class);
    private static final int RECENT_EXECUTIONS = 20;
    private static final int STALE_BATCH = 1000;
    private final SchedulerState s;

    LeaseRecovery(SchedulerState s) {
        this.s = s;
    }

    int heartbeat() {
        List<String> tokens = new ArrayList<>(s.inFlight.keySet());
        if (tokens.isEmpty()) {
            return 0;
        }
        int renewed = s.store.schedules().renew(tokens, s.clock.instant().plus(s.config.leaseDuration()));
        if (renewed < tokens.size()) {
            LOG.warn("{} of {} leases held by node {} were no longer held; their runs were recovered elsewhere",
                    tokens.size() - renewed, tokens.size(), s.config.nodeId());
        }
        return renewed;
    }

    int recoverExpiredLeases() {
        Instant now = s.clock.instant();
        int recovered = 0;
        List<ScheduleClaim> expired;
        try {
            expired = s.store.schedules().findExpired(now, s.config.batchSize());
        } catch (RuntimeException e) {
            s.trouble.failed("finding expired leases", e);
            return 0;
        }
        for (ScheduleClaim lease : expired) {
            if (s.inFlight.containsKey(lease.token())) {
                continue; // ours and still running: the heartbeat renews it
            }
            try {
                if (recover(lease, now, true, "node '" + lease.owner() + "' stopped renewing its lease (expired at "
                        + lease.expiresAt() + ")")) {
                    recovered++;
                }
            } catch (RuntimeException e) {
                // each lease on its own: the next poll tries this one again, the others and claiming go on
                s.trouble.failed("recovering the expired lease of schedule " + lease.scheduleId(), e);
            }
        }
        return recovered;
    }

    /**
     * Ends a lease whose holder is gone: a run that started under it and is still {@code running} becomes
     * {@code abandoned} (and is repaired), and the schedule moves past the slot it ran, or keeps a slot that
     * never started.
     *
     * @param onlyIfExpired whether the lease is ended only if still expired (another node's) or at once (ours)
     * @return whether the lease was ended here
     */
    boolean recover(ScheduleClaim lease, Instant now, boolean onlyIfExpired, String why) {
        boolean started = false;
        for (Execution e : s.store.executions().listBySchedule(lease.scheduleId(), RECENT_EXECUTIONS)) {
            if (e.startedAt().isBefore(lease.acquiredAt()) || isNotRun(e)
                    || (onlyIfExpired && e.startedAt().isAfter(lease.expiresAt()))) {
                // an earlier run; one whose job never ran; or one that started after this lease expired: a
                // newer claim's (another poll recovered this lease meanwhile and the schedule was claimed again)
                continue;
            }
            started = true;
            if (e.status() == ExecutionStatus.RUNNING
                    && s.store.executions().saveIfRunning(e.ended(now, ExecutionStatus.ABANDONED, why))) {
                LOG.warn("execution {} of schedule {} abandoned: {}", e.id(), lease.scheduleId(), why);
                s.engine.repairAbandoned(e.id()); // before the schedule is rescheduled below
            }
        }
        Schedule schedule = lease.schedule();
        Instant expected = schedule.nextRunAt();
        Instant next = expected;
        if (started && Objects.equals(expected, lease.slot())) {
            next = s.nextRun.after(schedule.trigger(), now);
        }
        int retry = started ? 0 : SchedulerState.retryOf(lease);
        boolean ended = onlyIfExpired
                ? s.store.schedules().recoverExpired(lease.token(), now, expected, next, retry)
                : s.store.schedules().release(lease.token(), expected, next, retry);
        if (ended) {
            LOG.info("recovered the lease of schedule {} held by node {}: {}; next run {}", lease.scheduleId(),
                    lease.owner(), started ? "its run was abandoned" : "its run had not started", next);
        }
        return ended;
    }

    int reconcileStaleRuns() {
        Instant now = s.clock.instant();
        // executions first, leases second: a run listed here was claimed before, so its lease is visible below
        List<Execution> running = s.store.executions().listByStatus(ExecutionStatus.RUNNING, STALE_BATCH);
        List<ScheduleClaim> leases = s.store.schedules().listLeases();
        for (ScheduleClaim lease : leases) {
            if (lease.owner().equals(s.config.nodeId()) && !s.inFlight.containsKey(lease.token())) {
                recover(lease, now, false, "node '" + s.config.nodeId() + "' restarted while running it");
            }
        }
        Map<String, ScheduleClaim> live = s.store.schedules().listLeases().stream()
                .filter(l -> !l.isExpired(now)).collect(Collectors.toMap(ScheduleClaim::scheduleId,
                        Function.identity(), (a, b) -> a));
        int abandoned = 0;
        for (Execution e : running) {
            ScheduleClaim lease = live.get(e.scheduleId());
            if (lease != null && !e.startedAt().isBefore(lease.acquiredAt())) {
                continue; // running under a live lease
            }
            if (e.triggerSource() == TriggerSource.MANUAL
                    && e.startedAt().isAfter(now.minus(s.config.housekeeping().staleManualRunAfter()))) {
                continue; // a manual run on some node; not old enough to be taken for dead
            }
            if (s.store.executions().saveIfRunning(e.ended(now, ExecutionStatus.ABANDONED,
                    "found running with no live scheduler lease on node '" + s.config.nodeId()
                            + "'; the process running it stopped"))) {
                abandoned++;
                s.engine.repairAbandoned(e.id());
            }
        }
        if (abandoned > 0) {
            LOG.warn("marked {} stale running execution(s) abandoned", abandoned);
        }
        return abandoned;
    }

    /** A stored execution whose job never ran (the store failed before it, or it waited for a playlist). */
    static boolean isNotRun(Execution execution) {
        return Boolean.TRUE.equals(execution.details().get(ExecutionEngine.DETAIL_NOT_RUN));
    }
}
