package dev.shuffify.error;

import java.io.Serial;

/**
 * The user's credentials for the music service are missing, revoked or unusable. The user must log in
 * again; retrying will not help.
 *
 * @since 0.1.0
 */
public class AuthenticationException extends PlaylistServiceException {
    @Serial
    private static final long serialVersionUID = 1L;

    /** The message every job of an account that needs a new login fails with. */
    public static final String MUST_LOG_IN_AGAIN = "user must log in again";

    /**
     * Creates an exception.
     *
     * @param message what is wrong; never a token
     */
    public AuthenticationException(String message) {
        super(message, false);
    }

    /**
     * Creates an exception with a cause.
     *
     * @param message what is wrong; never a token
     * @param cause the underlying failure
     */
    public AuthenticationException(String message, Throwable cause) {
        super(message, false, cause);
    }
}
