package dev.shuffify.testkit;

import static dev.shuffify.testkit.StoreFixtures.T0;
import static dev.shuffify.testkit.StoreFixtures.finished;
import static dev.shuffify.testkit.StoreFixtures.richSchedule;
import static dev.shuffify.testkit.StoreFixtures.running;
import static dev.shuffify.testkit.StoreFixtures.schedule;
import static org.assertj.core.api.Assertions.assertThat;
import dev.shuffify.model.Account;
import dev.shuffify.model.AccountHealth;
import dev.shuffify.model.Execution;
import dev.shuffify.model.ExecutionStatus;
import dev.shuffify.model.Schedule;
import dev.shuffify.model.TriggerSource;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import dev.shuffify.store.DueBacklog;
import dev.shuffify.store.ScheduleClaim;
import dev.shuffify.store.ShuffifyStore;

/**
 * The schedule and lease part of the {@link dev.shuffify.store.ShuffifyStore} contract, which the scheduler
 * relies on: schedules round-trip and list in order, due schedules are found and claimed once across nodes, a
 * claim's lease is renewed, released and recovered when it expired, one target is claimed by one run at a time,
 * and the retry attempt survives a release. Through the public store API only; the scheduler loop's own
 * behaviour (polling, repair of abandoned runs) is tested in core.
 *
 * @since 0.2.0
 */
public abstract class ScheduleLeaseContract extends StoreContract {
    /** A base for the suites; a store implementation extends {@link ShuffifyStoreContract}. */
    protected ScheduleLeaseContract() {
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
}
