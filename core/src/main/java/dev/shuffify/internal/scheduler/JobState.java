package dev.shuffify.internal.scheduler;

import dev.shuffify.model.Schedule;
import java.time.Instant;

/**
 * A schedule as an operator sees it: its stored fields plus whether a node is running it now.
 *
 * @param schedule the schedule (next run, last run, last status, enabled = not paused)
 * @param runningOn the node id holding its lease, or null when it is not running
 * @param leaseExpiresAt when that lease expires, or null
 */
public record JobState(Schedule schedule, String runningOn, Instant leaseExpiresAt) {
    /**
     * Whether a node is running the schedule.
     *
     * @return true while leased
     */
    public boolean running() {
        return runningOn != null;
    }

    /**
     * Whether the schedule is paused.
     *
     * @return true when disabled
     */
    public boolean paused() {
        return !schedule.enabled();
    }
}
