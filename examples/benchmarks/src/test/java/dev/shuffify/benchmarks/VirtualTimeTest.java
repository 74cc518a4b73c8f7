package dev.shuffify.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

class VirtualTimeTest {
    private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");

    @Test
    void timeJumpsToEachWakeUpOnlyWhenEveryParticipantSleeps() throws InterruptedException {
        VirtualTime time = new VirtualTime(T0);
        List<String> woke = new CopyOnWriteArrayList<>();
        time.join();
        time.join();
        Thread a = new Thread(() -> sleepAndRecord(time, Duration.ofSeconds(30), "a", woke));
        Thread b = new Thread(() -> sleepAndRecord(time, Duration.ofSeconds(10), "b", woke));
        a.start();
        b.start();
        a.join(10_000);
        b.join(10_000);
        assertThat(woke).containsExactly("b@" + T0.plusSeconds(10), "a@" + T0.plusSeconds(30));
        assertThat(time.instant()).isEqualTo(T0.plusSeconds(30));
    }

    @Test
    void aWorkingParticipantHoldsTimeStill() throws InterruptedException {
        VirtualTime time = new VirtualTime(T0);
        time.join();
        time.join();
        List<String> woke = new CopyOnWriteArrayList<>();
        Thread sleeper = new Thread(() -> sleepAndRecord(time, Duration.ofMinutes(5), "s", woke));
        sleeper.start();
        sleeper.join(200);
        assertThat(woke).isEmpty();
        assertThat(time.instant()).isEqualTo(T0);
        time.leave();
        sleeper.join(10_000);
        assertThat(woke).containsExactly("s@" + T0.plusSeconds(300));
    }

    private static void sleepAndRecord(VirtualTime time, Duration d, String name, List<String> woke) {
        try {
            time.sleep(d);
            woke.add(name + "@" + time.instant());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            time.leave();
        }
    }
}
