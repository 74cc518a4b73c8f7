package dev.shuffify.model;

/**
 * What the scheduler does with slots missed while the host was down. Never "once per missed slot".
 *
 * @since 0.1.0
 */
public enum MisfirePolicy {
    /** Run once now, then continue from the trigger (default). */
    RUN_ONCE,
    /** Skip the missed slots and wait for the next one. */
    SKIP
}
