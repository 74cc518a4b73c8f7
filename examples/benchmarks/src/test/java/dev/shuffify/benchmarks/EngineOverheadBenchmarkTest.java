package dev.shuffify.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;

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
        DbSchedulerEngine engine = new DbSchedulerEngine(Databases.h2(dir, 6), false, 2);
        assertThat(EngineOverheadBenchmark.drain(engine, 10)).isPositive();
        assertThat(engine.executed()).isEqualTo(10);
    }
}
