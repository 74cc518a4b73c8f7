package dev.shuffify.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariDataSource;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Smoke test of table 1's harness: each side drains a few due schedules on an H2 file. */
class EngineOverheadBenchmarkTest {
    @TempDir
    Path dir;

    @Test
    void shuffifyDrainsDueSchedulesThroughTheJdbcStore() throws Exception {
        ShuffifyEngine engine = new ShuffifyEngine(Databases.h2(dir, 6), 2, Duration.ofMillis(5));
        assertThat(EngineOverheadBenchmark.drain(engine, 10)).isPositive();
        assertThat(engine.executed()).isEqualTo(10);
    }

    @Test
    void shuffifyDrainsOnTheInMemoryStore() throws Exception {
        ShuffifyEngine engine = new ShuffifyEngine(null, 1, Duration.ofMillis(5));
        assertThat(EngineOverheadBenchmark.drain(engine, 5)).isPositive();
        assertThat(engine.executed()).isEqualTo(5);
    }

    @Test
    void quartzDrainsDueTriggersThroughItsJdbcJobStore() throws Exception {
        QuartzEngine engine = new QuartzEngine(Databases.h2(dir, 6), false, 2);
        assertThat(EngineOverheadBenchmark.drain(engine, 10)).isPositive();
        assertThat(engine.executed()).isEqualTo(10);
    }

    @Test
    void dbSchedulerDrainsDueInstances() throws Exception {
        DbSchedulerEngine engine = new DbSchedulerEngine(Databases.h2(dir, 6), false, 2, false);
        assertThat(EngineOverheadBenchmark.drain(engine, 10)).isPositive();
        assertThat(engine.executed()).isEqualTo(10);
    }

    @Test
    void onPostgresqlEverySideOfTheTableDrainsItsDueSchedules() throws Exception {
        for (EngineOverheadBenchmark.Side side : EngineOverheadBenchmark.sides(dir)) {
            EngineUnderTest engine = side.factory().apply(Databases.Kind.POSTGRESQL, 2);
            assertThat(EngineOverheadBenchmark.drain(engine, 120)).as(side.label()).isPositive();
            assertThat(engine.executed()).as(side.label()).isEqualTo(120);
        }
    }

    @Test
    void theBatchedSqlLimitRecordsEveryExecutionAndActivity() throws Exception {
        HikariDataSource ds = Databases.postgres(4);
        try (BatchedSqlEngine engine = new BatchedSqlEngine(ds, 3)) {
            engine.prepare(175);
            engine.start();
            long deadline = System.nanoTime() + 60_000_000_000L;
            while (engine.executed() < 175 && System.nanoTime() < deadline) {
                Thread.sleep(1);
            }
            assertThat(engine.executed()).isEqualTo(175);
            assertThat(engine.settled()).isTrue();
            assertThat(Databases.count(ds, "SELECT COUNT(*) FROM e WHERE status = 'success'")).isEqualTo(175);
            assertThat(Databases.count(ds, "SELECT COUNT(DISTINCT schedule_id) FROM e")).isEqualTo(175);
            assertThat(Databases.count(ds, "SELECT COUNT(*) FROM s WHERE next_run_at > now()")).isEqualTo(175);
        }
    }

    @Test
    void theTableHasEverySideAndTheGoalRatios() throws Exception {
        String table = EngineOverheadBenchmark.throughput(Databases.Kind.H2, EngineOverheadBenchmark.sides(dir),
                java.util.List.of(2), 30, 1);
        assertThat(table).contains("30 due schedules").contains("Shuffify, default poll (5s)")
                .contains("lock-and-fetch(1.0, 4.0)").contains("JobStoreTX").contains("batched SQL limit");
        // on H2, db-scheduler's lock-and-fetch and the batched SQL (PostgreSQL's) do not run
        assertThat(table.lines().filter(l -> l.startsWith("| 2 |")).findFirst().orElseThrow()).contains("n/a");
    }
}
