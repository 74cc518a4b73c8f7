package dev.shuffify.internal.jdbc;

import dev.shuffify.store.jdbc.JdbcShuffifyStore;
import dev.shuffify.store.PostgresTestServer;
import dev.shuffify.store.ScheduleClaim;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import javax.sql.DataSource;
import org.h2.jdbcx.JdbcConnectionPool;

/**
 * Measures due detection (one poll: claim the due schedules) with 10,000 and 100,000 schedules on the embedded
 * H2 file and on PostgreSQL (the embedded test server, fsync on). Not a test: run with
 * {@code mvn -q -pl core test-compile exec:java -Dexec.classpathScope=test
 * -Dexec.mainClass=dev.shuffify.internal.jdbc.DueDetectionBenchmark}.
 */
public final class DueDetectionBenchmark {
    private static final Instant NOW = Instant.parse("2026-03-02T10:00:00Z");
    private static final int ROUNDS = 30;

    private DueDetectionBenchmark() {
    }

    /**
     * Runs the measurement.
     *
     * @param args unused
     * @throws Exception on failure
     */
    public static void main(String[] args) throws Exception {
        System.out.println("database    schedules  due  poll claiming the due (median ms)  empty poll (median ms)");
        for (int count : new int[] {10_000, 100_000}) {
            for (String db : List.of("h2", "postgresql")) {
                JdbcConnectionPool pool = db.equals("h2")
                        ? JdbcConnectionPool.create("jdbc:h2:async:" + Files.createTempDirectory("bench")
                                .resolve("db") + ";WRITE_DELAY=0", "sa", "")
                        : PostgresTestServer.newSchema(4);
                try (JdbcShuffifyStore store = JdbcShuffifyStore.create((DataSource) pool)) {
                    Dialect dialect = db.equals("h2") ? Dialect.H2 : Dialect.POSTGRESQL;
                    DueDetectionIndexTest.fill(pool, dialect, count, 100, NOW);
                    if (dialect == Dialect.POSTGRESQL) {
                        new Sql(pool, dialect).update("analyze", "ANALYZE shuffify_schedules", ps -> {
                        });
                    }
                    double claiming = median(store, 100, NOW);
                    double empty = median(store, 100, NOW.minus(Duration.ofDays(1)));
                    System.out.printf("%-11s %9d  %3d  %33.2f  %22.2f%n", db, count, 100, claiming, empty);
                } finally {
                    pool.dispose();
                }
            }
        }
        System.exit(0);
    }

    private static double median(JdbcShuffifyStore store, int limit, Instant now) {
        List<Double> times = new ArrayList<>();
        for (int round = 0; round < ROUNDS; round++) {
            long start = System.nanoTime();
            List<ScheduleClaim> claims = store.schedules().claimDue("bench", now, Duration.ofMinutes(5), limit);
            times.add((System.nanoTime() - start) / 1e6);
            for (ScheduleClaim c : claims) {
                store.schedules().release(c.token(), c.slot(), c.slot(), 0);
            }
        }
        Collections.sort(times);
        return times.get(times.size() / 2);
    }
}
