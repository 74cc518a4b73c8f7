package dev.shuffify.executor.raid;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.shuffify.Shuffify;
import dev.shuffify.error.ValidationException;
import dev.shuffify.error.ValidationException.FieldError;
import dev.shuffify.executor.raid.discovery.PlaylistDiscovery;
import dev.shuffify.memory.InMemoryPlaylistService;
import dev.shuffify.model.DiscoverySource;
import dev.shuffify.model.Execution;
import dev.shuffify.model.ExecutionStatus;
import dev.shuffify.model.JobSpec;
import dev.shuffify.model.Schedule;
import dev.shuffify.model.ScheduleDefinition;
import dev.shuffify.model.Track;
import dev.shuffify.model.Trigger;
import dev.shuffify.testkit.TestClock;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** {@code excluded_tracks} through the public facade: a malformed track id is refused before anything is stored. */
class ExcludedTracksThroughTheFacadeTest {
    final TestClock clock = TestClock.standard();
    final InMemoryPlaylistService music = new InMemoryPlaylistService(clock);
    final Shuffify shuffify = Shuffify.builder().connector(music).clock(clock).autoDiscovery(false)
            .jobType(new RaidExecutor()).discoveryStrategy(new PlaylistDiscovery()).build();

    ExcludedTracksThroughTheFacadeTest() {
        music.createPlaylist("alice", "target", "Target", List.of());
        music.createPlaylist("alice", "source", "Source", List.of(Track.ofUri("spotify:track:4uLU6hMCjMI75M1A2tKUQC")));
        music.resetCalls();
    }

    private static ScheduleDefinition raidExcluding(List<String> excluded) {
        JobSpec job = JobSpec.builder("raid").target("target", "Target").source(DiscoverySource.playlist("source"))
                .param("excluded_tracks", excluded).build();
        return ScheduleDefinition.of(job, Trigger.named("daily"));
    }

    @Test
    void aBareFortyTwoIsRefusedNamingTheFieldAndNothingIsStored() {
        assertThatThrownBy(() -> shuffify.schedules().create("alice", raidExcluding(List.of("42"))))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.errors()).singleElement()
                        .satisfies(error -> {
                            assertThat(error.field()).isEqualTo("job.params.excluded_tracks[0]");
                            assertThat(error.message()).contains("'42'")
                                    .contains("exactly 22 letters and digits")
                                    .contains("a spotify:track:… uri or an https://open.spotify.com/track/… link");
                        }));
        assertThat(shuffify.schedules().list("alice")).isEmpty();
        assertThat(music.calls()).isEmpty();
    }

    @Test
    void everyMalformedEntryIsNamedByItsIndex() {
        List<String> entries = List.of("spotify:track:4uLU6hMCjMI75M1A2tKUQC", "spotify:track:42",
                "https://open.spotify.com/track/4uLU6hMCjMI75M1A2tKU-C?si=1");

        assertThatThrownBy(() -> shuffify.schedules().create("alice", raidExcluding(entries)))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.errors())
                        .extracting(FieldError::field)
                        .containsExactly("job.params.excluded_tracks[1]", "job.params.excluded_tracks[2]"));
        assertThat(shuffify.schedules().list("alice")).isEmpty();
    }

    @Test
    void aLongMalformedEntryIsQuotedOnlyInPart() {
        String tail = "z".repeat(5_000);
        String entry = "https://open.spotify.com/track/4uLU6hMCjMI75M1A2tKUQCx?si=" + tail;

        assertThatThrownBy(() -> shuffify.schedules().create("alice", raidExcluding(List.of(entry))))
                .isInstanceOfSatisfying(ValidationException.class, e -> {
                    FieldError error = e.errors().get(0);
                    assertThat(error.field()).isEqualTo("job.params.excluded_tracks[0]");
                    assertThat(error.message()).contains("'" + entry.substring(0, 64) + "…'")
                            .doesNotContain(entry.substring(0, 65)).contains("exactly 22 letters and digits");
                });
        assertThat(shuffify.schedules().list("alice")).isEmpty();
    }

    @Test
    void aUriALinkAndABareIdAreStoredAndTheirTrackIsNeverAdded() {
        List<String> entries = List.of("spotify:track:4uLU6hMCjMI75M1A2tKUQC",
                "https://open.spotify.com/track/4uLU6hMCjMI75M1A2tKUQC?si=1f", "4uLU6hMCjMI75M1A2tKUQC");

        Schedule schedule = shuffify.schedules().create("alice", raidExcluding(entries));

        assertThat(shuffify.schedules().list("alice")).extracting(Schedule::id).containsExactly(schedule.id());
        Execution run = shuffify.runs().runNow("alice", schedule.id());
        assertThat(run.status()).isEqualTo(ExecutionStatus.SUCCESS);
        assertThat(run.tracksAdded()).isZero();
        assertThat(run.details().get("skipped")).isEqualTo(Map.of("excluded", 1));
        assertThat(music.uris("target")).isEmpty();
    }
}
