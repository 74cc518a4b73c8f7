package dev.shuffify.spotify.internal;

import dev.shuffify.error.AuthenticationException;
import dev.shuffify.error.NotFoundException;
import dev.shuffify.error.PlaylistServiceException;
import dev.shuffify.model.Account;
import dev.shuffify.model.AccountHealth;
import dev.shuffify.spotify.SpotifyConfigurationException;
import dev.shuffify.spotify.TokenCipher;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.hc.core5.http.Header;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import se.michaelthelin.spotify.model_objects.credentials.AuthorizationCodeCredentials;
import se.michaelthelin.spotify.requests.authorization.authorization_code.AuthorizationCodeRefreshRequest;

/**
 * Access tokens per user: cached until {@code refreshAhead} before they expire, then refreshed with the user's
 * stored (encrypted) refresh token through spotify-web-api-java's refresh request. A rotated refresh token is
 * stored at once. On {@code invalid_grant} the stored token is read again: when another node rotated it meanwhile,
 * the stored one is used; only otherwise is the account marked NEEDS_LOGIN. 5xx and I/O errors of the token
 * endpoint are a transient outage, {@code invalid_client} a configuration error; neither touches the login. Tokens never reach a log line or a
 * message. Thread-safe; refreshes of one user are serialised.
 */
public final class AccessTokens {

    private static final Logger LOG = LoggerFactory.getLogger(AccessTokens.class);

    private record Cached(String token, Instant expiresAt) { }

    private final String clientId;
    private final String clientSecret;
    private final HttpTransport transport;
    private final AccountLedger ledger;
    private final TokenCipher cipher;
    private final CallLoop loop;
    private final Clock clock;
    private final Duration refreshAhead;
    private final Duration deadlineBudget;
    private final ConcurrentHashMap<String, Cached> cache = new ConcurrentHashMap<>();
    private final ConcurrentHashMap<String, Object> locks = new ConcurrentHashMap<>();

    /**
     * Creates the token cache.
     *
     * @param clientId the application's client id
     * @param clientSecret the application's client secret
     * @param transport the HTTP transport
     * @param ledger the account ledger
     * @param cipher the refresh-token cipher
     * @param loop the retry policy for token calls
     * @param clock the clock
     * @param refreshAhead refresh tokens expiring within this
     * @param deadlineBudget how long one refresh may spend retrying
     */
    public AccessTokens(String clientId, String clientSecret, HttpTransport transport, AccountLedger ledger,
            TokenCipher cipher, CallLoop loop, Clock clock, Duration refreshAhead, Duration deadlineBudget) {
        this.clientId = clientId;
        this.clientSecret = clientSecret;
        this.transport = transport;
        this.ledger = ledger;
        this.cipher = cipher;
        this.loop = loop;
        this.clock = clock;
        this.refreshAhead = refreshAhead;
        this.deadlineBudget = deadlineBudget;
    }

    /**
     * A usable access token for a user.
     *
     * @param userId the user
     * @return the token
     * @throws NotFoundException when the user has no account
     * @throws AuthenticationException when the user must log in again
     */
    public String accessToken(String userId) {
        Cached cached = cache.get(userId);
        if (fresh(cached)) {
            return cached.token();
        }
        synchronized (locks.computeIfAbsent(userId, k -> new Object())) {
            cached = cache.get(userId);
            if (fresh(cached)) {
                return cached.token();
            }
            return refresh(userId).token();
        }
    }

    /**
     * The service rejected a token: refresh it unless another thread already did.
     *
     * @param userId the user
     * @param rejected the rejected token
     */
    public void refreshAfterRejection(String userId, String rejected) {
        synchronized (locks.computeIfAbsent(userId, k -> new Object())) {
            Cached cached = cache.get(userId);
            if (cached != null && !cached.token().equals(rejected) && fresh(cached)) {
                return;
            }
            cache.remove(userId);
            refresh(userId);
        }
    }

    /**
     * Forgets a user's cached access token (after a new login).
     *
     * @param userId the user
     */
    public void forget(String userId) {
        cache.remove(userId);
    }

    private boolean fresh(Cached cached) {
        return cached != null && cached.expiresAt().isAfter(clock.instant().plus(refreshAhead));
    }

    private Cached refresh(String userId) {
        Account account = ledger.find(userId).orElseThrow(() -> new NotFoundException("user", userId));
        if (account.health() == AccountHealth.NEEDS_LOGIN) {
            throw new AuthenticationException(AuthenticationException.MUST_LOG_IN_AGAIN + ": the Spotify login of user '"
                    + userId + "' was revoked" + (account.reason() == null ? "" : " (" + account.reason() + ")"));
        }
        byte[] encrypted = account.encryptedRefreshToken();
        if (encrypted == null) {
            throw new AuthenticationException(AuthenticationException.MUST_LOG_IN_AGAIN + ": user '" + userId
                    + "' has no stored Spotify login");
        }
        String refreshToken = cipher.decrypt(userId, encrypted);
        AuthorizationCodeCredentials credentials;
        try {
            credentials = exchangeUnderPolicy(userId, refreshToken);
        } catch (CallFailure e) {
            if (!"invalid_grant".equals(e.errorCode())) {
                throw mapFailure(userId, e);
            }
            // another node may have refreshed at the same moment and the service retired the token we sent:
            // the store then holds its successor
            String stored = storedRefreshToken(userId);
            if (stored == null || stored.equals(refreshToken)) {
                throw mapFailure(userId, e);
            }
            LOG.info("the refresh token of user {} was rotated by another node; using the stored one", userId);
            refreshToken = stored;
            try {
                credentials = exchangeUnderPolicy(userId, refreshToken);
            } catch (CallFailure again) {
                throw mapFailure(userId, again);
            }
        }
        if (credentials == null || credentials.getAccessToken() == null) {
            throw new PlaylistServiceException("the accounts service answered the token refresh of user '" + userId
                    + "' without an access token", true);
        }
        String rotated = credentials.getRefreshToken();
        if (rotated != null && !rotated.isBlank() && !rotated.equals(refreshToken)) {
            ledger.storeRefreshToken(userId, cipher.encrypt(userId, rotated), false);
            LOG.info("stored the rotated refresh token of user {}", userId);
        }
        int expiresIn = credentials.getExpiresIn() == null ? 3600 : credentials.getExpiresIn();
        Cached cached = new Cached(credentials.getAccessToken(), clock.instant().plusSeconds(expiresIn));
        cache.put(userId, cached);
        LOG.debug("refreshed the access token of user {}, valid for {} s", userId, expiresIn);
        return cached;
    }

    private AuthorizationCodeCredentials exchangeUnderPolicy(String userId, String refreshToken) {
        return loop.run("refresh the access token of user '" + userId + "'", userId, null,
                clock.instant().plus(deadlineBudget), () -> exchange(refreshToken), null);
    }

    private String storedRefreshToken(String userId) {
        Account account = ledger.find(userId).orElse(null);
        if (account == null || account.encryptedRefreshToken() == null) {
            return null;
        }
        return cipher.decrypt(userId, account.encryptedRefreshToken());
    }

    /**
     * Sends spotify-web-api-java's refresh request through our transport and reads the answer with the library's
     * model. Not {@code request.execute()}: that logs the answer body (both tokens) at JUL level FINE.
     */
    private AuthorizationCodeCredentials exchange(String refreshToken)
            throws java.io.IOException, se.michaelthelin.spotify.exceptions.SpotifyWebApiException {
        AuthorizationCodeRefreshRequest request = new AuthorizationCodeRefreshRequest.Builder(clientId, clientSecret)
                .setHttpManager(transport)
                .grant_type("refresh_token")
                .refresh_token(refreshToken)
                .build();
        request.initializeBody();
        String json = transport.post(request.getUri(), request.getHeaders().toArray(new Header[0]),
                request.getBody());
        return new AuthorizationCodeCredentials.JsonUtil().createModelObject(json);
    }

    private RuntimeException mapFailure(String userId, CallFailure e) {
        if ("invalid_grant".equals(e.errorCode())) {
            ledger.needsLogin(userId, "the refresh token was revoked (invalid_grant)");
            cache.remove(userId);
            return new AuthenticationException(AuthenticationException.MUST_LOG_IN_AGAIN + ": the Spotify login of user '"
                    + userId + "' was revoked (invalid_grant)", e);
        }
        if ("invalid_client".equals(e.errorCode()) || (e.kind() == CallFailure.Kind.REJECTED && e.status() == 401)) {
            return new SpotifyConfigurationException("the Spotify accounts service refused this application while "
                    + "refreshing the token of user '" + userId + "' (" + e.getMessage() + "); check the "
                    + "application's client id and secret (SpotifyConfig); the user's login is not affected", e);
        }
        if (e.kind() == CallFailure.Kind.EXHAUSTED || e.kind() == CallFailure.Kind.RATE_LIMITED) {
            ledger.failure(userId, e.getMessage());
            return new PlaylistServiceException("the music service is unavailable: Spotify's accounts service did "
                    + "not answer the token refresh of user '" + userId + "' (" + e.getMessage() + "); a transient "
                    + "outage, the user's login is kept", true, e);
        }
        ledger.failure(userId, e.getMessage());
        return new PlaylistServiceException(e.getMessage(), e.kind() == CallFailure.Kind.INTERRUPTED, e);
    }
}
