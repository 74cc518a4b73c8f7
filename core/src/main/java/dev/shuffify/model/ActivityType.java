package dev.shuffify.model;

/**
 * Kinds of user-visible activity.
 *
 * @since 0.1.0
 */
public enum ActivityType {
    /** A schedule was created. */
    SCHEDULE_CREATED,
    /** A schedule was changed. */
    SCHEDULE_UPDATED,
    /** A schedule was deleted. */
    SCHEDULE_DELETED,
    /** A schedule ran and succeeded. */
    SCHEDULE_RUN_SUCCEEDED,
    /** A schedule ran and failed. */
    SCHEDULE_RUN_FAILED,
    /**
     * A run was interrupted (the process running it died) and checked against its intent: nothing lost,
     * entries put back, or the repair still to be done; the description says which.
     *
     * @since 0.2.0
     */
    SCHEDULE_RUN_ABANDONED,
    /** A snapshot was restored. */
    SNAPSHOT_RESTORED,
    /** A playlist pair was created. */
    PAIR_CREATED,
    /** A playlist pair was deleted. */
    PAIR_DELETED
}
