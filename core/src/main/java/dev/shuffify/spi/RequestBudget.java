package dev.shuffify.spi;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * What the calls of one job can expect from a {@link PlaylistService}: the application's request budget (at most
 * {@code requests} calls in any rolling {@code window}) and the job's deadline (no wait of the service's may end
 * after {@code jobStart + jobDeadline}). The engine estimates from it, before a job's first write, whether the
 * writes the job plans can be made in time ({@link JobContext#planWrites(WritePlan)}).
 *
 * <pre>{@code
 * // 150 calls per rolling 30 s, jobs of at most 15 minutes from now
 * RequestBudget budget = new RequestBudget(150, Duration.ofSeconds(30), clock.instant(),
 *         Duration.ofMinutes(15), "MyConfig.jobDeadline");
 * }</pre>
 *
 * @param requests the most calls in any rolling window, at least 1 (the whole application's: one job alone can
 *     get all of it, jobs running at once share it)
 * @param window the rolling window; positive
 * @param jobStart when the job's deadline started counting; null when the job has no deadline
 * @param jobDeadline how long the job may take from {@code jobStart}; positive, or null when it has no deadline
 * @param deadlineSetting the setting that gives jobs a longer deadline, as a host configures it (for messages,
 *     e.g. {@code SpotifyConfig.Builder.jobDeadline(Duration)}); never null, may be empty
 * @since 0.2.0
 */
public record RequestBudget(int requests, Duration window, Instant jobStart, Duration jobDeadline,
        String deadlineSetting) {

    /**
     * Validates.
     *
     * @param requests the most calls in any rolling window, at least 1
     * @param window the rolling window; positive
     * @param jobStart when the job's deadline started counting; null for no deadline
     * @param jobDeadline how long the job may take; positive, or null for no deadline
     * @param deadlineSetting the setting that gives jobs a longer deadline; never null
     * @throws IllegalArgumentException when a value is out of range, or only one of {@code jobStart} and
     *     {@code jobDeadline} is given
     */
    public RequestBudget {
        if (requests < 1) {
            throw new IllegalArgumentException("requests must be at least 1, was " + requests);
        }
        Objects.requireNonNull(window, "window");
        if (window.isNegative() || window.isZero()) {
            throw new IllegalArgumentException("window must be positive, was " + window);
        }
        if ((jobStart == null) != (jobDeadline == null)) {
            throw new IllegalArgumentException("jobStart and jobDeadline are given together or not at all");
        }
        if (jobDeadline != null && (jobDeadline.isNegative() || jobDeadline.isZero())) {
            throw new IllegalArgumentException("jobDeadline must be positive, was " + jobDeadline);
        }
        Objects.requireNonNull(deadlineSetting, "deadlineSetting");
    }

    /**
     * A budget without a deadline.
     *
     * @param requests the most calls in any rolling window, at least 1
     * @param window the rolling window; positive
     * @return the budget
     */
    public static RequestBudget withoutDeadline(int requests, Duration window) {
        return new RequestBudget(requests, window, null, null, "");
    }

    /**
     * The instant the job's deadline runs out.
     *
     * @return the instant, or empty when the job has no deadline
     */
    public Optional<Instant> deadline() {
        return jobStart == null ? Optional.empty() : Optional.of(jobStart.plus(jobDeadline));
    }
}
