package dev.shuffify.spotify;

import dev.shuffify.spotify.fake.FakeSpotifyWebApi;
import dev.shuffify.spotify.fake.ManualClock;
import dev.shuffify.store.InMemoryShuffifyStore;
import java.time.Instant;
import java.util.Random;
import java.util.function.UnaryOperator;

/** A fake Web API, a store, a manual clock and a connector wired together, for one test. */
final class SpotifyFixture implements AutoCloseable {

    static final Instant START = Instant.parse("2026-06-01T10:00:00Z");

    final ManualClock clock = new ManualClock(START);
    final FakeSpotifyWebApi fake;
    final InMemoryShuffifyStore store = new InMemoryShuffifyStore();
    final byte[] key = TokenCipher.newKey();
    final SpotifyConnector connector;
    final ApiDialect dialect;

    SpotifyFixture(ApiDialect dialect) {
        this(dialect, b -> b);
    }

    SpotifyFixture(ApiDialect dialect, UnaryOperator<SpotifyConfig.Builder> tune) {
        this.dialect = dialect;
        this.fake = FakeSpotifyWebApi.start(clock,
                dialect == ApiDialect.ITEMS ? FakeSpotifyWebApi.Mode.ITEMS : FakeSpotifyWebApi.Mode.TRACKS);
        this.connector = new SpotifyConnector(config(tune), store.accounts(), TokenCipher.ofKey(key));
    }

    SpotifyConfig config(UnaryOperator<SpotifyConfig.Builder> tune) {
        return tune.apply(SpotifyConfig.builder(FakeSpotifyWebApi.CLIENT_ID, FakeSpotifyWebApi.CLIENT_SECRET)
                .apiBaseUri(fake.baseUri())
                .accountsBaseUri(fake.baseUri())
                .dialect(dialect)
                .clock(clock)
                .sleeper(clock.sleeper())
                .random(new Random(42)))
                .build();
    }

    /** Adds a Spotify user with the same id as the host user, logged in. */
    void login(String userId) {
        fake.addUser(userId);
        connector.storeLogin(userId, fake.issueRefreshToken(userId));
    }

    SpotifyPlaylistService connect(String userId) {
        return connector.connect(userId);
    }

    @Override
    public void close() {
        fake.close();
    }
}
