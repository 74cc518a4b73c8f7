package dev.shuffify.event;

import dev.shuffify.model.Execution;
import java.util.Objects;

/**
 * Something that happened to a job, for {@link JobListener}s.
 *
 * @param type what happened; never null
 * @param scheduleId the schedule; never null
 * @param userId the schedule's owner; may be null when the schedule is missing
 * @param jobType the job type; may be null when the schedule is missing
 * @param execution the execution as recorded at this point; null for skips that recorded none
 * @param message the error, skip reason or progress line; may be null
 * @since 0.1.0
 */
public record JobEvent(Type type, String scheduleId, String userId, String jobType, Execution execution,
        String message) {

    /**
     * Validates.
     *
     * @param type what happened; never null
     * @param scheduleId the schedule; never null
     * @param userId the schedule's owner; may be null when the schedule is missing
     * @param jobType the job type; may be null when the schedule is missing
     * @param execution the execution as recorded at this point; null for skips that recorded none
     * @param message the error, skip reason or progress line; may be null
     */
    public JobEvent {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(scheduleId, "scheduleId");
    }

    /** Kinds of job event. */
    public enum Type {
        /** An execution started. */
        STARTED,
        /** An executor reported progress. */
        PROGRESS,
        /** An execution succeeded. */
        SUCCEEDED,
        /** An execution failed (including rolled back). */
        FAILED,
        /** A run was skipped (disabled, busy playlist, quarantined account …). */
        SKIPPED
    }
}
