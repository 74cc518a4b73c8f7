package dev.shuffify.spotify.internal;

import dev.shuffify.AuthenticationException;
import dev.shuffify.PlaylistNotFoundException;
import dev.shuffify.PlaylistServiceException;
import dev.shuffify.RateLimitedException;
import java.io.IOException;
import java.time.Instant;
import org.apache.hc.core5.http.ParseException;
import se.michaelthelin.spotify.exceptions.SpotifyWebApiException;

/**
 * Runs the Web API calls of one connection (one user, one job): the retry policy and rate budget of
 * {@link CallLoop}, the user's access token, the account's health, and the mapping of final failures to the
 * core's exceptions (not found, rate limited, authentication, service), naming the playlist and never a token.
 */
public final class ServiceCaller {

    /** A call that needs the access token. */
    @FunctionalInterface
    public interface ApiCall<T> {
        /**
         * Runs one attempt.
         *
         * @param accessToken the bearer token
         * @return the answer
         * @throws IOException on I/O failure
         * @throws SpotifyWebApiException on a non-2xx answer
         * @throws ParseException when the answer cannot be read
         */
        T run(String accessToken) throws IOException, SpotifyWebApiException, ParseException;
    }

    private final String userId;
    private final CallLoop loop;
    private final RateBudget budget;
    private final TokenSource tokens;
    private final AccountLedger ledger;
    private final Instant deadline;

    /**
     * Creates a caller.
     *
     * @param userId the host-side user id
     * @param loop the retry policy
     * @param budget the application's rate budget
     * @param tokens the user's tokens
     * @param ledger the account ledger, or null when health is not tracked
     * @param deadline the job's deadline
     */
    public ServiceCaller(String userId, CallLoop loop, RateBudget budget, TokenSource tokens, AccountLedger ledger,
            Instant deadline) {
        this.userId = userId;
        this.loop = loop;
        this.budget = budget;
        this.tokens = tokens;
        this.ledger = ledger;
        this.deadline = deadline;
    }

    /**
     * Calls the Web API.
     *
     * @param what what the call does, e.g. {@code add items to playlist}
     * @param playlistId the playlist concerned, or null
     * @param call the call
     * @param <T> the answer type
     * @return the answer
     */
    public <T> T call(String what, String playlistId, ApiCall<T> call) {
        String label = playlistId == null ? what : what + " '" + playlistId + "'";
        String[] token = new String[1];
        T result;
        try {
            result = loop.run(label, userId, budget, deadline, () -> {
                token[0] = tokens.accessToken();
                return call.run(token[0]);
            }, () -> tokens.refreshAfterRejection(token[0]));
        } catch (CallFailure e) {
            throw map(label, playlistId, e);
        }
        if (ledger != null) {
            ledger.success(userId);
        }
        return result;
    }

    private RuntimeException map(String label, String playlistId, CallFailure e) {
        switch (e.kind()) {
            case REJECTED -> {
                if (playlistId != null && (e.status() == 404 || e.status() == 403)) {
                    return new PlaylistNotFoundException(playlistId, "playlist '" + playlistId + "' is not available "
                            + "to user '" + userId + "' (" + e.getMessage() + ")");
                }
                if (e.status() == 401) {
                    fail(e);
                    return new AuthenticationException("Spotify rejected the access token of user '" + userId
                            + "' even after a refresh (" + e.getMessage() + ")", e);
                }
                return new PlaylistServiceException(e.getMessage(), false, e);
            }
            case RATE_LIMITED -> {
                fail(e);
                return new RateLimitedException(e.getMessage(), e.retryAfter());
            }
            case EXHAUSTED -> {
                fail(e);
                return new PlaylistServiceException(e.getMessage(), true, e);
            }
            default -> {
                return new PlaylistServiceException(e.getMessage(), e.kind() == CallFailure.Kind.INTERRUPTED, e);
            }
        }
    }

    private void fail(CallFailure e) {
        if (ledger != null) {
            ledger.failure(userId, e.getMessage());
        }
    }
}
