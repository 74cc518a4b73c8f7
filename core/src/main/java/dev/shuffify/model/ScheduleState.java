package dev.shuffify.model;

import java.time.Instant;
import java.util.Objects;

/**
 * A schedule as an operator sees it: when it runs next, how its last run went, whether it is paused, and
 * which scheduler node is running it now.
 *
 * @param schedule the schedule (next run, last run, last status and error); never null
 * @param runningOn the id of the node running it now, or null when it is not running
 * @param leaseExpiresAt when that node's claim expires unless renewed, or null
 * @since 0.1.0
 */
public record ScheduleState(Schedule schedule, String runningOn, Instant leaseExpiresAt) {
    /**
     * Validates.
     *
     * @param schedule the schedule (next run, last run, last status and error); never null
     * @param runningOn the id of the node running it now, or null when it is not running
     * @param leaseExpiresAt when that node's claim expires unless renewed, or null
     */
    public ScheduleState {
        Objects.requireNonNull(schedule, "schedule");
    }

    /**
     * Whether a node is running the schedule now.
     *
     * @return true while a node holds its lease
     */
    public boolean running() {
        return runningOn != null;
    }

    /**
     * Whether the schedule is paused (disabled).
     *
     * @return true when the scheduler does not run it
     */
    public boolean paused() {
        return !schedule.enabled();
    }
}
