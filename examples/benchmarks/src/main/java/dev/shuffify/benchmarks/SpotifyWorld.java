package dev.shuffify.benchmarks;

import dev.shuffify.Shuffify;
import dev.shuffify.spotify.ApiDialect;
import dev.shuffify.spotify.Sleeper;
import dev.shuffify.spotify.SpotifyConfig;
import dev.shuffify.spotify.SpotifyConnector;
import dev.shuffify.spotify.TokenCipher;
import dev.shuffify.spotify.fake.FakeSpotifyWebApi;
import dev.shuffify.store.InMemoryShuffifyStore;
import java.time.Clock;
import java.util.Random;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.UnaryOperator;

/**
 * The real Spotify adapter wired to the local fake Web API, with a store and a {@link Shuffify} facade on top:
 * what a host runs, with the service replaced by the fake. Ids are a counter and the random source is seeded, so
 * two worlds built alike make the same choices.
 */
public final class SpotifyWorld implements AutoCloseable {
    static {
        // The fake runs on the JDK's HttpServer, which leaves Nagle's algorithm on: every request with a body
        // (all writes) then waits ~40 ms for a delayed ACK. That is a property of the fake's server, not of the
        // adapter, so the benchmarks switch it off (read once, when the server class is first used).
        System.setProperty("sun.net.httpserver.nodelay", "true");
    }

    /** The fake Web API. */
    public final FakeSpotifyWebApi fake;
    /** The store behind the facade (and the connector's account store). */
    public final InMemoryShuffifyStore store = new InMemoryShuffifyStore();
    /** The adapter's connector. */
    public final SpotifyConnector connector;
    /** The facade. */
    public final Shuffify shuffify;

    /**
     * Starts the fake and wires everything.
     *
     * @param dialect the API dialect (the fake speaks the same)
     * @param clock the clock of the fake, the adapter and the engine
     * @param sleeper every wait of the adapter
     * @param tune further adapter settings
     */
    public SpotifyWorld(ApiDialect dialect, Clock clock, Sleeper sleeper, UnaryOperator<SpotifyConfig.Builder> tune) {
        this.fake = FakeSpotifyWebApi.start(clock,
                dialect == ApiDialect.ITEMS ? FakeSpotifyWebApi.Mode.ITEMS : FakeSpotifyWebApi.Mode.TRACKS);
        SpotifyConfig config = tune.apply(SpotifyConfig.builder(FakeSpotifyWebApi.CLIENT_ID,
                        FakeSpotifyWebApi.CLIENT_SECRET)
                .apiBaseUri(fake.baseUri())
                .accountsBaseUri(fake.baseUri())
                .dialect(dialect)
                .clock(clock)
                .sleeper(sleeper)
                .random(new Random(42)))
                .build();
        this.connector = new SpotifyConnector(config, store.accounts(), TokenCipher.ofKey(TokenCipher.newKey()));
        AtomicLong ids = new AtomicLong();
        this.shuffify = Shuffify.builder().store(store).connector(connector).clock(clock).seed(1)
                .idGenerator(() -> "id-" + ids.incrementAndGet()).build();
    }

    /**
     * Adds a user to the fake and stores their login.
     *
     * @param userId the user (the same id on both sides)
     */
    public void login(String userId) {
        fake.addUser(userId);
        connector.storeLogin(userId, fake.issueRefreshToken(userId));
    }

    @Override
    public void close() {
        shuffify.close();
        fake.close();
    }
}
