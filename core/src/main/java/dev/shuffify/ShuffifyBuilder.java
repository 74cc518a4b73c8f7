package dev.shuffify;

import dev.shuffify.error.PluginException;
import dev.shuffify.event.JobListener;
import dev.shuffify.internal.service.Wiring;
import dev.shuffify.spi.JobChain;
import dev.shuffify.spi.DiscoveryStrategy;
import dev.shuffify.spi.JobExecutor;
import dev.shuffify.spi.PlaylistServiceConnector;
import dev.shuffify.spi.ShuffleAlgorithm;
import dev.shuffify.store.ShuffifyStore;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * Builds a {@link Shuffify}; start one with {@link Shuffify#builder()}. Only the connector is required.
 *
 * <pre>{@code
 * Shuffify shuffify = Shuffify.builder()
 *         .store(JdbcShuffifyStore.embedded(Path.of("shuffify-data")))
 *         .connector(spotifyConnector)
 *         .scheduler(SchedulerOptions.builder().poolSize(4).build())
 *         .build();
 * }</pre>
 *
 * <p>Until 0.3.0 this was the nested class {@code ShuffifyBuilder}.
 *
 * @since 0.3.0
 */
public final class ShuffifyBuilder {
    private ShuffifyStore store;
    private PlaylistServiceConnector connector;
    private Clock clock = Clock.systemUTC();
    private Long seed;
    private Supplier<String> ids = () -> UUID.randomUUID().toString();
    private ClassLoader classLoader;
    private boolean autoDiscovery = true;
    private boolean lenientPlugins;
    private final List<JobExecutor> jobTypes = new ArrayList<>();
    private final List<JobChain> jobChains = new ArrayList<>();
    private final List<ShuffleAlgorithm> algorithms = new ArrayList<>();
    private final List<DiscoveryStrategy> strategies = new ArrayList<>();
    private final Map<String, List<String>> chains = new LinkedHashMap<>();
    private final List<JobListener> listeners = new ArrayList<>();
    private SchedulerOptions scheduler = SchedulerOptions.defaults();

    ShuffifyBuilder() {
    }

    /**
     * How the scheduler runs once {@link Shuffify#start()} is called (default
     * {@link SchedulerOptions#defaults()}).
     *
     * @param value the options
     * @return this
     */
    public ShuffifyBuilder scheduler(SchedulerOptions value) {
        this.scheduler = Objects.requireNonNull(value, "scheduler");
        return this;
    }

    /**
     * The store (default: a new in-memory store).
     *
     * @param value the store
     * @return this
     */
    public ShuffifyBuilder store(ShuffifyStore value) {
        this.store = Objects.requireNonNull(value, "store");
        return this;
    }

    /**
     * How to reach a user's music account (required): the Spotify adapter's connector, or an
     * {@link dev.shuffify.memory.InMemoryPlaylistService}.
     *
     * @param value the connector
     * @return this
     */
    public ShuffifyBuilder connector(PlaylistServiceConnector value) {
        this.connector = Objects.requireNonNull(value, "connector");
        return this;
    }

    /**
     * The clock (default: the system clock in UTC).
     *
     * @param value the clock
     * @return this
     */
    public ShuffifyBuilder clock(Clock value) {
        this.clock = Objects.requireNonNull(value, "clock");
        return this;
    }

    /**
     * A seed that makes every execution's random source deterministic (derived from the seed and the
     * execution id). Default: unseeded.
     *
     * @param value the seed
     * @return this
     */
    public ShuffifyBuilder seed(long value) {
        this.seed = value;
        return this;
    }

    /**
     * How ids of schedules, executions, snapshots … are made (default: random UUIDs).
     *
     * @param value the generator
     * @return this
     */
    public ShuffifyBuilder idGenerator(Supplier<String> value) {
        this.ids = Objects.requireNonNull(value, "idGenerator");
        return this;
    }

    /**
     * The class loader plugins are discovered on (default: the thread's context loader, then the core's).
     *
     * @param value the loader
     * @return this
     */
    public ShuffifyBuilder classLoader(ClassLoader value) {
        this.classLoader = Objects.requireNonNull(value, "classLoader");
        return this;
    }

    /**
     * Whether plugins are discovered with {@link java.util.ServiceLoader} (default true). When off, the class
     * path is not searched and only hand-registered plugins exist, with the {@link JobChain}s declared next to
     * them: a chain adds no job of its own, so the chains in the jar of a job type registered by hand are found
     * (use {@link #chain(String, List)} or {@link #jobChain(JobChain)} for others).
     *
     * @param value on or off
     * @return this
     */
    public ShuffifyBuilder autoDiscovery(boolean value) {
        this.autoDiscovery = value;
        return this;
    }

    /**
     * Whether a provider that fails to load is skipped with a logged warning instead of failing
     * {@link #build()} (default false).
     *
     * @param value on or off
     * @return this
     */
    public ShuffifyBuilder lenientPluginLoading(boolean value) {
        this.lenientPlugins = value;
        return this;
    }

    /**
     * Registers a job type by hand.
     *
     * @param executor the executor
     * @return this
     */
    public ShuffifyBuilder jobType(JobExecutor executor) {
        jobTypes.add(Objects.requireNonNull(executor, "executor"));
        return this;
    }

    /**
     * Registers a chain declaration by hand, as a plugin jar would declare it through {@code
     * META-INF/services/dev.shuffify.spi.JobChain}. It is offered as a job type when all its steps are
     * registered.
     *
     * @param chain the chain
     * @return this
     */
    public ShuffifyBuilder jobChain(JobChain chain) {
        jobChains.add(Objects.requireNonNull(chain, "chain"));
        return this;
    }

    /**
     * Registers a shuffle algorithm by hand.
     *
     * @param algorithm the algorithm
     * @return this
     */
    public ShuffifyBuilder algorithm(ShuffleAlgorithm algorithm) {
        algorithms.add(Objects.requireNonNull(algorithm, "algorithm"));
        return this;
    }

    /**
     * Registers a discovery strategy by hand.
     *
     * @param strategy the strategy
     * @return this
     */
    public ShuffifyBuilder discoveryStrategy(DiscoveryStrategy strategy) {
        strategies.add(Objects.requireNonNull(strategy, "strategy"));
        return this;
    }

    /**
     * Names a chain of job types run as one execution (one snapshot, one record), beside the well-known
     * {@code raid_and_shuffle} and {@code raid_and_drip}. A job type written {@code a+b} is a chain too.
     *
     * <p>Names are matched case-insensitively, like every job type: the name and the steps are trimmed and
     * lower-cased.
     *
     * @param name the chain's job type name
     * @param steps the job types in order (at least two)
     * @return this
     */
    public ShuffifyBuilder chain(String name, List<String> steps) {
        Objects.requireNonNull(name, "name");
        if (steps == null || steps.size() < 2) {
            throw new IllegalArgumentException("chain '" + name + "' needs at least two steps");
        }
        chains.put(normal(name), steps.stream().map(ShuffifyBuilder::normal).toList());
        return this;
    }

    private static String normal(String name) {
        return Objects.requireNonNull(name, "step").trim().toLowerCase(Locale.ROOT);
    }

    /**
     * Adds a listener for job events.
     *
     * @param listener the listener
     * @return this
     */
    public ShuffifyBuilder listener(JobListener listener) {
        listeners.add(Objects.requireNonNull(listener, "listener"));
        return this;
    }

    /**
     * Builds the facade: discovers and checks the plugins.
     *
     * @return the facade
     * @throws IllegalStateException when no connector was given
     * @throws PluginException on a duplicate plugin id or (unless lenient) a provider that fails to load
     */
    public Shuffify build() {
        if (connector == null) {
            throw new IllegalStateException("a connector is required: Shuffify.builder().connector(...)");
        }
        Wiring.Plan plan = new Wiring.Plan(store, connector, clock, seed, ids, classLoader, autoDiscovery,
                lenientPlugins, List.copyOf(jobTypes), List.copyOf(algorithms), List.copyOf(strategies),
                List.copyOf(jobChains), Collections.unmodifiableMap(new LinkedHashMap<>(chains)), List.copyOf(listeners), scheduler.config());
        return new Shuffify(Wiring.wire(plan), scheduler.shutdownTimeout());
    }
}
