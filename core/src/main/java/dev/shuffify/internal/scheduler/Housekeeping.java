package dev.shuffify.internal.scheduler;

import dev.shuffify.store.ShuffifyStore;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * What the scheduler prunes, and how often. A count or age of zero turns that part off.
 *
 * @param interval how often housekeeping runs
 * @param executionMaxAge finished executions older than this are deleted
 * @param executionsPerSchedule the newest finished executions kept per schedule
 * @param activityMaxAge activity lines older than this are deleted
 * @param activityPerUser the newest activity lines kept per user
 * @param snapshotsPerPlaylist the newest snapshots kept per playlist (on top of each user's own retention)
 * @param staleManualRunAfter a manual run still {@code running} after this long, with no scheduler lease, is
 *     marked abandoned
 */
public record Housekeeping(Duration interval, Duration executionMaxAge, int executionsPerSchedule,
        Duration activityMaxAge, int activityPerUser, int snapshotsPerPlaylist, Duration staleManualRunAfter) {

    /** The default: hourly; 90 days and 200 runs per schedule; 90 days and 1000 lines per user; 50 snapshots. */
    public static final Housekeeping DEFAULT = new Housekeeping(Duration.ofHours(1), Duration.ofDays(90), 200,
            Duration.ofDays(90), 1000, 50, Duration.ofHours(6));

    /**
     * Validates.
     *
     * @param interval how often housekeeping runs
     * @param executionMaxAge finished executions older than this are deleted
     * @param executionsPerSchedule the newest finished executions kept per schedule
     * @param activityMaxAge activity lines older than this are deleted
     * @param activityPerUser the newest activity lines kept per user
     * @param snapshotsPerPlaylist the newest snapshots kept per playlist (on top of each user's own retention)
     * @param staleManualRunAfter a manual run still {@code running} after this long, with no scheduler lease, is
     *     marked abandoned
     */
    public Housekeeping {
        Objects.requireNonNull(interval, "interval");
        Objects.requireNonNull(executionMaxAge, "executionMaxAge");
        Objects.requireNonNull(activityMaxAge, "activityMaxAge");
        Objects.requireNonNull(staleManualRunAfter, "staleManualRunAfter");
        if (interval.isNegative() || interval.isZero()) {
            throw new IllegalArgumentException("housekeeping interval must be positive, was " + interval);
        }
        if (executionsPerSchedule < 0 || activityPerUser < 0 || snapshotsPerPlaylist < 0) {
            throw new IllegalArgumentException("housekeeping counts must be 0 (off) or more");
        }
    }

    /**
     * Prunes old executions, activity and snapshots as this configuration says.
     *
     * @param store the store
     * @param now the current time
     * @return how many rows were deleted
     */
    public int prune(ShuffifyStore store, Instant now) {
        int deleted = 0;
        if (!executionMaxAge.isZero()) {
            deleted += store.executions().deleteFinishedBefore(now.minus(executionMaxAge));
        }
        if (executionsPerSchedule > 0) {
            deleted += store.executions().pruneEachSchedule(executionsPerSchedule);
        }
        if (!activityMaxAge.isZero()) {
            deleted += store.activity().deleteBefore(now.minus(activityMaxAge));
        }
        if (activityPerUser > 0) {
            deleted += store.activity().pruneEachUser(activityPerUser);
        }
        if (snapshotsPerPlaylist > 0) {
            deleted += store.snapshots().pruneEachPlaylist(snapshotsPerPlaylist);
        }
        return deleted;
    }
}
