package dev.shuffify.error;

import java.io.Serial;

/**
 * Root of every exception thrown by Shuffify. Unchecked: hosts decide where to catch.
 *
 * <p>Messages say what happened, to what, and what to do next. They never contain tokens or secrets.
 *
 * @since 0.1.0
 */
public class ShuffifyException extends RuntimeException {
    @Serial
    private static final long serialVersionUID = 1L;

    /**
     * Creates an exception with a message.
     *
     * @param message what happened; never null
     */
    public ShuffifyException(String message) {
        super(message);
    }

    /**
     * Creates an exception with a message and a cause.
     *
     * @param message what happened; never null
     * @param cause the underlying failure; may be null
     */
    public ShuffifyException(String message, Throwable cause) {
        super(message, cause);
    }
}
