package dev.shuffify.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

/** Smoke test of table 5's harness with two accounts in simulated time. */
class RateLimitBenchmarkTest {

    @Test
    void everyDueScheduleRunsOnceAndNoRequestBeatsRetryAfter() throws InterruptedException {
        RateLimitBenchmark.Settings settings = new RateLimitBenchmark.Settings(2, 5, 100, 2, 20,
                Duration.ofSeconds(30), Duration.ofSeconds(60), 10, false, Duration.ofMinutes(2));
        RateLimitBenchmark.Result r = RateLimitBenchmark.run(settings);
        assertThat(r.schedules()).isEqualTo(10);
        assertThat(r.executions()).isEqualTo(10);
        assertThat(r.succeeded()).isEqualTo(10);
        assertThat(r.lost()).isZero();
        assertThat(r.notRun()).isZero();
        assertThat(r.early()).isZero();
        assertThat(r.maxInWindow()).isLessThanOrEqualTo(20);
        assertThat(r.injected429()).isPositive();
        assertThat(r.simulated()).isGreaterThan(Duration.ofSeconds(30));
    }
}
