package dev.shuffify.internal.scheduler;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.shuffify.internal.scheduler.TestNode.Behaviour;
import dev.shuffify.model.Execution;
import dev.shuffify.model.ExecutionStatus;
import dev.shuffify.store.jdbc.JdbcShuffifyStore;
import dev.shuffify.store.PostgresTestServer;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.h2.jdbcx.JdbcConnectionPool;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Three scheduler nodes, each with its own connection pool and store, share one PostgreSQL database and run
 * 1,000 schedules over several slots, polling concurrently. Every slot runs exactly once; then one node is
 * killed mid-run (its threads stop without any cleanup) and its runs are recovered through lease expiry.
 */
class PostgresClusterTest {
    private static final int SCHEDULES = 1000;
    private static final Instant T0 = Instant.parse("2026-03-02T10:00:00Z");
    private static final Duration HOUR = Duration.ofHours(1);

    private final List<JdbcConnectionPool> pools = new ArrayList<>();
    private final List<JdbcShuffifyStore> stores = new ArrayList<>();

    @AfterEach
    void closeAll() {
        stores.forEach(JdbcShuffifyStore::close);
        pools.forEach(JdbcConnectionPool::dispose);
    }

    @Test
    void threeNodesRunEverySlotExactlyOnceAndRecoverAKilledNode() throws Exception {
        JdbcConnectionPool first = PostgresTestServer.newSchema(6);
        pools.add(first);
        String schema = schemaOf(first);
        ManualClock clock = new ManualClock(T0);
        List<TestNode> nodes = new ArrayList<>();
        List<ManualExecutor> executors = new ArrayList<>();
        for (int i = 1; i <= 3; i++) {
            JdbcConnectionPool pool = i == 1 ? first : PostgresTestServer.pool(schema, 6);
            if (i > 1) {
                pools.add(pool);
            }
            JdbcShuffifyStore store = JdbcShuffifyStore.postgres(pool);
            stores.add(store);
            ManualExecutor executor = new ManualExecutor();
            executors.add(executor);
            nodes.add(new TestNode("node-" + i, store, clock, TestNode.config("node-" + i, 8), executor));
        }
        JdbcShuffifyStore store = stores.get(0);
        for (int i = 0; i < SCHEDULES; i++) {
            store.schedules().save(TestNode.schedule("s" + i, "pl-" + i, T0, T0));
        }

        // slots 0 and 1: all three nodes poll and run at once
        for (int slot = 0; slot < 2; slot++) {
            clock.set(T0.plus(HOUR.multipliedBy(slot)));
            runConcurrently(nodes, executors);
            assertRunsPerSchedule(store, slot + 1);
        }
        for (TestNode n : nodes) {
            assertThat(n.runs.get()).as("runs on %s", n.nodeId).isPositive();
        }

        // slot 2: node-1 claims a batch, records the start of all eight in one transaction and dies in its first
        // run (its workers never get to the other seven jobs)
        clock.set(T0.plus(HOUR.multipliedBy(2)));
        TestNode doomed = nodes.get(0);
        doomed.defaultBehaviour = Behaviour.KILL_NODE;
        assertThat(doomed.scheduler.runDueOnce()).isEqualTo(8);
        assertThatThrownBy(executors.get(0)::runAll).isInstanceOf(TestNode.NodeKilled.class);
        executors.get(0).discard();
        List<TestNode> survivors = nodes.subList(1, 3);
        List<ManualExecutor> survivorExecutors = executors.subList(1, 3);
        runConcurrently(survivors, survivorExecutors);

        Map<String, List<Execution>> runs = runsBySchedule(store);
        List<String> killed = runs.entrySet().stream()
                .filter(e -> e.getValue().get(0).status() == ExecutionStatus.RUNNING).map(Map.Entry::getKey).toList();
        assertThat(killed).as("started, as far as the store can tell").hasSize(8);
        assertThat(store.schedules().listLeases()).hasSize(8)
                .allSatisfy(l -> assertThat(l.owner()).isEqualTo("node-1"));

        // past the lease: the survivors recover node-1's runs: each is abandoned (its slot used, never run twice)
        // and repaired from its intent (none here)
        clock.set(T0.plus(HOUR.multipliedBy(2)).plus(Duration.ofMinutes(6)));
        runConcurrently(survivors, survivorExecutors);
        runs = runsBySchedule(store);
        for (String k : killed) {
            assertThat(runs.get(k)).extracting(Execution::status).containsExactly(
                    ExecutionStatus.ABANDONED, ExecutionStatus.SUCCESS, ExecutionStatus.SUCCESS);
        }
        assertRunsPerSchedule(store, 3);
        assertThat(store.executions().listByStatus(ExecutionStatus.RUNNING, 10)).isEmpty();
        assertThat(store.schedules().listLeases()).isEmpty();

        // slot 3: everyone (the late ones included) runs once more
        clock.set(T0.plus(HOUR.multipliedBy(3)).plus(Duration.ofMinutes(10)));
        runConcurrently(survivors, survivorExecutors);
        assertRunsPerSchedule(store, 4);
        assertThat(store.executions().countByStatus()).containsOnly(
                Map.entry(ExecutionStatus.SUCCESS, 4L * SCHEDULES - 8), Map.entry(ExecutionStatus.ABANDONED, 8L));
    }

    /** Each node polls and runs on its own thread until it finds nothing to claim and nothing to run. */
    private static void runConcurrently(List<TestNode> nodes, List<ManualExecutor> executors) throws Exception {
        ExecutorService threads = Executors.newFixedThreadPool(nodes.size());
        try {
            List<Future<?>> done = new ArrayList<>();
            for (int i = 0; i < nodes.size(); i++) {
                TestNode node = nodes.get(i);
                ManualExecutor executor = executors.get(i);
                done.add(threads.submit(() -> {
                    while (node.scheduler.runDueOnce() + executor.runAll() > 0) {
                        // keep going
                    }
                    return null;
                }));
            }
            for (Future<?> f : done) {
                f.get();
            }
        } finally {
            threads.shutdownNow();
        }
    }

    private static Map<String, List<Execution>> runsBySchedule(JdbcShuffifyStore store) {
        Map<String, List<Execution>> runs = new HashMap<>();
        for (int i = 0; i < SCHEDULES; i++) {
            runs.put("s" + i, store.executions().listBySchedule("s" + i, 100));
        }
        return runs;
    }

    private static void assertRunsPerSchedule(JdbcShuffifyStore store, int expected) {
        Map<String, List<Execution>> runs = runsBySchedule(store);
        List<String> wrong = runs.entrySet().stream().filter(e -> e.getValue().size() != expected)
                .map(e -> e.getKey() + "=" + e.getValue().size()).toList();
        assertThat(wrong).as("schedules without exactly %d runs", expected).isEmpty();
        assertThat(runs.values()).allSatisfy(r -> assertThat(r.stream().map(Execution::startedAt).distinct())
                .as("one run per slot").hasSize(expected));
    }

    private static String schemaOf(JdbcConnectionPool pool) throws java.sql.SQLException {
        try (var c = pool.getConnection(); var s = c.createStatement(); var rs = s.executeQuery(
                "SELECT current_schema()")) {
            rs.next();
            return rs.getString(1);
        }
    }
}
