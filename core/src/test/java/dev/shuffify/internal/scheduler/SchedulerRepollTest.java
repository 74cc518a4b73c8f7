package dev.shuffify.internal.scheduler;

import static org.assertj.core.api.Assertions.assertThat;

import dev.shuffify.store.InMemoryShuffifyStore;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
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
        List<String> ran = new CopyOnWriteArrayList<>();
        CountDownLatch all = new CountDownLatch(3);
        // one worker, and a poll interval no test waits for: only the first poll (at start) and re-polls can run
        SchedulerConfig config = new SchedulerConfig("n", 1, 10, Duration.ofHours(1), Duration.ofMinutes(5),
                Duration.ofMinutes(1), Duration.ofMinutes(1), Duration.ZERO, RetryPolicy.DEFAULT,
                Housekeeping.DEFAULT);
        Scheduler scheduler = new Scheduler(store, (id, source, attempt) -> {
            ran.add(id);
            all.countDown();
            // records the outcome as the engine does: the outcome's transaction moves the next run
            store.schedules().find(id).ifPresent(s -> store.schedules().save(s.withNextRunAt(T0.plus(
                    Duration.ofHours(1)))));
            return Optional.empty();
        }, config, Clock.fixed(T0, ZoneOffset.UTC), new SplittableRandom(1), null);

        scheduler.start();
        try {
            assertThat(all.await(30, TimeUnit.SECONDS)).as("runs so far: %s", ran).isTrue();
            assertThat(ran).containsExactlyInAnyOrder("s0", "s1", "s2");
        } finally {
            scheduler.close(Duration.ofSeconds(10));
        }
    }
}
