package dev.shuffify.internal.scheduler;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** The figures the scheduler gives the health check: its last successful poll and the claims it holds. */
class SchedulerHealthFiguresTest {
    private static final Instant T0 = Instant.parse("2026-03-02T10:00:00Z");

    private final SwitchableStore db = new SwitchableStore();
    private final ManualClock clock = new ManualClock(T0);
    private final ManualExecutor workers = new ManualExecutor();
    private final TestNode node = new TestNode("n1", db.store(), clock, TestNode.config("n1", 4), workers);

    @Test
    void noPollHasSucceededBeforeTheFirstOne() {
        assertThat(node.scheduler.lastSuccessfulPoll()).isNull();
        assertThat(node.scheduler.claimsHeld()).isZero();
    }

    @Test
    void aPollThatMeetsNoStoreFailureIsRecordedAtItsEnd() {
        node.scheduler.runDueOnce();
        assertThat(node.scheduler.lastSuccessfulPoll()).isEqualTo(T0);

        clock.advance(Duration.ofSeconds(5));
        node.scheduler.runDueOnce();
        assertThat(node.scheduler.lastSuccessfulPoll()).isEqualTo(T0.plusSeconds(5));
    }

    @Test
    void aPollThatMeetsAStoreFailureKeepsTheLastSuccessfulOne() {
        node.scheduler.runDueOnce();
        db.fail("claimAndStartRuns");
        clock.advance(Duration.ofSeconds(5));

        node.scheduler.runDueOnce();

        assertThat(node.scheduler.lastSuccessfulPoll()).isEqualTo(T0);
        db.heal();
        clock.advance(Duration.ofSeconds(60));
        node.scheduler.runDueOnce();
        assertThat(node.scheduler.lastSuccessfulPoll()).isEqualTo(T0.plusSeconds(65));
    }

    @Test
    void claimsHeldCountsTheClaimsQueuedOnThePoolUntilTheirRunsEnd() {
        db.healthy().schedules().save(TestNode.schedule("s1", "pl-1", T0, T0));
        db.healthy().schedules().save(TestNode.schedule("s2", "pl-2", T0, T0));
        db.healthy().schedules().save(TestNode.schedule("s3", "pl-3", T0.plusSeconds(60), T0));

        node.scheduler.runDueOnce();

        assertThat(node.scheduler.claimsHeld()).isEqualTo(2);
        workers.runAll();
        assertThat(node.runs.get()).isEqualTo(2);
        assertThat(node.scheduler.claimsHeld()).isZero();
    }
}
