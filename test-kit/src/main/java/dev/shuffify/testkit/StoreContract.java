package dev.shuffify.testkit;

import static dev.shuffify.testkit.StoreFixtures.schedule;
import dev.shuffify.model.Activity;
import dev.shuffify.model.ActivityType;
import dev.shuffify.model.JobIntent;
import dev.shuffify.model.Schedule;
import dev.shuffify.model.Snapshot;
import dev.shuffify.model.SnapshotType;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import dev.shuffify.store.ScheduleClaim;
import dev.shuffify.store.ShuffifyStore;

/**
 * The base of the store suites: a fresh store for each test from {@link #createStore()}, closed after it. The
 * suites build on each other: {@link ScheduleLeaseContract} (schedules, claims and leases),
 * {@link ExecutionStoreContract} (executions, batched starts and ends of runs) and
 * {@link ShuffifyStoreContract} (all of it, with snapshots, pairs, accounts, settings, pins, activity, membership, playlist
 * leases and job intents). A store implementation extends {@link ShuffifyStoreContract}.
 *
 * @since 0.2.0
 */
public abstract class StoreContract {
    /** The lease the claims of the suite take. */
    protected static final Duration LEASE = Duration.ofMinutes(5);

    /** The store under test, fresh and empty for each test. */
    protected ShuffifyStore store;

    /**
     * Creates a fresh, empty store.
     *
     * @return the store
     */
    protected abstract ShuffifyStore createStore();

    /** A base for the suites; they are abstract, extend {@link ShuffifyStoreContract}. */
    protected StoreContract() {
    }

    @BeforeEach
    void openStore() {
        store = createStore();
    }

    @AfterEach
    void closeStore() {
        store.close();
    }


    static Snapshot snapshot(String id, String user, String playlist, Instant at) {
        return new Snapshot(id, user, playlist, "", List.of("u:" + id), SnapshotType.MANUAL, "", at);
    }

    static Activity activity(String id, String user, Instant at) {
        return new Activity(id, user, ActivityType.SCHEDULE_RUN_SUCCEEDED, "ok " + id, Map.of(), at);
    }

    static JobIntent intent(String executionId, String scheduleId, Instant at) {
        return new JobIntent(executionId, scheduleId, "alice", "shuffle", at, List.of("pl-1", "pl-2"), List.of());
    }

    static String token(List<ScheduleClaim> claims, String scheduleId) {
        return claims.stream().filter(c -> c.scheduleId().equals(scheduleId)).findFirst().orElseThrow().token();
    }

    static Schedule withCreatedAt(Schedule s, Instant createdAt) {
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
