package dev.shuffify.benchmarks;

import com.github.kagkarlsson.scheduler.Scheduler;
import com.github.kagkarlsson.scheduler.task.SchedulableInstance;
import com.github.kagkarlsson.scheduler.task.helper.PlainScheduleAndData;
import com.github.kagkarlsson.scheduler.task.helper.RecurringTaskWithPersistentSchedule;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.FixedDelay;
import com.zaxxer.hikari.HikariDataSource;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/**
 * db-scheduler on a HikariCP pool: {@code n} instances of a recurring task with a persistent schedule
 * (each instance its own hourly schedule, like {@code n} schedules), all due now, polling every 100 ms. Either
 * with the default fetch-and-lock-on-execute strategy (the one that runs on every database), or with the
 * high-throughput {@code pollUsingLockAndFetch(1.0, 4.0)} its documentation recommends where the database has
 * {@code SELECT … FOR UPDATE SKIP LOCKED} (PostgreSQL here; not H2).
 */
public final class DbSchedulerEngine implements EngineUnderTest {
    private final HikariDataSource dataSource;
    private final boolean postgres;
    private final int threads;
    private final boolean lockAndFetch;
    private final AtomicLong executed = new AtomicLong();
    private final RecurringTaskWithPersistentSchedule<PlainScheduleAndData> task;
    private Scheduler scheduler;

    /**
     * Creates the side.
     *
     * @param dataSource a fresh database
     * @param postgres whether it is PostgreSQL (else H2)
     * @param threads worker threads
     * @param lockAndFetch whether to poll with {@code pollUsingLockAndFetch(1.0, 4.0)} (PostgreSQL only) instead
     *     of the default fetch strategy
     */
    public DbSchedulerEngine(HikariDataSource dataSource, boolean postgres, int threads, boolean lockAndFetch) {
        if (lockAndFetch && !postgres) {
            dataSource.close();
            throw new IllegalArgumentException("lock-and-fetch needs SELECT … FOR UPDATE SKIP LOCKED: PostgreSQL only");
        }
        this.dataSource = dataSource;
        this.postgres = postgres;
        this.threads = threads;
        this.lockAndFetch = lockAndFetch;
        this.task = Tasks.recurringWithPersistentSchedule("noop", PlainScheduleAndData.class)
                .execute((instance, context) -> executed.incrementAndGet());
    }

    @Override
    public String name() {
        return "db-scheduler " + version() + (lockAndFetch ? " lock-and-fetch(1.0, 4.0)" : " default fetch");
    }

    /** @return db-scheduler's version, from its jar's Maven metadata (its manifest has none) */
    static String version() {
        try (var in = Scheduler.class.getResourceAsStream(
                "/META-INF/maven/com.github.kagkarlsson/db-scheduler/pom.properties")) {
            java.util.Properties p = new java.util.Properties();
            if (in != null) {
                p.load(in);
            }
            return p.getProperty("version", "(version unknown)");
        } catch (java.io.IOException e) {
            return "(version unknown)";
        }
    }

    @Override
    public void prepare(int n) {
        String text = postgres ? "text" : "varchar(200)";
        String time = "timestamp with time zone";
        Databases.runSql(dataSource, "create table scheduled_tasks (task_name " + text + " not null, task_instance "
                + text + " not null, task_data " + (postgres ? "bytea" : "blob") + ", execution_time " + time
                + " not null, picked boolean not null, picked_by " + text + ", last_success " + time
                + ", last_failure " + time + ", consecutive_failures int, last_heartbeat " + time
                + ", version bigint not null, priority smallint, primary key (task_name, task_instance));"
                + "create index execution_time_idx on scheduled_tasks (execution_time);"
                + "create index last_heartbeat_idx on scheduled_tasks (last_heartbeat);"
                + "create index priority_execution_time_idx on scheduled_tasks (priority desc, execution_time asc)");
        var builder = Scheduler.create(dataSource, task).threads(threads).pollingInterval(Duration.ofMillis(100))
                .heartbeatInterval(Duration.ofSeconds(60));
        if (lockAndFetch) {
            builder.pollUsingLockAndFetch(1.0, 4.0);
        }
        scheduler = builder.build();
        List<SchedulableInstance<?>> instances = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            instances.add(task.schedulableInstance("i" + i, new PlainScheduleAndData(FixedDelay.ofHours(1))));
        }
        scheduler.scheduleBatch(instances);
    }

    @Override
    public void start() {
        executed.set(0);
        scheduler.start();
    }

    @Override
    public long executed() {
        return executed.get();
    }

    @Override
    public boolean settled() throws SQLException {
        return Databases.count(dataSource, "select count(*) from scheduled_tasks where picked = true") == 0;
    }

    @Override
    public void close() {
        if (scheduler != null) {
            scheduler.stop();
        }
        dataSource.close();
    }
}
