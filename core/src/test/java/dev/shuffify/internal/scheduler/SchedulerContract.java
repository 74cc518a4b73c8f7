package dev.shuffify.internal.scheduler;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.shuffify.error.NotFoundException;
import dev.shuffify.internal.engine.ExecutionEngine;
import dev.shuffify.internal.scheduler.TestNode.Behaviour;
import dev.shuffify.model.Execution;
import dev.shuffify.model.ExecutionStatus;
import dev.shuffify.model.MisfirePolicy;
import dev.shuffify.model.Schedule;
import dev.shuffify.model.Trigger;
import dev.shuffify.model.TriggerSource;
import dev.shuffify.store.ScheduleClaim;
import dev.shuffify.store.ShuffifyStore;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Scheduler behaviour on one store, driven by a manual clock and manual executors (no sleeps). Runs against
 * the in-memory store, the embedded H2 database and PostgreSQL.
 */
abstract class SchedulerContract {
    static final Instant T0 = Instant.parse("2026-03-02T10:00:00Z");
    static final Duration HOUR = Duration.ofHours(1);

    ShuffifyStore store;
    ManualClock clock;

    abstract ShuffifyStore createStore();

    @BeforeEach
    void open() {
        store = createStore();
        clock = new ManualClock(T0);
    }

    @AfterEach
    void closeStore() {
        store.close();
    }

    TestNode node(String id, int poolSize, ManualExecutor executor) {
        return new TestNode(id, store, clock, TestNode.config(id, poolSize), executor);
    }

    void save(Schedule... schedules) {
        for (Schedule s : schedules) {
            store.schedules().save(s);
        }
    }

    List<Execution> executions(String scheduleId) {
        return store.executions().listBySchedule(scheduleId, 100);
    }

    Schedule schedule(String id) {
        return store.schedules().find(id).orElseThrow();
    }

    /** Polls and runs on every node until no node claims or runs anything. */
    static void drain(List<TestNode> nodes, List<ManualExecutor> executors) {
        boolean busy = true;
        while (busy) {
            busy = false;
            for (TestNode n : nodes) {
                busy |= n.scheduler.runDueOnce() > 0;
            }
            for (ManualExecutor e : executors) {
                busy |= e.runAll() > 0;
            }
        }
    }

    @Test
    void twoNodesSharingTheStoreRunEachDueSlotExactlyOnce() {
        for (int i = 0; i < 30; i++) {
            save(TestNode.schedule("s" + i, "pl-" + i, T0, T0));
        }
        ManualExecutor ea = new ManualExecutor();
        ManualExecutor eb = new ManualExecutor();
        TestNode a = node("node-a", 4, ea);
        TestNode b = node("node-b", 3, eb);

        for (int slot = 0; slot < 3; slot++) {
            clock.set(T0.plus(HOUR.multipliedBy(slot)));
            drain(List.of(a, b), List.of(ea, eb));
            for (int i = 0; i < 30; i++) {
                List<Execution> runs = executions("s" + i);
                assertThat(runs).as("runs of s%d after slot %d", i, slot).hasSize(slot + 1)
                        .allMatch(e -> e.status() == ExecutionStatus.SUCCESS);
                assertThat(runs.stream().map(Execution::startedAt).distinct()).hasSize(slot + 1);
                assertThat(schedule("s" + i).nextRunAt()).isEqualTo(T0.plus(HOUR.multipliedBy(slot + 1)));
            }
        }
        assertThat(a.runs.get()).isPositive();
        assertThat(b.runs.get()).isPositive();
        assertThat(a.runs.get() + b.runs.get()).isEqualTo(90);
        assertThat(store.schedules().listLeases()).isEmpty();
    }

    @Test
    void aNodeClaimsNoMoreThanItsFreeWorkers() {
        for (int i = 0; i < 10; i++) {
            save(TestNode.schedule("s" + i, "pl-" + i, T0, T0));
        }
        ManualExecutor ex = new ManualExecutor();
        TestNode n = node("n", 3, ex);

        assertThat(n.scheduler.runDueOnce()).isEqualTo(3);
        assertThat(n.scheduler.runDueOnce()).isZero();
        ex.runAll();
        assertThat(n.scheduler.runDueOnce()).isEqualTo(3);
    }

    @Test
    void neverRunsTwoJobsOnOneTargetPlaylistAtOnce() {
        save(TestNode.schedule("a", "shared", T0, T0), TestNode.schedule("b", "shared", T0, T0),
                TestNode.schedule("c", "shared", T0, T0), TestNode.schedule("d", "own", T0, T0));
        ManualExecutor e1 = new ManualExecutor();
        ManualExecutor e2 = new ManualExecutor();
        TestNode n1 = node("n1", 4, e1);
        TestNode n2 = node("n2", 4, e2);

        assertThat(n1.scheduler.runDueOnce()).isEqualTo(2); // one on "shared", one on "own"
        assertThat(n2.scheduler.runDueOnce()).isZero(); // "shared" is busy on n1
        assertThat(store.schedules().listLeases()).extracting(l -> l.schedule().job().target().id())
                .containsExactlyInAnyOrder("shared", "own");
        drain(List.of(n1, n2), List.of(e1, e2));

        for (String id : List.of("a", "b", "c", "d")) {
            assertThat(executions(id)).as("runs of %s", id).hasSize(1);
        }
        assertThat(n1.maxConcurrentPerTarget.get()).isEqualTo(1);
    }

    @Test
    void anExpiredLeaseOfADeadNodeIsAbandonedAndRescheduled() {
        save(TestNode.schedule("s1", "pl-1", T0, T0));
        ManualExecutor ea = new ManualExecutor();
        ManualExecutor eb = new ManualExecutor();
        TestNode a = node("node-a", 2, ea);
        TestNode b = node("node-b", 2, eb);
        a.defaultBehaviour = Behaviour.KILL_NODE;

        assertThat(a.scheduler.runDueOnce()).isEqualTo(1);
        assertThatThrownBy(ea::runAll).isInstanceOf(TestNode.NodeKilled.class);
        assertThat(executions("s1")).singleElement().extracting(Execution::status).isEqualTo(ExecutionStatus.RUNNING);

        clock.advance(Duration.ofMinutes(4));
        assertThat(b.scheduler.runDueOnce()).isZero(); // the lease still holds
        assertThat(executions("s1")).singleElement().extracting(Execution::status).isEqualTo(ExecutionStatus.RUNNING);

        clock.advance(Duration.ofMinutes(2)); // past the 5-minute lease
        assertThat(b.scheduler.recoverExpiredLeases()).isEqualTo(1);
        Execution abandoned = executions("s1").get(0);
        assertThat(abandoned.status()).isEqualTo(ExecutionStatus.ABANDONED);
        assertThat(abandoned.errorMessage()).contains("node-a").contains("stopped renewing its lease");
        assertThat(abandoned.completedAt()).isEqualTo(T0.plus(Duration.ofMinutes(6)));
        assertThat(schedule("s1").nextRunAt()).isEqualTo(T0.plus(Duration.ofMinutes(66)));
        assertThat(store.schedules().listLeases()).isEmpty();

        clock.set(T0.plus(Duration.ofMinutes(66)));
        drain(List.of(b), List.of(eb));
        assertThat(executions("s1")).extracting(Execution::status)
                .containsExactly(ExecutionStatus.SUCCESS, ExecutionStatus.ABANDONED);
    }

    @Test
    void aClaimWhoseStartWasRecordedIsAbandonedOnceWhenItsNodeDiesBeforeItsWorkerRunsIt() {
        save(TestNode.schedule("s1", "pl-1", T0, T0));
        ManualExecutor ea = new ManualExecutor();
        ManualExecutor eb = new ManualExecutor();
        TestNode a = node("node-a", 2, ea);
        TestNode b = node("node-b", 2, eb);

        assertThat(a.scheduler.runDueOnce()).isEqualTo(1); // claimed and started (its execution recorded)
        ea.discard(); // node-a dies before its worker runs the job
        clock.advance(Duration.ofMinutes(6));
        drain(List.of(b), List.of(eb));

        // the store cannot tell a run that had not begun its job from one that had: it is abandoned (and
        // repaired from its intent, here none), never run a second time for the same slot
        assertThat(executions("s1")).singleElement().satisfies(e -> {
            assertThat(e.status()).isEqualTo(ExecutionStatus.ABANDONED);
            assertThat(e.startedAt()).isEqualTo(T0);
        });
        assertThat(a.runs.get() + b.runs.get()).isZero();
        assertThat(schedule("s1").nextRunAt()).isEqualTo(T0.plus(Duration.ofMinutes(66)));
        assertThat(store.schedules().listLeases()).isEmpty();
    }

    @Test
    void claimAheadLetsANodeHoldMoreClaimsThanWorkersAndRecordsTheirEndsTogether() {
        for (int i = 0; i < 10; i++) {
            save(TestNode.schedule("s" + i, "pl-" + i, T0, T0));
        }
        ManualExecutor ex = new ManualExecutor();
        SchedulerConfig ahead = new SchedulerConfig("n", 2, 50, Duration.ofSeconds(5), Duration.ofMinutes(5),
                Duration.ofMinutes(1), Duration.ofMinutes(1), Duration.ZERO, RetryPolicy.DEFAULT,
                Housekeeping.DEFAULT, 3);
        TestNode n = new TestNode("n", store, clock, ahead, ex);

        assertThat(n.scheduler.runDueOnce()).as("2 workers × 3").isEqualTo(6);
        assertThat(n.scheduler.runDueOnce()).as("full until runs end").isZero();
        assertThat(store.executions().listByStatus(ExecutionStatus.RUNNING, 10)).as("started together").hasSize(6);
        ex.runAll();
        assertThat(n.scheduler.runDueOnce()).isEqualTo(4);
        ex.runAll();

        for (int i = 0; i < 10; i++) {
            assertThat(executions("s" + i)).singleElement().extracting(Execution::status)
                    .isEqualTo(ExecutionStatus.SUCCESS);
            assertThat(schedule("s" + i).nextRunAt()).isEqualTo(T0.plus(HOUR));
        }
        assertThat(store.schedules().listLeases()).isEmpty();
    }

    @Test
    void aClaimThatWasNeverStartedRunsOnceAfterItsLeaseExpires() {
        save(TestNode.schedule("s1", "pl-1", T0, T0));
        ManualExecutor eb = new ManualExecutor();
        TestNode b = node("node-b", 2, eb);
        // node-a claimed and died before it recorded the start
        assertThat(store.schedules().claimDue("node-a", T0, Duration.ofMinutes(5), 1)).hasSize(1);
        clock.advance(Duration.ofMinutes(6));
        drain(List.of(b), List.of(eb));

        assertThat(executions("s1")).singleElement().satisfies(e -> {
            assertThat(e.status()).isEqualTo(ExecutionStatus.SUCCESS);
            assertThat(e.startedAt()).isEqualTo(T0.plus(Duration.ofMinutes(6)));
        });
        assertThat(schedule("s1").nextRunAt()).isEqualTo(T0.plus(Duration.ofMinutes(66)));
    }

    @Test
    void heartbeatsKeepALongRunAliveAcrossTheLeaseDuration() {
        save(TestNode.schedule("s1", "pl-1", T0, T0));
        ManualExecutor ea = new ManualExecutor();
        TestNode a = node("node-a", 2, ea);
        TestNode b = node("node-b", 2, new ManualExecutor());
        a.scheduler.runDueOnce(); // claimed, queued (a long run in progress, as far as the store can tell)

        for (int minute = 1; minute <= 20; minute++) {
            clock.advance(Duration.ofMinutes(1));
            assertThat(a.scheduler.heartbeat()).isEqualTo(1);
            assertThat(b.scheduler.recoverExpiredLeases()).isZero();
        }
        assertThat(store.schedules().listLeases()).singleElement()
                .satisfies(l -> assertThat(l.owner()).isEqualTo("node-a"));
        ea.runAll();
        assertThat(executions("s1")).singleElement().extracting(Execution::status).isEqualTo(ExecutionStatus.SUCCESS);
    }

    @Test
    void aMissedScheduleRunsOnceNotOncePerMissedSlot() {
        save(TestNode.schedule("s1", "pl-1", T0, T0));
        ManualExecutor ex = new ManualExecutor();
        TestNode n = node("n", 2, ex);

        clock.set(T0.plus(Duration.ofHours(5)).plusSeconds(17)); // the host was down for five slots
        drain(List.of(n), List.of(ex));

        assertThat(executions("s1")).hasSize(1);
        assertThat(schedule("s1").nextRunAt()).isEqualTo(T0.plus(Duration.ofHours(6)).plusSeconds(17));
        assertThat(n.scheduler.runDueOnce()).isZero();
    }

    @Test
    void misfirePolicySkipWaitsForTheNextSlotWithoutRunning() {
        Trigger hourly = Trigger.cron("0 * * * *", "UTC");
        save(TestNode.schedule("late", "pl-1", hourly, MisfirePolicy.SKIP, T0, T0),
                TestNode.schedule("on-time", "pl-2", hourly, MisfirePolicy.SKIP, T0.plus(Duration.ofHours(5)), T0));
        ManualExecutor ex = new ManualExecutor();
        TestNode n = node("n", 2, ex);

        clock.set(T0.plus(Duration.ofHours(5)).plusSeconds(30)); // 5 h late, and 30 s late (within 1 minute)
        drain(List.of(n), List.of(ex));

        assertThat(executions("late")).isEmpty();
        assertThat(schedule("late").nextRunAt()).isEqualTo(T0.plus(Duration.ofHours(6)));
        assertThat(executions("on-time")).hasSize(1);
        assertThat(schedule("on-time").nextRunAt()).isEqualTo(T0.plus(Duration.ofHours(6)));
    }

    @Test
    void aTransientFailureIsRetriedWithBackoffAsSeparateExecutions() {
        save(TestNode.schedule("s1", "pl-1", T0, T0));
        ManualExecutor ex = new ManualExecutor();
        TestNode n = node("n", 2, ex);
        n.behaviours.put("s1", Behaviour.FAIL_TRANSIENT);

        drain(List.of(n), List.of(ex));
        Execution first = executions("s1").get(0);
        assertThat(first.status()).isEqualTo(ExecutionStatus.FAILED);
        assertThat(first.details()).containsEntry(ExecutionEngine.DETAIL_TRANSIENT_FAILURE, true);
        assertThat(schedule("s1").nextRunAt()).isEqualTo(T0.plus(Duration.ofMinutes(1)));

        clock.advance(Duration.ofMinutes(1));
        drain(List.of(n), List.of(ex));
        assertThat(schedule("s1").nextRunAt()).isEqualTo(T0.plus(Duration.ofMinutes(3))); // backoff doubled

        n.behaviours.put("s1", Behaviour.SUCCEED);
        clock.advance(Duration.ofMinutes(2));
        drain(List.of(n), List.of(ex));

        assertThat(executions("s1")).extracting(Execution::attempt, Execution::triggerSource, Execution::status)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(3, TriggerSource.RETRY, ExecutionStatus.SUCCESS),
                        org.assertj.core.groups.Tuple.tuple(2, TriggerSource.RETRY, ExecutionStatus.FAILED),
                        org.assertj.core.groups.Tuple.tuple(1, TriggerSource.SCHEDULER, ExecutionStatus.FAILED));
        assertThat(schedule("s1").nextRunAt()).isEqualTo(T0.plus(Duration.ofMinutes(63)));
    }

    @Test
    void retriesStopAfterTheLastAttemptAndTheNextSlotStartsAgainAtOne() {
        save(TestNode.schedule("s1", "pl-1", T0, T0));
        ManualExecutor ex = new ManualExecutor();
        TestNode n = node("n", 2, ex);
        n.behaviours.put("s1", Behaviour.FAIL_TRANSIENT);

        for (int i = 0; i < 3; i++) {
            clock.set(schedule("s1").nextRunAt());
            drain(List.of(n), List.of(ex));
        }
        assertThat(executions("s1")).extracting(Execution::attempt).containsExactly(3, 2, 1);
        Instant lastEnd = T0.plus(Duration.ofMinutes(3));
        assertThat(schedule("s1").nextRunAt()).isEqualTo(lastEnd.plus(HOUR));

        n.behaviours.put("s1", Behaviour.SUCCEED);
        clock.set(lastEnd.plus(HOUR));
        drain(List.of(n), List.of(ex));
        assertThat(executions("s1").get(0).attempt()).isEqualTo(1);
        assertThat(executions("s1").get(0).triggerSource()).isEqualTo(TriggerSource.SCHEDULER);
    }

    @Test
    void aUserVisibleFailureIsNotRetriedByDefault() {
        save(TestNode.schedule("s1", "pl-1", T0, T0));
        ManualExecutor ex = new ManualExecutor();
        TestNode n = node("n", 2, ex);
        n.behaviours.put("s1", Behaviour.FAIL_PERMANENT);

        drain(List.of(n), List.of(ex));

        assertThat(executions("s1")).singleElement().satisfies(e -> {
            assertThat(e.status()).isEqualTo(ExecutionStatus.FAILED);
            assertThat(e.details()).doesNotContainKey(ExecutionEngine.DETAIL_TRANSIENT_FAILURE);
        });
        assertThat(schedule("s1").nextRunAt()).isEqualTo(T0.plus(HOUR));
    }

    @Test
    void closeWaitsForARunningJobAndLeavesNothingRunning() throws Exception {
        save(TestNode.schedule("s1", "pl-1", T0, T0));
        TestNode n = new TestNode("n", store, clock, TestNode.config("n", 2), null); // real worker threads
        n.defaultBehaviour = Behaviour.BLOCK;
        assertThat(n.scheduler.runDueOnce()).isEqualTo(1);
        assertThat(n.blockedStarted.await(30, TimeUnit.SECONDS)).isTrue();

        CompletableFuture<Boolean> closed = CompletableFuture.supplyAsync(() -> n.scheduler.close(Duration.ofSeconds(30)));
        n.unblock.countDown();

        assertThat(closed.get(30, TimeUnit.SECONDS)).isTrue();
        assertThat(executions("s1")).singleElement().extracting(Execution::status).isEqualTo(ExecutionStatus.SUCCESS);
        assertThat(store.executions().listByStatus(ExecutionStatus.RUNNING, 10)).isEmpty();
        assertThat(store.schedules().listLeases()).isEmpty();
        assertThat(n.scheduler.runDueOnce()).isZero();
    }

    @Test
    void closeAfterItsTimeoutAbandonsTheRunReschedulesItAndLeavesNothingRunning() throws Exception {
        save(TestNode.schedule("s1", "pl-1", T0, T0));
        // the test's own pool, so it can wait for the blocked job to end before the store is closed and its
        // folder deleted (the job still records its outcome after it is unblocked)
        java.util.concurrent.ExecutorService workers = java.util.concurrent.Executors.newFixedThreadPool(2);
        TestNode n = new TestNode("n", store, clock, TestNode.config("n", 2), workers);
        n.defaultBehaviour = Behaviour.BLOCK;
        n.scheduler.runDueOnce();
        assertThat(n.blockedStarted.await(30, TimeUnit.SECONDS)).isTrue();
        clock.advance(Duration.ofSeconds(10));

        assertThat(n.scheduler.close(Duration.ZERO)).isFalse();

        assertThat(executions("s1")).singleElement().satisfies(e -> {
            assertThat(e.status()).isNotEqualTo(ExecutionStatus.RUNNING);
            assertThat(e.status().isFinal()).isTrue();
        });
        assertThat(store.executions().listByStatus(ExecutionStatus.RUNNING, 10)).isEmpty();
        assertThat(store.schedules().listLeases()).isEmpty();
        assertThat(schedule("s1").nextRunAt()).isAfter(T0);
        n.unblock.countDown();
        workers.shutdown();
        assertThat(workers.awaitTermination(30, TimeUnit.SECONDS)).isTrue();
    }

    @Test
    void closeReleasesClaimsThatHadNotStartedWithTheirSlotStillDue() {
        save(TestNode.schedule("s1", "pl-1", T0, T0), TestNode.schedule("s2", "pl-2", T0, T0));
        ManualExecutor ex = new ManualExecutor();
        TestNode n = node("n", 4, ex);
        assertThat(n.scheduler.runDueOnce()).isEqualTo(2);

        assertThat(n.scheduler.close(Duration.ZERO)).isTrue();
        ex.runAll(); // the queued tasks find themselves cancelled

        assertThat(executions("s1")).as("its start was recorded; its end says it did not run").singleElement()
                .satisfies(e -> {
                    assertThat(e.status()).isEqualTo(ExecutionStatus.SKIPPED);
                    assertThat(e.details()).containsEntry(ExecutionEngine.DETAIL_NOT_RUN, true);
                });
        assertThat(n.runs.get()).isZero();
        assertThat(store.schedules().listLeases()).isEmpty();
        assertThat(schedule("s1").nextRunAt()).isEqualTo(T0);
        assertThat(store.schedules().findDue(T0, 10)).hasSize(2);
    }

    @Test
    void staleRunningExecutionsAreReconciledAtStartUp() {
        save(TestNode.schedule("s1", "pl-1", T0.plus(HOUR), T0), TestNode.schedule("s2", "pl-2", T0, T0));
        store.executions().save(running("dead", "s1", T0.minusSeconds(30), TriggerSource.SCHEDULER));
        store.executions().save(running("fresh-manual", "s1", T0.minusSeconds(30), TriggerSource.MANUAL));
        // s2 runs right now on another, live node
        ScheduleClaim live = store.schedules().claimDue("other-node", T0, Duration.ofMinutes(5), 10).get(0);
        store.executions().save(running("live", "s2", T0, TriggerSource.SCHEDULER));

        TestNode n = node("n", 2, new ManualExecutor());
        n.scheduler.start();
        try {
            assertThat(store.executions().find("dead").orElseThrow().status()).isEqualTo(ExecutionStatus.ABANDONED);
            assertThat(store.executions().find("dead").orElseThrow().errorMessage()).contains("no live scheduler lease");
            assertThat(store.executions().find("fresh-manual").orElseThrow().status())
                    .isEqualTo(ExecutionStatus.RUNNING);
            assertThat(store.executions().find("live").orElseThrow().status()).isEqualTo(ExecutionStatus.RUNNING);
            assertThat(store.schedules().listLeases()).extracting(ScheduleClaim::token).contains(live.token());
        } finally {
            n.scheduler.close(Duration.ZERO);
        }
    }

    @Test
    void aRestartedNodeRecoversTheLeasesItHeldBeforeWithoutWaitingForExpiry() {
        save(TestNode.schedule("s1", "pl-1", T0, T0));
        ManualExecutor before = new ManualExecutor();
        TestNode first = node("n", 2, before);
        first.defaultBehaviour = Behaviour.KILL_NODE;
        first.scheduler.runDueOnce();
        assertThatThrownBy(before::runAll).isInstanceOf(TestNode.NodeKilled.class);

        TestNode restarted = node("n", 2, new ManualExecutor());
        assertThat(restarted.scheduler.reconcileStaleRuns()).isZero(); // the lease was recovered, and its run with it

        assertThat(executions("s1")).singleElement().extracting(Execution::status)
                .isEqualTo(ExecutionStatus.ABANDONED);
        assertThat(store.schedules().listLeases()).isEmpty();
        assertThat(schedule("s1").nextRunAt()).isEqualTo(T0.plus(HOUR));
    }

    @Test
    void anOperatorTriggerRunsNowAsManualAndKeepsTheNextRun() throws Exception {
        save(TestNode.schedule("s1", "pl-1", T0.plus(Duration.ofMinutes(30)), T0));
        ManualExecutor ex = new ManualExecutor();
        TestNode n = node("n", 2, ex);

        Optional<CompletableFuture<Optional<Execution>>> run = n.scheduler.trigger("s1");
        assertThat(run).isPresent();
        assertThat(n.scheduler.trigger("s1")).isEmpty(); // already running
        ex.runAll();

        Execution done = run.get().get(1, TimeUnit.SECONDS).orElseThrow();
        assertThat(done.triggerSource()).isEqualTo(TriggerSource.MANUAL);
        assertThat(done.status()).isEqualTo(ExecutionStatus.SUCCESS);
        assertThat(schedule("s1").nextRunAt()).isEqualTo(T0.plus(Duration.ofMinutes(30)));
        assertThat(store.schedules().listLeases()).isEmpty();
        assertThatThrownBy(() -> n.scheduler.trigger("missing")).isInstanceOf(NotFoundException.class);
    }

    @Test
    void pausedSchedulesAreNotRunAndResumeFromNow() {
        save(TestNode.schedule("s1", "pl-1", T0, T0));
        ManualExecutor ex = new ManualExecutor();
        TestNode n = node("n", 2, ex);

        assertThat(n.scheduler.pause("s1").enabled()).isFalse();
        clock.advance(Duration.ofMinutes(90));
        drain(List.of(n), List.of(ex));
        assertThat(executions("s1")).isEmpty();
        assertThat(n.scheduler.jobs(null)).singleElement().satisfies(j -> {
            assertThat(j.paused()).isTrue();
            assertThat(j.running()).isFalse();
        });

        Schedule resumed = n.scheduler.resume("s1");
        assertThat(resumed.enabled()).isTrue();
        assertThat(resumed.nextRunAt()).isEqualTo(T0.plus(Duration.ofMinutes(150)));
        drain(List.of(n), List.of(ex));
        assertThat(executions("s1")).isEmpty();
    }

    @Test
    void jobsShowWhichNodeIsRunningWhat() {
        save(TestNode.schedule("s1", "pl-1", T0, T0), TestNode.schedule("s2", "pl-2", T0.plus(HOUR), T0));
        TestNode n = node("node-x", 2, new ManualExecutor());
        n.scheduler.runDueOnce();

        Map<String, dev.shuffify.model.ScheduleState> jobs = n.scheduler.jobs(null).stream()
                .collect(Collectors.toMap(j -> j.schedule().id(), j -> j));
        assertThat(jobs.get("s1").running()).isTrue();
        assertThat(jobs.get("s1").runningOn()).isEqualTo("node-x");
        assertThat(jobs.get("s1").leaseExpiresAt()).isEqualTo(T0.plus(Duration.ofMinutes(5)));
        assertThat(jobs.get("s2").running()).isFalse();
        assertThat(jobs.get("s2").schedule().nextRunAt()).isEqualTo(T0.plus(HOUR));
    }

    @Test
    void housekeepingPrunesHistoryByAgeAndCount() {
        save(TestNode.schedule("s1", "pl-1", T0.plus(HOUR), T0));
        for (int i = 0; i < 6; i++) {
            Instant at = T0.minus(Duration.ofDays(100)).plus(Duration.ofDays(20L * i));
            store.executions().save(running("e" + i, "s1", at, TriggerSource.SCHEDULER)
                    .ended(at.plusSeconds(1), ExecutionStatus.SUCCESS, null));
        }
        Housekeeping keep3 = new Housekeeping(HOUR, Duration.ofDays(90), 3, Duration.ofDays(90), 1000, 50,
                Duration.ofHours(6));
        SchedulerConfig config = new SchedulerConfig("n", 2, 10, Duration.ofSeconds(5), Duration.ofMinutes(5),
                Duration.ofMinutes(1), Duration.ofMinutes(1), Duration.ZERO, RetryPolicy.DEFAULT, keep3);
        Scheduler scheduler = new TestNode("n", store, clock, config, new ManualExecutor()).scheduler;

        assertThat(scheduler.housekeeping()).isEqualTo(1 + 2); // e0 is older than 90 days; then keep 3 of 5
        assertThat(executions("s1")).extracting(Execution::id).containsExactly("e5", "e4", "e3");
    }

    @Test
    void jitterDelaysTheNextRunByUpToTheConfiguredAmount() {
        for (int i = 0; i < 20; i++) {
            save(TestNode.schedule("s" + i, "pl-" + i, T0, T0));
        }
        ManualExecutor ex = new ManualExecutor();
        SchedulerConfig jittered = new SchedulerConfig("n", 20, 20, Duration.ofSeconds(5), Duration.ofMinutes(5),
                Duration.ofMinutes(1), Duration.ofMinutes(1), Duration.ofMinutes(10), RetryPolicy.DEFAULT,
                Housekeeping.DEFAULT);
        TestNode n = new TestNode("n", store, clock, jittered, ex);

        drain(List.of(n), List.of(ex));

        List<Instant> nexts = store.schedules().listAll().stream().map(Schedule::nextRunAt).toList();
        assertThat(nexts).allSatisfy(t -> assertThat(t).isBetween(T0.plus(HOUR), T0.plus(HOUR).plus(
                Duration.ofMinutes(10))));
        assertThat(nexts.stream().distinct().count()).isGreaterThan(1);
    }

    static Execution running(String id, String scheduleId, Instant at, TriggerSource source) {
        return new Execution(id, scheduleId, "user-" + scheduleId, TestNode.JOB_TYPE, at, null,
                ExecutionStatus.RUNNING, 0, 0, 0, null, source, 1, Map.of(), List.of());
    }
}
