package dev.shuffify.spi;

import dev.shuffify.error.AuthenticationException;
import dev.shuffify.error.NotFoundException;

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

    /**
     * How much of the application's rate budget at the music service is in use, for health pages and metrics.
     * Must be cheap and must not call the service. The Spotify adapter's connector reports its token bucket
     * and the 429s it met; the default, for a connector without a budget (the in-memory service), reports none.
     *
     * @return the usage, or empty when this connector keeps no rate budget
     * @since 0.2.0
     */
    default java.util.Optional<RateBudgetUsage> rateBudget() {
        return java.util.Optional.empty();
    }
}
