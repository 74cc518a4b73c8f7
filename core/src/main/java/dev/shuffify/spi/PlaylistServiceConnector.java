package dev.shuffify.spi;

import dev.shuffify.AuthenticationException;
import dev.shuffify.NotFoundException;

/**
 * Gives the engine a {@link PlaylistService} acting for one user: resolves the user's credentials, refreshes
 * tokens, applies rate limits and retries. The Spotify adapter and the in-memory service provide one.
 *
 * @since 0.1.0
 */
@FunctionalInterface
public interface PlaylistServiceConnector {

    /**
     * Connects as a user.
     *
     * @param userId the host-side user id
     * @return a service acting for the user; never null
     * @throws NotFoundException when the user is unknown
     * @throws AuthenticationException when the user has no usable credentials ("user must log in again")
     */
    PlaylistService connect(String userId);
}
