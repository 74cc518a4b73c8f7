package dev.shuffify.error;

import java.io.Serial;

/**
 * The music service failed a call. Subclasses say why: {@link PlaylistNotFoundException},
 * {@link RateLimitedException}, {@link AuthenticationException}. A plain instance is a service-side or
 * I/O failure; {@link #isTransient()} says whether trying again later may succeed.
 *
 * @since 0.1.0
 */
public class PlaylistServiceException extends ShuffifyException {
    /** The serialized form's version. */
    @Serial
    private static final long serialVersionUID = 1L;

    /** Whether trying again later may succeed. */
    private final boolean transientFailure;

    /**
     * Creates an exception.
     *
     * @param message what failed, naming the playlist where there is one; never a token
     * @param transientFailure whether a later retry may succeed (5xx, I/O, rate limits)
     */
    public PlaylistServiceException(String message, boolean transientFailure) {
        this(message, transientFailure, null);
    }

    /**
     * Creates an exception with a cause.
     *
     * @param message what failed, naming the playlist where there is one; never a token
     * @param transientFailure whether a later retry may succeed
     * @param cause the underlying failure; may be null
     */
    public PlaylistServiceException(String message, boolean transientFailure, Throwable cause) {
        super(message, cause);
        this.transientFailure = transientFailure;
    }

    /**
     * Whether a later retry of the same call may succeed.
     *
     * @return true for server errors, I/O errors and rate limits
     */
    public boolean isTransient() {
        return transientFailure;
    }
}
