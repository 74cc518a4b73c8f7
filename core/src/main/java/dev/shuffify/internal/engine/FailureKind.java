package dev.shuffify.internal.engine;

import dev.shuffify.error.PlaylistServiceException;

/**
 * The class of a run's end, as the engine hands it to the scheduler: whether a failed run may succeed when
 * tried again. The retry policy reads it; it is never read back from a stored execution's details.
 */
public enum FailureKind {
    /** The run did not fail (it succeeded, was skipped or did not run). */
    NONE,
    /** A failure a later attempt may not meet: a rate limit, a 5xx or I/O error of the music service. */
    TRANSIENT,
    /** Any other failure: the ones a user must act on (a playlist gone, a login needed, invalid parameters). */
    PERMANENT;

    /**
     * The class of a failure: transient when it, or any of its causes, is a transient music-service failure.
     *
     * @param e the failure
     * @return {@link #TRANSIENT} or {@link #PERMANENT}
     */
    public static FailureKind of(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof PlaylistServiceException p && p.isTransient()) {
                return TRANSIENT;
            }
        }
        return PERMANENT;
    }

    /** @return whether this is a failure a later attempt may not meet */
    public boolean isTransient() {
        return this == TRANSIENT;
    }
}
