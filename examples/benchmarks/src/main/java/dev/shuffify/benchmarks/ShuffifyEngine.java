package dev.shuffify.benchmarks;

import com.zaxxer.hikari.HikariDataSource;
import dev.shuffify.JobEvent;
import dev.shuffify.SchedulerOptions;
import dev.shuffify.Shuffify;
import dev.shuffify.memory.InMemoryPlaylistService;
import dev.shuffify.model.JobSpec;
import dev.shuffify.model.Schedule;
import dev.shuffify.model.ScheduleDefinition;
import dev.shuffify.model.Trigger;
import dev.shuffify.store.InMemoryShuffifyStore;
import dev.shuffify.store.JdbcShuffifyStore;
import dev.shuffify.store.ShuffifyStore;
import java.sql.SQLException;
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
     * @param pollInterval the wait between polls
     */
    public ShuffifyEngine(HikariDataSource dataSource, int threads, Duration pollInterval) {
        this.dataSource = dataSource;
        this.store = dataSource == null ? new InMemoryShuffifyStore() : JdbcShuffifyStore.create(dataSource);
        this.shuffify = Shuffify.builder().store(store).connector(new InMemoryPlaylistService().addUser(USER))
                .jobType(new NoopJob())
                .listener(e -> {
                    if (e.type() == JobEvent.Type.SUCCEEDED) {
                        executed.incrementAndGet();
                    }
                })
                .scheduler(SchedulerOptions.builder().nodeId("node1").poolSize(threads).pollInterval(pollInterval)
                        .build())
                .build();
    }

    @Override
    public String name() {
        return "Shuffify";
    }

    @Override
    public void prepare(int n) {
        Instant now = shuffify.clock().instant();
        for (int i = 0; i < n; i++) {
            Schedule s = shuffify.createSchedule(USER, ScheduleDefinition.of(JobSpec.builder(NoopJob.TYPE).build(),
                    Trigger.named("hourly")).withVerifyWrites(false));
            store.schedules().save(s.withNextRunAt(now));
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
            return shuffify.jobs().stream().noneMatch(j -> j.runningOn() != null);
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
