package dev.shuffify.store;

import dev.shuffify.model.Activity;
import java.time.Instant;
import java.util.List;

/**
 * Stores the activity log.
 *
 * @since 0.1.0
 */
public interface ActivityStore {

    /**
     * Appends a line.
     *
     * @param activity the line
     */
    void append(Activity activity);

    /**
     * A user's activity, newest first.
     *
     * @param userId the user
     * @param limit the most to return
     * @return never null
     */
    List<Activity> listByUser(String userId, int limit);

    /**
     * Deletes activity older than a time.
     *
     * @param cutoff the time
     * @return how many were deleted
     */
    int deleteBefore(Instant cutoff);

    /**
     * Keeps the newest {@code keep} lines of every user, deleting older ones.
     *
     * @param keep how many to keep per user
     * @return how many were deleted
     */
    int pruneEachUser(int keep);
}
