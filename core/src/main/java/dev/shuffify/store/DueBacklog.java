package dev.shuffify.store;

import java.time.Instant;

/**
 * The schedules that are due and that no node has claimed yet: enabled, {@code nextRunAt <= now}, no lease.
 * A backlog that grows, or whose oldest entry gets older, means the nodes cannot keep up (or none is polling).
 *
 * @param count how many due schedules are not claimed; at least 0
 * @param oldestNextRunAt the earliest {@code nextRunAt} among them; null when {@code count} is 0
 * @since 0.2.0
 */
public record DueBacklog(long count, Instant oldestNextRunAt) {

    /** No due schedule waits. */
    public static final DueBacklog EMPTY = new DueBacklog(0, null);

    /**
     * Validates the backlog.
     *
     * @param count how many due schedules are not claimed; at least 0
     * @param oldestNextRunAt the earliest {@code nextRunAt} among them; null exactly when {@code count} is 0
     * @throws IllegalArgumentException when the count is negative, or the oldest time is given for none (or
     *     missing for some)
     */
    public DueBacklog {
        if (count < 0) {
            throw new IllegalArgumentException("count must not be negative, was " + count);
        }
        if ((count == 0) != (oldestNextRunAt == null)) {
            throw new IllegalArgumentException("oldestNextRunAt must be given exactly when count > 0 (count "
                    + count + ", oldestNextRunAt " + oldestNextRunAt + ")");
        }
    }
}
