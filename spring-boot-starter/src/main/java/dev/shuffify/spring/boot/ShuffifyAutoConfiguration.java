package dev.shuffify.spring.boot;

import dev.shuffify.event.JobListener;
import dev.shuffify.SchedulerOptions;
import dev.shuffify.Shuffify;
import dev.shuffify.ShuffifyBuilder;
import dev.shuffify.spi.DiscoveryStrategy;
import dev.shuffify.spi.JobExecutor;
import dev.shuffify.spi.PlaylistServiceConnector;
import dev.shuffify.spi.ShuffleAlgorithm;
import dev.shuffify.spotify.SpotifyConfig;
import dev.shuffify.spotify.SpotifyConnector;
import dev.shuffify.spotify.TokenCipher;
import dev.shuffify.store.InMemoryShuffifyStore;
import dev.shuffify.store.jdbc.JdbcShuffifyStore;
import dev.shuffify.store.ShuffifyStore;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.function.Consumer;
import javax.sql.DataSource;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.InvalidConfigurationPropertyValueException;
import org.springframework.context.annotation.Bean;
import org.springframework.core.env.Environment;

/**
 * Auto-configuration of a {@link Shuffify} facade from the {@code shuffify.*} properties
 * ({@link ShuffifyProperties}): its store, its scheduler options, the Spotify connector, and a lifecycle that
 * starts the scheduler with the application context and closes it on shutdown. Every bean is
 * {@code @ConditionalOnMissingBean}, so an application replaces any part by defining its own.
 *
 * <p>The facade takes the application's {@link JobListener} beans, its {@link JobExecutor},
 * {@link ShuffleAlgorithm} and {@link DiscoveryStrategy} beans (registered by hand, beside those found with
 * {@code ServiceLoader}), and its {@link Clock} bean when there is exactly one.
 *
 * @since 0.2.0
 */
@AutoConfiguration(afterName = "org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration")
@EnableConfigurationProperties(ShuffifyProperties.class)
public class ShuffifyAutoConfiguration {

    /** Creates the configuration (Spring does). */
    public ShuffifyAutoConfiguration() {
    }

    /**
     * The store {@code shuffify.store.type} names: the embedded database file (default), the application's
     * {@code DataSource}, or memory. A store made here is closed with the context (a host data source is left
     * to the host).
     *
     * @param properties the properties
     * @param dataSource the application's data source, if any
     * @return the store
     */
    @Bean
    @ConditionalOnMissingBean
    public ShuffifyStore shuffifyStore(ShuffifyProperties properties, ObjectProvider<DataSource> dataSource) {
        ShuffifyProperties.Store store = properties.store();
        return switch (store.type()) {
            case EMBEDDED -> JdbcShuffifyStore.embedded(store.path());
            case MEMORY -> new InMemoryShuffifyStore();
            case DATASOURCE -> {
                DataSource source = dataSource.getIfUnique();
                if (source == null) {
                    throw new InvalidConfigurationPropertyValueException("shuffify.store.type", "datasource",
                            "the application has no single DataSource bean to use; define one (for example with"
                                    + " spring.datasource.url) or set shuffify.store.type=embedded");
                }
                yield JdbcShuffifyStore.create(source);
            }
        };
    }

    /**
     * The scheduler's options from {@code shuffify.scheduler.*}; an invalid value fails start-up naming its
     * property.
     *
     * @param properties the properties
     * @return the options
     */
    @Bean
    @ConditionalOnMissingBean
    public SchedulerOptions shuffifySchedulerOptions(ShuffifyProperties properties) {
        return schedulerOptions(properties.scheduler());
    }

    /**
     * The cipher of stored refresh tokens, from {@code shuffify.spotify.token-key} (Base64 of a 16, 24 or 32-byte
     * AES key).
     *
     * @param properties the properties
     * @return the cipher
     */
    @Bean
    @ConditionalOnMissingBean
    @ConditionalOnProperty(prefix = "shuffify.spotify", name = "token-key")
    public TokenCipher shuffifyTokenCipher(ShuffifyProperties properties) {
        byte[] key;
        try {
            key = Base64.getDecoder().decode(properties.spotify().tokenKey().trim());
        } catch (IllegalArgumentException e) {
            throw new InvalidConfigurationPropertyValueException("shuffify.spotify.token-key", "******",
                    "must be the Base64 of a 16, 24 or 32-byte AES key: " + e.getMessage());
        }
        return invalidAs("shuffify.spotify.token-key", "******", () -> TokenCipher.ofKey(key));
    }

    /**
     * The Spotify adapter's connector, when {@code shuffify.spotify.client-id} is set and the application defines
     * no {@link PlaylistServiceConnector} of its own.
     *
     * @param properties the properties
     * @param store the store (accounts and their encrypted tokens)
     * @param cipher the token cipher
     * @return the connector
     */
    @Bean
    @ConditionalOnMissingBean(PlaylistServiceConnector.class)
    @ConditionalOnProperty(prefix = "shuffify.spotify", name = "client-id")
    public SpotifyConnector shuffifySpotifyConnector(ShuffifyProperties properties, ShuffifyStore store,
            ObjectProvider<TokenCipher> cipher) {
        ShuffifyProperties.Spotify spotify = properties.spotify();
        if (spotify.clientSecret() == null || spotify.clientSecret().isBlank()) {
            throw new InvalidConfigurationPropertyValueException("shuffify.spotify.client-secret", null,
                    "is required with shuffify.spotify.client-id");
        }
        TokenCipher tokens = cipher.getIfAvailable();
        if (tokens == null) {
            throw new InvalidConfigurationPropertyValueException("shuffify.spotify.token-key", null,
                    "is required with shuffify.spotify.client-id (the Base64 of a 32-byte AES key, e.g. from"
                            + " TokenCipher.newKey()), or define a TokenCipher bean");
        }
        SpotifyConfig.Builder config = invalidAs("shuffify.spotify.client-id", spotify.clientId(),
                () -> SpotifyConfig.builder(spotify.clientId(), spotify.clientSecret()));
        config.dialect(spotify.dialect());
        set("shuffify.spotify.requests-per-window", spotify.requestsPerWindow(), config::requestsPerWindow);
        set("shuffify.spotify.job-deadline", spotify.jobDeadline(), config::jobDeadline);
        return new SpotifyConnector(config.build(), store.accounts(), tokens);
    }

    /**
     * The facade. Fails start-up with a message saying what to configure when there is no connector.
     *
     * @param properties the properties
     * @param store the store
     * @param connector the connector
     * @param options the scheduler's options
     * @param clock the application's clock, if it has exactly one
     * @param listeners the application's job listeners
     * @param jobTypes the application's job type beans
     * @param algorithms the application's shuffle algorithm beans
     * @param strategies the application's discovery strategy beans
     * @return the facade, not started (the lifecycle starts it)
     */
    @Bean
    @ConditionalOnMissingBean
    public Shuffify shuffify(ShuffifyProperties properties, ShuffifyStore store,
            ObjectProvider<PlaylistServiceConnector> connector, SchedulerOptions options, ObjectProvider<Clock> clock,
            ObjectProvider<JobListener> listeners, ObjectProvider<JobExecutor> jobTypes,
            ObjectProvider<ShuffleAlgorithm> algorithms, ObjectProvider<DiscoveryStrategy> strategies) {
        PlaylistServiceConnector music = connector.getIfUnique();
        if (music == null) {
            throw new IllegalStateException("Shuffify needs a connector to reach users' music accounts: set"
                    + " shuffify.spotify.client-id, shuffify.spotify.client-secret and shuffify.spotify.token-key,"
                    + " or define one PlaylistServiceConnector bean (an InMemoryPlaylistService for a demo)");
        }
        ShuffifyProperties.Plugins plugins = properties.plugins();
        ShuffifyBuilder builder = Shuffify.builder().store(store).connector(music).scheduler(options)
                .clock(clock.getIfUnique(Clock::systemUTC)).autoDiscovery(plugins.autoDiscovery())
                .lenientPluginLoading(plugins.lenient());
        if (!plugins.jars().isEmpty()) {
            builder.classLoader(pluginLoader(plugins.jars()));
        }
        listeners.orderedStream().forEach(builder::listener);
        jobTypes.orderedStream().forEach(builder::jobType);
        algorithms.orderedStream().forEach(builder::algorithm);
        strategies.orderedStream().forEach(builder::discoveryStrategy);
        return builder.build();
    }

    /**
     * Starts the scheduler with the context (unless {@code shuffify.scheduler.enabled=false}) and closes the
     * facade on shutdown, within {@code spring.lifecycle.timeout-per-shutdown-phase}.
     *
     * @param shuffify the facade
     * @param properties the properties
     * @param options the scheduler's options
     * @param environment the environment
     * @return the lifecycle
     */
    @Bean
    @ConditionalOnMissingBean
    public ShuffifyLifecycle shuffifyLifecycle(Shuffify shuffify, ShuffifyProperties properties,
            SchedulerOptions options, Environment environment) {
        Duration phase = Binder.get(environment).bind("spring.lifecycle.timeout-per-shutdown-phase", Duration.class)
                .orElse(Duration.ofSeconds(30));
        return new ShuffifyLifecycle(shuffify, properties.scheduler().enabled(), options.shutdownTimeout(), phase);
    }

    // ---- helpers -----------------------------------------------------------------------------------------

    static SchedulerOptions schedulerOptions(ShuffifyProperties.Scheduler s) {
        SchedulerOptions.Builder b = SchedulerOptions.builder();
        String p = "shuffify.scheduler.";
        set(p + "node-id", s.nodeId(), b::nodeId);
        set(p + "pool-size", s.poolSize(), b::poolSize);
        set(p + "batch-size", s.batchSize(), b::batchSize);
        set(p + "claim-ahead", s.claimAhead(), b::claimAhead);
        set(p + "poll-interval", s.pollInterval(), b::pollInterval);
        set(p + "lease-duration", s.leaseDuration(), b::leaseDuration);
        set(p + "heartbeat-interval", s.heartbeatInterval(), b::heartbeatInterval);
        set(p + "misfire-threshold", s.misfireThreshold(), b::misfireThreshold);
        set(p + "jitter", s.jitter(), b::jitter);
        set(p + "shutdown-timeout", s.shutdownTimeout(), b::shutdownTimeout);
        set(p + "retry-all-failures", s.retryAllFailures(), b::retryAllFailures);
        if (s.retryMaxAttempts() != null || s.retryInitialBackoff() != null || s.retryMaxBackoff() != null) {
            int attempts = s.retryMaxAttempts() != null ? s.retryMaxAttempts() : 3;
            Duration initial = s.retryInitialBackoff() != null ? s.retryInitialBackoff() : Duration.ofMinutes(1);
            Duration max = s.retryMaxBackoff() != null ? s.retryMaxBackoff() : Duration.ofMinutes(30);
            String name = s.retryMaxAttempts() != null ? "retry-max-attempts"
                    : s.retryInitialBackoff() != null ? "retry-initial-backoff" : "retry-max-backoff";
            invalidAs(p + name, s.retryMaxAttempts() != null ? s.retryMaxAttempts()
                    : s.retryInitialBackoff() != null ? s.retryInitialBackoff() : s.retryMaxBackoff(),
                    () -> b.retry(attempts, initial, max));
        }
        return invalidAs(p + "heartbeat-interval", s.heartbeatInterval(), b::build);
    }

    /** Sets an option that was given, turning the builder's rejection into one that names the property. */
    private static <T> void set(String property, T value, Consumer<T> setter) {
        if (value != null) {
            invalidAs(property, value, () -> {
                setter.accept(value);
                return null;
            });
        }
    }

    private static <T> T invalidAs(String property, Object value, java.util.function.Supplier<T> work) {
        try {
            return work.get();
        } catch (IllegalArgumentException | dev.shuffify.error.ValidationException e) {
            throw new InvalidConfigurationPropertyValueException(property, value, e.getMessage());
        }
    }

    private static ClassLoader pluginLoader(List<Path> jars) {
        List<URL> urls = new ArrayList<>();
        for (Path jar : jars) {
            if (!Files.isRegularFile(jar)) {
                throw new InvalidConfigurationPropertyValueException("shuffify.plugins.jars", jar,
                        "no such jar file");
            }
            try {
                urls.add(jar.toUri().toURL());
            } catch (MalformedURLException e) {
                throw new InvalidConfigurationPropertyValueException("shuffify.plugins.jars", jar, e.getMessage());
            }
        }
        ClassLoader parent = Thread.currentThread().getContextClassLoader() != null
                ? Thread.currentThread().getContextClassLoader() : Shuffify.class.getClassLoader();
        return new URLClassLoader("shuffify-plugins", urls.toArray(URL[]::new), parent);
    }
}
