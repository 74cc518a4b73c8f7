package dev.shuffify.examples.docs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.shuffify.Shuffify;
import dev.shuffify.error.ValidationException;
import dev.shuffify.model.DiscoverySource;
import dev.shuffify.model.ExecutionStatus;
import dev.shuffify.model.JobSpec;
import dev.shuffify.model.RotationStatus;
import dev.shuffify.model.ScheduleDefinition;
import dev.shuffify.model.Trigger;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The jobs of {@code docs/job-types.md} are valid schedules and run; the error messages the page quotes are the
 * ones the job types give.
 */
class JobTypesTest {

    static final Path PAGE = Path.of("..", "docs", "job-types.md");

    final DocsWorld world = new DocsWorld();
    final Shuffify shuffify = world.shuffify();

    JobTypesTest() {
        world.music.createPlaylist("alice", "37i9dQZF1DX0XUsuxWHRQd", "Road trip", DocsWorld.tracks("r", 1, 10));
        world.music.createPlaylist("alice", "4rOoJ6Egrf8K2IrywzwOMk", "Road trip (archive)",
                DocsWorld.tracks("x", 1, 6));
        world.music.createPlaylist("alice", "37i9dQZF1DXcBWIGoYBM5M", "Morning mix", DocsWorld.tracks("m", 1, 20));
    }

    @Test
    void everyJobOnThePageIsAValidSchedule() {
        List<JobSpec> jobs = Stream.concat(Stream.of(JobTypes.raid(), JobTypes.drip()), JobTypes.chains().stream())
                .toList();
        for (JobSpec job : jobs) {
            assertThat(shuffify.schedules().create("alice", ScheduleDefinition.of(job, Trigger.named("daily"))).jobType())
                    .isEqualTo(job.type());
        }
        for (DiscoverySource source : JobTypes.sources()) {
            shuffify.schedules().create("alice", ScheduleDefinition.of(JobSpec.builder("raid")
                    .target("37i9dQZF1DX0XUsuxWHRQd", "Road trip").source(source).build(), Trigger.named("daily")));
        }
        assertThat(shuffify.schedules().list("alice")).hasSize(jobs.size() + 5);
    }

    @Test
    void theNightlyShuffleIsPreviewedAndRuns() {
        try (Shuffify nightly = JobTypes.nightlyShuffle(world.store, world.music)) {
            String id = nightly.schedules().list("alice").get(0).id();
            assertThat(nightly.runs().runNow("alice", id).status()).isEqualTo(ExecutionStatus.SUCCESS);
            assertThat(nightly.runs().history("alice", id, 1).get(0).details()).containsEntry("writeMode", "reorder");
        }
    }

    @Test
    void theRotationQuickStartPairsSchedulesAndRuns() {
        RotationStatus status = JobTypes.rotate(shuffify);

        assertThat(status.isReady()).isTrue();
        String id = status.schedule().orElseThrow().id();
        assertThat(shuffify.runs().runNow("alice", id).tracksAdded()).isEqualTo(3);
        assertThat(world.music.uris("37i9dQZF1DX0XUsuxWHRQd")).hasSize(10)
                .contains("spotify:track:x1", "spotify:track:x2", "spotify:track:x3");
    }

    static Stream<Arguments> rejected() {
        return Stream.of(
                Arguments.of(raid().param("limit", 0).build(),
                        "job.params.limit: must be an integer >= 1, was 0"),
                Arguments.of(raid().param("maxPerArtist", 2).build(), "job.params.maxPerArtist: unknown "
                        + "parameter; allowed: limit, max_per_artist, cooldown_days, excluded_tracks"),
                Arguments.of(raid().param("excluded_tracks", List.of("6rqhFgbbKwnb9MLmUQDhG6", "spotify:artist:abc"))
                        .build(), "job.params.excluded_tracks[1]: 'spotify:artist:abc' names an artist, not a track; "
                                + "expected a track id, a spotify:track:… uri or an https://open.spotify.com/track/… "
                                + "link"),
                Arguments.of(raid().param("excluded_tracks", List.of("42")).build(),
                        "job.params.excluded_tracks[0]: '42' does not name a track by a valid id: a Spotify track id "
                                + "is exactly 22 letters and digits (A-Z, a-z, 0-9); expected a track id, a "
                                + "spotify:track:… uri or an https://open.spotify.com/track/… link with such an id, "
                                + "or a spotify:episode:… uri or link"),
                Arguments.of(raid().source(DiscoverySource.playlist("37i9dQZF1DX0XUsuxWHRQd")).build(),
                        "job.sources[0].argument: is the playlist this raid fills; a raid cannot take tracks from its "
                                + "own destination"),
                Arguments.of(raid().source(DiscoverySource.playlist("p1"))
                        .source(DiscoverySource.playlist("spotify:album:xyz")).build(),
                        "job.sources[1].argument: 'spotify:album:xyz' names an album, not a playlist; expected a "
                                + "playlist id, a spotify:playlist:… uri or an https://open.spotify.com/playlist/… "
                                + "link"),
                Arguments.of(raid().source(DiscoverySource.playlist("p1"))
                        .source(DiscoverySource.playlist("p2")).source(DiscoverySource.of("carrier_pigeon", "x"))
                        .build(), "job.sources[2].strategy: unknown discovery strategy 'carrier_pigeon'; known: "
                                + "album_queue, artist, liked, playlist, search"),
                Arguments.of(raid().source(DiscoverySource.of("album_queue",
                        "spotify:album:a1, spotify:playlist:x, spotify:album:a3")).build(),
                        "job.sources[0].argument: entry 2 of 3: 'spotify:playlist:x' names a playlist, not an album; "),
                Arguments.of(rotate().build(),
                        "job.params.rotation_mode: is required: one of archive_oldest, refresh, swap"),
                Arguments.of(rotate().param("rotation_mode", "shuffle").build(),
                        "job.params.rotation_mode: must be one of archive_oldest, refresh, swap, was 'shuffle'"),
                Arguments.of(rotate().param("rotation_mode", "swap").param("rotation_count", 0).build(),
                        "job.params.rotation_count: must be a positive integer (1 or more, default 5), was 0"),
                Arguments.of(rotate().param("rotation_mode", "swap").param("rotation_count", "five").build(),
                        "job.params.rotation_count: must be an integer, default 5, was 'five'"),
                Arguments.of(rotate().param("rotation_mode", "archive_oldest").param("target_size", 10)
                        .build(), "job.params.target_size: only applies to rotation_mode swap, not archive_oldest; "
                                + "remove it or use swap"),
                Arguments.of(shuffle().build(),
                        "job.algorithm: is required for job type 'shuffle'; known: album_sequence, artist_spacing, "),
                Arguments.of(shuffle().algorithm("chaos").build(),
                        "job.algorithm: unknown algorithm 'chaos'; known: album_sequence, artist_spacing, "),
                Arguments.of(shuffle().algorithm("balanced").algorithmParam("section_count", 11).build(),
                        "job.algorithmParams.section_count: must be an integer 2..10, default 4, was 11"),
                Arguments.of(shuffle().algorithm("basic").param("write_mode", "sideways").build(),
                        "job.params.write_mode: must be one of replace, reorder, was 'sideways'"),
                Arguments.of(JobSpec.builder("drip").target("37i9dQZF1DX0XUsuxWHRQd", "Road trip")
                        .param("staging_playlist", "s").param("drip_count", 0).build(),
                        "job.params.drip_count: must be an integer 1..1000, default 5, was 0"));
    }

    private static JobSpec.Builder raid() {
        return JobSpec.builder("raid").target("37i9dQZF1DX0XUsuxWHRQd", "Road trip");
    }

    private static JobSpec.Builder rotate() {
        return JobSpec.builder("rotate").target("37i9dQZF1DX0XUsuxWHRQd", "Road trip");
    }

    private static JobSpec.Builder shuffle() {
        return JobSpec.builder("shuffle").target("37i9dQZF1DX0XUsuxWHRQd", "Road trip");
    }

    @ParameterizedTest
    @MethodSource("rejected")
    void theErrorsThePageQuotesAreTheOnesGiven(JobSpec job, String message) throws IOException {
        assertThatThrownBy(() -> shuffify.schedules().create("alice", ScheduleDefinition.of(job, Trigger.named("daily"))))
                .isInstanceOf(ValidationException.class).hasMessageContaining(message);
        assertThat(Files.readString(PAGE).replace("\n", " ").contains(message.strip()))
                .as("docs/job-types.md quotes: %s", message).isTrue();
        assertThat(shuffify.schedules().list("alice")).isEmpty();
    }
}
