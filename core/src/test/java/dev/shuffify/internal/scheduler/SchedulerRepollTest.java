package dev.shuffify.internal.scheduler;

import static org.assertj.core.api.Assertions.assertThat;

import dev.shuffify.store.InMemoryShuffifyStore;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** A worker that comes free polls again at once when the last poll could not take everything due. */
class SchedulerRepollTest {

    private static final Instant T0 = Instant.parse("2026-03-01T12:00:00Z");

    @Test
    void dueWorkBeyondThePoolRunsWithoutWaitingForTheNextPollInterval() throws InterruptedException {
        InMemoryShuffifyStore store = new InMemoryShuffifyStore();
        for (int i = 0; i < 3; i++) {
            store.schedules().save(TestNode.schedule("s" + i, "pl-" + i, T0.minusSeconds(60 + i), T0.minusSeconds(3600)));
        }
        // one worker, and a poll interval no test waits for: only the first poll (at start) and re-polls can run
        SchedulerConfig config = new SchedulerConfig("n", 1, 10, Duration.ofHours(1), Duration.ofMinutes(5),
                Duration.ofMinutes(1), Duration.ofMinutes(1), Duration.ZERO, RetryPolicy.DEFAULT,
                Housekeeping.DEFAULT);
        TestNode node = new TestNode("n", store, new ManualClock(T0), config, null);

        node.scheduler.start();
        try {
            assertThat(node.jobsRan.tryAcquire(3, 30, TimeUnit.SECONDS)).as("runs so far: %s", node.jobRuns.keySet())
                    .isTrue();
            assertThat(node.jobRuns.keySet()).containsExactlyInAnyOrder("s0", "s1", "s2");
        } finally {
            node.scheduler.close(Duration.ofSeconds(10));
        }
    }
}
