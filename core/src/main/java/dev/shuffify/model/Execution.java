package dev.shuffify.model;

import java.time.Duration;
import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * One run of a schedule.
 *
 * @param id the execution id; never blank
 * @param scheduleId the schedule it ran; never blank
 * @param userId the schedule's owner; never blank
 * @param jobType the job type or chain that ran; never blank
 * @param startedAt start; never null
 * @param completedAt end; null while running
 * @param status the state; never null
 * @param tracksAdded tracks added to the target
 * @param tracksRemoved tracks removed from the target
 * @param tracksTotal the target's size afterwards
 * @param errorMessage the failure, at most {@value #MAX_ERROR_LENGTH} characters; null on success
 * @param triggerSource what started it; never null
 * @param attempt 1 for a first run, 2+ for retries
 * @param details job-specific details (per-source counts, moved uris …); never null
 * @param warnings non-fatal problems (a skipped source …); never null
 * @since 0.1.0
 */
public record Execution(
        String id,
        String scheduleId,
        String userId,
        String jobType,
        Instant startedAt,
        Instant completedAt,
        ExecutionStatus status,
        int tracksAdded,
        int tracksRemoved,
        int tracksTotal,
        String errorMessage,
        TriggerSource triggerSource,
        int attempt,
        Map<String, Object> details,
        List<String> warnings) {

    /** The longest error message kept; longer ones are cut. */
    public static final int MAX_ERROR_LENGTH = 1000;

    /**
     * Validates, cuts the error message, copies collections.
     *
     * @param id the execution id; never blank
     * @param scheduleId the schedule it ran; never blank
     * @param userId the schedule's owner; never blank
     * @param jobType the job type or chain that ran; never blank
     * @param startedAt start; never null
     * @param completedAt end; null while running
     * @param status the state; never null
     * @param tracksAdded tracks added to the target
     * @param tracksRemoved tracks removed from the target
     * @param tracksTotal the target's size afterwards
     * @param errorMessage the failure, at most {@value #MAX_ERROR_LENGTH} characters; null on success
     * @param triggerSource what started it; never null
     * @param attempt 1 for a first run, 2+ for retries
     * @param details job-specific details (per-source counts, moved uris …); never null
     * @param warnings non-fatal problems (a skipped source …); never null
     */
    public Execution {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(scheduleId, "scheduleId");
        Objects.requireNonNull(userId, "userId");
        Objects.requireNonNull(jobType, "jobType");
        Objects.requireNonNull(startedAt, "startedAt");
        Objects.requireNonNull(status, "status");
        triggerSource = triggerSource == null ? TriggerSource.SCHEDULER : triggerSource;
        errorMessage = truncate(errorMessage);
        details = details == null || details.isEmpty() ? Map.of()
                : Collections.unmodifiableMap(new LinkedHashMap<>(details));
        warnings = warnings == null ? List.of() : List.copyOf(warnings);
        if (attempt < 1) {
            throw new IllegalArgumentException("attempt must be at least 1, was " + attempt);
        }
    }

    /**
     * A new running execution.
     *
     * @param id the id
     * @param schedule the schedule
     * @param startedAt the start
     * @param source what started it
     * @param attempt the attempt number
     * @return the execution
     */
    public static Execution started(String id, Schedule schedule, Instant startedAt, TriggerSource source,
            int attempt) {
        return new Execution(id, schedule.id(), schedule.userId(), schedule.jobType(), startedAt, null,
                ExecutionStatus.RUNNING, 0, 0, 0, null, source, attempt, Map.of(), List.of());
    }

    /**
     * This execution ended successfully.
     *
     * @param at the end time
     * @param result the job's result
     * @return a copy
     */
    public Execution succeeded(Instant at, JobResult result) {
        return new Execution(id, scheduleId, userId, jobType, startedAt, at, ExecutionStatus.SUCCESS,
                result.tracksAdded(), result.tracksRemoved(), result.tracksTotal(), null, triggerSource, attempt,
                result.details(), result.warnings());
    }

    /**
     * This execution ended with a failure.
     *
     * @param at the end time
     * @param status {@link ExecutionStatus#FAILED}, {@link ExecutionStatus#FAILED_ROLLED_BACK},
     *     {@link ExecutionStatus#SKIPPED} or one of the abandoned statuses ({@link ExecutionStatus#isAbandoned()})
     * @param error the message (cut to {@value #MAX_ERROR_LENGTH} characters)
     * @return a copy
     */
    public Execution ended(Instant at, ExecutionStatus status, String error) {
        return new Execution(id, scheduleId, userId, jobType, startedAt, at, status, tracksAdded, tracksRemoved,
                tracksTotal, error, triggerSource, attempt, details, warnings);
    }

    /**
     * The job's coded warnings ({@link Notice}; each one's text is in {@link #warnings()} too).
     *
     * @return never null
     * @since 0.2.0
     */
    public List<Notice> notices() {
        return Notice.noticesIn(details);
    }

    /**
     * Why the job did nothing, when it said so ({@link JobResult#skipReason()}).
     *
     * @return the reason, or empty
     * @since 0.2.0
     */
    public Optional<Notice> skipReason() {
        return Notice.skipReasonIn(details);
    }

    /**
     * A copy with the counts of what a run that did not succeed kept: what its writes that stayed did to the
     * target (a raid that failed after its first batch of 100 reports {@code tracksAdded=100}).
     *
     * @param added tracks added to the target and still there
     * @param removed tracks removed from the target and still gone
     * @param total the target's size afterwards
     * @return a copy
     * @since 0.2.0
     */
    public Execution withCounts(int added, int removed, int total) {
        if (added < 0 || removed < 0 || total < 0) {
            throw new IllegalArgumentException("track counts must not be negative");
        }
        return new Execution(id, scheduleId, userId, jobType, startedAt, completedAt, status, added, removed, total,
                errorMessage, triggerSource, attempt, details, warnings);
    }

    /**
     * How long it ran.
     *
     * @return the duration, or empty while running
     */
    public Optional<Duration> duration() {
        return completedAt == null ? Optional.empty() : Optional.of(Duration.between(startedAt, completedAt));
    }

    static String truncate(String message) {
        if (message == null || message.length() <= MAX_ERROR_LENGTH) {
            return message;
        }
        return message.substring(0, MAX_ERROR_LENGTH - 1) + "…";
    }
}
