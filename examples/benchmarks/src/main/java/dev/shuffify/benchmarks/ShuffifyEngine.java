package dev.shuffify.benchmarks;

import com.zaxxer.hikari.HikariDataSource;
import dev.shuffify.event.JobEvent;
import dev.shuffify.SchedulerOptions;
import dev.shuffify.Shuffify;
import dev.shuffify.memory.InMemoryPlaylistService;
import dev.shuffify.model.JobSpec;
import dev.shuffify.model.Schedule;
import dev.shuffify.model.ScheduleDefinition;
import dev.shuffify.model.Trigger;
import dev.shuffify.store.InMemoryShuffifyStore;
import dev.shuffify.store.jdbc.JdbcShuffifyStore;
import dev.shuffify.store.ShuffifyStore;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Shuffify's scheduler through the facade ({@code Shuffify.start()}): {@code n} hourly schedules of a no-op job
 * type, all due now, in the JDBC store on a HikariCP pool (or in the in-memory store). Every run goes through the
 * whole engine: claim with a lease, execution record ({@code running}), the job, outcome and next run in one
 * transaction, lease release, job events.
 */
public final class ShuffifyEngine implements EngineUnderTest {
    static final String USER = "bench";

    private final HikariDataSource dataSource;
    private final ShuffifyStore store;
    private final Shuffify shuffify;
    private final AtomicLong executed = new AtomicLong();

    /**
     * Creates the side.
     *
     * @param dataSource a fresh database, or null for the in-memory store
     * @param threads worker threads
     * @param pollInterval the wait between polls, or null for the default
     */
    public ShuffifyEngine(HikariDataSource dataSource, int threads, Duration pollInterval) {
        this(dataSource, threads, pollInterval, 1);
    }

    /**
     * Creates the side.
     *
     * @param dataSource a fresh database, or null for the in-memory store
     * @param threads worker threads
     * @param pollInterval the wait between polls, or null for the default
     * @param claimAhead claims per worker ({@code SchedulerOptions.Builder.claimAhead})
     */
    public ShuffifyEngine(HikariDataSource dataSource, int threads, Duration pollInterval, int claimAhead) {
        this.dataSource = dataSource;
        this.store = dataSource == null ? new InMemoryShuffifyStore() : JdbcShuffifyStore.create(dataSource);
        this.shuffify = Shuffify.builder().store(store).connector(new InMemoryPlaylistService().addUser(USER))
                .jobType(new NoopJob())
                .listener(e -> {
                    if (e.type() == JobEvent.Type.SUCCEEDED) {
                        executed.incrementAndGet();
                    }
                })
                .scheduler(scheduler(threads, pollInterval, claimAhead))
                .build();
    }

    private static SchedulerOptions scheduler(int threads, Duration pollInterval, int claimAhead) {
        SchedulerOptions.Builder options = SchedulerOptions.builder().nodeId("node1").poolSize(threads)
                .claimAhead(claimAhead);
        if (pollInterval != null) {
            options.pollInterval(pollInterval);
        }
        return options.build();
    }

    @Override
    public String name() {
        return "Shuffify";
    }

    /**
     * Stores {@code n} due schedules: on the JDBC store one is created through the facade and copied {@code n − 1}
     * times by SQL (set-up, not timed: 20,000 facade calls would take minutes of commits); in memory all go
     * through the facade.
     */
    @Override
    public void prepare(int n) throws SQLException {
        Instant now = shuffify.clock().instant();
        int direct = dataSource == null ? n : 1;
        Schedule template = null;
        for (int i = 0; i < direct; i++) {
            template = shuffify.schedules().create(USER, ScheduleDefinition.of(JobSpec.builder(NoopJob.TYPE).build(),
                    Trigger.named("hourly")).withVerifyWrites(false));
            store.schedules().save(template.withNextRunAt(now));
        }
        if (dataSource != null && n > 1) {
            Databases.Kind kind = dataSource.getJdbcUrl().startsWith("jdbc:h2:") ? Databases.Kind.H2
                    : Databases.Kind.POSTGRESQL;
            copySchedule(dataSource, kind, template.id(), n - 1, 1, now, now);
        }
    }

    /**
     * Copies a stored schedule {@code count} times by SQL, with ids {@code bulk-1 … bulk-count}, in chunks of
     * 50,000 rows; every {@code everyNth} copy (the first, then each {@code everyNth}-th) is due at {@code due},
     * the others at {@code later}.
     *
     * @param ds the store's database
     * @param kind its kind
     * @param templateId the schedule to copy
     * @param count how many copies
     * @param everyNth 1 for all due
     * @param due the next run of the due copies
     * @param later the next run of the others
     * @throws SQLException on failure
     */
    static void copySchedule(HikariDataSource ds, Databases.Kind kind, String templateId, int count, int everyNth,
            Instant due, Instant later) throws SQLException {
        String columns = "user_id, job_type, target_id, target_name, job_json, trigger_kind, trigger_name, "
                + "trigger_minutes, cron_expression, cron_zone, enabled, verify_writes, misfire_policy, created_at, "
                + "updated_at";
        String range = kind == Databases.Kind.H2 ? "SYSTEM_RANGE(?, ?) r" : "generate_series(?, ?) AS r(x)";
        String x = kind == Databases.Kind.H2 ? "r.X" : "r.x";
        String sql = "INSERT INTO shuffify_schedules (id, " + columns + ", next_run_at) SELECT 'bulk-' || " + x
                + ", " + columns.replace("user_id,", "s.user_id,") + ", CASE WHEN MOD(" + x + ", ?) = ? THEN "
                + "CAST(? AS TIMESTAMP WITH TIME ZONE) ELSE CAST(? AS TIMESTAMP WITH TIME ZONE) END "
                + "FROM shuffify_schedules s, " + range + " WHERE s.id = ?";
        // in chunks: H2 slows down badly on one transaction of a million rows
        int chunk = 50_000;
        try (Connection c = ds.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            for (int from = 1; from <= count; from += chunk) {
                ps.setInt(1, everyNth);
                ps.setInt(2, 1 % everyNth);
                ps.setTimestamp(3, Timestamp.from(due));
                ps.setTimestamp(4, Timestamp.from(later));
                ps.setInt(5, from);
                ps.setInt(6, Math.min(count, from + chunk - 1));
                ps.setString(7, templateId);
                ps.executeUpdate();
                if (!c.getAutoCommit()) {
                    c.commit();
                }
            }
        }
        if (kind == Databases.Kind.POSTGRESQL) {
            Databases.runSql(ds, "ANALYZE shuffify_schedules");
        }
    }

    @Override
    public void start() {
        executed.set(0);
        shuffify.start();
    }

    @Override
    public long executed() {
        return executed.get();
    }

    @Override
    public boolean settled() throws SQLException {
        if (dataSource == null) {
            return shuffify.operations().jobs().stream().noneMatch(j -> j.runningOn() != null);
        }
        return Databases.count(dataSource, "SELECT COUNT(*) FROM shuffify_schedules WHERE lease_owner IS NOT NULL")
                == 0;
    }

    @Override
    public void close() {
        try {
            shuffify.close(Duration.ofSeconds(30));
            // close() stops the poll loop without waiting for a poll in progress; let it end before the pool goes
            Thread.sleep(300);
            store.close();
        } catch (Exception e) {
            throw new IllegalStateException("could not close Shuffify", e);
        } finally {
            if (dataSource != null) {
                dataSource.close();
            }
        }
    }
}
