package dev.shuffify.error;

import java.io.Serial;
import java.time.Duration;

/**
 * The music service refused a call because the application's rate budget is spent (HTTP 429).
 *
 * @since 0.1.0
 */
public class RateLimitedException extends PlaylistServiceException {
    /** The serialized form's version. */
    @Serial
    private static final long serialVersionUID = 1L;

    /** How long the service asked to wait, or null when it did not say. */
    private final Duration retryAfter;

    /**
     * Creates an exception.
     *
     * @param message what was refused
     * @param retryAfter how long the service asked to wait; never null
     */
    public RateLimitedException(String message, Duration retryAfter) {
        super(message, true);
        this.retryAfter = retryAfter == null ? Duration.ZERO : retryAfter;
    }

    /**
     * How long the service asked to wait before the next call.
     *
     * @return never null; zero when the service gave no hint
     */
    public Duration retryAfter() {
        return retryAfter;
    }
}
