package dev.shuffify.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Smoke test of table 2's harness at 1,000 schedules on an H2 file. */
class ScaleBenchmarkTest {
    @TempDir
    Path dir;

    @Test
    void measuresPollsStartUpAndFirstRuns() throws Exception {
        ScaleBenchmark.Row row = ScaleBenchmark.measure(Databases.Kind.H2, 1_000, dir, 2, Duration.ofSeconds(60));
        assertThat(row.schedules()).isEqualTo(1_000);
        assertThat(row.findDueMillis().count()).isEqualTo(2);
        assertThat(row.claimMillis().min()).isPositive();
        assertThat(row.firstRuns()).isEqualTo(ScaleBenchmark.DUE);
        assertThat(row.findExpiredMillis().count()).isEqualTo(2);
        assertThat(row.startMillis()).isPositive();
    }
}
