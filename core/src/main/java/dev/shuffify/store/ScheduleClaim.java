package dev.shuffify.store;

import dev.shuffify.model.Schedule;
import dev.shuffify.model.TriggerSource;
import java.time.Instant;
import java.util.Objects;

/**
 * A lease on one schedule, held by one scheduler node while it runs the schedule. While a schedule is leased
 * no other node claims it, and no other schedule with the same target playlist is claimed.
 *
 * <p>The lease ends when its holder {@linkplain ScheduleStore#release releases} it, or when it expires
 * (the holder stopped renewing it) and another node {@linkplain ScheduleStore#recoverExpired recovers} it.
 *
 * @param schedule the schedule as it was when claimed; never null
 * @param owner the node id of the holder; never blank
 * @param token identifies this one lease; never blank
 * @param slot the schedule's {@code nextRunAt} when it was claimed (the slot being run); null when an operator
 *     triggered a schedule that has no next run
 * @param acquiredAt when the lease was taken; never null
 * @param expiresAt when the lease expires unless renewed; never null
 * @param attempt the attempt to run: 1 for a first run, 2+ for a pending retry
 * @since 0.1.0
 */
public record ScheduleClaim(Schedule schedule, String owner, String token, Instant slot, Instant acquiredAt,
        Instant expiresAt, int attempt) {

    /**
     * Validates.
     *
     * @param schedule the schedule as it was when claimed; never null
     * @param owner the node id of the holder; never blank
     * @param token identifies this one lease; never blank
     * @param slot the schedule's {@code nextRunAt} when it was claimed (the slot being run); null when an operator
     *     triggered a schedule that has no next run
     * @param acquiredAt when the lease was taken; never null
     * @param expiresAt when the lease expires unless renewed; never null
     * @param attempt the attempt to run: 1 for a first run, 2+ for a pending retry
     */
    public ScheduleClaim {
        Objects.requireNonNull(schedule, "schedule");
        Objects.requireNonNull(owner, "owner");
        Objects.requireNonNull(token, "token");
        Objects.requireNonNull(acquiredAt, "acquiredAt");
        Objects.requireNonNull(expiresAt, "expiresAt");
        if (attempt < 1) {
            throw new IllegalArgumentException("attempt must be at least 1, was " + attempt);
        }
    }

    /**
     * The schedule id.
     *
     * @return {@code schedule().id()}
     */
    public String scheduleId() {
        return schedule.id();
    }

    /**
     * What starts the run this claim is for: a retry when a retry is pending, else the scheduler.
     *
     * @return {@link TriggerSource#RETRY} when {@code attempt > 1}, else {@link TriggerSource#SCHEDULER}
     */
    public TriggerSource source() {
        return attempt > 1 ? TriggerSource.RETRY : TriggerSource.SCHEDULER;
    }

    /**
     * Whether the lease has expired at a time.
     *
     * @param now the time
     * @return true when {@code expiresAt} is before {@code now}
     */
    public boolean isExpired(Instant now) {
        return expiresAt.isBefore(now);
    }
}
