package dev.shuffify.model;

import java.util.Locale;

/**
 * The state of one execution.
 *
 * @since 0.1.0
 */
public enum ExecutionStatus {
    /** Started, not finished. */
    RUNNING,
    /** Finished and verified. */
    SUCCESS,
    /** Failed; partial writes, if any, were safe and kept. */
    FAILED,
    /** Failed or mismatched, and the pre-job snapshot was restored. */
    FAILED_ROLLED_BACK,
    /** Not run, for a recorded reason (disabled, account quarantined …). */
    SKIPPED,
    /** The node running it died; its lease expired. */
    ABANDONED;

    /**
     * The lower-case name used in stores and messages, e.g. {@code failed_rolled_back}.
     *
     * @return never null
     */
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /**
     * Whether the execution has ended.
     *
     * @return false only for {@link #RUNNING}
     */
    public boolean isFinal() {
        return this != RUNNING;
    }
}
