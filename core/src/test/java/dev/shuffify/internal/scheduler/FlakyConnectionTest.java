package dev.shuffify.internal.scheduler;

import static org.assertj.core.api.Assertions.assertThat;

import dev.shuffify.model.ExecutionStatus;
import dev.shuffify.model.Schedule;
import dev.shuffify.store.jdbc.JdbcShuffifyStore;
import dev.shuffify.store.PostgresTestServer;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.h2.jdbcx.JdbcConnectionPool;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Two scheduler nodes on one database whose connections fail at random points (on open, before commit, after
 * commit). Whatever fails, no slot runs twice and no schedule is lost: once the faults stop, every schedule
 * runs again and nothing is left running or leased.
 */
class FlakyConnectionTest {
    private static final int SCHEDULES = 40;
    private static final int SLOTS = 8;
    private static final Instant T0 = Instant.parse("2026-03-02T10:00:00Z");
    private static final Duration HOUR = Duration.ofHours(1);

    @TempDir
    Path dir;

    @ParameterizedTest(name = "{0}, seed {1}")
    @CsvSource({"h2, 1", "h2, 2", "h2, 3", "h2, 6", "h2, 7", "h2, 8", "h2, 9", "h2, 10", "h2, 11", "h2, 12",
            "postgresql, 4", "postgresql, 5"})
    void randomConnectionFailuresNeverDuplicateARunOrLoseASchedule(String database, long seed) {
        JdbcConnectionPool pool = database.equals("h2") ? JdbcConnectionPool.create("jdbc:h2:async:"
                + dir.resolve("flaky") + ";WRITE_DELAY=0", "sa", "") : PostgresTestServer.newSchema(8);
        FlakyDataSource flaky = new FlakyDataSource(pool, seed, 0.03);
        try (JdbcShuffifyStore storeA = JdbcShuffifyStore.create(flaky);
                JdbcShuffifyStore storeB = JdbcShuffifyStore.create(flaky);
                JdbcShuffifyStore observer = JdbcShuffifyStore.create((DataSource) pool)) {
            for (int i = 0; i < SCHEDULES; i++) {
                observer.schedules().save(TestNode.schedule("s" + i, "pl-" + i, T0, T0));
            }
            ManualClock clock = new ManualClock(T0);
            ManualExecutor ea = new ManualExecutor();
            ManualExecutor eb = new ManualExecutor();
            TestNode a = new TestNode("node-a", storeA, clock, TestNode.config("node-a", 4), ea);
            TestNode b = new TestNode("node-b", storeB, clock, TestNode.config("node-b", 4), eb);
            List<TestNode> nodes = List.of(a, b);

            flaky.enable(true);
            for (int slot = 0; slot < SLOTS; slot++) {
                Instant slotTime = T0.plus(HOUR.multipliedBy(slot));
                clock.set(slotTime);
                drainIgnoringFailures(nodes, List.of(ea, eb));
                clock.set(slotTime.plus(Duration.ofMinutes(6))); // past any lease left by a failure
                drainIgnoringFailures(nodes, List.of(ea, eb));
            }
            assertThat(flaky.injected()).as("failures injected").isGreaterThan(50);
            assertThat(flaky.onOpen.get()).isPositive();
            assertThat(flaky.beforeCommit.get()).isPositive();
            assertThat(flaky.afterCommit.get()).isPositive();

            // no slot ran twice: at most one job run per schedule per hour-long slot
            for (int i = 0; i < SCHEDULES; i++) {
                List<Instant> runs = new ArrayList<>();
                runs.addAll(a.jobRuns.getOrDefault("s" + i, List.of()));
                runs.addAll(b.jobRuns.getOrDefault("s" + i, List.of()));
                Map<Long, Long> perSlot = runs.stream().collect(java.util.stream.Collectors.groupingBy(
                        t -> Duration.between(T0, t).toHours(), java.util.stream.Collectors.counting()));
                assertThat(perSlot.values()).as("runs per slot of s%d: %s (slots on node-a %s, node-b %s)", i, runs,
                        a.jobSlots.get("s" + i), b.jobSlots.get("s" + i)).allMatch(n -> n == 1);
            }

            // no schedule lost: with the faults gone, every schedule runs once more and nothing is left over
            flaky.enable(false);
            Instant end = T0.plus(HOUR.multipliedBy(SLOTS + 1)).plus(Duration.ofMinutes(10));
            clock.set(end);
            drainIgnoringFailures(nodes, List.of(ea, eb)); // recovers what the faults left, runs what is due
            Instant later = end.plus(HOUR).plus(Duration.ofMinutes(1));
            clock.set(later); // a run recovered at 'end' was rescheduled to its next slot
            drainIgnoringFailures(nodes, List.of(ea, eb));
            for (int i = 0; i < SCHEDULES; i++) {
                List<Instant> runs = new ArrayList<>();
                runs.addAll(a.jobRuns.getOrDefault("s" + i, List.of()));
                runs.addAll(b.jobRuns.getOrDefault("s" + i, List.of()));
                assertThat(runs).as("s%d ran after the faults stopped", i).anyMatch(t -> !t.isBefore(end));
                Schedule s = observer.schedules().find("s" + i).orElseThrow();
                assertThat(s.enabled()).isTrue();
                assertThat(s.nextRunAt()).isAfter(later);
            }
            assertThat(observer.schedules().listLeases()).isEmpty();
            assertThat(observer.executions().listByStatus(ExecutionStatus.RUNNING, 10)).isEmpty();
        } finally {
            pool.dispose();
        }
    }

    private static void drainIgnoringFailures(List<TestNode> nodes, List<ManualExecutor> executors) {
        for (int round = 0; round < 50; round++) {
            int work = 0;
            for (TestNode n : nodes) {
                try {
                    work += n.scheduler.runDueOnce();
                } catch (RuntimeException e) {
                    work++; // a failed poll: try again
                }
            }
            for (ManualExecutor e : executors) {
                work += e.runAll();
            }
            if (work == 0) {
                return;
            }
        }
    }
}
