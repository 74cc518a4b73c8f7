package dev.shuffify.testing;

import dev.shuffify.testkit.TestClock;
import static org.assertj.core.api.Assertions.assertThat;

import dev.shuffify.Shuffify;
import dev.shuffify.memory.InMemoryPlaylistService;
import dev.shuffify.model.Execution;
import dev.shuffify.model.ExecutionStatus;
import dev.shuffify.model.JobIntent;
import dev.shuffify.model.JobResult;
import dev.shuffify.model.JobSpec;
import dev.shuffify.model.Schedule;
import dev.shuffify.model.ScheduleDefinition;
import dev.shuffify.model.Track;
import dev.shuffify.model.Trigger;
import dev.shuffify.model.UserSettings;
import dev.shuffify.testing.EngineBranchesTest.Lambda;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/** The engine records a job's intent before its first write to each playlist, and clears it with the outcome. */
class IntentRecordingTest {
    static final String USER = "alice";

    final TestClock clock = TestClock.standard();
    final InMemoryPlaylistService music = new InMemoryPlaylistService(clock).addUser(USER);
    final FailingStore failing = new FailingStore();

    Shuffify facade(Lambda job) {
        return Shuffify.builder().connector(music).clock(clock).store(failing.store()).autoDiscovery(false)
                .jobType(job).build();
    }

    Schedule schedule(Shuffify shuffify, String type) {
        return shuffify.schedules().create(USER, ScheduleDefinition.of(JobSpec.builder(type).target("p1", "Mix")
                .build(), Trigger.named("daily")));
    }

    @Test
    void theIntentHoldsEachWrittenPlaylistsPreJobStateWhileTheJobRunsAndIsClearedAfter() {
        music.createPlaylist(USER, "p1", "Mix", EngineLifecycleTest.tracks(3));
        music.createPlaylist(USER, "p2", "Other", EngineLifecycleTest.tracks(2));
        List<String> p1 = music.uris("p1");
        List<String> p2 = music.uris("p2");
        AtomicReference<Optional<JobIntent>> afterFirst = new AtomicReference<>();
        AtomicReference<Optional<JobIntent>> afterSecond = new AtomicReference<>();
        Shuffify shuffify = facade(new Lambda("two", c -> {
            c.playlists().playlist("p2");
            c.playlists().addTracks("p1", List.of("spotify:track:new"), null);
            afterFirst.set(failing.healthy().intents().find(c.executionId()));
            c.playlists().removeTracks("p2", p2.subList(0, 1));
            c.playlists().addTracks("p1", List.of("spotify:track:new2"), null);
            afterSecond.set(failing.healthy().intents().find(c.executionId()));
            return JobResult.of(2, 0, 5);
        }));
        shuffify.users().updateSettings(USER, new UserSettings(false, 10)); // auto-snapshots off: the intent is kept anyway
        Schedule s = schedule(shuffify, "two");

        Execution done = shuffify.runs().runNow(USER, s.id());

        assertThat(afterFirst.get()).hasValueSatisfying(i -> {
            assertThat(i.scheduleId()).isEqualTo(s.id());
            assertThat(i.playlists()).contains("p1");
            assertThat(i.before()).extracting(JobIntent.PlaylistBefore::playlistId).containsExactly("p1");
            assertThat(i.before("p1").orElseThrow().uris()).isEqualTo(p1);
        });
        assertThat(afterSecond.get()).hasValueSatisfying(i -> {
            assertThat(i.before()).extracting(JobIntent.PlaylistBefore::playlistId).containsExactly("p1", "p2");
            assertThat(i.before("p1").orElseThrow().uris()).as("the first state is kept").isEqualTo(p1);
            assertThat(i.before("p2").orElseThrow().uris()).isEqualTo(p2);
        });
        assertThat(shuffify.snapshots().list(USER, "p1")).isEmpty();
        assertThat(done.status()).isEqualTo(ExecutionStatus.SUCCESS);
        assertThat(failing.healthy().intents().list(10)).isEmpty();
    }

    @Test
    void aJobWhoseIntentCannotBeStoredWritesNothingAndSaysWhy() {
        List<Track> tracks = EngineLifecycleTest.tracks(3);
        music.createPlaylist(USER, "p1", "Mix", tracks);
        failing.fail("intents.save");
        Shuffify shuffify = facade(new Lambda("reverse", c -> {
            List<String> reversed = new ArrayList<>(c.playlists().playlist("p1").uris());
            java.util.Collections.reverse(reversed);
            c.playlists().replaceAll("p1", reversed);
            return JobResult.of(0, 0, 3);
        }));
        Schedule s = schedule(shuffify, "reverse");
        music.resetCalls();

        Execution done = shuffify.operations().execute(s.id()).orElseThrow();

        assertThat(done.status()).isEqualTo(ExecutionStatus.FAILED);
        assertThat(done.errorMessage()).contains("could not record the job's intent before its first write to "
                + "playlist 'p1', so nothing was written to it");
        assertThat(music.writeCalls()).isZero();
        assertThat(music.uris("p1")).isEqualTo(EngineLifecycleTest.uris(tracks));
    }
}
