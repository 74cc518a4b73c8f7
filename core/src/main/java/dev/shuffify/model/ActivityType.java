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
    /** A snapshot was restored. */
    SNAPSHOT_RESTORED,
    /** A playlist pair was created. */
    PAIR_CREATED,
    /** A playlist pair was deleted. */
    PAIR_DELETED
}
