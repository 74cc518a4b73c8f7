package dev.shuffify.examples.docs;

import dev.shuffify.model.Health;
import dev.shuffify.event.JobEvent;
import dev.shuffify.SchedulerOptions;
import dev.shuffify.Shuffify;
import dev.shuffify.micrometer.ShuffifyMetrics;
import dev.shuffify.model.Execution;
import dev.shuffify.model.Schedule;
import dev.shuffify.model.ScheduleState;
import dev.shuffify.spi.PlaylistServiceConnector;
import dev.shuffify.store.jdbc.JdbcShuffifyStore;
import dev.shuffify.store.ShuffifyStore;
import io.micrometer.core.instrument.MeterRegistry;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import javax.sql.DataSource;
import org.h2.jdbcx.JdbcConnectionPool;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The code of {@code docs/operations.md}: nodes, listeners, operator functions, upgrades and backups. */
public final class Operations {

    private static final Logger LOG = LoggerFactory.getLogger(Operations.class);

    private Operations() {
    }

    /**
     * One node of several sharing a database.
     *
     * @param store the shared store
     * @param connector the music service
     * @param nodeId this node's id
     * @return the started node
     */
    public static Shuffify startNode(ShuffifyStore store, PlaylistServiceConnector connector, String nodeId) {
        Shuffify node = Shuffify.builder()
                .store(store)             // JdbcShuffifyStore.postgres(pool): the same database on every node
                .connector(connector)
                .scheduler(SchedulerOptions.builder()
                        .nodeId(nodeId)   // unique per node and stable across restarts, e.g. the host name
                        .poolSize(8)      // jobs at once on this node
                        .build())
                .build();
        node.start();
        return node;
    }

    /**
     * Closes the facade when the JVM stops.
     *
     * @param node the facade
     */
    public static void closeOnExit(Shuffify node) {
        Runtime.getRuntime().addShutdownHook(new Thread(node::close, "shuffify-shutdown"));
    }

    /**
     * Meters the facade in a Micrometer registry and logs failures.
     *
     * @param store the store
     * @param connector the music service
     * @param registry where the meters go
     * @return the facade
     */
    public static Shuffify withMetrics(ShuffifyStore store, PlaylistServiceConnector connector,
            MeterRegistry registry) {
        Shuffify shuffify = Shuffify.builder()
                .store(store)
                .connector(connector)
                .listener(event -> {
                    if (event.type() == JobEvent.Type.FAILED) {   // the job's thread: keep it quick
                        LOG.warn("{} of user {} failed: {}", event.jobType(), event.userId(), event.message());
                    }
                })
                .build();
        new ShuffifyMetrics(shuffify).bindTo(registry);   // any registry: Prometheus, OTLP, JMX, a composite …
        return shuffify;
    }

    /**
     * A health check a host runs every few seconds.
     *
     * @param shuffify the facade
     * @return {@code ok}, or what is wrong
     */
    public static String check(Shuffify shuffify) {
        Health health = shuffify.operations().health();   // two small store queries; the music service is not called
        if (!health.storeUp()) {
            return "store down: " + health.storeError();
        }
        if (health.schedulerRunning() && health.oldestDueAge().compareTo(Duration.ofMinutes(5)) > 0) {
            return health.dueSchedules() + " schedules wait, the oldest for " + health.oldestDueAge();
        }
        return "ok";
    }

    /**
     * What an operator sees.
     *
     * @param shuffify the facade
     * @return one line per schedule
     */
    public static List<String> jobs(Shuffify shuffify) {
        List<String> lines = new ArrayList<>();
        for (ScheduleState state : shuffify.operations().jobs()) {
            Schedule s = state.schedule();
            lines.add(s.id() + " " + s.jobType() + " next " + s.nextRunAt()
                    + " last " + (s.lastStatus() == null ? "never" : s.lastStatus().wireName())
                    + (state.paused() ? " paused" : "")
                    + (state.running() ? " running on " + state.runningOn() : ""));
        }
        return lines;
    }

    /**
     * An operator pauses, resumes and runs a schedule.
     *
     * @param shuffify the facade, started
     * @param scheduleId any user's schedule
     * @return the run
     */
    public static Execution pauseResumeTrigger(Shuffify shuffify, String scheduleId) {
        shuffify.operations().pause(scheduleId);
        shuffify.operations().resume(scheduleId);   // a next run already past moves to the trigger's next slot
        Optional<CompletableFuture<Execution>> run = shuffify.operations().trigger(scheduleId);   // empty: running now
        return run.orElseThrow().join();
    }

    /**
     * Logs a schema migration at start-up.
     *
     * @param store the store just opened
     * @return whether the tables were created or migrated
     */
    public static boolean logMigration(JdbcShuffifyStore store) {
        boolean migrated = store.schemaVersionAtOpen() < store.schemaVersion();   // 0 for a new database
        if (migrated) {
            LOG.info("Shuffify tables at version {} (were {})", store.schemaVersion(), store.schemaVersionAtOpen());
        }
        return migrated;
    }

    /**
     * The embedded database opened through the host's own pool, so that the host can run SQL on it.
     *
     * @param dataFolder the folder of the database file
     * @return the pool; the store on it is {@code JdbcShuffifyStore.create(pool)}
     */
    public static JdbcConnectionPool ownPool(Path dataFolder) {
        JdbcConnectionPool pool = JdbcConnectionPool.create("jdbc:h2:async:"
                + dataFolder.resolve("shuffify").toAbsolutePath() + ";WRITE_DELAY=0;DB_CLOSE_ON_EXIT=FALSE", "sa", "");
        return pool;
    }

    /**
     * An online backup of the embedded database.
     *
     * @param pool the pool the store runs on
     * @param zip where the backup goes
     * @throws SQLException when the backup fails
     */
    public static void backup(DataSource pool, Path zip) throws SQLException {
        try (Connection connection = pool.getConnection(); Statement statement = connection.createStatement()) {
            statement.execute("BACKUP TO '" + zip.toAbsolutePath() + "'");   // consistent, while jobs run
        }
    }
}
