package dev.shuffify.memory;

/**
 * A failure {@link InMemoryPlaylistService} can inject into one call.
 *
 * @since 0.1.0
 */
public enum Fault {
    /** The call fails with a transient server error (a 5xx); nothing is applied. */
    SERVER_ERROR,
    /**
     * The call fails with a permanent error (an HTTP 400 or 403 the service would answer again); nothing is
     * applied.
     */
    PERMANENT_ERROR,
    /** The call fails with a rate-limit error (a 429 with a retry-after of one second); nothing is applied. */
    RATE_LIMITED,
    /** The call fails because the playlist is not found (a 404); nothing is applied. */
    NOT_FOUND,
    /** The call fails because the user must log in again (a revoked token); nothing is applied. */
    UNAUTHORIZED,
    /**
     * A write is applied on the service but its answer is lost: the caller sees a transient server error.
     * Reads fail like {@link #SERVER_ERROR}.
     */
    LOST_RESPONSE
}
