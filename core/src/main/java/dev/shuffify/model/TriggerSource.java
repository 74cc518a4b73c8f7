package dev.shuffify.model;

/**
 * What started an execution.
 *
 * @since 0.1.0
 */
public enum TriggerSource {
    /** The scheduler found the schedule due. */
    SCHEDULER,
    /** A user or operator asked for a run now. */
    MANUAL,
    /** The retry policy re-ran a failed execution. */
    RETRY
}
