package dev.shuffify.benchmarks;

import com.zaxxer.hikari.HikariDataSource;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import org.quartz.Job;
import org.quartz.JobBuilder;
import org.quartz.JobDetail;
import org.quartz.JobExecutionContext;
import org.quartz.Scheduler;
import org.quartz.SimpleScheduleBuilder;
import org.quartz.Trigger;
import org.quartz.TriggerBuilder;
import org.quartz.impl.StdSchedulerFactory;
import org.quartz.utils.ConnectionProvider;
import org.quartz.utils.DBConnectionManager;

/**
 * Quartz with its JDBC job store ({@code JobStoreTX}, clustered, so claims go through the database the way a
 * multi-node deployment needs) on a HikariCP pool: {@code n} jobs, each with an hourly trigger whose first fire
 * time is now. Trigger acquisition is batched up to the thread count, so Quartz is not held back by its
 * one-trigger-per-acquisition default.
 */
public final class QuartzEngine implements EngineUnderTest {
    static final AtomicLong EXECUTED = new AtomicLong();
    private static final AtomicLong INSTANCES = new AtomicLong();

    private final HikariDataSource dataSource;
    private final boolean postgres;
    private final int threads;
    private final String name;
    private Scheduler scheduler;

    /** The no-op job. */
    public static final class NoopJob implements Job {
        /** Quartz instantiates it. */
        public NoopJob() {
        }

        @Override
        public void execute(JobExecutionContext context) {
            EXECUTED.incrementAndGet();
        }
    }

    /**
     * Creates the side.
     *
     * @param dataSource a fresh database
     * @param postgres whether it is PostgreSQL (else H2)
     * @param threads worker threads
     */
    public QuartzEngine(HikariDataSource dataSource, boolean postgres, int threads) {
        this.dataSource = dataSource;
        this.postgres = postgres;
        this.threads = threads;
        this.name = "bench" + INSTANCES.incrementAndGet();
    }

    @Override
    public String name() {
        return "Quartz " + org.quartz.core.QuartzScheduler.getVersionMajor() + "."
                + org.quartz.core.QuartzScheduler.getVersionMinor() + "." + org.quartz.core.QuartzScheduler
                .getVersionIteration() + " JobStoreTX";
    }

    @Override
    public void prepare(int n) throws Exception {
        Databases.runScript(dataSource, postgres ? "org/quartz/impl/jdbcjobstore/tables_postgres.sql"
                : "org/quartz/impl/jdbcjobstore/tables_h2.sql", Scheduler.class.getClassLoader());
        DBConnectionManager.getInstance().addConnectionProvider(name, new ConnectionProvider() {
            @Override
            public Connection getConnection() throws SQLException {
                return dataSource.getConnection();
            }

            @Override
            public void shutdown() {
            }

            @Override
            public void initialize() {
            }
        });
        Properties p = new Properties();
        p.setProperty("org.quartz.scheduler.instanceName", name);
        p.setProperty("org.quartz.scheduler.instanceId", "node1");
        p.setProperty("org.quartz.scheduler.skipUpdateCheck", "true");
        p.setProperty("org.quartz.scheduler.batchTriggerAcquisitionMaxCount", Integer.toString(threads));
        p.setProperty("org.quartz.scheduler.idleWaitTime", "1000");
        p.setProperty("org.quartz.threadPool.class", "org.quartz.simpl.SimpleThreadPool");
        p.setProperty("org.quartz.threadPool.threadCount", Integer.toString(threads));
        p.setProperty("org.quartz.jobStore.class", "org.quartz.impl.jdbcjobstore.JobStoreTX");
        p.setProperty("org.quartz.jobStore.driverDelegateClass", postgres
                ? "org.quartz.impl.jdbcjobstore.PostgreSQLDelegate" : "org.quartz.impl.jdbcjobstore.StdJDBCDelegate");
        p.setProperty("org.quartz.jobStore.dataSource", name);
        p.setProperty("org.quartz.jobStore.isClustered", "true");
        p.setProperty("org.quartz.jobStore.clusterCheckinInterval", "5000");
        // storing 20,000 jobs takes longer than Quartz's default minute: with that threshold the first triggers
        // would count as misfired when the scheduler starts and move to their next hour, so none would run
        p.setProperty("org.quartz.jobStore.misfireThreshold", "3600000");
        scheduler = new StdSchedulerFactory(p).getScheduler();
        Date now = new Date();
        // stored in one transaction per chunk (set-up, not timed)
        Map<JobDetail, Set<? extends Trigger>> chunk = new LinkedHashMap<>();
        for (int i = 0; i < n; i++) {
            JobDetail job = JobBuilder.newJob(NoopJob.class).withIdentity("job" + i).build();
            Trigger trigger = TriggerBuilder.newTrigger().withIdentity("trigger" + i).startAt(now)
                    .withSchedule(SimpleScheduleBuilder.repeatHourlyForever()).build();
            chunk.put(job, Set.of(trigger));
            if (chunk.size() == 1000 || i == n - 1) {
                scheduler.scheduleJobs(chunk, false);
                chunk.clear();
            }
        }
    }

    @Override
    public void start() throws Exception {
        EXECUTED.set(0);
        scheduler.start();
    }

    @Override
    public long executed() {
        return EXECUTED.get();
    }

    @Override
    public boolean settled() throws SQLException {
        return Databases.count(dataSource, "SELECT COUNT(*) FROM QRTZ_FIRED_TRIGGERS") == 0;
    }

    @Override
    public void close() {
        try {
            if (scheduler != null) {
                scheduler.shutdown(true);
            }
        } catch (org.quartz.SchedulerException e) {
            throw new IllegalStateException("Quartz did not shut down", e);
        } finally {
            dataSource.close();
        }
    }
}
