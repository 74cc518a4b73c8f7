package dev.shuffify.internal.scheduler;

import dev.shuffify.internal.engine.FailureKind;
import dev.shuffify.model.Execution;
import dev.shuffify.model.ExecutionStatus;
import java.time.Duration;
import java.util.Objects;

/**
 * When a failed scheduled run is tried again: failures classified transient (rate limited, service or I/O
 * error) are retried up to {@code maxAttempts} runs in all, with exponential backoff; other failures (the
 * user-visible ones: a playlist gone, a login needed, invalid parameters) only when {@code retryAllFailures}.
 * Each retry is its own execution, with trigger source {@code retry} and its attempt number.
 *
 * @param maxAttempts runs in all, the first included; 1 turns retries off
 * @param initialBackoff the wait before the first retry
 * @param multiplier how much each further wait grows
 * @param maxBackoff the longest wait
 * @param retryAllFailures whether failures that are not transient are retried too
 */
public record RetryPolicy(int maxAttempts, Duration initialBackoff, double multiplier, Duration maxBackoff,
        boolean retryAllFailures) {

    /** The default: 3 attempts for transient failures, waiting 1 then 2 minutes (at most 30). */
    public static final RetryPolicy DEFAULT = new RetryPolicy(3, Duration.ofMinutes(1), 2.0, Duration.ofMinutes(30),
            false);

    /** No retries. */
    public static final RetryPolicy NONE = new RetryPolicy(1, Duration.ofMinutes(1), 1.0, Duration.ofMinutes(1),
            false);

    /**
     * Validates.
     *
     * @param maxAttempts runs in all, the first included; 1 turns retries off
     * @param initialBackoff the wait before the first retry
     * @param multiplier how much each further wait grows
     * @param maxBackoff the longest wait
     * @param retryAllFailures whether failures that are not transient are retried too
     */
    public RetryPolicy {
        Objects.requireNonNull(initialBackoff, "initialBackoff");
        Objects.requireNonNull(maxBackoff, "maxBackoff");
        if (maxAttempts < 1) {
            throw new IllegalArgumentException("retry maxAttempts must be at least 1, was " + maxAttempts);
        }
        if (initialBackoff.isNegative() || maxBackoff.compareTo(initialBackoff) < 0) {
            throw new IllegalArgumentException("retry backoff must be 0 <= initial <= max, was " + initialBackoff
                    + " and " + maxBackoff);
        }
        if (!(multiplier >= 1.0)) {
            throw new IllegalArgumentException("retry multiplier must be at least 1, was " + multiplier);
        }
    }

    /**
     * Whether a finished run should be tried again.
     *
     * @param execution the run
     * @param failure the class of its failure, as the engine handed it over
     * @return true for a failed run with attempts left whose failure is retried
     */
    public boolean shouldRetry(Execution execution, FailureKind failure) {
        boolean failed = execution.status() == ExecutionStatus.FAILED
                || execution.status() == ExecutionStatus.FAILED_ROLLED_BACK;
        return failed && execution.attempt() < maxAttempts && (retryAllFailures || failure.isTransient());
    }

    /**
     * The wait after a failed attempt.
     *
     * @param failedAttempt the attempt that failed, from 1
     * @return the wait before the next attempt
     */
    public Duration backoff(int failedAttempt) {
        double millis = initialBackoff.toMillis() * Math.pow(multiplier, Math.max(0, failedAttempt - 1));
        return millis >= maxBackoff.toMillis() ? maxBackoff : Duration.ofMillis((long) millis);
    }
}
