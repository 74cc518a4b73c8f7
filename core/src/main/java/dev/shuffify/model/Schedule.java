package dev.shuffify.model;

import java.time.Instant;
import java.util.Objects;

/**
 * A stored schedule: who owns it, what it does, when it runs, and how its last run went.
 *
 * @param id the schedule id; never blank
 * @param userId the owner (host-side user id); never blank
 * @param job what the schedule does; never null
 * @param trigger when it runs; never null
 * @param enabled whether the scheduler runs it
 * @param verifyWrites whether the engine re-reads and verifies playlists after the job's writes (turn off
 *     for very large playlists)
 * @param misfirePolicy what to do with missed slots; never null
 * @param createdAt creation time; never null
 * @param updatedAt last change of the definition; never null
 * @param lastRunAt end of the last run; null before the first
 * @param lastStatus status of the last run; null before the first
 * @param lastError error of the last run; null when it succeeded
 * @param nextRunAt next due time; null when it never runs again
 * @since 0.1.0
 */
public record Schedule(
        String id,
        String userId,
        JobSpec job,
        Trigger trigger,
        boolean enabled,
        boolean verifyWrites,
        MisfirePolicy misfirePolicy,
        Instant createdAt,
        Instant updatedAt,
        Instant lastRunAt,
        ExecutionStatus lastStatus,
        String lastError,
        Instant nextRunAt) {

    /**
     * Validates the required parts.
     *
     * @param id the schedule id; never blank
     * @param userId the owner (host-side user id); never blank
     * @param job what the schedule does; never null
     * @param trigger when it runs; never null
     * @param enabled whether the scheduler runs it
     * @param verifyWrites whether the engine re-reads and verifies playlists after the job's writes (turn off
     *     for very large playlists)
     * @param misfirePolicy what to do with missed slots; never null
     * @param createdAt creation time; never null
     * @param updatedAt last change of the definition; never null
     * @param lastRunAt end of the last run; null before the first
     * @param lastStatus status of the last run; null before the first
     * @param lastError error of the last run; null when it succeeded
     * @param nextRunAt next due time; null when it never runs again
     */
    public Schedule {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(userId, "userId");
        Objects.requireNonNull(job, "job");
        Objects.requireNonNull(trigger, "trigger");
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(updatedAt, "updatedAt");
        misfirePolicy = misfirePolicy == null ? MisfirePolicy.RUN_ONCE : misfirePolicy;
        lastError = Execution.truncate(lastError);
    }

    /**
     * The job type (or chain) of this schedule.
     *
     * @return {@code job().type()}
     */
    public String jobType() {
        return job.type();
    }

    /**
     * A copy with the outcome of a run recorded.
     *
     * @param runAt when the run ended
     * @param status its status
     * @param error its error, null on success
     * @param next the next due time
     * @return a copy
     */
    public Schedule withOutcome(Instant runAt, ExecutionStatus status, String error, Instant next) {
        return new Schedule(id, userId, job, trigger, enabled, verifyWrites, misfirePolicy, createdAt, updatedAt,
                runAt, status, error, next);
    }

    /**
     * A copy with another next due time.
     *
     * @param next the next due time, may be null
     * @return a copy
     */
    public Schedule withNextRunAt(Instant next) {
        return new Schedule(id, userId, job, trigger, enabled, verifyWrites, misfirePolicy, createdAt, updatedAt,
                lastRunAt, lastStatus, lastError, next);
    }

    /**
     * A copy enabled or disabled.
     *
     * @param value the new flag
     * @param now the update time
     * @return a copy
     */
    public Schedule withEnabled(boolean value, Instant now) {
        return new Schedule(id, userId, job, trigger, value, verifyWrites, misfirePolicy, createdAt, now,
                lastRunAt, lastStatus, lastError, nextRunAt);
    }
}
