package dev.shuffify.internal.scheduler;

import java.time.Duration;
import java.util.Objects;

/**
 * How the scheduler runs.
 *
 * @param nodeId this node's id, unique among nodes sharing a database
 * @param poolSize the most runs at once on this node
 * @param batchSize the most schedules claimed per poll
 * @param pollInterval the wait between polls for due schedules
 * @param leaseDuration how long a claim lasts without a heartbeat; a node silent this long is taken for dead
 * @param heartbeatInterval how often leases of running jobs are renewed (shorter than the lease)
 * @param misfireThreshold how late a run may start and still count as on time; a schedule with
 *     {@code MisfirePolicy.SKIP} found later than this skips to its next slot
 * @param jitter up to this much random delay added to each computed next run (zero: none)
 * @param retry the retry policy
 * @param housekeeping what to prune
 * @param claimAhead how many claims per worker a node may hold (queued or running): 1 claims only for free
 *     workers; more lets a node claim bigger batches while its workers are busy (short jobs, high throughput)
 */
public record SchedulerConfig(String nodeId, int poolSize, int batchSize, Duration pollInterval,
        Duration leaseDuration, Duration heartbeatInterval, Duration misfireThreshold, Duration jitter,
        RetryPolicy retry, Housekeeping housekeeping, int claimAhead) {

    /**
     * A configuration that claims only for free workers ({@code claimAhead} 1).
     *
     * @param nodeId this node's id
     * @param poolSize the most runs at once on this node
     * @param batchSize the most schedules claimed per poll
     * @param pollInterval the wait between polls
     * @param leaseDuration how long a claim lasts without a heartbeat
     * @param heartbeatInterval how often leases are renewed
     * @param misfireThreshold how late a run may start and still count as on time
     * @param jitter up to this much random delay added to each next run
     * @param retry the retry policy
     * @param housekeeping what to prune
     */
    public SchedulerConfig(String nodeId, int poolSize, int batchSize, Duration pollInterval, Duration leaseDuration,
            Duration heartbeatInterval, Duration misfireThreshold, Duration jitter, RetryPolicy retry,
            Housekeeping housekeeping) {
        this(nodeId, poolSize, batchSize, pollInterval, leaseDuration, heartbeatInterval, misfireThreshold, jitter,
                retry, housekeeping, 1);
    }

    /**
     * Validates.
     *
     * @param nodeId this node's id, unique among nodes sharing a database
     * @param poolSize the most runs at once on this node
     * @param batchSize the most schedules claimed per poll
     * @param pollInterval the wait between polls for due schedules
     * @param leaseDuration how long a claim lasts without a heartbeat; a node silent this long is taken for dead
     * @param heartbeatInterval how often leases of running jobs are renewed (shorter than the lease)
     * @param misfireThreshold how late a run may start and still count as on time; a schedule with
     *     {@code MisfirePolicy.SKIP} found later than this skips to its next slot
     * @param jitter up to this much random delay added to each computed next run (zero: none)
     * @param retry the retry policy
     * @param housekeeping what to prune
     * @param claimAhead claims per worker a node may hold, at least 1
     */
    public SchedulerConfig {
        Objects.requireNonNull(nodeId, "nodeId");
        Objects.requireNonNull(pollInterval, "pollInterval");
        Objects.requireNonNull(leaseDuration, "leaseDuration");
        Objects.requireNonNull(heartbeatInterval, "heartbeatInterval");
        Objects.requireNonNull(misfireThreshold, "misfireThreshold");
        Objects.requireNonNull(jitter, "jitter");
        Objects.requireNonNull(retry, "retry");
        Objects.requireNonNull(housekeeping, "housekeeping");
        if (nodeId.isBlank()) {
            throw new IllegalArgumentException("scheduler nodeId must not be blank");
        }
        if (poolSize < 1 || batchSize < 1) {
            throw new IllegalArgumentException("scheduler poolSize and batchSize must be at least 1, were "
                    + poolSize + " and " + batchSize);
        }
        if (!positive(pollInterval) || !positive(leaseDuration) || !positive(heartbeatInterval)) {
            throw new IllegalArgumentException("scheduler intervals must be positive");
        }
        if (heartbeatInterval.compareTo(leaseDuration) >= 0) {
            throw new IllegalArgumentException("scheduler heartbeatInterval (" + heartbeatInterval
                    + ") must be shorter than leaseDuration (" + leaseDuration + ")");
        }
        if (claimAhead < 1 || claimAhead > 64) {
            throw new IllegalArgumentException("scheduler claimAhead must be between 1 and 64, was " + claimAhead);
        }
        if (misfireThreshold.isNegative() || jitter.isNegative()) {
            throw new IllegalArgumentException("scheduler misfireThreshold and jitter must not be negative");
        }
    }

    /**
     * The defaults for a node: 4 workers, batches of 20, polling every 5 s, 5-minute leases renewed every
     * 60 s, a 1-minute misfire threshold, no jitter, {@link RetryPolicy#DEFAULT} and
     * {@link Housekeeping#DEFAULT}.
     *
     * @param nodeId the node id
     * @return the configuration
     */
    public static SchedulerConfig defaults(String nodeId) {
        return new SchedulerConfig(nodeId, 4, 20, Duration.ofSeconds(5), Duration.ofMinutes(5),
                Duration.ofMinutes(1), Duration.ofMinutes(1), Duration.ZERO, RetryPolicy.DEFAULT,
                Housekeeping.DEFAULT);
    }

    /**
     * The most claims this node holds at once, queued or running: {@code poolSize × claimAhead}.
     *
     * @return at least 1
     */
    public int capacity() {
        return poolSize * claimAhead;
    }

    private static boolean positive(Duration d) {
        return !d.isNegative() && !d.isZero();
    }
}
