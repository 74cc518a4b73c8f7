package dev.shuffify.internal.engine;

import dev.shuffify.error.AuthenticationException;
import dev.shuffify.error.NotFoundException;
import dev.shuffify.error.PlaylistServiceException;
import dev.shuffify.spi.PlaylistService;
import dev.shuffify.spi.PlaylistServiceConnector;

/** Connects to the music service as a user, through the host's connector. */
final class AccountConnect {
    private final PlaylistServiceConnector connector;

    AccountConnect(PlaylistServiceConnector connector) {
        this.connector = connector;
    }

    /**
     * @throws NotFoundException when the user is unknown
     * @throws AuthenticationException when the user must log in again
     * @throws PlaylistServiceException as the connector classified it (a token-endpoint outage is transient,
     *     a wrong client secret a configuration error): never turned into "log in again"
     */
    PlaylistService connect(String userId) {
        try {
            return connector.connect(userId);
        } catch (PlaylistServiceException | NotFoundException e) {
            throw e;
        } catch (RuntimeException e) {
            throw new AuthenticationException(AuthenticationException.MUST_LOG_IN_AGAIN + " (" + e.getMessage()
                    + ")", e);
        }
    }
}
