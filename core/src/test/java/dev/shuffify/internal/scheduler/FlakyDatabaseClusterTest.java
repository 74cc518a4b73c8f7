package dev.shuffify.internal.scheduler;

import static org.assertj.core.api.Assertions.assertThat;

import dev.shuffify.internal.engine.ExecutionEngine;
import dev.shuffify.model.Execution;
import dev.shuffify.model.ExecutionStatus;
import dev.shuffify.store.jdbc.JdbcShuffifyStore;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import javax.sql.DataSource;
import org.h2.jdbcx.JdbcConnectionPool;
import org.junit.jupiter.api.Test;

/**
 * Three scheduler nodes on one H2 database whose data source fails about 15 % of connection opens, statements
 * and commits (each fails once with that probability, before or, for a commit or an auto-committed statement,
 * after it took effect), from a seeded random. 1,000 schedules of a no-op job are due at
 * once. The polls, heartbeats and lease expiries are driven by the manual clock (5 s per round). Every due slot
 * runs exactly once, none is skipped, and every execution row tells the truth: {@code success} only for a run
 * whose job ran, and a run whose job ran is never {@code abandoned} or {@code failed}. With the faults stopped,
 * the next slot runs 1,000 of 1,000 exactly once.
 *
 * <p>Run alone: {@code mvn -B -o -pl core -am verify -Dtest=FlakyDatabaseClusterTest
 * -Dsurefire.failIfNoSpecifiedTests=false}; it prints its figures.
 */
class FlakyDatabaseClusterTest {
    private static final int SCHEDULES = 1000;
    private static final int NODES = 3;
    private static final double FAULTS = 0.15;
    private static final long SEED = 15;
    private static final Instant T0 = Instant.parse("2026-03-02T10:00:00Z");
    private static final Duration HOUR = Duration.ofHours(1);
    private static final Duration ROUND = Duration.ofSeconds(5);
    /** Short, so a claim that committed though it was reported failed comes back soon. */
    private static final Duration LEASE = Duration.ofMinutes(1);

    @Test
    void everyDueSlotRunsExactlyOnceWhenAboutFifteenPercentOfDatabaseCallsFail() {
        long startedNanos = System.nanoTime();
        // thousands of injected failures: keep the engine's per-failure lines out of the build log, and count
        // the scheduler's own warnings (one per episode of failures, not one per failure)
        ch.qos.logback.classic.Logger engineLog = (ch.qos.logback.classic.Logger) org.slf4j.LoggerFactory
                .getLogger("dev.shuffify.internal.engine");
        ch.qos.logback.classic.Logger schedulerLog = (ch.qos.logback.classic.Logger) org.slf4j.LoggerFactory
                .getLogger(Scheduler.class);
        ch.qos.logback.classic.Level engineLevel = engineLog.getLevel();
        java.util.concurrent.atomic.AtomicInteger schedulerWarnings = new java.util.concurrent.atomic.AtomicInteger();
        ch.qos.logback.core.AppenderBase<ch.qos.logback.classic.spi.ILoggingEvent> counter =
                new ch.qos.logback.core.AppenderBase<>() {
                    @Override
                    protected void append(ch.qos.logback.classic.spi.ILoggingEvent event) {
                        if (event.getLevel().isGreaterOrEqual(ch.qos.logback.classic.Level.WARN)) {
                            schedulerWarnings.incrementAndGet();
                        }
                    }
                };
        counter.start();
        engineLog.setLevel(ch.qos.logback.classic.Level.OFF);
        schedulerLog.setAdditive(false);
        schedulerLog.addAppender(counter);
        JdbcConnectionPool pool = JdbcConnectionPool.create("jdbc:h2:mem:flaky-cluster;DB_CLOSE_DELAY=-1", "sa", "");
        pool.setMaxConnections(32);
        FlakyDataSource flaky = new FlakyDataSource(pool, SEED, FAULTS, true);
        List<JdbcShuffifyStore> stores = new ArrayList<>();
        try (JdbcShuffifyStore observer = JdbcShuffifyStore.create((DataSource) pool)) {
            ManualClock clock = new ManualClock(T0);
            List<TestNode> nodes = new ArrayList<>();
            List<ManualExecutor> executors = new ArrayList<>();
            for (int i = 1; i <= NODES; i++) {
                JdbcShuffifyStore store = JdbcShuffifyStore.create(flaky);
                stores.add(store);
                ManualExecutor executor = new ManualExecutor();
                executors.add(executor);
                // a small batch: on H2 a claim is one statement per schedule in one transaction, so at 15 % per
                // statement a batch of 50 would almost never commit
                SchedulerConfig config = new SchedulerConfig("node-" + i, 8, 4, ROUND, LEASE,
                        Duration.ofSeconds(15), Duration.ofMinutes(1), Duration.ZERO, RetryPolicy.DEFAULT,
                        Housekeeping.DEFAULT);
                nodes.add(new TestNode("node-" + i, store, clock, config, executor));
            }
            for (int i = 0; i < SCHEDULES; i++) {
                observer.schedules().save(TestNode.schedule("s" + i, "pl-" + i, T0, T0));
            }

            // slot 0 under faults, for as long as it takes (a slot that runs late moves the next one later)
            flaky.enable(true);
            int rounds = drive(nodes, executors, clock, observer, T0, T0.plus(HOUR.multipliedBy(6)));
            Duration simulated = Duration.between(T0, clock.instant());
            flaky.enable(false);
            int faults = flaky.injected();

            Map<String, Integer> slot0 = runsOfSlot(nodes, s -> T0);
            Set<String> ran = new HashSet<>();
            nodes.forEach(n -> ran.addAll(n.jobExecutions));
            Map<ExecutionStatus, Integer> statuses = new TreeMap<>();
            int notRun = 0;
            List<String> untrue = new ArrayList<>();
            for (int i = 0; i < SCHEDULES; i++) {
                for (Execution e : observer.executions().listBySchedule("s" + i, 1000)) {
                    statuses.merge(e.status(), 1, Integer::sum);
                    boolean jobRan = ran.contains(e.id());
                    if (jobRan && e.status() != ExecutionStatus.SUCCESS
                            || !jobRan && e.status() == ExecutionStatus.SUCCESS) {
                        untrue.add(e.id() + " " + e.status() + (jobRan ? " (ran)" : " (never ran)"));
                    }
                    if (!jobRan && e.status() != ExecutionStatus.SUCCESS) {
                        if (e.status() == ExecutionStatus.SKIPPED
                                && Boolean.TRUE.equals(e.details().get(ExecutionEngine.DETAIL_NOT_RUN))) {
                            notRun++;
                        } else {
                            untrue.add(e.id() + " " + e.status() + " without the not-run mark: " + e.errorMessage());
                        }
                    }
                }
            }
            System.out.printf("flaky-database cluster: %d nodes, %d schedules, %.0f %% faults (seed %d): %d faults "
                    + "injected (%d on open, %d before a commit or statement, %d after one); slot 0 done after %d "
                    + "rounds (%s of clock); slots run exactly once %d of %d; execution rows %s, of which %d "
                    + "'not run' (job never started, slot kept due); untrue rows %d; scheduler warnings %d%n",
                    NODES, SCHEDULES,
                    FAULTS * 100, SEED, faults, flaky.onOpen.get(), flaky.beforeCommit.get(),
                    flaky.afterCommit.get(), rounds, simulated, count(slot0, 1), SCHEDULES, statuses, notRun,
                    untrue.size(), schedulerWarnings.get());

            untrue.stream().limit(20).forEach(u -> System.out.println("untrue row: " + u));
            assertThat(faults).as("faults injected").isGreaterThan(1000);
            assertThat(flaky.onOpen.get()).isPositive();
            assertThat(flaky.beforeCommit.get()).isPositive();
            assertThat(flaky.afterCommit.get()).isPositive();
            assertThat(slot0).as("job runs per schedule in slot 0").hasSize(SCHEDULES).allSatisfy((id, n) ->
                    assertThat(n).as("runs of %s", id).isEqualTo(1));
            assertThat(untrue).as("execution rows with a status they did not have").isEmpty();
            // schedules whose slot 0 ran early ran their next slot too while the late ones caught up
            assertThat(statuses.get(ExecutionStatus.SUCCESS)).as("a success row for each run of the job, no more")
                    .isEqualTo(ran.size());
            assertThat(twice(nodes)).as("slots run more than once").isEmpty();
            assertThat(observer.schedules().listAll()).allSatisfy(s -> assertThat(s.nextRunAt())
                    .isAfter(T0));
            assertThat(observer.schedules().listLeases()).isEmpty();
            assertThat(observer.executions().listByStatus(ExecutionStatus.RUNNING, 10)).isEmpty();

            // the faults stopped: each schedule's next slot, 1,000 of 1,000 exactly once
            Map<String, Instant> next = new TreeMap<>();
            observer.schedules().listAll().forEach(s -> next.put(s.id(), s.nextRunAt()));
            Instant slot1At = next.values().stream().max(Instant::compareTo).orElseThrow();
            clock.set(slot1At);
            int cleanRounds = drive(nodes, executors, clock, observer, slot1At, slot1At.plus(HOUR));
            Map<String, Integer> slot1 = runsOfSlot(nodes, next::get);
            System.out.printf("after the faults stopped: slot 1 run exactly once %d of %d (%d rounds); "
                    + "wall time %d ms%n", count(slot1, 1), SCHEDULES, cleanRounds,
                    (System.nanoTime() - startedNanos) / 1_000_000);
            assertThat(slot1).hasSize(SCHEDULES).allSatisfy((id, n) -> assertThat(n).as("runs of %s", id)
                    .isEqualTo(1));
            Set<String> ranInAll = new HashSet<>();
            nodes.forEach(n -> ranInAll.addAll(n.jobExecutions));
            assertThat(twice(nodes)).as("slots run more than once").isEmpty();
            assertThat(observer.executions().countByStatus()).containsEntry(ExecutionStatus.SUCCESS,
                    (long) ranInAll.size()).doesNotContainKeys(ExecutionStatus.ABANDONED, ExecutionStatus.FAILED,
                    ExecutionStatus.RUNNING);
        } finally {
            stores.forEach(JdbcShuffifyStore::close);
            pool.dispose();
            engineLog.setLevel(engineLevel);
            schedulerLog.detachAppender(counter);
            schedulerLog.setAdditive(true);
        }
    }

    /**
     * Rounds of: every node renews its leases and polls (which retries unfinished bookkeeping, recovers expired
     * leases and claims), then every node's claimed runs run; the clock moves one poll interval. Until every
     * schedule's next run has moved past {@code slot} and no lease is left, or the clock would reach
     * {@code limit}.
     */
    private static int drive(List<TestNode> nodes, List<ManualExecutor> executors, ManualClock clock,
            JdbcShuffifyStore observer, Instant slot, Instant limit) {
        int rounds = 0;
        while (clock.instant().plus(ROUND).isBefore(limit)) {
            rounds++;
            for (TestNode n : nodes) {
                try {
                    n.scheduler.heartbeat();
                } catch (RuntimeException e) {
                    // a failed heartbeat: the next round renews
                }
                // polls again at once while it claims (as a node does while due work remains)
                for (int poll = 0; poll < 4 && n.scheduler.runDueOnce() > 0; poll++) {
                    // must not throw, whatever the store does
                }
            }
            int ran = 0;
            for (ManualExecutor e : executors) {
                ran += e.runAll();
            }
            if (ran == 0 && rounds % 6 == 0 && done(observer, slot)) {
                return rounds;
            }
            clock.set(clock.instant().plus(ROUND));
        }
        return rounds;
    }

    private static boolean done(JdbcShuffifyStore observer, Instant slot) {
        return observer.schedules().listLeases().isEmpty()
                && observer.schedules().listAll().stream().allMatch(s -> s.nextRunAt().isAfter(slot));
    }

    /** How many times the job ran for a given slot of each schedule. */
    private static Map<String, Integer> runsOfSlot(List<TestNode> nodes,
            java.util.function.Function<String, Instant> slotOf) {
        Map<String, Integer> perSchedule = new TreeMap<>();
        for (TestNode n : nodes) {
            n.jobSlots.forEach((id, slots) -> {
                synchronized (slots) {
                    for (Instant slot : slots) {
                        if (slot.equals(slotOf.apply(id))) {
                            perSchedule.merge(id, 1, Integer::sum);
                        }
                    }
                }
            });
        }
        return perSchedule;
    }

    /** Schedule and slot pairs the job ran for more than once. */
    private static List<String> twice(List<TestNode> nodes) {
        Map<String, Integer> runs = new TreeMap<>();
        for (TestNode n : nodes) {
            n.jobSlots.forEach((id, slots) -> {
                synchronized (slots) {
                    slots.forEach(slot -> runs.merge(id + "@" + slot, 1, Integer::sum));
                }
            });
        }
        return runs.entrySet().stream().filter(e -> e.getValue() > 1).map(Map.Entry::getKey).toList();
    }

    private static long count(Map<String, Integer> perSchedule, int n) {
        return perSchedule.values().stream().filter(v -> v == n).count();
    }
}
