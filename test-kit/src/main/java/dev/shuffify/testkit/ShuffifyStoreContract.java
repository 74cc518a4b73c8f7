package dev.shuffify.testkit;

import static dev.shuffify.testkit.StoreFixtures.T0;
import static dev.shuffify.testkit.StoreFixtures.finished;
import static dev.shuffify.testkit.StoreFixtures.running;
import static dev.shuffify.testkit.StoreFixtures.schedule;
import static org.assertj.core.api.Assertions.assertThat;
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
import dev.shuffify.model.UserSettings;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import dev.shuffify.store.ShuffifyStore;
import dev.shuffify.store.PlaylistLeaseStore;

/**
 * The behaviour every {@link ShuffifyStore} shares, as a JUnit 5 suite. The in-memory store, the embedded H2
 * store and the PostgreSQL store each run it; a new store's test extends it and implements
 * {@link #createStore()}:
 *
 * <pre>{@code
 * class MyStoreTest extends ShuffifyStoreContract {
 *     protected ShuffifyStore createStore() {
 *         return new MyStore(freshDatabase());
 *     }
 * }
 * }</pre>
 *
 * <p>It runs {@link ScheduleLeaseContract} and {@link ExecutionStoreContract} too, and adds snapshots, pairs, accounts,
 * settings, pins, activity, membership, playlist leases and job intents.
 *
 * @since 0.1.0
 */
public abstract class ShuffifyStoreContract extends ExecutionStoreContract {
    /** A base for a store's test. */
    protected ShuffifyStoreContract() {
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
    void aTokenWriteKeepsTheHealthAndAHealthWriteKeepsTheTokenStoredMeanwhile() {
        byte[] first = {1, 2, 3};
        byte[] rotated = {9, 8, 7, 6};
        store.accounts().save(new Account("alice", first, AccountHealth.DEGRADED, 2, "429 storm", T0));
        Account read = store.accounts().find("alice").orElseThrow();

        // another node rotates the token between this node's read and its health write
        store.accounts().saveRefreshToken("alice", rotated, T0.plusSeconds(1));
        assertThat(store.accounts().find("alice")).contains(
                new Account("alice", rotated, AccountHealth.DEGRADED, 2, "429 storm", T0.plusSeconds(1)));

        Account quarantined = new Account("alice", first, AccountHealth.QUARANTINED, 3, "503", T0.plusSeconds(2));
        assertThat(store.accounts().updateHealth(read, quarantined)).isTrue();
        assertThat(store.accounts().find("alice")).as("the rotated token is kept").contains(
                new Account("alice", rotated, AccountHealth.QUARANTINED, 3, "503", T0.plusSeconds(2)));
    }

    @Test
    void aHealthWriteFromAStaleReadChangesNothing() {
        store.accounts().save(new Account("alice", new byte[] {1}, AccountHealth.OK, 0, null, T0));
        Account read = store.accounts().find("alice").orElseThrow();
        Account oneFailure = new Account("alice", null, AccountHealth.OK, 1, "503", T0.plusSeconds(1));
        assertThat(store.accounts().updateHealth(read, oneFailure)).isTrue();

        // a second writer that read before the first wrote loses, and must read again
        Account stale = new Account("alice", null, AccountHealth.OK, 1, "timeout", T0.plusSeconds(2));
        assertThat(store.accounts().updateHealth(read, stale)).isFalse();
        assertThat(store.accounts().find("alice")).contains(
                new Account("alice", new byte[] {1}, AccountHealth.OK, 1, "503", T0.plusSeconds(1)));
        assertThat(store.accounts().updateHealth(new Account("bob", null, AccountHealth.OK, 0, null, T0),
                oneFailure)).as("no account, nothing written").isFalse();
        assertThat(store.accounts().find("bob")).isEmpty();
    }

    @Test
    void aTokenWriteForANewUserStartsAnAccountThatIsOk() {
        store.accounts().saveRefreshToken("carol", new byte[] {5, 5}, T0);
        assertThat(store.accounts().find("carol")).contains(
                new Account("carol", new byte[] {5, 5}, AccountHealth.OK, 0, null, T0));
        store.accounts().saveRefreshToken("carol", null, T0.plusSeconds(1));
        assertThat(store.accounts().find("carol").orElseThrow().encryptedRefreshToken()).isNull();
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
}
