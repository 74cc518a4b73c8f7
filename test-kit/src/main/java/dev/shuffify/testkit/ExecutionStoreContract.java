package dev.shuffify.testkit;

import static dev.shuffify.testkit.StoreFixtures.T0;
import static dev.shuffify.testkit.StoreFixtures.finished;
import static dev.shuffify.testkit.StoreFixtures.running;
import static dev.shuffify.testkit.StoreFixtures.schedule;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import dev.shuffify.model.Account;
import dev.shuffify.model.AccountHealth;
import dev.shuffify.model.Activity;
import dev.shuffify.model.Execution;
import dev.shuffify.model.ExecutionStatus;
import dev.shuffify.model.JobIntent;
import dev.shuffify.model.Schedule;
import dev.shuffify.model.TriggerSource;
import dev.shuffify.model.UserSettings;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import dev.shuffify.store.ClaimedStarts;
import dev.shuffify.store.RunCompletion;
import dev.shuffify.store.RunStart;
import dev.shuffify.store.ScheduleClaim;
import dev.shuffify.store.ShuffifyStore;

/**
 * The executions and batched run starts and ends of the {@link dev.shuffify.store.ShuffifyStore}
 * contract (with {@link ScheduleLeaseContract}).
 *
 * @since 0.2.0
 */
public abstract class ExecutionStoreContract extends ScheduleLeaseContract {
    /** A base for the suites; a store implementation extends {@link ShuffifyStoreContract}. */
    protected ExecutionStoreContract() {
    }

    // ---- executions ------------------------------------------------------------------------------------

    @Test
    void executionRoundTripsEveryField() {
        Execution e = new Execution("e1", "s1", "alice", "raid+shuffle", T0, T0.plusSeconds(2),
                ExecutionStatus.FAILED_ROLLED_BACK, 5, 2, 100, "x".repeat(1500), TriggerSource.RETRY, 3,
                Map.of("sources", Map.of("playlist", 4), "moved", List.of("spotify:track:1", "spotify:track:2")),
                List.of("source 'x' skipped", "second"));
        store.executions().save(e);
        store.executions().save(running("e2", "s1", T0));

        assertThat(store.executions().find("e1")).contains(e);
        assertThat(store.executions().find("e2")).contains(running("e2", "s1", T0));
        assertThat(store.executions().find("missing")).isEmpty();
    }

    @Test
    void listsExecutionsOfAScheduleNewestFirst() {
        store.executions().save(finished("old", "s1", T0, ExecutionStatus.SUCCESS));
        store.executions().save(finished("tie-1", "s1", T0.plusSeconds(10), ExecutionStatus.SUCCESS));
        store.executions().save(finished("tie-2", "s1", T0.plusSeconds(10), ExecutionStatus.FAILED));
        store.executions().save(finished("other", "s2", T0.plusSeconds(20), ExecutionStatus.SUCCESS));

        assertThat(store.executions().listBySchedule("s1", 10)).extracting(Execution::id)
                .containsExactly("tie-2", "tie-1", "old");
        assertThat(store.executions().listBySchedule("s1", 1)).extracting(Execution::id).containsExactly("tie-2");
    }

    @Test
    void listsExecutionsByStatusOldestFirstAndCountsThem() {
        store.executions().save(running("r2", "s1", T0.plusSeconds(5)));
        store.executions().save(running("r1", "s2", T0));
        store.executions().save(finished("ok", "s1", T0, ExecutionStatus.SUCCESS));
        store.executions().save(finished("bad", "s1", T0, ExecutionStatus.FAILED));
        store.executions().save(finished("bad2", "s1", T0, ExecutionStatus.FAILED));

        assertThat(store.executions().listByStatus(ExecutionStatus.RUNNING, 10)).extracting(Execution::id)
                .containsExactly("r1", "r2");
        assertThat(store.executions().countByStatus()).containsOnly(Map.entry(ExecutionStatus.RUNNING, 2L),
                Map.entry(ExecutionStatus.SUCCESS, 1L), Map.entry(ExecutionStatus.FAILED, 2L));
    }

    @Test
    void saveIfRunningEndsARunOnlyOnce() {
        store.executions().save(running("e1", "s1", T0));
        Execution abandoned = running("e1", "s1", T0).ended(T0.plusSeconds(9), ExecutionStatus.ABANDONED, "gone");
        Execution success = finished("e1", "s1", T0, ExecutionStatus.SUCCESS);

        assertThat(store.executions().saveIfRunning(abandoned)).isTrue();
        assertThat(store.executions().saveIfRunning(success)).isFalse();
        assertThat(store.executions().saveIfRunning(finished("missing", "s1", T0, ExecutionStatus.SUCCESS)))
                .isFalse();
        assertThat(store.executions().find("e1")).contains(abandoned);
        assertThat(store.executions().find("missing")).isEmpty();
    }

    @Test
    void deletesFinishedExecutionsBeforeACutoff() {
        store.executions().save(finished("old", "s1", T0, ExecutionStatus.SUCCESS));
        store.executions().save(finished("new", "s1", T0.plusSeconds(100), ExecutionStatus.SUCCESS));
        store.executions().save(running("run", "s1", T0.minusSeconds(100)));

        assertThat(store.executions().deleteFinishedBefore(T0.plusSeconds(50))).isEqualTo(1);
        assertThat(store.executions().listBySchedule("s1", 10)).extracting(Execution::id)
                .containsExactly("new", "run");
    }

    @Test
    void prunesExecutionsPerScheduleKeepingTheNewestAndRunningOnes() {
        for (int i = 0; i < 5; i++) {
            store.executions().save(finished("a" + i, "a", T0.plusSeconds(i), ExecutionStatus.SUCCESS));
            store.executions().save(finished("b" + i, "b", T0.plusSeconds(i), ExecutionStatus.SUCCESS));
        }
        store.executions().save(running("a-run", "a", T0.minusSeconds(10)));

        assertThat(store.executions().pruneSchedule("a", 3)).isEqualTo(2);
        assertThat(store.executions().listBySchedule("a", 10)).extracting(Execution::id)
                .containsExactly("a4", "a3", "a2", "a-run");
        assertThat(store.executions().pruneEachSchedule(2)).isEqualTo(4);
        assertThat(store.executions().listBySchedule("a", 10)).extracting(Execution::id)
                .containsExactly("a4", "a3", "a-run");
        assertThat(store.executions().listBySchedule("b", 10)).extracting(Execution::id).containsExactly("b4", "b3");
    }

    // ---- batched starts and ends of runs ---------------------------------------------------------------

    @Test
    void startRunsRecordsEachRunningExecutionAndLeasesItsPlaylists() {
        Instant until = T0.plus(Duration.ofMinutes(30));
        List<java.util.Optional<String>> busy = store.startRuns(List.of(
                new RunStart(running("e1", "s1", T0), List.of("pl-a", "pl-b"), until),
                new RunStart(running("e2", "s2", T0), List.of("pl-c"), until),
                new RunStart(running("e3", "s3", T0), List.of(), until)));

        assertThat(busy).containsExactly(java.util.Optional.empty(), java.util.Optional.empty(),
                java.util.Optional.empty());
        assertThat(store.executions().find("e1")).contains(running("e1", "s1", T0));
        assertThat(store.executions().find("e3")).isPresent();
        assertThat(store.playlistLeases().holder("pl-a", T0)).contains("e1");
        assertThat(store.playlistLeases().holder("pl-b", T0)).contains("e1");
        assertThat(store.playlistLeases().holder("pl-c", T0)).contains("e2");
    }

    @Test
    void aRunOneOfWhosePlaylistsARunningExecutionHoldsGetsNoneOfItsLeases() {
        Instant until = T0.plus(Duration.ofMinutes(30));
        store.startRuns(List.of(new RunStart(running("e1", "s1", T0), List.of("pl-b"), until)));

        List<java.util.Optional<String>> busy = store.startRuns(List.of(
                new RunStart(running("e2", "s2", T0), List.of("pl-a", "pl-b"), until),
                new RunStart(running("e3", "s3", T0), List.of("pl-a"), until)));

        assertThat(busy).containsExactly(java.util.Optional.of("pl-b"), java.util.Optional.empty());
        assertThat(store.executions().find("e2")).as("recorded all the same").isPresent();
        assertThat(store.playlistLeases().holder("pl-b", T0)).contains("e1");
        assertThat(store.playlistLeases().holder("pl-a", T0)).as("given back, then taken by the next run")
                .contains("e3");
    }

    @Test
    void startRunsTakesOverALeaseWhoseHolderEndedOrExpired() {
        Instant until = T0.plus(Duration.ofMinutes(30));
        store.startRuns(List.of(new RunStart(running("e1", "s1", T0), List.of("pl-a"), until),
                new RunStart(running("e2", "s2", T0), List.of("pl-b"), T0.plusSeconds(10))));
        store.executions().save(finished("e1", "s1", T0, ExecutionStatus.SUCCESS)); // ended, lease left behind

        Instant later = T0.plusSeconds(20); // e2's lease expired, e2 still running
        List<java.util.Optional<String>> busy = store.startRuns(List.of(
                new RunStart(running("e3", "s3", later), List.of("pl-a", "pl-b"), later.plusSeconds(60))));

        assertThat(busy).containsExactly(java.util.Optional.empty());
        assertThat(store.playlistLeases().holder("pl-a", later)).contains("e3");
        assertThat(store.playlistLeases().holder("pl-b", later)).contains("e3");
    }

    @Test
    void claimAndStartRunsClaimsAndRecordsTheStartsThePlanMakes() {
        store.schedules().save(schedule("s1", "alice", "pl-1", T0));
        store.schedules().save(schedule("s2", "alice", "pl-2", T0.plusSeconds(1)));
        store.schedules().save(schedule("s3", "alice", "pl-3", T0.plusSeconds(2)));
        store.startRuns(List.of(new RunStart(running("e0", "other", T0), List.of("pl-2"), T0.plusSeconds(60))));
        List<List<String>> seen = new java.util.ArrayList<>();

        ClaimedStarts result = store.claimAndStartRuns("node-a", T0.plusSeconds(5), LEASE, 10, claims -> {
            seen.add(claims.stream().map(ScheduleClaim::scheduleId).toList());
            // s3 gets no start (as a claim a misfire policy skips)
            return List.of(new RunStart(running("e1", "s1", T0.plusSeconds(5)), List.of("pl-1"), T0.plusSeconds(60)),
                    new RunStart(running("e2", "s2", T0.plusSeconds(5)), List.of("pl-2"), T0.plusSeconds(60)));
        });

        assertThat(seen).containsExactly(List.of("s1", "s2", "s3"));
        assertThat(result.claims()).extracting(ScheduleClaim::scheduleId).containsExactly("s1", "s2", "s3");
        assertThat(result.busy()).containsExactly(java.util.Optional.empty(), java.util.Optional.of("pl-2"));
        assertThat(store.schedules().listLeases()).hasSize(3);
        assertThat(store.executions().find("e1")).contains(running("e1", "s1", T0.plusSeconds(5)));
        assertThat(store.playlistLeases().holder("pl-1", T0.plusSeconds(5))).contains("e1");
        assertThat(store.playlistLeases().holder("pl-2", T0.plusSeconds(5))).contains("e0");
    }

    @Test
    void aPlanThatThrowsClaimsAndStartsNothing() {
        store.schedules().save(schedule("s1", "alice", "pl-1", T0));

        assertThatThrownBy(() -> store.claimAndStartRuns("node-a", T0, LEASE, 10, claims -> {
            throw new IllegalStateException("the plan failed");
        })).hasMessageContaining("the plan failed");

        assertThat(store.schedules().listLeases()).isEmpty();
        assertThat(store.schedules().claimDue("node-b", T0, LEASE, 10)).extracting(ScheduleClaim::scheduleId)
                .containsExactly("s1");
    }

    @Test
    void completeRunsRecordsTheOutcomeTheActivityAndReleasesEveryLease() {
        store.schedules().save(schedule("s1", "alice", "pl-1", T0));
        ScheduleClaim claim = store.schedules().claimDue("node-a", T0, LEASE, 1).get(0);
        store.startRuns(List.of(new RunStart(running("e1", "s1", T0), List.of("pl-1", "pl-2"),
                T0.plus(Duration.ofMinutes(30)))));
        store.intents().save(intent("e1", "s1", T0));
        Execution done = finished("e1", "s1", T0, ExecutionStatus.SUCCESS);
        Activity entry = activity("a1", "alice", T0.plusSeconds(1));
        Instant next = T0.plus(Duration.ofHours(1));

        store.completeRuns(List.of(new RunCompletion(done, current -> current.withOutcome(done.completedAt(),
                done.status(), null, next), claim.token(), 0, entry, List.of("pl-1", "pl-2"))));

        assertThat(store.executions().find("e1")).contains(done);
        Schedule after = store.schedules().find("s1").orElseThrow();
        assertThat(after.nextRunAt()).isEqualTo(next);
        assertThat(after.lastStatus()).isEqualTo(ExecutionStatus.SUCCESS);
        assertThat(store.schedules().listLeases()).isEmpty();
        assertThat(store.playlistLeases().holder("pl-1", T0)).isEmpty();
        assertThat(store.playlistLeases().holder("pl-2", T0)).isEmpty();
        assertThat(store.intents().find("e1")).isEmpty();
        assertThat(store.activity().listByUser("alice", 10)).containsExactly(entry);
    }

    @Test
    void completeRunsStoresEveryFieldAnOutcomeChangesNotOnlyTheOutcomeFields() {
        store.schedules().save(schedule("s1", "alice", "pl-1", T0));
        store.schedules().save(schedule("s2", "alice", "pl-2", T0));
        List<ScheduleClaim> claims = store.schedules().claimDue("node-a", T0, LEASE, 2);
        store.startRuns(List.of(new RunStart(running("e1", "s1", T0), List.of(), T0.plusSeconds(60)),
                new RunStart(running("e2", "s2", T0), List.of(), T0.plusSeconds(60))));
        Execution done1 = finished("e1", "s1", T0, ExecutionStatus.SUCCESS);
        Execution done2 = finished("e2", "s2", T0, ExecutionStatus.FAILED);
        Instant next = T0.plus(Duration.ofHours(1));

        store.completeRuns(List.of(
                new RunCompletion(done1, current -> current.withOutcome(done1.completedAt(), done1.status(), null,
                        next), token(claims, "s1"), 0, null, List.of()),
                new RunCompletion(done2, current -> current.withEnabled(false, T0.plusSeconds(5)).withOutcome(
                        done2.completedAt(), done2.status(), "it broke", null), token(claims, "s2"), 0, null,
                        List.of())));

        Schedule s1 = store.schedules().find("s1").orElseThrow();
        assertThat(s1.enabled()).isTrue();
        assertThat(s1.nextRunAt()).isEqualTo(next);
        Schedule s2 = store.schedules().find("s2").orElseThrow();
        assertThat(s2.enabled()).isFalse();
        assertThat(s2.updatedAt()).isEqualTo(T0.plusSeconds(5));
        assertThat(s2.lastStatus()).isEqualTo(ExecutionStatus.FAILED);
        assertThat(s2.lastError()).isEqualTo("it broke");
        assertThat(s2.nextRunAt()).isNull();
        assertThat(store.schedules().listLeases()).isEmpty();
    }

    @Test
    void completeRunsIsIdempotentByExecutionId() {
        store.schedules().save(schedule("s1", "alice", "pl-1", T0));
        ScheduleClaim claim = store.schedules().claimDue("node-a", T0, LEASE, 1).get(0);
        store.startRuns(List.of(new RunStart(running("e1", "s1", T0), List.of(), T0.plusSeconds(60))));
        Execution done = finished("e1", "s1", T0, ExecutionStatus.SUCCESS);
        java.util.concurrent.atomic.AtomicInteger applied = new java.util.concurrent.atomic.AtomicInteger();
        RunCompletion end = new RunCompletion(done, current -> current.withOutcome(done.completedAt(),
                done.status(), null, T0.plus(Duration.ofHours(applied.incrementAndGet()))), claim.token(), 0,
                activity("a1", "alice", T0), List.of());

        store.completeRuns(List.of(end));
        store.completeRuns(List.of(end)); // a retry of a write that took effect though reported failed

        assertThat(store.schedules().find("s1").orElseThrow().nextRunAt()).isEqualTo(T0.plus(Duration.ofHours(1)));
        assertThat(store.activity().listByUser("alice", 10)).hasSize(1);
        assertThat(store.executions().listBySchedule("s1", 10)).containsExactly(done);
    }

    @Test
    void aRunThatRanWhoseExecutionAnotherNodeEndedStillConsumesItsSlotWhenItReleasesItsLease() {
        // another node took the run for abandoned (its holder missed heartbeats) but failed before moving the
        // schedule on; the holder then records its end: the job did run, so its slot must not stay due
        store.schedules().save(schedule("s1", "alice", "pl-1", T0));
        ScheduleClaim claim = store.schedules().claimDue("node-a", T0, LEASE, 1).get(0);
        store.startRuns(List.of(new RunStart(running("e1", "s1", T0), List.of("pl-1"), T0.plusSeconds(60))));
        Execution abandoned = finished("e1", "s1", T0, ExecutionStatus.ABANDONED);
        assertThat(store.executions().saveIfRunning(abandoned)).isTrue();
        Execution done = finished("e1", "s1", T0, ExecutionStatus.SUCCESS);
        Instant next = T0.plus(Duration.ofHours(1));

        store.completeRuns(List.of(new RunCompletion(done, current -> current.withOutcome(done.completedAt(),
                done.status(), null, next), claim.token(), 0, activity("a1", "alice", T0), List.of("pl-1"))));

        assertThat(store.executions().find("e1")).as("the other node's end stands").contains(abandoned);
        assertThat(store.schedules().find("s1").orElseThrow().nextRunAt()).as("the slot is consumed")
                .isEqualTo(next);
        assertThat(store.schedules().listLeases()).isEmpty();
        assertThat(store.playlistLeases().holder("pl-1", T0)).isEmpty();
        assertThat(store.schedules().claimDue("node-b", T0.plusSeconds(1), LEASE, 1)).as("nothing due again")
                .isEmpty();
    }

    @Test
    void aRunThatRanDoesNotMoveASlotItsLeaseNoLongerCovers() {
        // the end of a run whose lease another node recovered (and the schedule claimed again since) leaves the
        // schedule to its new holder
        store.schedules().save(schedule("s1", "alice", "pl-1", T0));
        ScheduleClaim first = store.schedules().claimDue("node-a", T0, LEASE, 1).get(0);
        store.startRuns(List.of(new RunStart(running("e1", "s1", T0), List.of(), T0.plusSeconds(60))));
        assertThat(store.executions().saveIfRunning(finished("e1", "s1", T0, ExecutionStatus.ABANDONED))).isTrue();
        Instant recoveredAt = T0.plus(LEASE).plusSeconds(1);
        assertThat(store.schedules().recoverExpired(first.token(), recoveredAt, T0, T0.plus(Duration.ofHours(1)),
                0)).isTrue();
        Execution done = finished("e1", "s1", T0, ExecutionStatus.SUCCESS);

        store.completeRuns(List.of(new RunCompletion(done, current -> current.withOutcome(done.completedAt(),
                done.status(), null, T0.plus(Duration.ofHours(5))), first.token(), 0, null, List.of())));

        assertThat(store.schedules().find("s1").orElseThrow().nextRunAt()).isEqualTo(T0.plus(Duration.ofHours(1)));
    }

    @Test
    void theEndOfARunThatNeverRanLeavesTheSlotDueAndEndsOnlyARunningRow() {
        store.schedules().save(schedule("s1", "alice", "pl-1", T0));
        store.schedules().save(schedule("s2", "alice", "pl-2", T0));
        List<ScheduleClaim> claims = store.schedules().claimDue("node-a", T0, LEASE, 2);
        store.startRuns(List.of(new RunStart(running("e1", "s1", T0), List.of("pl-1"), T0.plusSeconds(60))));
        Execution notRun1 = finished("e1", "s1", T0, ExecutionStatus.SKIPPED);
        Execution notRun2 = finished("e2", "s2", T0, ExecutionStatus.SKIPPED); // its start was never stored

        store.completeRuns(List.of(
                new RunCompletion(notRun1, null, token(claims, "s1"), 2, null, List.of("pl-1")),
                new RunCompletion(notRun2, null, token(claims, "s2"), 0, null, List.of())));

        assertThat(store.executions().find("e1")).contains(notRun1);
        assertThat(store.executions().find("e2")).as("nothing to end").isEmpty();
        assertThat(store.schedules().find("s1").orElseThrow().nextRunAt()).isEqualTo(T0);
        assertThat(store.schedules().find("s1").orElseThrow().lastStatus()).isNull();
        assertThat(store.schedules().listLeases()).isEmpty();
        assertThat(store.playlistLeases().holder("pl-1", T0)).isEmpty();
        assertThat(store.schedules().claimDue("node-b", T0, LEASE, 2)).extracting(ScheduleClaim::attempt)
                .as("the retry attempt is kept").containsExactlyInAnyOrder(2, 1);
    }


    @Test
    void readsAccountsSettingsAndIntentsOfManyAtOnce() {
        store.accounts().save(new Account("alice", new byte[] {1}, AccountHealth.OK, 0, null, T0));
        store.accounts().save(new Account("bob", new byte[] {2}, AccountHealth.QUARANTINED, 5, "429s", T0));
        store.settings().save("alice", new UserSettings(false, 7));
        store.intents().save(intent("e1", "s1", T0));
        store.intents().save(intent("e2", "s1", T0.plusSeconds(1)));

        assertThat(store.accounts().findAll(List.of("alice", "bob", "carol", "alice")))
                .containsOnlyKeys("alice", "bob")
                .hasEntrySatisfying("bob", a -> assertThat(a.health()).isEqualTo(AccountHealth.QUARANTINED));
        assertThat(store.settings().findAll(List.of("alice", "bob")))
                .containsOnly(Map.entry("alice", new UserSettings(false, 7)));
        Map<String, List<JobIntent>> intents = store.intents().listBySchedules(List.of("s1", "s2"));
        assertThat(intents.get("s1")).extracting(JobIntent::executionId).containsExactly("e1", "e2");
        assertThat(intents.get("s2")).isEmpty();
        assertThat(store.accounts().findAll(List.of())).isEmpty();
    }
}
