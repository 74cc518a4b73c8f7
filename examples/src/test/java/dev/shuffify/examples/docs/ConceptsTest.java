package dev.shuffify.examples.docs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.shuffify.Shuffify;
import dev.shuffify.memory.Fault;
import dev.shuffify.memory.Operation;
import dev.shuffify.model.Account;
import dev.shuffify.model.AccountHealth;
import dev.shuffify.model.DiscoverySource;
import dev.shuffify.model.Execution;
import dev.shuffify.model.ExecutionStatus;
import dev.shuffify.model.JobSpec;
import dev.shuffify.model.MisfirePolicy;
import dev.shuffify.model.Pin;
import dev.shuffify.model.RotationStatus;
import dev.shuffify.model.Schedule;
import dev.shuffify.model.ScheduleDefinition;
import dev.shuffify.model.Snapshot;
import dev.shuffify.model.SnapshotType;
import dev.shuffify.model.Trigger;
import dev.shuffify.model.UserSettings;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Runs the code of {@code docs/concepts.md} and checks what the page says about it. */
class ConceptsTest {

    final DocsWorld world = new DocsWorld();
    final Shuffify shuffify = world.shuffify();

    Schedule raid() {
        return shuffify.schedules().create("alice", ScheduleDefinition.of(JobSpec.builder("raid")
                .target("road-trip", "Road trip").source(DiscoverySource.playlist("friends-picks")).build(),
                Trigger.named("daily")));
    }

    Schedule shuffle(String target, String name) {
        return shuffify.schedules().create("alice", ScheduleDefinition.of(JobSpec.builder("shuffle")
                .target(target, name).algorithm("basic").build(), Trigger.named("daily")));
    }

    @Test
    void triggersDescribeThemselvesAndCronFollowsTheZonesClocks() {
        // 2026-03-29 is the spring-forward day in Paris: Monday 02:30 is already CEST (UTC+2)
        assertThat(Concepts.triggers())
                .containsExactly("daily", "every 90m", "cron '30 2 * * 1-5' Europe/Paris", "2026-03-30T00:30:00Z");
    }

    @Test
    void aScheduleIsCreatedChangedPausedAndDeleted() {
        List<Schedule> before = Concepts.scheduleLifecycle(shuffify);

        assertThat(before).singleElement().satisfies(s -> {
            assertThat(s.enabled()).isFalse();
            assertThat(s.nextRunAt()).isNull();
            assertThat(s.trigger().describe()).isEqualTo("weekly");
            assertThat(s.misfirePolicy()).isEqualTo(MisfirePolicy.SKIP);
        });
        assertThat(shuffify.schedules().list("alice")).isEmpty();
    }

    @Test
    void aBadScheduleIsRejectedWithEveryFieldNamedAndNothingStored() {
        assertThat(Concepts.rejected(shuffify)).containsExactly(
                "job.params.write_mode: must be one of replace, reorder, was 'sideways'",
                "job.algorithmParams.section_count: must be an integer 2..10, default 4, was 12");
        assertThat(shuffify.schedules().list("alice")).isEmpty();
    }

    @Test
    void aRunNowReturnsTheExecutionAndAFailedOneIsFoundInTheHistory() {
        Schedule raid = raid();

        Execution ok = Concepts.runAndHistory(shuffify, raid);
        assertThat(ok.status()).isEqualTo(ExecutionStatus.SUCCESS);
        assertThat(ok.tracksAdded()).isEqualTo(5);

        world.music.failOn(Operation.READ_PLAYLIST, 1, Fault.NOT_FOUND);
        Execution failed = Concepts.runAndHistory(shuffify, raid);
        assertThat(failed.status()).isEqualTo(ExecutionStatus.FAILED);
        assertThat(failed.errorMessage()).isNotBlank();
        assertThat(shuffify.runs().history("alice", raid.id(), 10)).extracting(Execution::status)
                .containsExactly(ExecutionStatus.FAILED, ExecutionStatus.SUCCESS);
    }

    @Test
    void aRestoreFirstSnapshotsTheCurrentState() {
        Snapshot safety = Concepts.snapshots(shuffify);

        assertThat(safety.type()).isEqualTo(SnapshotType.AUTO_PRE_RESTORE);
        assertThat(shuffify.snapshots().list("alice", "road-trip")).extracting(Snapshot::type)
                .containsExactly(SnapshotType.AUTO_PRE_RESTORE, SnapshotType.MANUAL);
        assertThat(shuffify.users().settings("alice")).isEqualTo(new UserSettings(true, 25));
    }

    @Test
    void aJobTakesASnapshotBeforeItsFirstWriteWhenAutoSnapshotIsOn() {
        Execution run = shuffify.runs().runNow("alice", shuffle("road-trip", "Road trip").id());

        assertThat(run.status()).isEqualTo(ExecutionStatus.SUCCESS);
        assertThat(shuffify.snapshots().list("alice", "road-trip")).extracting(Snapshot::type)
                .containsExactly(SnapshotType.AUTO_PRE_SHUFFLE);
        shuffify.users().updateSettings("alice", new UserSettings(false, 10));
        shuffify.runs().runNow("alice", shuffle("road-trip", "Road trip").id());
        assertThat(shuffify.snapshots().list("alice", "road-trip")).hasSize(1);
    }

    @Test
    void pairsAreMadeWithAnExistingOrANewArchive() {
        RotationStatus status = Concepts.pairs(shuffify);

        assertThat(status.isReady()).isTrue();
        assertThat(status.pair().orElseThrow().archive().id()).isEqualTo("road-trip-archive");
        assertThat(shuffify.pairs().list("alice")).hasSize(1);
        assertThat(world.music.forUser("alice").playlists()).anySatisfy(p ->
                assertThat(p.name()).isEqualTo("Gym (archive)"));
    }

    @Test
    void aBadPairIsRejectedNamingTheField() {
        shuffify.pairs().create("alice", "road-trip", "road-trip-archive");

        assertThatThrownBy(() -> shuffify.pairs().createWithNewArchive("alice", "friends-picks"))
                .hasMessageContaining("productionId: playlist 'friends-picks' is not one of the user's own playlists");
        assertThatThrownBy(() -> shuffify.pairs().create("alice", "road-trip", "gym"))
                .hasMessageContaining("productionId: playlist 'road-trip' is already paired; delete that pair first");
        assertThatThrownBy(() -> shuffify.pairs().create("alice", "gym", "gym")).hasMessageContaining(
                "archiveId: the archive must be another playlist than the production playlist 'gym'");
    }

    @Test
    void pinsByTrackAndByPosition() {
        List<Pin> left = Concepts.pins(shuffify);

        assertThat(left).singleElement().satisfies(p -> {
            assertThat(p.isByUri()).isFalse();
            assertThat(p.fromPosition()).isZero();
            assertThat(p.toPosition()).isEqualTo(1);
        });
    }

    @Test
    void aShuffleKeepsPinnedTracksInPlace() {
        List<String> before = world.music.uris("road-trip");
        shuffify.pins().pinTrack("alice", "road-trip", "spotify:track:t5");
        shuffify.pins().pinPositions("alice", "road-trip", 0, 1);

        shuffify.runs().runNow("alice", shuffle("road-trip", "Road trip").id());

        List<String> after = world.music.uris("road-trip");
        assertThat(after).isNotEqualTo(before).containsExactlyInAnyOrderElementsOf(before);
        assertThat(after.subList(0, 2)).isEqualTo(before.subList(0, 2));
        assertThat(after.get(4)).isEqualTo("spotify:track:t5");
    }

    @Test
    void aQuarantinedAccountsScheduledRunsAreSkippedButARunNowRuns() {
        Schedule schedule = shuffle("road-trip", "Road trip");
        assertThat(Concepts.accountHealth(shuffify)).isEqualTo(AccountHealth.OK);

        world.store.accounts().save(new Account("alice", null, AccountHealth.QUARANTINED, 10, "HTTP 503",
                world.clock.instant()));
        assertThat(Concepts.accountHealth(shuffify)).isEqualTo(AccountHealth.QUARANTINED);

        Execution scheduled = shuffify.operations().execute(schedule.id()).orElseThrow();
        assertThat(scheduled.status()).isEqualTo(ExecutionStatus.SKIPPED);
        assertThat(scheduled.errorMessage())
                .isEqualTo("account of user 'alice' is quarantined after 10 consecutive failures: HTTP 503");
        assertThat(shuffify.runs().runNow("alice", schedule.id()).status()).isEqualTo(ExecutionStatus.SUCCESS);
    }

    @Test
    void theActivityFeedTellsWhatHappened() {
        Schedule raid = raid();
        shuffify.runs().runNow("alice", raid.id());

        assertThat(Concepts.activity(shuffify)).containsExactly(
                "2026-01-01T00:00:00Z  raid of 'Road trip' succeeded: 5 added, 0 removed, 17 in total",
                "2026-01-01T00:00:00Z  created a raid schedule");
    }

    @Test
    void aPreviewListsTheWritesAndChangesNothing() {
        Schedule raid = raid();
        List<String> before = world.music.uris("road-trip");

        assertThat(Concepts.preview(shuffify, raid)).containsExactly("ADD road-trip: 5 track(s)");
        assertThat(world.music.uris("road-trip")).isEqualTo(before);
        assertThat(shuffify.runs().history("alice", raid.id(), 10)).isEmpty();
        assertThat(shuffify.snapshots().list("alice", "road-trip")).isEmpty();
    }

    @Test
    void aRunThatLeavesAPlaylistShortIsRolledBack() {
        world.music.createPlaylist("alice", "big", "Big", DocsWorld.tracks("b", 1, 150));
        List<String> before = world.music.uris("big");
        Schedule schedule = shuffle("big", "Big");
        world.music.failOn(Operation.ADD, 1, Fault.SERVER_ERROR);   // the append after the first 100

        Execution run = Concepts.runAndHistory(shuffify, schedule);

        assertThat(run.status()).isEqualTo(ExecutionStatus.FAILED_ROLLED_BACK);
        assertThat(run.errorMessage()).contains("; the failure left 50 track(s) in no playlist: ")
                .endsWith("; restored the playlists as they were before the job");
        assertThat(world.music.uris("big")).isEqualTo(before);
    }

    @Test
    void withoutVerificationNothingIsReReadAfterTheJob() {
        Schedule schedule = Concepts.withoutVerification(shuffify,
                JobSpec.builder("shuffle").target("road-trip", "Road trip").algorithm("basic").build());
        assertThat(schedule.verifyWrites()).isFalse();

        world.music.resetCalls();
        shuffify.runs().runNow("alice", schedule.id());
        assertThat(world.music.count(Operation.REPLACE)).isEqualTo(1);
        assertThat(world.music.count(Operation.READ_PLAYLIST)).isEqualTo(1);
    }

    @Test
    void withVerificationThePlaylistIsReReadAfterTheJob() {
        world.music.resetCalls();
        shuffify.runs().runNow("alice", shuffle("road-trip", "Road trip").id());
        assertThat(world.music.count(Operation.READ_PLAYLIST)).isEqualTo(2);
    }

    @Test
    void aManualRunDoesNotMoveTheNextRun() {
        Schedule schedule = shuffle("gym", "Gym");
        world.clock.advance(Duration.ofHours(3));
        shuffify.runs().runNow("alice", schedule.id());
        assertThat(shuffify.schedules().get("alice", schedule.id()).nextRunAt()).isEqualTo(schedule.nextRunAt());
    }

    @Test
    void aScheduledRunMovesTheNextRunToTheEndOfTheRunPlusTheInterval() {
        Schedule schedule = shuffle("gym", "Gym");
        world.clock.advance(Duration.ofHours(25));
        shuffify.operations().execute(schedule.id());
        assertThat(shuffify.schedules().get("alice", schedule.id()).nextRunAt())
                .isEqualTo(world.clock.instant().plus(Duration.ofDays(1)));
    }
}
