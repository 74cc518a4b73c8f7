package dev.shuffify.examples.spotify;

import dev.shuffify.Shuffify;
import dev.shuffify.ShuffifyBuilder;
import dev.shuffify.model.Account;
import dev.shuffify.spi.PlaylistService;
import dev.shuffify.spotify.SpotifyConfig;
import dev.shuffify.spotify.SpotifyConnector;
import dev.shuffify.spotify.TokenCipher;
import dev.shuffify.store.InMemoryShuffifyStore;
import java.security.MessageDigest;
import java.nio.charset.StandardCharsets;

/**
 * The demo's host wiring, what a real host does at start-up: a store (in memory here), a token key, the Spotify
 * connector, the user's login, and the facade with the plugins found on the class path.
 *
 * <p>A real host keeps its token key outside the database (a secret manager, an environment variable) so that
 * stored refresh tokens survive restarts. The demo holds the refresh token only for one run, so it makes an
 * ephemeral AES key in the process: the encrypted token in the store is unreadable once the process ends.
 */
final class SpotifyHost implements AutoCloseable {

    /** The host-side id of the demo's one user. */
    static final String USER = "demo-user";

    private final InMemoryShuffifyStore store;
    private final TokenCipher cipher;
    private final SpotifyConnector spotify;
    private final ObservingConnector observed;
    private final Shuffify shuffify;
    private final byte[] loginDigest;

    private SpotifyHost(SpotifyCredentials credentials, DemoOptions options) {
        SpotifyConfig.Builder config = SpotifyConfig.builder(credentials.clientId(), credentials.clientSecret())
                .dialect(options.dialect());
        if (options.apiBase() != null) {
            config.apiBaseUri(options.apiBase());
        }
        if (options.accountsBase() != null) {
            config.accountsBaseUri(options.accountsBase());
        }
        this.store = new InMemoryShuffifyStore();
        this.cipher = TokenCipher.ofKey(TokenCipher.newKey());
        this.spotify = new SpotifyConnector(config.build(), store.accounts(), cipher);
        spotify.storeLogin(USER, credentials.refreshToken());
        this.loginDigest = digest(credentials.refreshToken());
        this.observed = new ObservingConnector(spotify);
        ShuffifyBuilder facade = Shuffify.builder().store(store).connector(observed);
        if (options.seed() != null) {
            facade.seed(options.seed());
        }
        this.shuffify = facade.build();
    }

    /**
     * Wires the host.
     *
     * @param credentials the application's credentials and the user's refresh token
     * @param options the command line (base URIs, dialect, seed)
     * @return the host
     * @throws dev.shuffify.error.ValidationException when a base URI is not an http(s) URI with a host and no path
     */
    static SpotifyHost start(SpotifyCredentials credentials, DemoOptions options) {
        return new SpotifyHost(credentials, options);
    }

    /** @return the facade */
    Shuffify shuffify() {
        return shuffify;
    }

    /** @return the connector the facade uses, with its call counts and the tracks it saw */
    ObservingConnector observed() {
        return observed;
    }

    /** @return the user's Spotify account, through the counting connector */
    PlaylistService connect() {
        return observed.connect(USER);
    }

    /**
     * Whether Spotify answered a token refresh with a new refresh token, so that the one the demo started with
     * may no longer work. Compared by digest; the token itself is never shown.
     *
     * @return true when the stored refresh token is not the one from the environment
     */
    boolean refreshTokenRotated() {
        Account account = spotify.account(USER);
        if (account == null || account.encryptedRefreshToken() == null) {
            return false;
        }
        String current = cipher.decrypt(USER, account.encryptedRefreshToken());
        return !MessageDigest.isEqual(loginDigest, digest(current));
    }

    @Override
    public void close() {
        shuffify.close();
        store.close();
    }

    private static byte[] digest(String token) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this Java runtime", e);
        }
    }
}
