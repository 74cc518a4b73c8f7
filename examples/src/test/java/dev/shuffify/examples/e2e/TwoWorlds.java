package dev.shuffify.examples.e2e;

import dev.shuffify.Shuffify;
import dev.shuffify.ShuffifyBuilder;
import dev.shuffify.memory.InMemoryPlaylistService;
import dev.shuffify.model.Execution;
import dev.shuffify.model.JobSpec;
import dev.shuffify.model.Playlist;
import dev.shuffify.model.Schedule;
import dev.shuffify.model.ScheduleDefinition;
import dev.shuffify.model.Track;
import dev.shuffify.model.Trigger;
import dev.shuffify.spi.ShuffleAlgorithm;
import dev.shuffify.spotify.ApiDialect;
import dev.shuffify.spotify.SpotifyConfig;
import dev.shuffify.spotify.SpotifyConnector;
import dev.shuffify.spotify.TokenCipher;
import dev.shuffify.spotify.fake.FakeSpotifyWebApi;
import dev.shuffify.spotify.fake.ManualClock;
import dev.shuffify.store.InMemoryShuffifyStore;
import dev.shuffify.testkit.TestClock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;

/**
 * The same host twice, fed the same playlists: once on the Spotify adapter against the local fake Web API, once on
 * the in-memory music service. Both facades have the same seed, the same id sequence and clocks that start and
 * move together, so a job run on both makes the same choices and should leave the same playlists.
 */
final class TwoWorlds implements AutoCloseable {

    static final Instant START = Instant.parse("2026-06-01T10:00:00Z");
    static final long SEED = 20_260_601L;
    static final String USER = "alice";

    final ApiDialect dialect;
    final ManualClock clock = new ManualClock(START);
    final FakeSpotifyWebApi fake;
    final InMemoryShuffifyStore spotifyStore = new InMemoryShuffifyStore();
    final SpotifyConnector connector;
    final Shuffify spotify;

    final TestClock memoryClock = new TestClock(START);
    final InMemoryPlaylistService memory = new InMemoryPlaylistService(memoryClock);
    final Shuffify inMemory;

    TwoWorlds(ApiDialect dialect, ShuffleAlgorithm... algorithms) {
        this(dialect, b -> b, algorithms);
    }

    TwoWorlds(ApiDialect dialect, UnaryOperator<SpotifyConfig.Builder> tune, ShuffleAlgorithm... algorithms) {
        this.dialect = dialect;
        this.fake = FakeSpotifyWebApi.start(clock,
                dialect == ApiDialect.ITEMS ? FakeSpotifyWebApi.Mode.ITEMS : FakeSpotifyWebApi.Mode.TRACKS);
        SpotifyConfig config = tune.apply(SpotifyConfig.builder(FakeSpotifyWebApi.CLIENT_ID,
                        FakeSpotifyWebApi.CLIENT_SECRET)
                .apiBaseUri(fake.baseUri())
                .accountsBaseUri(fake.baseUri())
                .dialect(dialect)
                .clock(clock)
                .sleeper(clock.sleeper())
                .random(new Random(42)))
                .build();
        this.connector = new SpotifyConnector(config, spotifyStore.accounts(), TokenCipher.ofKey(TokenCipher.newKey()));
        this.spotify = facade(Shuffify.builder().store(spotifyStore).connector(connector).clock(clock), algorithms);
        this.inMemory = facade(Shuffify.builder().store(new InMemoryShuffifyStore()).connector(memory)
                .clock(memoryClock), algorithms);
    }

    private static Shuffify facade(ShuffifyBuilder builder, ShuffleAlgorithm... algorithms) {
        AtomicLong ids = new AtomicLong();
        Supplier<String> sequence = () -> "id-" + ids.incrementAndGet();
        builder.seed(SEED).idGenerator(sequence);
        for (ShuffleAlgorithm a : algorithms) {
            builder.algorithm(a);
        }
        return builder.build();
    }

    /** A Spotify user logged in to the host under the same id, known to the in-memory service too. */
    void login(String user) {
        fake.addUser(user);
        connector.storeLogin(user, fake.issueRefreshToken(user));
        memory.addUser(user);
    }

    /** A playlist on the fake (mirror it to have it in memory too). */
    String playlist(String owner, String name, List<String> uris) {
        return fake.createPlaylist(owner, name, uris);
    }

    /**
     * Copies playlists from the fake into the in-memory service, as read through the adapter: same ids, names,
     * owners, tracks with their metadata and added dates.
     */
    void mirror(String owner, String... playlistIds) {
        for (String id : playlistIds) {
            Playlist p = connector.connect(owner).playlist(id);
            memory.createPlaylist(owner, id, p.name(), p.items());
            memory.addToCatalog(p.items());
        }
    }

    /** Moves both clocks. */
    void advance(Duration duration) {
        clock.advance(duration);
        memoryClock.advance(duration);
    }

    /** Creates the same schedule (same id) in both worlds. */
    String schedule(JobSpec job) {
        return schedule(ScheduleDefinition.of(job, Trigger.named("daily")));
    }

    String schedule(ScheduleDefinition definition) {
        Schedule a = spotify.schedules().create(USER, definition);
        Schedule b = inMemory.schedules().create(USER, definition);
        if (!a.id().equals(b.id())) {
            throw new IllegalStateException("the two worlds drifted apart: schedule " + a.id() + " vs " + b.id());
        }
        return a.id();
    }

    /** Pairs production and archive in both worlds. */
    void pair(String production, String archive) {
        spotify.pairs().create(USER, production, archive);
        inMemory.pairs().create(USER, production, archive);
    }

    /** The outcome of one run on each side. */
    record Runs(Execution spotify, Execution memory) { }

    /** Runs a schedule now on both sides; each must succeed. */
    Runs runNow(String scheduleId) {
        return new Runs(spotify.runs().runNow(USER, scheduleId), inMemory.runs().runNow(USER, scheduleId));
    }

    /** The items path of the dialect: {@code items} or {@code tracks}. */
    String itemsPath() {
        return dialect == ApiDialect.ITEMS ? "items" : "tracks";
    }

    /** The page size of playlist reads in the dialect. */
    int pageSize() {
        return dialect == ApiDialect.ITEMS ? 50 : 100;
    }

    /** Requests to read a playlist of {@code n} items: the playlist with its first page, then one per page. */
    int readRequests(int n) {
        return Math.max(1, ceil(n, pageSize()));
    }

    /** GET requests for playlists and their pages. */
    int playlistReads() {
        return fake.count("GET /v1/playlists/{playlist_id}")
                + fake.count("GET /v1/playlists/{playlist_id}/" + itemsPath());
    }

    /** Requests to one items endpoint, e.g. {@code count("PUT")}. */
    int count(String method) {
        return fake.count(method + " /v1/playlists/{playlist_id}/" + itemsPath());
    }

    /** Requests that change a playlist. */
    int playlistWrites() {
        return count("POST") + count("PUT") + count("DELETE");
    }

    static int ceil(int n, int d) {
        return (n + d - 1) / d;
    }

    static List<String> uris(List<Track> tracks) {
        return tracks.stream().map(Track::uri).toList();
    }

    @SafeVarargs
    static List<String> concat(List<String>... parts) {
        List<String> all = new ArrayList<>();
        for (List<String> p : parts) {
            all.addAll(p);
        }
        return all;
    }

    @Override
    public void close() {
        spotify.close();
        inMemory.close();
        fake.close();
    }
}
