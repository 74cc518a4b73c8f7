package dev.shuffify.store;

import static dev.shuffify.store.StoreFixtures.T0;
import static dev.shuffify.store.StoreFixtures.finished;
import static dev.shuffify.store.StoreFixtures.richSchedule;
import static dev.shuffify.store.StoreFixtures.running;
import static dev.shuffify.store.StoreFixtures.schedule;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.shuffify.model.Account;
import dev.shuffify.model.AccountHealth;
import dev.shuffify.model.Activity;
import dev.shuffify.model.ActivityType;
import dev.shuffify.model.Execution;
import dev.shuffify.model.ExecutionStatus;
import dev.shuffify.model.JobIntent;
import dev.shuffify.model.Membership;
import dev.shuffify.model.Pin;
import dev.shuffify.model.PlaylistPair;
import dev.shuffify.model.PlaylistRef;
import dev.shuffify.model.Schedule;
import dev.shuffify.model.Snapshot;
import dev.shuffify.model.SnapshotType;
import dev.shuffify.model.TriggerSource;
import dev.shuffify.model.UserSettings;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The behaviour every {@link ShuffifyStore} shares. The in-memory store, the embedded H2 store and the
 * PostgreSQL store each run it; a new store's test extends it and implements {@link #createStore()}.
 */
public abstract class ShuffifyStoreContract {
    private static final Duration LEASE = Duration.ofMinutes(5);

    /** The store under test, fresh and empty for each test. */
    protected ShuffifyStore store;

    /**
     * Creates a fresh, empty store.
     *
     * @return the store
     */
    protected abstract ShuffifyStore createStore();

    @BeforeEach
    void openStore() {
        store = createStore();
    }

    @AfterEach
    void closeStore() {
        store.close();
    }

    // ---- schedules -------------------------------------------------------------------------------------

    @Test
    void scheduleRoundTripsEveryField() {
        Schedule rich = richSchedule("s-rich");
        store.schedules().save(rich);
        Schedule interval = schedule("s-int", "bob", "pl-1", T0);
        store.schedules().save(interval);

        assertThat(store.schedules().find("s-rich")).contains(rich);
        assertThat(store.schedules().find("s-int")).contains(interval);
        assertThat(store.schedules().find("missing")).isEmpty();
        assertThat(rich.lastError()).hasSize(Execution.MAX_ERROR_LENGTH);
    }

    @Test
    void savingAScheduleAgainReplacesIt() {
        store.schedules().save(schedule("s1", "alice", "pl-1", T0));
        Schedule changed = schedule("s1", "alice", "pl-2", T0.plusSeconds(60)).withEnabled(false, T0.plusSeconds(1));
        store.schedules().save(changed);

        assertThat(store.schedules().find("s1")).contains(changed);
        assertThat(store.schedules().count()).isEqualTo(1);
    }

    @Test
    void listsSchedulesOldestFirst() {
        Schedule late = withCreatedAt(schedule("late", "alice", "pl-1", T0), T0.plusSeconds(10));
        Schedule early = withCreatedAt(schedule("early", "alice", "pl-2", T0), T0.minusSeconds(10));
        Schedule bobs = schedule("bobs", "bob", "pl-3", T0);
        store.schedules().save(late);
        store.schedules().save(early);
        store.schedules().save(bobs);

        assertThat(store.schedules().listByUser("alice")).extracting(Schedule::id).containsExactly("early", "late");
        assertThat(store.schedules().listAll()).extracting(Schedule::id).containsExactly("early", "bobs", "late");
        assertThat(store.schedules().listByUser("nobody")).isEmpty();
        assertThat(store.schedules().count()).isEqualTo(3);
    }

    /** Three schedules due by T0 (60 s, 10 s and 0 s before), one just after, one disabled, one never due. */
    private void saveDueFutureDisabledAndNever() {
        store.schedules().save(schedule("due-later", "alice", "pl-1", T0.minusSeconds(10)));
        store.schedules().save(schedule("due-first", "alice", "pl-2", T0.minusSeconds(60)));
        store.schedules().save(schedule("due-now", "alice", "pl-3", T0));
        store.schedules().save(schedule("future", "alice", "pl-4", T0.plusMillis(1)));
        store.schedules().save(schedule("disabled", "alice", "pl-5", T0.minusSeconds(99)).withEnabled(false, T0));
        store.schedules().save(schedule("never", "alice", "pl-6", null));
    }

    @Test
    void findDueReturnsEnabledSchedulesDueByNowEarliestFirst() {
        saveDueFutureDisabledAndNever();

        assertThat(store.schedules().findDue(T0, 10)).extracting(Schedule::id)
                .containsExactly("due-first", "due-later", "due-now");
        assertThat(store.schedules().findDue(T0, 2)).extracting(Schedule::id).containsExactly("due-first", "due-later");
    }

    @Test
    void dueBacklogCountsTheDueSchedulesNoNodeHasClaimed() {
        assertThat(store.schedules().dueBacklog(T0)).isEqualTo(DueBacklog.EMPTY);

        saveDueFutureDisabledAndNever();

        assertThat(store.schedules().dueBacklog(T0)).isEqualTo(new DueBacklog(3, T0.minusSeconds(60)));
        assertThat(store.schedules().dueBacklog(T0.minusSeconds(30)))
                .isEqualTo(new DueBacklog(1, T0.minusSeconds(60)));

        assertThat(store.schedules().claimDue("node-a", T0, LEASE, 1)).extracting(ScheduleClaim::scheduleId)
                .containsExactly("due-first");
        assertThat(store.schedules().dueBacklog(T0)).as("a claimed schedule is not backlog")
                .isEqualTo(new DueBacklog(2, T0.minusSeconds(10)));
        assertThat(store.schedules().dueBacklog(T0.plusSeconds(1)).count()).isEqualTo(3);
    }

    @Test
    void accountsAreCountedByHealth() {
        assertThat(store.accounts().countByHealth()).isEmpty();

        store.accounts().save(new Account("a", null, AccountHealth.OK, 0, null, T0));
        store.accounts().save(new Account("b", null, AccountHealth.QUARANTINED, 9, "503s", T0));
        store.accounts().save(new Account("c", null, AccountHealth.NEEDS_LOGIN, 0, "revoked", T0));
        store.accounts().save(new Account("d", null, AccountHealth.NEEDS_LOGIN, 0, "revoked", T0));
        store.accounts().save(new Account("e", null, AccountHealth.OK, 0, null, T0));

        assertThat(store.accounts().countByHealth()).isEqualTo(Map.of(AccountHealth.OK, 2L,
                AccountHealth.QUARANTINED, 1L, AccountHealth.NEEDS_LOGIN, 2L));
        store.accounts().save(new Account("b", null, AccountHealth.OK, 0, null, T0.plusSeconds(1)));
        assertThat(store.accounts().countByHealth()).isEqualTo(Map.of(AccountHealth.OK, 3L,
                AccountHealth.NEEDS_LOGIN, 2L));
    }

    @Test
    void deletesSchedules() {
        store.schedules().save(schedule("s1", "alice", "pl-1", T0));

        assertThat(store.schedules().delete("s1")).isTrue();
        assertThat(store.schedules().delete("s1")).isFalse();
        assertThat(store.schedules().find("s1")).isEmpty();
        assertThat(store.schedules().count()).isZero();
    }

    @Test
    void recordOutcomeStoresTheExecutionAndTheSchedule() {
        Schedule s = schedule("s1", "alice", "pl-1", T0);
        store.schedules().save(s);
        store.executions().save(running("e1", "s1", T0));
        Execution done = finished("e1", "s1", T0, ExecutionStatus.FAILED);
        Schedule after = s.withOutcome(T0.plusSeconds(1), ExecutionStatus.FAILED, "failed", T0.plusSeconds(3600));

        store.recordOutcome(done, after);

        assertThat(store.executions().find("e1")).contains(done);
        assertThat(store.schedules().find("s1")).contains(after);
    }

    // ---- leases ----------------------------------------------------------------------------------------

    @Test
    void claimDueLeasesDueSchedulesOnce() {
        store.schedules().save(schedule("s1", "alice", "pl-1", T0.minusSeconds(5)));
        store.schedules().save(schedule("s2", "alice", "pl-2", T0));
        store.schedules().save(schedule("s3", "alice", "pl-3", T0.plusSeconds(5)));

        List<ScheduleClaim> claims = store.schedules().claimDue("node-a", T0, LEASE, 10);

        assertThat(claims).extracting(ScheduleClaim::scheduleId).containsExactly("s1", "s2");
        ScheduleClaim first = claims.get(0);
        assertThat(first.owner()).isEqualTo("node-a");
        assertThat(first.slot()).isEqualTo(T0.minusSeconds(5));
        assertThat(first.acquiredAt()).isEqualTo(T0);
        assertThat(first.expiresAt()).isEqualTo(T0.plus(LEASE));
        assertThat(first.attempt()).isEqualTo(1);
        assertThat(first.source()).isEqualTo(TriggerSource.SCHEDULER);
        assertThat(first.schedule()).isEqualTo(store.schedules().find("s1").orElseThrow());
        assertThat(claims.get(0).token()).isNotEqualTo(claims.get(1).token());
        assertThat(store.schedules().claimDue("node-b", T0.plusSeconds(10), LEASE, 10))
                .extracting(ScheduleClaim::scheduleId).containsExactly("s3");
        assertThat(store.schedules().listLeases()).extracting(ScheduleClaim::scheduleId)
                .containsExactlyInAnyOrder("s1", "s2", "s3");
    }

    @Test
    void claimDueRespectsTheLimitAndSkipsDisabledSchedules() {
        for (int i = 0; i < 5; i++) {
            store.schedules().save(schedule("s" + i, "alice", "pl-" + i, T0.minusSeconds(10 - i)));
        }
        store.schedules().save(schedule("off", "alice", "pl-off", T0.minusSeconds(99)).withEnabled(false, T0));

        assertThat(store.schedules().claimDue("n", T0, LEASE, 2)).extracting(ScheduleClaim::scheduleId)
                .containsExactly("s0", "s1");
        assertThat(store.schedules().claimDue("n", T0, LEASE, 0)).isEmpty();
        assertThat(store.schedules().claimDue("n", T0, LEASE, 10)).extracting(ScheduleClaim::scheduleId)
                .containsExactly("s2", "s3", "s4");
    }

    @Test
    void neverLeasesTwoSchedulesOfOneTargetPlaylist() {
        store.schedules().save(schedule("a", "alice", "shared", T0.minusSeconds(20)));
        store.schedules().save(schedule("b", "bob", "shared", T0.minusSeconds(10)));
        store.schedules().save(schedule("c", "bob", "other", T0.minusSeconds(5)));

        List<ScheduleClaim> first = store.schedules().claimDue("n1", T0, LEASE, 10);
        assertThat(first).extracting(ScheduleClaim::scheduleId).containsExactly("a", "c");
        assertThat(store.schedules().claimDue("n2", T0, LEASE, 10)).isEmpty();
        assertThat(store.schedules().claim("b", "n2", T0, LEASE)).isEmpty();

        assertThat(store.schedules().release(first.get(0).token(), T0.minusSeconds(20), T0.plusSeconds(3600), 0))
                .isTrue();
        assertThat(store.schedules().claimDue("n2", T0, LEASE, 10)).extracting(ScheduleClaim::scheduleId)
                .containsExactly("b");
    }

    @Test
    void claimOneTakesAScheduleThatIsNotDue() {
        store.schedules().save(schedule("s1", "alice", "pl-1", T0.plusSeconds(3600)));
        store.schedules().save(schedule("off", "alice", "pl-2", T0.plusSeconds(3600)).withEnabled(false, T0));

        ScheduleClaim claim = store.schedules().claim("s1", "node-a", T0, LEASE).orElseThrow();

        assertThat(claim.slot()).isEqualTo(T0.plusSeconds(3600));
        assertThat(claim.owner()).isEqualTo("node-a");
        assertThat(store.schedules().claim("s1", "node-b", T0, LEASE)).isEmpty();
        assertThat(store.schedules().claim("off", "node-b", T0, LEASE)).isPresent();
        assertThat(store.schedules().claim("missing", "node-b", T0, LEASE)).isEmpty();
    }

    @Test
    void releaseMovesTheNextRunOnlyWhenNobodyElseDid() {
        store.schedules().save(schedule("s1", "alice", "pl-1", T0));
        store.schedules().save(schedule("s2", "alice", "pl-2", T0));
        List<ScheduleClaim> claims = store.schedules().claimDue("n", T0, LEASE, 10);
        // s2's next run was changed meanwhile (e.g. the engine recorded the outcome)
        store.schedules().save(schedule("s2", "alice", "pl-2", T0.plusSeconds(7200)));

        assertThat(store.schedules().release(claims.get(0).token(), T0, T0.plusSeconds(3600), 0)).isTrue();
        assertThat(store.schedules().release(claims.get(1).token(), T0, T0.plusSeconds(3600), 0)).isTrue();
        assertThat(store.schedules().release(claims.get(1).token(), T0, T0.plusSeconds(3600), 0)).isFalse();

        assertThat(store.schedules().find("s1").orElseThrow().nextRunAt()).isEqualTo(T0.plusSeconds(3600));
        assertThat(store.schedules().find("s2").orElseThrow().nextRunAt()).isEqualTo(T0.plusSeconds(7200));
        assertThat(store.schedules().listLeases()).isEmpty();
    }

    @Test
    void releaseCanSetANextRunWhereThereWasNone() {
        store.schedules().save(schedule("s1", "alice", "pl-1", null));
        ScheduleClaim claim = store.schedules().claim("s1", "n", T0, LEASE).orElseThrow();

        assertThat(claim.slot()).isNull();
        assertThat(store.schedules().release(claim.token(), null, T0.plusSeconds(60), 0)).isTrue();
        assertThat(store.schedules().find("s1").orElseThrow().nextRunAt()).isEqualTo(T0.plusSeconds(60));
    }

    @Test
    void aPendingRetryIsClaimedAsARetryAttempt() {
        store.schedules().save(schedule("s1", "alice", "pl-1", T0));
        ScheduleClaim first = store.schedules().claimDue("n", T0, LEASE, 10).get(0);
        store.schedules().release(first.token(), T0, T0.plusSeconds(60), 2);

        ScheduleClaim retry = store.schedules().claimDue("n", T0.plusSeconds(60), LEASE, 10).get(0);
        assertThat(retry.attempt()).isEqualTo(2);
        assertThat(retry.source()).isEqualTo(TriggerSource.RETRY);
        store.schedules().release(retry.token(), T0.plusSeconds(60), T0.plusSeconds(3600), 0);

        ScheduleClaim next = store.schedules().claimDue("n", T0.plusSeconds(3600), LEASE, 10).get(0);
        assertThat(next.attempt()).isEqualTo(1);
    }

    @Test
    void renewExtendsOnlyHeldLeases() {
        store.schedules().save(schedule("s1", "alice", "pl-1", T0));
        store.schedules().save(schedule("s2", "alice", "pl-2", T0));
        List<ScheduleClaim> claims = store.schedules().claimDue("n", T0, LEASE, 10);
        store.schedules().release(claims.get(1).token(), T0, T0.plusSeconds(60), 0);

        int renewed = store.schedules().renew(List.of(claims.get(0).token(), claims.get(1).token(), "unknown"),
                T0.plus(Duration.ofMinutes(20)));

        assertThat(renewed).isEqualTo(1);
        assertThat(store.schedules().listLeases()).singleElement()
                .satisfies(l -> assertThat(l.expiresAt()).isEqualTo(T0.plus(Duration.ofMinutes(20))));
        assertThat(store.schedules().renew(List.of(), T0)).isZero();
    }

    @Test
    void expiredLeasesAreFoundAndRecoveredOnlyWhileExpired() {
        store.schedules().save(schedule("s1", "alice", "pl-1", T0));
        store.schedules().save(schedule("s2", "alice", "pl-2", T0));
        List<ScheduleClaim> claims = store.schedules().claimDue("dead", T0, LEASE, 10);
        Instant later = T0.plus(LEASE).plusSeconds(1);
        store.schedules().renew(List.of(claims.get(1).token()), later.plus(LEASE));

        assertThat(store.schedules().findExpired(T0.plus(LEASE), 10)).isEmpty();
        List<ScheduleClaim> expired = store.schedules().findExpired(later, 10);
        assertThat(expired).extracting(ScheduleClaim::scheduleId).containsExactly("s1");
        assertThat(expired.get(0).owner()).isEqualTo("dead");
        assertThat(expired.get(0).slot()).isEqualTo(T0);

        assertThat(store.schedules().recoverExpired(claims.get(1).token(), later, T0, T0.plusSeconds(3600), 0))
                .isFalse();
        assertThat(store.schedules().recoverExpired(claims.get(0).token(), later, T0, T0.plusSeconds(3600), 0))
                .isTrue();
        assertThat(store.schedules().recoverExpired(claims.get(0).token(), later, T0, T0.plusSeconds(3600), 0))
                .isFalse();
        assertThat(store.schedules().find("s1").orElseThrow().nextRunAt()).isEqualTo(T0.plusSeconds(3600));
        assertThat(store.schedules().listLeases()).extracting(ScheduleClaim::scheduleId).containsExactly("s2");
    }

    @Test
    void savingALeasedScheduleKeepsTheLeaseAndDeletingItDropsIt() {
        store.schedules().save(schedule("s1", "alice", "pl-1", T0));
        ScheduleClaim claim = store.schedules().claimDue("n", T0, LEASE, 10).get(0);

        store.schedules().save(schedule("s1", "alice", "pl-1", T0.plusSeconds(5)));
        assertThat(store.schedules().listLeases()).extracting(ScheduleClaim::token).containsExactly(claim.token());
        assertThat(store.schedules().claimDue("n", T0.plusSeconds(10), LEASE, 10)).isEmpty();

        store.schedules().delete("s1");
        assertThat(store.schedules().listLeases()).isEmpty();
        assertThat(store.schedules().release(claim.token(), T0, T0, 0)).isFalse();
    }

    @Test
    void concurrentClaimersNeverTakeTheSameSchedule() throws Exception {
        int schedules = 120;
        for (int i = 0; i < schedules; i++) {
            store.schedules().save(schedule("s" + i, "u", "pl-" + i, T0.minusSeconds(i)));
        }
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Callable<List<String>>> claimers = new ArrayList<>();
            for (int n = 0; n < 4; n++) {
                String node = "node-" + n;
                claimers.add(() -> {
                    List<String> mine = new ArrayList<>();
                    for (int round = 0; round < 200; round++) {
                        List<ScheduleClaim> batch = store.schedules().claimDue(node, T0, LEASE, 7);
                        batch.forEach(c -> mine.add(c.scheduleId()));
                        if (batch.isEmpty() && store.schedules().findDue(T0, schedules).size()
                                == store.schedules().listLeases().size()) {
                            break;
                        }
                    }
                    return mine;
                });
            }
            List<String> all = Collections.synchronizedList(new ArrayList<>());
            for (Future<List<String>> f : pool.invokeAll(claimers)) {
                all.addAll(f.get());
            }
            assertThat(all).hasSize(schedules).doesNotHaveDuplicates();
        } finally {
            pool.shutdownNow();
        }
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

    // ---- snapshots -------------------------------------------------------------------------------------

    @Test
    void snapshotsRoundTripAndListNewestFirst() {
        List<String> uris = new ArrayList<>();
        for (int i = 0; i < 3000; i++) {
            uris.add("spotify:track:" + i);
        }
        Snapshot big = new Snapshot("big", "alice", "pl-1", "Mix", uris, SnapshotType.AUTO_PRE_SHUFFLE,
                "schedule s1 (shuffle)", T0);
        Snapshot tie = new Snapshot("tie", "alice", "pl-1", "Mix", List.of("a"), SnapshotType.MANUAL, "user", T0);
        Snapshot newer = new Snapshot("newer", "alice", "pl-1", "Mix", List.of(), SnapshotType.AUTO_PRE_RESTORE, "",
                T0.plusSeconds(1));
        Snapshot bobs = new Snapshot("bobs", "bob", "pl-1", "Mix", List.of("b"), SnapshotType.MANUAL, "", T0);
        store.snapshots().save(big);
        store.snapshots().save(tie);
        store.snapshots().save(newer);
        store.snapshots().save(bobs);

        assertThat(store.snapshots().find("big")).contains(big);
        assertThat(store.snapshots().listByPlaylist("alice", "pl-1")).extracting(Snapshot::id)
                .containsExactly("newer", "tie", "big");
        assertThat(store.snapshots().delete("tie")).isTrue();
        assertThat(store.snapshots().delete("tie")).isFalse();
        assertThat(store.snapshots().listByPlaylist("alice", "pl-1")).extracting(Snapshot::id)
                .containsExactly("newer", "big");
    }

    @Test
    void prunesSnapshotsPerPlaylist() {
        for (int i = 0; i < 4; i++) {
            store.snapshots().save(snapshot("a" + i, "alice", "pl-1", T0.plusSeconds(i)));
            store.snapshots().save(snapshot("b" + i, "alice", "pl-2", T0.plusSeconds(i)));
            store.snapshots().save(snapshot("c" + i, "bob", "pl-1", T0.plusSeconds(i)));
        }

        assertThat(store.snapshots().prune("alice", "pl-1", 2)).isEqualTo(2);
        assertThat(store.snapshots().listByPlaylist("alice", "pl-1")).extracting(Snapshot::id)
                .containsExactly("a3", "a2");
        assertThat(store.snapshots().pruneEachPlaylist(1)).isEqualTo(1 + 3 + 3);
        assertThat(store.snapshots().listByPlaylist("alice", "pl-2")).extracting(Snapshot::id).containsExactly("b3");
        assertThat(store.snapshots().listByPlaylist("bob", "pl-1")).extracting(Snapshot::id).containsExactly("c3");
    }

    private static Snapshot snapshot(String id, String user, String playlist, Instant at) {
        return new Snapshot(id, user, playlist, "", List.of("u:" + id), SnapshotType.MANUAL, "", at);
    }

    // ---- pairs, accounts, settings, pins ---------------------------------------------------------------

    @Test
    void pairsAreOnePerProductionPlaylistPerUser() {
        PlaylistPair p1 = new PlaylistPair("alice", new PlaylistRef("prod", "Prod"), new PlaylistRef("arch", "Arch"),
                T0);
        PlaylistPair p2 = new PlaylistPair("alice", new PlaylistRef("prod2", ""), new PlaylistRef("arch2", "A2"), T0);
        PlaylistPair replaced = new PlaylistPair("alice", new PlaylistRef("prod", "Prod"),
                new PlaylistRef("arch3", "Arch 3"), T0.plusSeconds(1));
        store.pairs().save(p1);
        store.pairs().save(p2);
        store.pairs().save(replaced);

        assertThat(store.pairs().find("alice", "prod")).contains(replaced);
        assertThat(store.pairs().find("bob", "prod")).isEmpty();
        assertThat(store.pairs().listByUser("alice")).containsExactly(replaced, p2);
        assertThat(store.pairs().delete("alice", "prod")).isTrue();
        assertThat(store.pairs().delete("alice", "prod")).isFalse();
        assertThat(store.pairs().listByUser("alice")).containsExactly(p2);
    }

    @Test
    void accountsKeepEncryptedTokenBytesAsTheyAre() {
        byte[] cipher = new byte[256];
        for (int i = 0; i < cipher.length; i++) {
            cipher[i] = (byte) i;
        }
        Account alice = new Account("alice", cipher, AccountHealth.DEGRADED, 2, "429 storm", T0);
        Account bob = new Account("bob", null, AccountHealth.NEEDS_LOGIN, 0, null, T0);
        store.accounts().save(alice);
        store.accounts().save(bob);

        assertThat(store.accounts().find("alice").orElseThrow().encryptedRefreshToken()).isEqualTo(cipher);
        assertThat(store.accounts().find("alice")).contains(alice);
        assertThat(store.accounts().find("bob")).contains(bob);
        Account healed = new Account("alice", cipher, AccountHealth.OK, 0, null, T0.plusSeconds(1));
        store.accounts().save(healed);
        assertThat(store.accounts().listAll()).containsExactly(healed, bob);
        assertThat(store.accounts().find("carol")).isEmpty();
    }

    @Test
    void settingsAreStoredPerUser() {
        assertThat(store.settings().find("alice")).isEmpty();
        store.settings().save("alice", new UserSettings(false, 3));
        store.settings().save("alice", new UserSettings(true, 7));

        assertThat(store.settings().find("alice")).contains(new UserSettings(true, 7));
        assertThat(store.settings().find("bob")).isEmpty();
    }

    @Test
    void pinsAreListedPerPlaylistOldestFirst() {
        Pin byUri = new Pin("p1", "alice", "pl-1", "spotify:track:1", 0, 0, T0.plusSeconds(60));
        Pin byPosition = new Pin("p2", "alice", "pl-1", null, 2, 4, null);
        Pin elsewhere = new Pin("p3", "alice", "pl-2", "spotify:track:9", 0, 0, null);
        store.pins().save(byUri);
        store.pins().save(byPosition);
        store.pins().save(elsewhere);

        assertThat(store.pins().listByPlaylist("alice", "pl-1")).containsExactly(byUri, byPosition);
        assertThat(store.pins().delete("p1")).isTrue();
        assertThat(store.pins().delete("p1")).isFalse();
        assertThat(store.pins().listByPlaylist("alice", "pl-1")).containsExactly(byPosition);
        assertThat(store.pins().listByPlaylist("bob", "pl-1")).isEmpty();
    }

    // ---- activity and membership -----------------------------------------------------------------------

    @Test
    void activityIsListedNewestFirstAndPruned() {
        for (int i = 0; i < 5; i++) {
            store.activity().append(activity("a" + i, "alice", T0.plusSeconds(i)));
            store.activity().append(activity("b" + i, "bob", T0.plusSeconds(i)));
        }
        Activity rich = new Activity("rich", "alice", ActivityType.SCHEDULE_RUN_FAILED, "shuffle failed: " + "y".repeat(
                3000), Map.of("scheduleId", "s1", "tracksAdded", 3, "ok", false), T0.plusSeconds(9));
        store.activity().append(rich);

        assertThat(store.activity().listByUser("alice", 3)).extracting(Activity::id)
                .containsExactly("rich", "a4", "a3");
        assertThat(store.activity().listByUser("alice", 1)).containsExactly(rich);
        assertThat(store.activity().deleteBefore(T0.plusSeconds(1))).isEqualTo(2);
        assertThat(store.activity().pruneEachUser(2)).isEqualTo(3 + 2);
        assertThat(store.activity().listByUser("alice", 10)).extracting(Activity::id).containsExactly("rich", "a4");
        assertThat(store.activity().listByUser("bob", 10)).extracting(Activity::id).containsExactly("b4", "b3");
    }

    private static Activity activity(String id, String user, Instant at) {
        return new Activity(id, user, ActivityType.SCHEDULE_RUN_SUCCEEDED, "ok " + id, Map.of(), at);
    }

    @Test
    void membershipRecordsWhenTracksEnterAndLeave() {
        store.membership().observe("pl", List.of("a", "b", "b"), T0);
        store.membership().observe("pl", List.of("b", "c"), T0.plusSeconds(10));

        Map<String, Membership> records = store.membership().find("pl");
        assertThat(records).containsOnly(
                Map.entry("a", new Membership("pl", "a", T0, T0.plusSeconds(10))),
                Map.entry("b", new Membership("pl", "b", T0, null)),
                Map.entry("c", new Membership("pl", "c", T0.plusSeconds(10), null)));

        store.membership().observe("pl", List.of("a", "b", "c"), T0.plusSeconds(20));
        assertThat(store.membership().find("pl").get("a")).isEqualTo(new Membership("pl", "a", T0.plusSeconds(20),
                null));
        assertThat(store.membership().find("other")).isEmpty();
    }

    @Test
    void membershipTakesTheServicesAddedDateForAUriItSeesEnterButNeverBeforeItLastLeft() {
        Instant week = T0.minus(java.time.Duration.ofDays(7));
        store.membership().observe("pl", List.of("a", "b", "c"), Map.of("a", week, "c", T0.plusSeconds(60)), T0);
        Map<String, Membership> first = store.membership().find("pl");
        assertThat(first.get("a").firstSeenAt()).as("the service knew it was there a week ago").isEqualTo(week);
        assertThat(first.get("b").firstSeenAt()).as("no added date: the observation").isEqualTo(T0);
        assertThat(first.get("c").firstSeenAt()).as("an added date after the observation is not believed")
                .isEqualTo(T0);

        store.membership().observe("pl", List.of("b", "c"), Map.of("a", week), T0.plusSeconds(10));
        store.membership().observe("pl", List.of("a", "b", "c"), Map.of("a", week, "b", week),
                T0.plusSeconds(20));
        Map<String, Membership> later = store.membership().find("pl");
        assertThat(later.get("a").firstSeenAt()).as("re-entered: not before it left").isEqualTo(T0.plusSeconds(10));
        assertThat(later.get("b").firstSeenAt()).as("present all along: keeps its first sighting").isEqualTo(T0);
    }

    // ---- playlist leases --------------------------------------------------------------------------------

    @Test
    void aPlaylistLeaseIsHeldByOneHolderUntilReleasedOrExpired() {
        PlaylistLeaseStore leases = store.playlistLeases();
        Instant until = T0.plusSeconds(60);
        assertThat(leases.tryAcquire("pl", "e1", null, until, T0)).isTrue();
        assertThat(leases.holder("pl", T0)).contains("e1");
        assertThat(leases.tryAcquire("pl", "e2", null, until, T0.plusSeconds(1))).as("held").isFalse();
        assertThat(leases.holder("pl", T0.plusSeconds(1))).as("a refusal changes nothing").contains("e1");
        assertThat(leases.tryAcquire("pl", "e1", null, T0.plusSeconds(90), T0.plusSeconds(1))).as("renewed")
                .isTrue();
        assertThat(leases.tryAcquire("other", "e2", null, until, T0)).as("another playlist").isTrue();

        leases.release("pl", "e2");
        assertThat(leases.holder("pl", T0.plusSeconds(2))).as("only the holder releases").contains("e1");
        assertThat(leases.tryAcquire("pl", "e3", "e1", until, T0.plusSeconds(2))).as("taken over").isTrue();
        leases.release("pl", "e3");
        assertThat(leases.holder("pl", T0.plusSeconds(3))).isEmpty();
        assertThat(leases.tryAcquire("pl", "e4", null, T0.plusSeconds(10), T0.plusSeconds(3))).isTrue();
        assertThat(leases.holder("pl", T0.plusSeconds(10))).as("expired").isEmpty();
        assertThat(leases.tryAcquire("pl", "e5", null, until, T0.plusSeconds(10))).as("an expired lease is free")
                .isTrue();
    }

    // ---- job intents -----------------------------------------------------------------------------------

    private static JobIntent intent(String executionId, String scheduleId, Instant at) {
        return new JobIntent(executionId, scheduleId, "alice", "shuffle", at, List.of("pl-1", "pl-2"), List.of());
    }

    @Test
    void anIntentKeepsEachPlaylistsPreJobStateInOrderAcrossSaves() {
        List<String> manyUris = new ArrayList<>();
        for (int i = 0; i < 150; i++) {
            manyUris.add("spotify:track:t" + i);
        }
        manyUris.add("spotify:local:Artist:Album:Song+%22quoted%22:200");
        manyUris.add("spotify:track:t0"); // a duplicate entry stays
        JobIntent first = intent("e1", "s1", T0).withBefore(new JobIntent.PlaylistBefore("pl-1", "Mix \"1\"",
                manyUris));
        store.intents().save(first);
        JobIntent second = first.withBefore(new JobIntent.PlaylistBefore("pl-3", "", List.of()));
        store.intents().save(second);

        JobIntent found = store.intents().find("e1").orElseThrow();
        assertThat(found).isEqualTo(second);
        assertThat(found.playlists()).containsExactly("pl-1", "pl-2", "pl-3");
        assertThat(found.before("pl-1").orElseThrow().uris()).isEqualTo(manyUris);
        assertThat(found.before("pl-3").orElseThrow().uris()).isEmpty();
        assertThat(found.before("pl-2")).isEmpty();
        assertThat(store.intents().find("e2")).isEmpty();
    }

    @Test
    void intentsAreListedOldestFirstAndPerSchedule() {
        store.intents().save(intent("e2", "s1", T0.plusSeconds(5)));
        store.intents().save(intent("e1", "s2", T0));
        store.intents().save(intent("e3", "s1", T0.plusSeconds(9)));

        assertThat(store.intents().list(10)).extracting(JobIntent::executionId).containsExactly("e1", "e2", "e3");
        assertThat(store.intents().list(2)).extracting(JobIntent::executionId).containsExactly("e1", "e2");
        assertThat(store.intents().listBySchedule("s1")).extracting(JobIntent::executionId)
                .containsExactly("e2", "e3");
        assertThat(store.intents().listBySchedule("nope")).isEmpty();
    }

    @Test
    void recordingTheOutcomeClearsTheIntentOfThatExecutionOnly() {
        Schedule s = schedule("s1", "alice", "pl-1", T0);
        store.schedules().save(s);
        store.executions().save(running("e1", "s1", T0));
        store.intents().save(intent("e1", "s1", T0));
        store.intents().save(intent("e0", "s1", T0.minusSeconds(60)));

        store.recordOutcome(finished("e1", "s1", T0, ExecutionStatus.SUCCESS),
                s.withOutcome(T0.plusSeconds(1), ExecutionStatus.SUCCESS, null, T0.plusSeconds(3600)));

        assertThat(store.intents().find("e1")).isEmpty();
        assertThat(store.intents().find("e0")).isPresent();
        assertThat(store.intents().delete("e0")).isTrue();
        assertThat(store.intents().delete("e0")).isFalse();
        assertThat(store.intents().list(10)).isEmpty();
    }

    @Test
    void anIntentIsNotPrunedWithExecutionsOrSnapshots() {
        store.schedules().save(schedule("s1", "alice", "pl-1", T0));
        store.executions().save(finished("e1", "s1", T0, ExecutionStatus.ABANDONED));
        store.intents().save(intent("e1", "s1", T0));

        store.executions().pruneEachSchedule(0);
        store.executions().deleteFinishedBefore(T0.plus(Duration.ofDays(400)));
        store.snapshots().pruneEachPlaylist(0);

        assertThat(store.intents().find("e1")).isPresent();
    }

    @Test
    void theNewAbandonedStatusesAreStoredAndCounted() {
        store.schedules().save(schedule("s1", "alice", "pl-1", T0));
        for (ExecutionStatus status : List.of(ExecutionStatus.ABANDONED_RESTORED,
                ExecutionStatus.ABANDONED_UNREPAIRED)) {
            Execution e = finished("e-" + status.wireName(), "s1", T0, status);
            store.executions().save(e);
            assertThat(store.executions().find(e.id())).contains(e);
        }
        assertThat(store.executions().countByStatus()).containsEntry(ExecutionStatus.ABANDONED_RESTORED, 1L)
                .containsEntry(ExecutionStatus.ABANDONED_UNREPAIRED, 1L);
        assertThat(store.executions().listByStatus(ExecutionStatus.ABANDONED_UNREPAIRED, 10)).hasSize(1);
    }

    // ---- helpers ---------------------------------------------------------------------------------------

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

    private static String token(List<ScheduleClaim> claims, String scheduleId) {
        return claims.stream().filter(c -> c.scheduleId().equals(scheduleId)).findFirst().orElseThrow().token();
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

    private static Schedule withCreatedAt(Schedule s, Instant createdAt) {
        return new Schedule(s.id(), s.userId(), s.job(), s.trigger(), s.enabled(), s.verifyWrites(),
                s.misfirePolicy(), createdAt, createdAt, s.lastRunAt(), s.lastStatus(), s.lastError(), s.nextRunAt());
    }

    /**
     * Ids of a list of claims, as a set.
     *
     * @param claims the claims
     * @return their schedule ids
     */
    protected static Set<String> ids(List<ScheduleClaim> claims) {
        Set<String> ids = new HashSet<>();
        claims.forEach(c -> ids.add(c.scheduleId()));
        return ids;
    }
}
