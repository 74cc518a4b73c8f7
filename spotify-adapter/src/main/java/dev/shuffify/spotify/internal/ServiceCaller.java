package dev.shuffify.spotify.internal;

import dev.shuffify.error.AuthenticationException;
import dev.shuffify.error.PlaylistNotFoundException;
import dev.shuffify.error.PlaylistServiceException;
import dev.shuffify.error.RateLimitedException;
import dev.shuffify.spotify.SpotifyAccountException;
import java.io.IOException;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Supplier;
import org.apache.hc.core5.http.ParseException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import se.michaelthelin.spotify.exceptions.SpotifyWebApiException;

/**
 * Runs the Web API calls of one connection (one user, one job): the retry policy and rate budget of
 * {@link CallLoop}, the user's access token, the account's health, and the mapping of final failures to the
 * core's exceptions (not found, rate limited, authentication, service), naming the playlist and never a token.
 */
public final class ServiceCaller {

    private static final Logger LOG = LoggerFactory.getLogger(ServiceCaller.class);

    /** The scopes the playlist writes and playlist creation need. */
    public static final String WRITE_SCOPES = "playlist-modify-public playlist-modify-private";
    /** The scope reading the user's playlists needs. */
    public static final String READ_SCOPES = "playlist-read-private";

    /**
     * What a re-read after a write with a lost answer found.
     *
     * @param <T> the write's answer type
     */
    public sealed interface Outcome<T> {
        /**
         * The write was applied.
         *
         * @param answer what the write would have answered
         * @param <T> the answer type
         */
        record Applied<T>(T answer) implements Outcome<T> { }

        /**
         * The write was not applied; sending it again is safe.
         *
         * @param <T> the answer type
         */
        record NotApplied<T>() implements Outcome<T> { }

        /**
         * The playlist changed in a way that does not say.
         *
         * @param why what was found
         * @param <T> the answer type
         */
        record Unknown<T>(String why) implements Outcome<T> { }
    }

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
     * The job's deadline: no wait of this caller's ends after it.
     *
     * @return never null
     */
    public Instant deadline() {
        return deadline;
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
        return call(what, playlistId, READ_SCOPES, call);
    }

    /**
     * Calls the Web API for a read (or any call that is harmless to send again).
     *
     * @param what what the call does
     * @param playlistId the playlist concerned, or null
     * @param scope the scope the call needs, named when the service refuses it for a missing scope
     * @param call the call
     * @param <T> the answer type
     * @return the answer
     */
    public <T> T call(String what, String playlistId, String scope, ApiCall<T> call) {
        String label = label(what, playlistId);
        try {
            T result = attempt(label, call, true);
            success(WRITE_SCOPES.equals(scope));
            return result;
        } catch (CallFailure e) {
            throw map(label, playlistId, scope, e);
        }
    }

    /**
     * Calls the Web API for a write that must not be applied twice. A 5xx or an I/O error may come after the
     * service applied the write, so it is never re-sent blindly: {@code reread} learns the outcome (it re-reads the
     * playlist); when the write was applied its answer is returned, when it was not it is sent again after the
     * usual backoff (at most {@code maxAttempts} sends), and when the re-read cannot tell, the call fails saying
     * so, without sending it again.
     *
     * @param what what the call does
     * @param playlistId the playlist written
     * @param call the call
     * @param reread learns whether a write whose answer was lost was applied
     * @param <T> the answer type
     * @return the answer
     */
    public <T> T write(String what, String playlistId, ApiCall<T> call, Supplier<Outcome<T>> reread) {
        String label = label(what, playlistId);
        int uncertain = 0;
        while (true) {
            CallFailure lost;
            try {
                T result = attempt(label, call, false);
                success(true);
                return result;
            } catch (CallFailure e) {
                if (e.kind() != CallFailure.Kind.UNCERTAIN) {
                    throw map(label, playlistId, WRITE_SCOPES, e);
                }
                lost = e;
            }
            uncertain++;
            LOG.info("{}: {}; re-reading the playlist to learn whether it was applied", label, lost.getMessage());
            Outcome<T> outcome;
            try {
                outcome = reread.get();
            } catch (PlaylistServiceException e) {
                fail(lost);
                throw new PlaylistServiceException(label + ": the answer was lost (" + lost.getMessage()
                        + ") and the playlist could not be re-read to learn whether it was applied ("
                        + e.getMessage() + "); it was not sent again", true, lost);
            }
            if (outcome instanceof Outcome.Applied<T> applied) {
                LOG.info("{}: the re-read shows the write was applied; not sending it again", label);
                success(true);
                return applied.answer();
            }
            if (outcome instanceof Outcome.Unknown<T> unknown) {
                fail(lost);
                throw new PlaylistServiceException(label + ": the answer was lost (" + lost.getMessage()
                        + ") and the re-read cannot tell whether it was applied (" + unknown.why()
                        + "); it was not sent again", true, lost);
            }
            try {
                loop.backoffBeforeResend(label, uncertain, deadline, lost);
            } catch (CallFailure e) {
                fail(e);
                throw new PlaylistServiceException(e.getMessage() + "; a re-read shows the playlist unchanged (the "
                        + "write was not applied)", true, e);
            }
            LOG.info("{}: the re-read shows the write was not applied; sending it again", label);
        }
    }

    private <T> T attempt(String label, ApiCall<T> call, boolean repeatable) {
        String[] token = new String[1];
        return loop.run(label, userId, budget, deadline, () -> {
            token[0] = tokens.accessToken();
            return call.run(token[0]);
        }, () -> tokens.refreshAfterRejection(token[0]), repeatable);
    }

    /** A call succeeded; a read does not clear a write refused for a missing scope (reads need no write scope). */
    private void success(boolean write) {
        if (ledger != null) {
            ledger.success(userId, write);
        }
    }

    private static String label(String what, String playlistId) {
        return playlistId == null ? what : what + " '" + playlistId + "'";
    }

    /**
     * Whether a 403 is about the account (allow-list, scope) rather than the resource; the service's wordings.
     *
     * @param serviceMessage the service's message
     * @return the reason, or empty for a 403 about the resource
     */
    static Optional<SpotifyAccountException.Reason> accountRefusal(String serviceMessage) {
        if (serviceMessage == null) {
            return Optional.empty();
        }
        String m = serviceMessage.toLowerCase(Locale.ROOT);
        if (m.contains("insufficient client scope")) {
            return Optional.of(SpotifyAccountException.Reason.MISSING_SCOPE);
        }
        if (m.contains("may not be registered") || m.contains("not registered in the developer dashboard")
                || m.contains("not registered for this application") || m.contains("not approved for app")
                || m.contains("developer.spotify.com/dashboard")) {
            return Optional.of(SpotifyAccountException.Reason.NOT_ON_ALLOW_LIST);
        }
        return Optional.empty();
    }

    private RuntimeException map(String label, String playlistId, String scope, CallFailure e) {
        switch (e.kind()) {
            case REJECTED -> {
                Optional<SpotifyAccountException.Reason> account = e.status() == 403
                        ? accountRefusal(e.serviceMessage()) : Optional.empty();
                if (account.isPresent()) {
                    if (ledger != null) {
                        ledger.failure(userId, e.getMessage(), WRITE_SCOPES.equals(scope)
                                && account.get() == SpotifyAccountException.Reason.MISSING_SCOPE);
                    }
                    return account.get() == SpotifyAccountException.Reason.MISSING_SCOPE
                            ? new SpotifyAccountException(account.get(), scope, label + " was refused: the Spotify "
                                    + "login of user '" + userId + "' lacks the scope " + scope + " (403 Insufficient "
                                    + "client scope); the user must log in again granting it", e)
                            : new SpotifyAccountException(account.get(), null, label + " was refused: user '"
                                    + userId + "' is not on the allow-list of this development-mode Spotify "
                                    + "application (403: " + e.serviceMessage() + "); add the user under User "
                                    + "Management in the Spotify Developer Dashboard", e);
                }
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
