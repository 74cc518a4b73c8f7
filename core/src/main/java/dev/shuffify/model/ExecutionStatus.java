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
    /**
     * The process running it died (its lease expired, or it was found running at start-up) and the repair found
     * nothing lost: the playlists keep whatever safe partial writes the run made (or it had written nothing).
     */
    ABANDONED,
    /**
     * The process running it died half-way and the repair put back what it had lost, from the intent recorded
     * before its first write (the message says which playlists and how many entries).
     *
     * @since 0.2.0
     */
    ABANDONED_RESTORED,
    /**
     * The process running it died and its repair could not be done yet (the music service failed, say): the
     * intent is kept, the repair is retried before the schedule's next run (which does not run its job until
     * the repair succeeds) and with housekeeping.
     *
     * @since 0.2.0
     */
    ABANDONED_UNREPAIRED;

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

    /**
     * Whether the process running it died before it finished: {@link #ABANDONED}, {@link #ABANDONED_RESTORED}
     * or {@link #ABANDONED_UNREPAIRED}.
     *
     * @return true for the abandoned statuses
     * @since 0.2.0
     */
    public boolean isAbandoned() {
        return this == ABANDONED || this == ABANDONED_RESTORED || this == ABANDONED_UNREPAIRED;
    }
}
