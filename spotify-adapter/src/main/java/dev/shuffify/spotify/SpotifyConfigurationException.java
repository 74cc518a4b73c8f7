package dev.shuffify.spotify;

import dev.shuffify.error.PlaylistServiceException;
import java.io.Serial;

/**
 * The accounts service refused the application itself ({@code invalid_client}: a wrong client id or secret).
 * It is the host's configuration to fix, not the user's login: the account is not marked and no user needs to
 * log in again. Not transient. The message never holds the secret.
 *
 * @since 0.1.0
 */
public class SpotifyConfigurationException extends PlaylistServiceException {
    @Serial
    private static final long serialVersionUID = 1L;

    /**
     * Creates an exception.
     *
     * @param message what is wrong; never a secret
     * @param cause the underlying failure, may be null
     */
    public SpotifyConfigurationException(String message, Throwable cause) {
        super(message, false, cause);
    }
}
