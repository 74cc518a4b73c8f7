package dev.shuffify.examples.docs;

import dev.shuffify.SchedulerOptions;
import dev.shuffify.Shuffify;
import dev.shuffify.ShuffifyBuilder;
import dev.shuffify.algorithms.BalancedShuffle;
import dev.shuffify.executor.raid.RaidExecutor;
import dev.shuffify.executor.raid.discovery.PlaylistDiscovery;
import dev.shuffify.executor.shuffle.ShuffleExecutor;
import dev.shuffify.model.JobSpec;
import dev.shuffify.model.MisfirePolicy;
import dev.shuffify.model.ScheduleDefinition;
import dev.shuffify.model.Trigger;
import dev.shuffify.model.UserSettings;
import dev.shuffify.spi.PlaylistServiceConnector;
import dev.shuffify.store.InMemoryShuffifyStore;
import dev.shuffify.store.jdbc.JdbcShuffifyStore;
import dev.shuffify.store.ShuffifyStore;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The code of {@code docs/configuration.md}: every builder option, written out with its default value. */
public final class Configuration {

    private static final Logger LOG = LoggerFactory.getLogger(Configuration.class);

    private Configuration() {
    }

    /**
     * The facade with every option of {@link ShuffifyBuilder} at its default, but for the store, the connector
     * and the hand-registered parts.
     *
     * @param store the store
     * @param connector the music service
     * @return the facade
     */
    public static Shuffify everyBuilderOption(ShuffifyStore store, PlaylistServiceConnector connector) {
        Shuffify shuffify = Shuffify.builder()
                .store(store)                                     // default: a new in-memory store
                .connector(connector)                             // required
                .clock(Clock.systemUTC())                         // default
                .seed(42)                                         // default: none (unseeded)
                .idGenerator(() -> UUID.randomUUID().toString())  // default
                .classLoader(Shuffify.class.getClassLoader())     // default: the context loader, then core's
                .autoDiscovery(true)                              // default
                .lenientPluginLoading(false)                      // default
                .chain("drip_and_shuffle", List.of("drip", "shuffle"))   // none but the well-known two
                .listener(event -> LOG.info("{} {}", event.type(), event.scheduleId()))   // none
                .scheduler(SchedulerOptions.defaults())           // default
                .build();
        return shuffify;
    }

    /**
     * A facade with only hand-registered plugins.
     *
     * @param connector the music service
     * @return the facade
     */
    public static Shuffify handPicked(PlaylistServiceConnector connector) {
        Shuffify shuffify = Shuffify.builder()
                .connector(connector)
                .autoDiscovery(false)                   // only what is registered below
                .jobType(new ShuffleExecutor())
                .jobType(new RaidExecutor())
                .algorithm(new BalancedShuffle())
                .discoveryStrategy(new PlaylistDiscovery())
                .build();
        return shuffify;
    }

    /**
     * Every scheduler option, at its default but for the node id.
     *
     * @return the options
     */
    public static SchedulerOptions everySchedulerOption() {
        SchedulerOptions options = SchedulerOptions.builder()
                .nodeId("web-1")                                  // default: "node-" + 8 random characters
                .poolSize(4)
                .batchSize(20)
                .claimAhead(1)
                .pollInterval(Duration.ofSeconds(5))
                .leaseDuration(Duration.ofMinutes(5))
                .heartbeatInterval(Duration.ofMinutes(1))         // default: a fifth of the lease
                .misfireThreshold(Duration.ofMinutes(1))
                .jitter(Duration.ZERO)
                .retry(3, Duration.ofMinutes(1), Duration.ofMinutes(30))
                .retryAllFailures(false)
                .keepExecutions(Duration.ofDays(90), 200)
                .keepActivity(Duration.ofDays(90), 1000)
                .keepSnapshotsPerPlaylist(50)
                .housekeepingInterval(Duration.ofHours(1))
                .shutdownTimeout(Duration.ofSeconds(30))
                .build();
        return options;
    }

    /**
     * The in-memory store.
     *
     * @return a new store
     */
    public static ShuffifyStore inMemory() {
        ShuffifyStore store = new InMemoryShuffifyStore();   // nothing survives the process
        return store;
    }

    /**
     * The embedded database file.
     *
     * @param dataFolder the folder
     * @return the store
     */
    public static JdbcShuffifyStore embedded(Path dataFolder) {
        JdbcShuffifyStore store = JdbcShuffifyStore.embedded(dataFolder.resolve("shuffify"));   // shuffify.mv.db
        return store;
    }

    /**
     * PostgreSQL through the host's pool.
     *
     * @param dataSource a PostgreSQL data source
     * @return the store
     */
    public static JdbcShuffifyStore postgres(DataSource dataSource) {
        JdbcShuffifyStore store = JdbcShuffifyStore.postgres(dataSource);   // fails unless it is PostgreSQL
        return store;
    }

    /**
     * H2 or PostgreSQL, whichever the data source is.
     *
     * @param dataSource the data source
     * @return the store
     */
    public static JdbcShuffifyStore detected(DataSource dataSource) {
        JdbcShuffifyStore store = JdbcShuffifyStore.create(dataSource);   // H2 or PostgreSQL, from its metadata
        return store;
    }

    /**
     * Every option of one schedule.
     *
     * @param job what it does
     * @return the definition
     */
    public static ScheduleDefinition everyScheduleOption(JobSpec job) {
        ScheduleDefinition definition = ScheduleDefinition.of(job, Trigger.named("daily"))
                .withEnabled(true)                          // default; false stores it paused
                .withVerifyWrites(true)                     // default; false skips the re-read after the job
                .withMisfirePolicy(MisfirePolicy.RUN_ONCE); // default; SKIP waits for the next slot
        return definition;
    }

    /**
     * Every per-user setting.
     *
     * @param shuffify the facade
     * @return the settings saved
     */
    public static UserSettings everyUserSetting(Shuffify shuffify) {
        shuffify.users().updateSettings("alice", new UserSettings(
                true,   // autoSnapshot, default true: snapshot each playlist before a job's first write
                10));   // snapshotRetention, default 10: snapshots kept per playlist, at least 1
        return shuffify.users().settings("alice");
    }
}
