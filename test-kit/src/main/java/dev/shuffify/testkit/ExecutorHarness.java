package dev.shuffify.testkit;

import dev.shuffify.Shuffify;
import dev.shuffify.ShuffifyBuilder;
import dev.shuffify.memory.Call;
import dev.shuffify.memory.InMemoryPlaylistService;
import dev.shuffify.model.JobSpec;
import dev.shuffify.model.PlaylistPair;
import dev.shuffify.model.Preview;
import dev.shuffify.model.Schedule;
import dev.shuffify.model.ScheduleDefinition;
import dev.shuffify.model.Track;
import dev.shuffify.model.Trigger;
import dev.shuffify.spi.DiscoveryStrategy;
import dev.shuffify.spi.JobExecutor;
import dev.shuffify.spi.PlaylistServiceConnector;
import dev.shuffify.spi.ShuffleAlgorithm;
import dev.shuffify.store.InMemoryShuffifyStore;
import dev.shuffify.store.ShuffifyStore;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Runs job types in isolation, the way a plugin author tests one: through the same engine and facade hosts use
 * (validation, snapshots, verification, history), with a {@link TestClock} and a fixed seed, against an
 * {@link InMemoryPlaylistService} and an in-memory store by default, or against any
 * {@link PlaylistServiceConnector} ({@link Builder#connector}) and any {@link ShuffifyStore}
 * ({@link Builder#store}).
 *
 * <pre>{@code
 * ExecutorHarness harness = ExecutorHarness.builder().jobType(new DedupeExecutor()).build();
 * harness.music().createPlaylist(harness.userId(), "p1", "Mix", tracks);
 * HarnessRun run = harness.run(JobSpec.builder("dedupe").target("p1", "Mix").build());
 * assertThat(run.succeeded()).isTrue();
 * assertThat(harness.music().uris("p1")).doesNotHaveDuplicates();
 * }</pre>
 *
 * <p>Only the plugins registered on the builder exist, unless {@link Builder#discoverPlugins(boolean)} is on.
 *
 * <p>The harness logs every call the engine makes to the connector's services, whatever the connector: each
 * {@link HarnessRun#calls()} entry names the operation, the playlist and the uris a write carried (see
 * {@link #calls()}). With the in-memory service, {@link #music()} also counts calls and injects faults.
 *
 * <p>After every run the harness checks the library's first promise for first- and third-party job types
 * alike: <em>no entry lost, none duplicated beyond what the job meant</em>. Over the multisets of uris of every
 * playlist the run wrote (its calls say which; a connector other than the in-memory service is read through
 * the harness user's library before and after the run), each entry that was there before must still be there or in
 * another playlist (a rotation's archive, a drip's target); no playlist may hold a uri more often
 * than before unless it held it at most once; and a successful run may hold more entries than before only as
 * many as its result's {@code tracksAdded}. A job type whose purpose is to remove entries (a dedupe) declares
 * them through {@link dev.shuffify.model.JobResult#tracksRemoved()}; entries it moved to another playlist it
 * wrote count against that number. A violation fails the run with an {@link AssertionError} naming the
 * entries; {@link Builder#checkEntries(boolean)} turns the check off.
 *
 * @since 0.1.0
 */
public final class ExecutorHarness {

    private final String userId;
    private final TestClock clock;
    private final PlaylistServiceConnector connector;
    private final RecordingConnector recorder;
    private final PlaylistReader reader;
    private final ShuffifyStore store;
    private final Shuffify shuffify;
    private final boolean checkEntries;

    private ExecutorHarness(Builder b) {
        this.userId = b.userId;
        this.checkEntries = b.checkEntries;
        this.clock = b.clock;
        this.connector = b.connector != null ? b.connector : new InMemoryPlaylistService(clock).addUser(userId);
        this.recorder = new RecordingConnector(connector);
        this.reader = PlaylistReader.of(connector, userId);
        this.store = b.store != null ? b.store : new InMemoryShuffifyStore();
        long[] counter = {0};
        ShuffifyBuilder fb = Shuffify.builder().store(store).connector(recorder).clock(clock).seed(b.seed)
                .autoDiscovery(b.discover).idGenerator(() -> {
                    synchronized (counter) {
                        return "id-" + (++counter[0]);
                    }
                });
        b.jobTypes.forEach(fb::jobType);
        b.algorithms.forEach(fb::algorithm);
        b.strategies.forEach(fb::discoveryStrategy);
        this.shuffify = fb.build();
    }

    /**
     * A new builder.
     *
     * @return the builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * A harness with only the given job types.
     *
     * @param executors the job types
     * @return the harness
     */
    public static ExecutorHarness of(JobExecutor... executors) {
        Builder b = builder();
        for (JobExecutor e : executors) {
            b.jobType(e);
        }
        return b.build();
    }

    /**
     * The user the jobs run as (already known to the music service).
     *
     * @return the user id
     */
    public String userId() {
        return userId;
    }

    /**
     * The clock of the service, store and engine.
     *
     * @return the clock
     */
    public TestClock clock() {
        return clock;
    }

    /**
     * The in-memory music service the jobs run against: seed playlists, read their state, count calls, inject
     * faults.
     *
     * @return the service
     * @throws IllegalStateException when the harness was built with another {@link Builder#connector}
     */
    public InMemoryPlaylistService music() {
        if (connector instanceof InMemoryPlaylistService music) {
            return music;
        }
        throw new IllegalStateException("this harness runs against " + connector.getClass().getName()
                + ", not an InMemoryPlaylistService: use connector()");
    }

    /**
     * The connector the jobs run against, as given to {@link Builder#connector} (the in-memory service by
     * default). Calls made on it directly are not in the harness's call log.
     *
     * @return the connector
     */
    public PlaylistServiceConnector connector() {
        return connector;
    }

    /**
     * Every call the engine made to the connector's services since the harness was built, in the order the
     * calls started, each with the uris of a write ({@link Call#uris()}); a call that threw is marked
     * {@linkplain Call#failed() failed}. The harness's own reads for its entry check are not in it.
     *
     * @return the call log
     */
    public List<Call> calls() {
        return recorder.calls();
    }

    /**
     * The store.
     *
     * @return the store
     */
    public ShuffifyStore store() {
        return store;
    }

    /**
     * The facade the harness drives (for pairs, pins, settings, history …).
     *
     * @return the facade
     */
    public Shuffify shuffify() {
        return shuffify;
    }

    /**
     * Creates a playlist owned by the harness user in the in-memory service.
     *
     * @param playlistId the id
     * @param name the name
     * @param tracks the items
     * @return the id
     * @throws IllegalStateException when the harness runs against another connector (seed it directly)
     */
    public String playlist(String playlistId, String name, List<Track> tracks) {
        music().createPlaylist(userId, playlistId, name, tracks);
        return playlistId;
    }

    /**
     * Pairs two of the user's playlists for rotation.
     *
     * @param productionId the production playlist
     * @param archiveId the archive playlist
     * @return the pair
     */
    public PlaylistPair pair(String productionId, String archiveId) {
        return shuffify.pairs().create(userId, productionId, archiveId);
    }

    /**
     * Validates a job the way schedule creation does.
     *
     * @param spec the job
     * @return the stored schedule (daily trigger)
     * @throws dev.shuffify.error.ValidationException naming every offending field
     */
    public Schedule schedule(JobSpec spec) {
        return shuffify.schedules().create(userId, ScheduleDefinition.of(spec, Trigger.named("daily")));
    }

    /**
     * Creates a schedule for the job (validating it) and runs it once, as a user's "run now" would. A failed
     * run does not throw: inspect {@link HarnessRun#execution()}.
     *
     * @param spec the job
     * @return what happened
     * @throws dev.shuffify.error.ValidationException when the job is invalid (nothing runs)
     */
    public HarnessRun run(JobSpec spec) {
        return run(schedule(spec).id());
    }

    /**
     * Runs an existing schedule once more (a retry, the next day's run …).
     *
     * @param scheduleId the schedule
     * @return what happened
     */
    public HarnessRun run(String scheduleId) {
        return new OneRun(shuffify, store, recorder, checkEntries ? reader : null, userId).run(scheduleId);
    }

    /**
     * A dry run of the job: nothing is written.
     *
     * @param spec the job
     * @return the intended changes
     */
    public Preview preview(JobSpec spec) {
        return shuffify.runs().preview(userId, schedule(spec).id());
    }

    /**
     * Builds an {@link ExecutorHarness}.
     *
     * @since 0.1.0
     */
    public static final class Builder {
        private String userId = "user";
        private TestClock clock = TestClock.standard();
        private long seed = 42;
        private boolean discover;
        private boolean checkEntries = true;
        private ShuffifyStore store;
        private PlaylistServiceConnector connector;
        private final List<JobExecutor> jobTypes = new ArrayList<>();
        private final List<ShuffleAlgorithm> algorithms = new ArrayList<>();
        private final List<DiscoveryStrategy> strategies = new ArrayList<>();

        private Builder() {
        }

        /**
         * Registers a job type.
         *
         * @param executor the job type
         * @return this
         */
        public Builder jobType(JobExecutor executor) {
            jobTypes.add(Objects.requireNonNull(executor, "executor"));
            return this;
        }

        /**
         * Registers a shuffle algorithm.
         *
         * @param algorithm the algorithm
         * @return this
         */
        public Builder algorithm(ShuffleAlgorithm algorithm) {
            algorithms.add(Objects.requireNonNull(algorithm, "algorithm"));
            return this;
        }

        /**
         * Registers a discovery strategy.
         *
         * @param strategy the strategy
         * @return this
         */
        public Builder discoveryStrategy(DiscoveryStrategy strategy) {
            strategies.add(Objects.requireNonNull(strategy, "strategy"));
            return this;
        }

        /**
         * Whether plugins on the class path are discovered too (default false: only registered ones).
         *
         * @param value on or off
         * @return this
         */
        public Builder discoverPlugins(boolean value) {
            this.discover = value;
            return this;
        }

        /**
         * Whether every run is checked for lost and duplicated entries (default true; see
         * {@link ExecutorHarness}). Turn it off only to look at a broken state on purpose.
         *
         * @param value on or off
         * @return this
         */
        public Builder checkEntries(boolean value) {
            this.checkEntries = value;
            return this;
        }

        /**
         * The user jobs run as (default {@code "user"}); added to the default in-memory service.
         *
         * @param value the user id
         * @return this
         */
        public Builder userId(String value) {
            this.userId = Objects.requireNonNull(value, "userId");
            return this;
        }

        /**
         * The clock (default: a {@link TestClock} at 2026-01-01T00:00:00Z).
         *
         * @param value the clock
         * @return this
         */
        public Builder clock(TestClock value) {
            this.clock = Objects.requireNonNull(value, "clock");
            return this;
        }

        /**
         * The random seed (default 42).
         *
         * @param value the seed
         * @return this
         */
        public Builder seed(long value) {
            this.seed = value;
            return this;
        }

        /**
         * The music service the jobs run against (default: a new {@link InMemoryPlaylistService} on the
         * harness's clock, with the harness user added). Any connector works, an adapter to a real service or
         * a fake of one: it must know the harness user ({@link #userId}), and the playlists the jobs use must
         * be seeded on it directly. The harness logs the calls made through it ({@link ExecutorHarness#calls()}).
         *
         * @param value the connector
         * @return this
         */
        public Builder connector(PlaylistServiceConnector value) {
            this.connector = Objects.requireNonNull(value, "connector");
            return this;
        }

        /**
         * The store (default: a new in-memory store); any {@link ShuffifyStore} works (the JDBC store, a
         * host's own).
         *
         * @param value the store
         * @return this
         */
        public Builder store(ShuffifyStore value) {
            this.store = Objects.requireNonNull(value, "store");
            return this;
        }

        /**
         * Builds the harness.
         *
         * @return the harness
         */
        public ExecutorHarness build() {
            return new ExecutorHarness(this);
        }
    }
}
