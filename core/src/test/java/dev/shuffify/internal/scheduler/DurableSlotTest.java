package dev.shuffify.internal.scheduler;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import dev.shuffify.internal.engine.ExecutionEngine;
import dev.shuffify.model.Execution;
import dev.shuffify.model.ExecutionStatus;
import dev.shuffify.model.TriggerSource;
import dev.shuffify.store.ScheduleClaim;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The rules that make a slot durable: a slot is consumed only by a stored outcome, an outcome that could not be
 * stored is retried idempotently under the lease, a poll survives any store failure, and {@code start()}
 * survives a failing reconciliation.
 */
class DurableSlotTest {
    private static final Instant T0 = Instant.parse("2026-03-02T10:00:00Z");
    private static final Duration HOUR = Duration.ofHours(1);

    private final SwitchableStore db = new SwitchableStore();
    private final ManualClock clock = new ManualClock(T0);
    private final ManualExecutor workers = new ManualExecutor();
    private final TestNode node = new TestNode("n1", db.store(), clock, TestNode.config("n1", 4), workers);

    private void poll() {
        node.scheduler.runDueOnce();
        workers.runAll();
    }

    private List<Execution> executions(String scheduleId) {
        return db.healthy().executions().listBySchedule(scheduleId, 100);
    }

    @Test
    void aFailedStartTransactionLeavesTheSlotDueAndItRunsOnceLater() {
        db.healthy().schedules().save(TestNode.schedule("s1", "pl-1", T0, T0));
        db.fail("claimAndStartRuns"); // the transaction that claims and records the starts

        poll();

        assertThat(node.runs.get()).isZero();
        assertThat(db.healthy().schedules().find("s1").orElseThrow().nextRunAt()).isEqualTo(T0);
        assertThat(db.healthy().schedules().listLeases()).as("the claim is released").isEmpty();
        assertThat(executions("s1")).isEmpty();

        db.heal();
        poll();
        assertThat(node.runs.get()).isEqualTo(1);
        assertThat(db.healthy().schedules().find("s1").orElseThrow().nextRunAt()).isEqualTo(T0.plus(HOUR));
        assertThat(executions("s1")).extracting(Execution::status).containsExactly(ExecutionStatus.SUCCESS);
    }

    @Test
    void aStartRowThatCommittedThoughReportedFailedIsEndedNotRunAndTheSlotStaysDue() {
        db.healthy().schedules().save(TestNode.schedule("s1", "pl-1", T0, T0));
        db.fail("claimAndStartRuns", SwitchableStore.When.AFTER, args -> true);

        poll();

        assertThat(node.runs.get()).isZero();
        assertThat(db.healthy().schedules().find("s1").orElseThrow().nextRunAt()).isEqualTo(T0);
        assertThat(db.healthy().schedules().listLeases()).isEmpty();
        Execution row = executions("s1").get(0);
        assertThat(row.status()).as("never 'failed' or left running: it did not run").isEqualTo(
                ExecutionStatus.SKIPPED);
        assertThat(row.details()).containsEntry(ExecutionEngine.DETAIL_NOT_RUN, true);

        db.heal();
        poll();
        assertThat(node.runs.get()).isEqualTo(1);
        assertThat(executions("s1")).extracting(Execution::status).containsExactly(ExecutionStatus.SUCCESS,
                ExecutionStatus.SKIPPED);
    }

    @Test
    void aReadFailingAfterTheStartAndBeforeTheJobLeavesNextRunUnchanged() {
        db.healthy().schedules().save(TestNode.schedule("s1", "pl-1", T0, T0));
        // the batch's read of the intents fails, and so does the run's own read before its job
        db.fail("intents.listBySchedules").fail("intents.listBySchedule");

        poll();

        assertThat(node.runs.get()).isZero();
        assertThat(db.healthy().schedules().find("s1").orElseThrow().nextRunAt()).isEqualTo(T0);
        assertThat(executions("s1")).singleElement().satisfies(e -> {
            assertThat(e.status()).isEqualTo(ExecutionStatus.SKIPPED);
            assertThat(e.details()).containsEntry(ExecutionEngine.DETAIL_NOT_RUN, true);
        });
    }

    @Test
    void anOutcomeThatCouldNotBeStoredIsRetriedUnderTheLeaseAndTheRunIsNeverAbandoned() {
        db.healthy().schedules().save(TestNode.schedule("s1", "pl-1", T0, T0));
        db.fail("completeRuns");

        poll();
        assertThat(node.runs.get()).isEqualTo(1);
        assertThat(db.healthy().schedules().find("s1").orElseThrow().nextRunAt()).as("no outcome, no move")
                .isEqualTo(T0);
        assertThat(db.healthy().schedules().listLeases()).as("the lease is held while retrying").hasSize(1);

        // longer than the lease: the heartbeat and the retries renew it, so another node does not take the run
        // for dead
        ManualExecutor otherWorkers = new ManualExecutor();
        TestNode other = new TestNode("n2", db.store(), clock, TestNode.config("n2", 4), otherWorkers);
        for (int i = 0; i < 8; i++) {
            clock.advance(Duration.ofMinutes(1));
            node.scheduler.heartbeat();
            poll();
            other.scheduler.runDueOnce();
            otherWorkers.runAll();
        }
        assertThat(executions("s1")).singleElement().extracting(Execution::status).isEqualTo(
                ExecutionStatus.RUNNING);

        db.heal();
        clock.advance(Duration.ofMinutes(1));
        poll();
        assertThat(node.runs.get() + other.runs.get()).as("the job ran once").isEqualTo(1);
        assertThat(executions("s1")).singleElement().extracting(Execution::status).isEqualTo(
                ExecutionStatus.SUCCESS);
        assertThat(db.healthy().schedules().find("s1").orElseThrow().nextRunAt()).isAfter(T0);
        assertThat(db.healthy().schedules().listLeases()).isEmpty();
    }

    @Test
    void anOutcomeThatCommittedThoughReportedFailedIsNotWrittenAgain() {
        db.healthy().schedules().save(TestNode.schedule("s1", "pl-1", T0, T0));
        db.fail("completeRuns", SwitchableStore.When.AFTER, args -> true);

        poll(); // the outcome is stored, the scheduler is told it was not (three times: it retries at once)
        db.heal();
        Instant next = db.healthy().schedules().find("s1").orElseThrow().nextRunAt();
        assertThat(next).isEqualTo(T0.plus(HOUR));
        clock.advance(Duration.ofMinutes(1));
        poll(); // the retry finds execution already ended: nothing is written twice

        assertThat(db.calls("completeRuns")).as("three reported failed, then the retry").isEqualTo(4);
        assertThat(db.healthy().activity().listByUser("user-s1", 10)).as("the activity entry is not repeated")
                .hasSize(1);
        assertThat(db.healthy().schedules().find("s1").orElseThrow().nextRunAt()).isEqualTo(next);
        assertThat(executions("s1")).singleElement().extracting(Execution::status).isEqualTo(
                ExecutionStatus.SUCCESS);
        assertThat(db.healthy().schedules().listLeases()).isEmpty();
    }

    @Test
    void aRunOutsideTheSchedulerRecordsItsEndThroughTheSamePathAndTriesAgainIdempotently() {
        db.healthy().schedules().save(TestNode.schedule("s1", "pl-1", T0, T0));
        java.util.concurrent.atomic.AtomicInteger attempts = new java.util.concurrent.atomic.AtomicInteger();
        // the first write takes effect but is reported failed; the second finds the execution ended
        db.fail("completeRuns", SwitchableStore.When.AFTER, args -> attempts.getAndIncrement() == 0);

        Execution returned = node.engine.run(db.healthy().schedules().find("s1").orElseThrow(),
                TriggerSource.SCHEDULER, 1);

        assertThat(returned.status()).isEqualTo(ExecutionStatus.SUCCESS);
        assertThat(db.calls("completeRuns")).as("one reported failed, then one that found it recorded")
                .isEqualTo(2);
        assertThat(db.calls("recordOutcome")).as("the outcome path, not a write of its own").isZero();
        assertThat(db.healthy().schedules().find("s1").orElseThrow().nextRunAt()).isEqualTo(T0.plus(HOUR));
        assertThat(db.healthy().executions().find(returned.id()).orElseThrow().status())
                .isEqualTo(ExecutionStatus.SUCCESS);
        assertThat(db.healthy().activity().listByUser("user-s1", 10)).as("the activity entry is not repeated")
                .hasSize(1);
        assertThat(db.healthy().intents().list(10)).isEmpty();
    }

    @Test
    void aRunOutsideTheSchedulerWhoseEndCannotBeStoredStaysRunningForHousekeeping() {
        db.healthy().schedules().save(TestNode.schedule("s1", "pl-1", T0, T0));
        db.fail("completeRuns");

        Execution returned = node.engine.run(db.healthy().schedules().find("s1").orElseThrow(),
                TriggerSource.SCHEDULER, 1);

        assertThat(returned.status()).isEqualTo(ExecutionStatus.SUCCESS);
        assertThat(db.calls("completeRuns")).as("three tries at once").isEqualTo(3);
        assertThat(db.healthy().executions().find(returned.id()).orElseThrow().status())
                .isEqualTo(ExecutionStatus.RUNNING);
        assertThat(db.healthy().schedules().find("s1").orElseThrow().nextRunAt()).as("the slot is not consumed")
                .isEqualTo(T0);
    }

    @Test
    void aFailingRecoveryOfOneExpiredLeaseNeitherAbortsThePollNorBlocksClaiming() {
        db.healthy().schedules().save(TestNode.schedule("s1", "pl-1", T0, T0));
        db.healthy().schedules().save(TestNode.schedule("s2", "pl-2", T0, T0));
        List<ScheduleClaim> ghost = db.healthy().schedules().claimDue("ghost", T0, Duration.ofMinutes(5), 2);
        assertThat(ghost).hasSize(2);
        String s1Token = ghost.stream().filter(c -> c.scheduleId().equals("s1")).findFirst().orElseThrow().token();
        db.healthy().schedules().save(TestNode.schedule("s3", "pl-3", T0.plus(Duration.ofMinutes(6)), T0));
        clock.set(T0.plus(Duration.ofMinutes(6)));
        db.fail("schedules.recoverExpired", SwitchableStore.When.BEFORE, args -> s1Token.equals(args[0]));

        assertThatCode(this::poll).doesNotThrowAnyException();

        Map<String, Integer> ran = Map.of("s2", count("s2"), "s3", count("s3"));
        assertThat(ran).as("s2 recovered and run, s3 claimed and run").containsEntry("s2", 1).containsEntry("s3", 1);
        assertThat(db.healthy().schedules().listLeases()).extracting(ScheduleClaim::token).containsExactly(s1Token);

        db.heal();
        poll();
        assertThat(count("s1")).as("recovered on the next poll").isEqualTo(1);
        assertThat(db.healthy().schedules().listLeases()).isEmpty();
    }

    private int count(String scheduleId) {
        return node.jobRuns.getOrDefault(scheduleId, List.of()).size();
    }

    @Test
    void aPollWhoseStoreClaimedNothingWithoutPlanningIsQuiet() {
        // the JDBC store answers so when its claim raced another node on a target playlist
        dev.shuffify.store.InMemoryShuffifyStore real = new dev.shuffify.store.InMemoryShuffifyStore();
        real.schedules().save(TestNode.schedule("s1", "pl-1", T0, T0));
        dev.shuffify.store.ShuffifyStore racing = (dev.shuffify.store.ShuffifyStore) java.lang.reflect.Proxy
                .newProxyInstance(getClass().getClassLoader(), new Class<?>[] {dev.shuffify.store.ShuffifyStore.class},
                        (proxy, method, args) -> method.getName().equals("claimAndStartRuns")
                                ? new dev.shuffify.store.ClaimedStarts(List.of(), List.of())
                                : method.invoke(real, args));
        TestNode racer = new TestNode("n2", racing, clock, TestNode.config("n2", 4), workers);

        assertThat(racer.scheduler.runDueOnce()).isZero();
        assertThat(racer.runs.get()).isZero();
        assertThat(real.schedules().listLeases()).isEmpty();
    }

    @Test
    void aPollSurvivesEveryStoreStepFailing() {
        db.healthy().schedules().save(TestNode.schedule("s1", "pl-1", T0, T0));
        db.fail("schedules.findExpired").fail("schedules.claimDue").fail("claimAndStartRuns");

        assertThatCode(() -> node.scheduler.runDueOnce()).doesNotThrowAnyException();

        db.heal();
        poll();
        assertThat(node.runs.get()).isEqualTo(1);
    }

    @Test
    void startSucceedsWhenReconciliationFailsAndTheLoopRetriesIt() {
        SchedulerConfig slow = new SchedulerConfig("n1", 2, 2, Duration.ofHours(1), Duration.ofMinutes(5),
                Duration.ofMinutes(1), Duration.ofMinutes(1), Duration.ZERO, RetryPolicy.DEFAULT,
                Housekeeping.DEFAULT);
        TestNode started = new TestNode("n1", db.store(), clock, slow, new ManualExecutor());
        Execution stale = SchedulerContract.running("stale", "s9", T0.minus(HOUR), TriggerSource.SCHEDULER);
        db.healthy().executions().save(stale);
        db.fail("executions.listByStatus");
        try {
            assertThatCode(started.scheduler::start).doesNotThrowAnyException();
            assertThat(started.scheduler.isRunning()).isTrue();
            assertThat(db.healthy().executions().find("stale").orElseThrow().status())
                    .isEqualTo(ExecutionStatus.RUNNING);

            db.heal();
            started.scheduler.runDueOnce(); // what the loop does on each poll: reconciles first, until it works
            assertThat(db.healthy().executions().find("stale").orElseThrow().status())
                    .isEqualTo(ExecutionStatus.ABANDONED);
        } finally {
            started.scheduler.close(Duration.ofSeconds(5));
        }
    }
}
