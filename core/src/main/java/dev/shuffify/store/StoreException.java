package dev.shuffify.store;

import dev.shuffify.error.ShuffifyException;
import java.io.Serial;

/**
 * A store failed: the database could not be reached, a statement failed, or its schema is not one this
 * version understands. The message names the operation and never contains tokens.
 *
 * @since 0.1.0
 */
public class StoreException extends ShuffifyException {
    @Serial
    private static final long serialVersionUID = 1L;

    /**
     * Creates an exception.
     *
     * @param message what failed and what to do
     */
    public StoreException(String message) {
        super(message);
    }

    /**
     * Creates an exception with a cause.
     *
     * @param message what failed and what to do
     * @param cause the underlying failure
     */
    public StoreException(String message, Throwable cause) {
        super(message, cause);
    }
}
