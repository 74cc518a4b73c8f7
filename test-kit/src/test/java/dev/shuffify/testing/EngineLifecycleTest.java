package dev.shuffify.testing;

import dev.shuffify.testkit.TestClock;
import dev.shuffify.testkit.HarnessRun;
import dev.shuffify.testkit.ExecutorHarness;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.shuffify.event.JobEvent;
import dev.shuffify.error.NotFoundException;
import dev.shuffify.error.PluginException;
import dev.shuffify.Shuffify;
import dev.shuffify.error.ValidationException;
import dev.shuffify.memory.Fault;
import dev.shuffify.memory.InMemoryPlaylistService;
import dev.shuffify.memory.Operation;
import dev.shuffify.model.Activity;
import dev.shuffify.model.ActivityType;
import dev.shuffify.model.Artist;
import dev.shuffify.model.Album;
import dev.shuffify.model.Execution;
import dev.shuffify.model.ExecutionStatus;
import dev.shuffify.model.JobSpec;
import dev.shuffify.model.PlannedChange;
import dev.shuffify.model.Preview;
import dev.shuffify.model.Schedule;
import dev.shuffify.model.ScheduleDefinition;
import dev.shuffify.model.Snapshot;
import dev.shuffify.model.SnapshotType;
import dev.shuffify.model.Track;
import dev.shuffify.model.Trigger;
import dev.shuffify.model.UserSettings;
import dev.shuffify.store.InMemoryShuffifyStore;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class EngineLifecycleTest {

    static List<Track> tracks(int n) {
        return IntStream.range(0, n).mapToObj(i -> Track.of("t" + i, "Song " + i, new Artist("a" + (i % 7),
                "Artist " + (i % 7)), new Album("al" + (i % 11), "Album " + (i % 11), "2020-01-01"))).toList();
    }

    static List<String> uris(List<Track> tracks) {
        return tracks.stream().map(Track::uri).toList();
    }

    final ExecutorHarness harness = ExecutorHarness.builder().jobType(new TestJobs.Reverse())
            .jobType(new TestJobs.Append()).jobType(new TestJobs.Wipe()).build();

    @Test
    void successfulRunIsRecordedWithSnapshotHistoryActivityAndNextRun() {
        harness.playlist("p1", "Mix", tracks(250));
        HarnessRun run = harness.run(JobSpec.builder("reverse").target("p1", "Mix").build());

        assertThat(run.status()).isEqualTo(ExecutionStatus.SUCCESS);
        List<String> expected = new ArrayList<>(uris(tracks(250)));
        Collections.reverse(expected);
        assertThat(harness.music().uris("p1")).isEqualTo(expected);
        // one read, then a replace of 100 and two appends; verification re-reads once
        assertThat(run.count(Operation.REPLACE)).isEqualTo(1);
        assertThat(run.count(Operation.ADD)).isEqualTo(2);
        assertThat(run.snapshots()).singleElement().satisfies(s -> {
            assertThat(s.type()).isEqualTo(SnapshotType.AUTO_PRE_SHUFFLE);
            assertThat(s.uris()).isEqualTo(uris(tracks(250)));
        });
        Schedule after = run.schedule();
        assertThat(after.lastStatus()).isEqualTo(ExecutionStatus.SUCCESS);
        assertThat(after.lastError()).isNull();
        assertThat(after.lastRunAt()).isEqualTo(harness.clock().instant());
        assertThat(harness.shuffify().runs().history(harness.userId(), after.id(), 10)).extracting(Execution::id)
                .containsExactly(run.execution().id());
        assertThat(harness.shuffify().users().activity(harness.userId(), 10)).extracting(Activity::type)
                .contains(ActivityType.SCHEDULE_RUN_SUCCEEDED, ActivityType.SCHEDULE_CREATED);
    }

    @Test
    void invalidScheduleIsRejectedNamingTheFieldAndNothingIsStored() {
        harness.playlist("p1", "Mix", tracks(3));
        assertThatThrownBy(() -> harness.schedule(JobSpec.builder("nope").target("p1", "Mix").build()))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.getMessage())
                        .contains("job.type").contains("nope").contains("reverse"));
        assertThatThrownBy(() -> harness.schedule(JobSpec.builder("append").target("p1", "Mix").build()))
                .isInstanceOf(ValidationException.class).hasMessageContaining("uris");
        assertThatThrownBy(() -> harness.schedule(JobSpec.builder("append").target("p1", "Mix")
                .param("uris", List.of("spotify:track:x")).param("colour", "red").build()))
                .isInstanceOf(ValidationException.class).hasMessageContaining("colour");
        assertThat(harness.shuffify().schedules().list(harness.userId())).isEmpty();
    }

    @Test
    void failedJobThatLostTracksIsRolledBack() {
        harness.playlist("p1", "Mix", tracks(120));
        HarnessRun run = harness.run(JobSpec.builder("wipe").target("p1", "Mix").build());

        assertThat(run.status()).isEqualTo(ExecutionStatus.FAILED_ROLLED_BACK);
        assertThat(run.execution().errorMessage()).contains("wipe failed on purpose");
        assertThat(harness.music().uris("p1")).isEqualTo(uris(tracks(120)));
        assertThat(run.schedule().lastStatus()).isEqualTo(ExecutionStatus.FAILED_ROLLED_BACK);
    }

    @Test
    void partialSafeWritesAreKeptAndTheRunIsFailed() {
        harness.playlist("p1", "Mix", tracks(2));
        List<String> extra = IntStream.range(0, 150).mapToObj(i -> "spotify:track:new" + i).toList();
        harness.music().failOn(Operation.ADD, 2, Fault.SERVER_ERROR);
        HarnessRun run = harness.run(JobSpec.builder("append").target("p1", "Mix").param("uris", extra).build());

        assertThat(run.status()).isEqualTo(ExecutionStatus.FAILED);
        assertThat(run.execution().errorMessage()).contains("502");
        assertThat(harness.music().uris("p1")).hasSize(102);
    }

    @Test
    void runNowOfAnotherUsersScheduleIsNotFound() {
        harness.playlist("p1", "Mix", tracks(3));
        Schedule s = harness.schedule(JobSpec.builder("reverse").target("p1", "Mix").build());
        assertThatThrownBy(() -> harness.shuffify().runs().runNow("mallory", s.id()))
                .isInstanceOf(NotFoundException.class).hasMessageNotContaining(harness.userId());
        assertThat(harness.music().uris("p1")).isEqualTo(uris(tracks(3)));
    }

    @Test
    void previewWritesNothingAndListsTheIntendedChanges() {
        harness.playlist("p1", "Mix", tracks(5));
        harness.music().resetCalls();
        Preview preview = harness.preview(JobSpec.builder("append").target("p1", "Mix")
                .param("uris", List.of("spotify:track:x", "spotify:track:y")).build());

        assertThat(harness.music().writeCalls()).isZero();
        assertThat(harness.music().uris("p1")).isEqualTo(uris(tracks(5)));
        assertThat(preview.adds("p1")).containsExactly("spotify:track:x", "spotify:track:y");
        assertThat(preview.changes()).extracting(PlannedChange::operation).containsOnly(PlannedChange.Operation.ADD);
        assertThat(preview.result().tracksTotal()).isEqualTo(7);
        assertThat(harness.store().executions().countByStatus()).isEmpty();
    }

    @Test
    void missingCredentialsFailTheRunWithLoginMessage() {
        InMemoryPlaylistService music = new InMemoryPlaylistService(TestClock.standard());
        music.addUser("alice");
        music.createPlaylist("alice", "p1", "Mix", tracks(3));
        Shuffify shuffify = Shuffify.builder().connector(userId -> {
            throw new dev.shuffify.error.AuthenticationException(dev.shuffify.error.AuthenticationException.MUST_LOG_IN_AGAIN);
        }).jobType(new TestJobs.Reverse()).autoDiscovery(false).clock(TestClock.standard()).build();
        Schedule s = shuffify.schedules().create("alice",
                ScheduleDefinition.of(JobSpec.builder("reverse").target("p1", "Mix").build(), Trigger.named("daily")));

        Optional<Execution> done = shuffify.operations().execute(s.id());
        assertThat(done).get().satisfies(e -> {
            assertThat(e.status()).isEqualTo(ExecutionStatus.FAILED);
            assertThat(e.errorMessage()).contains("user must log in again");
        });
        assertThat(shuffify.schedules().get("alice", s.id()).lastError()).contains("user must log in again");
    }

    @Test
    void executeNeverThrowsForAMissingOrDisabledSchedule() {
        harness.playlist("p1", "Mix", tracks(3));
        assertThat(harness.shuffify().operations().execute("missing")).isEmpty();
        Schedule s = harness.schedule(JobSpec.builder("reverse").target("p1", "Mix").build());
        harness.shuffify().schedules().setEnabled(harness.userId(), s.id(), false);
        assertThat(harness.shuffify().operations().execute(s.id())).isEmpty();
        assertThat(harness.music().uris("p1")).isEqualTo(uris(tracks(3)));
    }

    @Test
    void nextRunFollowsTheTriggerAfterARun() {
        harness.playlist("p1", "Mix", tracks(3));
        Schedule s = harness.shuffify().schedules().create(harness.userId(), ScheduleDefinition.of(
                JobSpec.builder("reverse").target("p1", "Mix").build(), Trigger.named("hourly")));
        assertThat(s.nextRunAt()).isEqualTo(harness.clock().instant().plus(Duration.ofHours(1)));
        harness.clock().advance(Duration.ofMinutes(61));
        Execution e = harness.shuffify().operations().execute(s.id()).orElseThrow();
        assertThat(e.status()).isEqualTo(ExecutionStatus.SUCCESS);
        assertThat(harness.shuffify().schedules().get(harness.userId(), s.id()).nextRunAt())
                .isEqualTo(harness.clock().instant().plus(Duration.ofHours(1)));
    }

    @Test
    void restoreWritesTheSnapshotBackAfterTakingAPreRestoreSnapshot() {
        harness.playlist("p1", "Mix", tracks(150));
        HarnessRun run = harness.run(JobSpec.builder("reverse").target("p1", "Mix").build());
        Snapshot pre = run.snapshots().get(0);
        List<String> reversed = harness.music().uris("p1");

        Snapshot safety = harness.shuffify().snapshots().restore(harness.userId(), pre.id()).safety();
        assertThat(harness.music().uris("p1")).isEqualTo(uris(tracks(150)));
        assertThat(safety.type()).isEqualTo(SnapshotType.AUTO_PRE_RESTORE);
        assertThat(safety.uris()).isEqualTo(reversed);
        assertThatThrownBy(() -> harness.shuffify().snapshots().restore("mallory", pre.id()))
                .isInstanceOf(NotFoundException.class);
    }

    @Test
    void autoSnapshotOffTakesNoSnapshot() {
        harness.playlist("p1", "Mix", tracks(4));
        harness.shuffify().users().updateSettings(harness.userId(), new UserSettings(false, 10));
        HarnessRun run = harness.run(JobSpec.builder("reverse").target("p1", "Mix").build());
        assertThat(run.succeeded()).isTrue();
        assertThat(run.snapshots()).isEmpty();
    }

    @Test
    void listenersSeeStartAndOutcome() {
        List<JobEvent.Type> seen = new ArrayList<>();
        InMemoryPlaylistService music = new InMemoryPlaylistService(TestClock.standard());
        music.createPlaylist("alice", "p1", "Mix", tracks(3));
        Shuffify shuffify = Shuffify.builder().connector(music).jobType(new TestJobs.Reverse())
                .autoDiscovery(false).listener(e -> seen.add(e.type())).store(new InMemoryShuffifyStore()).build();
        Schedule s = shuffify.schedules().create("alice",
                ScheduleDefinition.of(JobSpec.builder("reverse").target("p1", "Mix").build(), Trigger.named("daily")));
        shuffify.runs().runNow("alice", s.id());
        assertThat(seen).startsWith(JobEvent.Type.STARTED).endsWith(JobEvent.Type.SUCCEEDED);
    }

    @Test
    void duplicatePluginIdsFailFastNamingBothClasses() {
        assertThatThrownBy(() -> Shuffify.builder().connector(new InMemoryPlaylistService())
                .jobType(new TestJobs.Reverse()).jobType(new TestJobs.Reverse() {
                }).autoDiscovery(false).build())
                .isInstanceOf(PluginException.class).hasMessageContaining("reverse")
                .hasMessageContaining("TestJobs$Reverse").hasMessageContaining("EngineLifecycleTest$");
    }

    @Test
    void pairsAreValidatedAgainstTheUsersPlaylists() {
        harness.playlist("prod", "Prod", tracks(3));
        harness.playlist("arch", "Arch", List.of());
        harness.music().createPlaylist("bob", "bobs", "Bob's", tracks(2));
        assertThatThrownBy(() -> harness.pair("prod", "prod")).isInstanceOf(ValidationException.class)
                .hasMessageContaining("archive");
        assertThatThrownBy(() -> harness.pair("prod", "bobs")).isInstanceOf(ValidationException.class)
                .hasMessageContaining("bobs");
        assertThat(harness.pair("prod", "arch").archive().id()).isEqualTo("arch");
        assertThatThrownBy(() -> harness.pair("prod", "arch")).isInstanceOf(ValidationException.class)
                .hasMessageContaining("already paired");
        assertThat(harness.shuffify().pairs().rotationStatus(harness.userId(), "prod").isReady()).isTrue();
        assertThat(harness.shuffify().pairs().rotationStatus(harness.userId(), "arch").isReady()).isFalse();
    }

    @Test
    void idsAndTimesComeFromTheInjectedSources() {
        harness.playlist("p1", "Mix", tracks(2));
        Instant at = harness.clock().advance(Duration.ofDays(3));
        HarnessRun run = harness.run(JobSpec.builder("reverse").target("p1", "Mix").build());
        assertThat(run.execution().startedAt()).isEqualTo(at);
        assertThat(run.execution().id()).startsWith("id-");
    }

    @Test
    void aPlaylistTheUserDoesNotOwnIsNotRestoredAndNothingIsStored() {
        harness.music().createPlaylist("bob", "bobs", "Bob's", tracks(4));
        Snapshot taken = harness.shuffify().snapshots().take(harness.userId(), "bobs");
        assertThatThrownBy(() -> harness.shuffify().snapshots().restore(harness.userId(), taken.id()))
                .isInstanceOf(ValidationException.class).hasMessageContaining("bobs");
        assertThat(harness.shuffify().snapshots().list(harness.userId(), "bobs")).containsExactly(taken);
        assertThat(harness.music().uris("bobs")).isEqualTo(uris(tracks(4)));
    }
}
