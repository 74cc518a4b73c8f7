package dev.shuffify.spotify;

import dev.shuffify.error.AuthenticationException;
import dev.shuffify.error.NotFoundException;
import dev.shuffify.error.ValidationException;
import dev.shuffify.model.Account;
import dev.shuffify.spi.AccountSignals;
import dev.shuffify.spi.PlaylistService;
import dev.shuffify.spi.PlaylistServiceConnector;
import dev.shuffify.spi.RateBudgetUsage;
import dev.shuffify.spotify.internal.AccessTokens;
import dev.shuffify.spotify.internal.AccountLedger;
import dev.shuffify.spotify.internal.CallLoop;
import dev.shuffify.spotify.internal.HttpTransport;
import dev.shuffify.spotify.internal.RateBudget;
import dev.shuffify.spotify.internal.ServiceCaller;
import dev.shuffify.spotify.internal.TokenSource;
import dev.shuffify.store.AccountHealthRecorder;
import dev.shuffify.store.AccountStore;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * Connects the engine to Spotify as any of the host's users: loads the user's encrypted refresh token from the
 * {@link AccountStore}, decrypts it with the host's {@link TokenCipher}, keeps a cached access token per user
 * (refreshed when missing or within {@link SpotifyConfig#refreshAhead()} of expiry; a rotated refresh token is
 * stored at once), and hands out {@link SpotifyPlaylistService}s that share one rate budget per application.
 *
 * <pre>{@code
 * SpotifyConnector spotify = new SpotifyConnector(config, store.accounts(), TokenCipher.ofKey(key));
 * // in the host's OAuth callback:
 * spotify.storeLogin("alice", refreshTokenFromCodeExchange);
 * // the engine then calls spotify.connect("alice") for each job
 * }</pre>
 *
 * <p>Account health is core's: the connector reports what it observes as {@link dev.shuffify.spi.AccountSignal}s
 * and core's {@link AccountHealthRecorder} keeps health in the store (the connector never writes it). A call that
 * fails for good (after retries) counts as a failure, and
 * after {@link SpotifyConfig#degradedAfter()} / {@link SpotifyConfig#quarantinedAfter()} consecutive failures the
 * account becomes DEGRADED / QUARANTINED (the engine skips a quarantined account's scheduled runs); any success
 * makes it OK again. A revoked refresh token ({@code invalid_grant}) makes it NEEDS_LOGIN, and its jobs fail with
 * "{@value AuthenticationException#MUST_LOG_IN_AGAIN}" until {@link #storeLogin(String, String)} is called again.
 *
 * <p>Use one connector per Spotify application (client id): the rate budget is per connector. Thread-safe.
 *
 * @since 0.1.0
 */
public final class SpotifyConnector implements PlaylistServiceConnector {

    private final SpotifyConfig config;
    private final TokenCipher cipher;
    private final HttpTransport transport;
    private final AccountLedger ledger;
    private final CallLoop loop;
    private final RateBudget budget;
    private final AccessTokens tokens;

    /**
     * Creates a connector.
     *
     * @param config the application's configuration
     * @param accounts where encrypted refresh tokens are stored, and where core's {@link AccountHealthRecorder}
     *     keeps account health from the connector's signals
     * @param cipher the host's refresh-token cipher
     */
    public SpotifyConnector(SpotifyConfig config, AccountStore accounts, TokenCipher cipher) {
        this(config, accounts, cipher, new AccountHealthRecorder(Objects.requireNonNull(accounts, "accounts"),
                Objects.requireNonNull(config, "config").clock(), config.degradedAfter(), config.quarantinedAfter()));
    }

    /**
     * Creates a connector that reports account health to {@code signals} instead of core's recorder over
     * {@code accounts}.
     *
     * @param config the application's configuration
     * @param accounts where encrypted refresh tokens are stored
     * @param cipher the host's refresh-token cipher
     * @param signals receives what the connector observes about each account (successes, failures, revoked
     *     tokens, logins); core's {@link AccountHealthRecorder} keeps health from them
     * @since 0.2.0
     */
    public SpotifyConnector(SpotifyConfig config, AccountStore accounts, TokenCipher cipher,
            AccountSignals signals) {
        this.config = Objects.requireNonNull(config, "config");
        this.cipher = Objects.requireNonNull(cipher, "cipher");
        Objects.requireNonNull(accounts, "accounts");
        this.transport = new HttpTransport(config.accountsBaseUri(), config.requestTimeout());
        this.ledger = new AccountLedger(accounts, config.clock(), Objects.requireNonNull(signals, "signals"));
        this.loop = new CallLoop(config.maxAttempts(), config.baseBackoff(), config.maxBackoff(),
                config.maxRetryAfter(), config.clock(), config.sleeper(), config.random());
        this.budget = new RateBudget(config.requestsPerWindow(), config.rateWindow(), config.clock());
        this.tokens = new AccessTokens(config.clientId(), config.clientSecret(), transport, ledger, cipher, loop,
                config.clock(), config.refreshAhead(), config.jobDeadline());
    }

    /**
     * Connects as a user: makes sure a usable access token exists (refreshing it if needed) and returns a service
     * whose waits all count against one job deadline ({@link SpotifyConfig#jobDeadline()} from now).
     *
     * @param userId the host-side user id
     * @return a service acting for the user
     * @throws NotFoundException when no account is stored for the user
     * @throws AuthenticationException when the user must log in again (no token, or it was revoked)
     * @throws TokenCipherException when the stored token cannot be decrypted with the host's key
     */
    @Override
    public SpotifyPlaylistService connect(String userId) {
        requireUser(userId);
        tokens.accessToken(userId);
        Instant deadline = config.clock().instant().plus(config.jobDeadline());
        TokenSource source = new TokenSource() {
            @Override
            public String accessToken() {
                return tokens.accessToken(userId);
            }

            @Override
            public void refreshAfterRejection(String rejected) {
                tokens.refreshAfterRejection(userId, rejected);
            }
        };
        return new SpotifyPlaylistService(config, transport,
                new ServiceCaller(userId, loop, budget, source, ledger, deadline));
    }

    /**
     * Stores a user's refresh token after a login (the host's OAuth callback): encrypts it, stores it, makes the
     * account OK with no failures, and forgets any cached access token of the user.
     *
     * @param userId the host-side user id
     * @param refreshToken the refresh token from the authorization-code exchange; never logged
     */
    public void storeLogin(String userId, String refreshToken) {
        requireUser(userId);
        if (refreshToken == null || refreshToken.isBlank()) {
            throw new ValidationException("refreshToken", "must be the refresh token of the user's login (not blank)");
        }
        ledger.storeRefreshToken(userId, cipher.encrypt(userId, refreshToken), true);
        tokens.forget(userId);
    }

    /**
     * The stored account of a user, for status pages.
     *
     * @param userId the user
     * @return the account (its token stays encrypted), or null when none is stored
     */
    public Account account(String userId) {
        requireUser(userId);
        return ledger.find(userId).orElse(null);
    }

    /**
     * The calls granted in the current rate window, for monitoring.
     *
     * @return the count
     */
    public int requestsInWindow() {
        return budget.inWindow();
    }

    /**
     * The current budget per window; lower than {@link SpotifyConfig#requestsPerWindow()} for a while after a 429
     * that came soon after the pause of an earlier one.
     *
     * @return the budget
     */
    public int currentBudget() {
        return budget.effectiveCapacity();
    }

    /**
     * The application's rate budget in use and the 429s met since this connector was made, for health pages and
     * metrics ({@code shuffify-micrometer} reads it through {@code Shuffify.operations().rateBudget()}). Reads counters in
     * memory; never calls the service.
     *
     * @return the usage; never empty
     * @since 0.2.0
     */
    @Override
    public Optional<RateBudgetUsage> rateBudget() {
        return Optional.of(new RateBudgetUsage(budget.inWindow(), budget.effectiveCapacity(), budget.capacity(),
                budget.rateLimitedCount()));
    }

    /**
     * The configuration.
     *
     * @return the configuration
     */
    public SpotifyConfig config() {
        return config;
    }

    @Override
    public String toString() {
        return "SpotifyConnector[" + config + "]";
    }

    private static void requireUser(String userId) {
        if (userId == null || userId.isBlank()) {
            throw new ValidationException("userId", "must be a host-side user id (not blank)");
        }
    }
}
