package dev.shuffify.executor.raid;

import static dev.shuffify.executor.raid.Fixtures.track;
import static dev.shuffify.executor.raid.Fixtures.tracks;
import static dev.shuffify.executor.raid.Fixtures.uris;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.shuffify.error.ValidationException;
import dev.shuffify.memory.Fault;
import dev.shuffify.memory.Operation;
import dev.shuffify.model.ExecutionStatus;
import dev.shuffify.model.JobSpec;
import dev.shuffify.model.Preview;
import dev.shuffify.model.Track;
import dev.shuffify.testkit.ExecutorHarness;
import dev.shuffify.testkit.HarnessRun;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class DripExecutorTest {
    final ExecutorHarness harness = Fixtures.harness().build();

    private static JobSpec.Builder drip(int count) {
        return JobSpec.builder("drip").target("target", "Target").param("staging_playlist", "staging")
                .param("drip_count", count);
    }

    private static Track addedDaysAgo(String id, int days) {
        return track(id, "x").withAddedAt(Instant.parse("2026-01-01T00:00:00Z").minus(Duration.ofDays(days)));
    }

    private static long readsOf(HarnessRun run, String playlistId) {
        return run.calls().stream().filter(c -> c.operation() == Operation.READ_PLAYLIST
                && playlistId.equals(c.playlistId())).count();
    }

    @Test
    void movesTheOldestStagingTracksToTheTopOfTheTarget() {
        harness.playlist("target", "Target", List.of(track("t1", "y"), track("t2", "y")));
        harness.playlist("staging", "Staging", List.of(addedDaysAgo("s1", 1), addedDaysAgo("s2", 9),
                addedDaysAgo("s3", 5), addedDaysAgo("s4", 2)));

        HarnessRun run = harness.run(drip(2).build());

        assertThat(run.status()).isEqualTo(ExecutionStatus.SUCCESS);
        assertThat(harness.music().uris("target")).isEqualTo(uris("s2", "s3", "t1", "t2"));
        assertThat(harness.music().uris("staging")).isEqualTo(uris("s1", "s4"));
        assertThat(run.execution().tracksAdded()).isEqualTo(2);
        assertThat(run.execution().tracksRemoved()).isZero();
        assertThat(run.execution().tracksTotal()).isEqualTo(4);
        assertThat(run.execution().details()).containsEntry("staging_remaining", 2)
                .containsEntry("staging_removed", 2).containsEntry("completed_from_earlier_run", 0);
    }

    @Test
    void bottomAppendsInTheOrderChosen() {
        harness.playlist("target", "Target", List.of(track("t1", "y")));
        harness.playlist("staging", "Staging", List.of(addedDaysAgo("s1", 1), addedDaysAgo("s2", 3)));

        harness.run(drip(5).param("drip_position", "bottom").build());

        assertThat(harness.music().uris("target")).isEqualTo(uris("t1", "s2", "s1"));
        assertThat(harness.music().uris("staging")).isEmpty();
    }

    @Test
    void randomOrderIsReproducibleForTheSeedAndMovesDistinctStagingTracks() {
        harness.playlist("target", "Target", List.of());
        harness.playlist("staging", "Staging", tracks("s", 30));

        harness.run(drip(10).param("drip_order", "random").build());

        List<String> moved = harness.music().uris("target");
        assertThat(moved).hasSize(10).doesNotHaveDuplicates().isSubsetOf(uris(tracks("s", 30)))
                .isNotEqualTo(uris(tracks("s", 10)));
        Set<String> left = new HashSet<>(harness.music().uris("staging"));
        assertThat(left).hasSize(20).doesNotContainAnyElementsOf(moved);

        ExecutorHarness twin = Fixtures.harness().build();
        twin.playlist("target", "Target", List.of());
        twin.playlist("staging", "Staging", tracks("s", 30));
        twin.run(drip(10).param("drip_order", "random").build());
        assertThat(twin.music().uris("target")).isEqualTo(moved);
    }

    @Test
    void topMeansBelowThePinnedHeadOfTheTarget() {
        harness.playlist("target", "Target", List.of(track("p1", "y"), track("p2", "y"), track("t3", "y")));
        harness.playlist("staging", "Staging", List.of(addedDaysAgo("s1", 1)));
        harness.shuffify().pins().pinPositions(harness.userId(), "target", 0, 1);

        harness.run(drip(1).build());

        assertThat(harness.music().uris("target")).isEqualTo(uris("p1", "p2", "s1", "t3"));
    }

    @Test
    void aFailureBetweenAddAndRemoveLeavesTheTracksInBothAndTheRetryConvergesWithoutDuplicates() {
        harness.playlist("target", "Target", List.of(track("t1", "y")));
        harness.playlist("staging", "Staging", List.of(addedDaysAgo("s1", 4), addedDaysAgo("s2", 3),
                addedDaysAgo("s3", 2), addedDaysAgo("s4", 1)));
        harness.music().failOn(Operation.REMOVE, 1, Fault.SERVER_ERROR);

        HarnessRun failed = harness.run(drip(2).build());

        assertThat(failed.status()).isEqualTo(ExecutionStatus.FAILED);
        assertThat(failed.execution().errorMessage()).contains("502");
        assertThat(harness.music().uris("target")).isEqualTo(uris("s1", "s2", "t1"));
        assertThat(harness.music().uris("staging")).isEqualTo(uris("s1", "s2", "s3", "s4"));

        HarnessRun retry = harness.run(failed.schedule().id());

        assertThat(retry.status()).isEqualTo(ExecutionStatus.SUCCESS);
        assertThat(retry.count(Operation.ADD)).isZero();
        assertThat(retry.execution().details()).containsEntry("completed_from_earlier_run", 2);
        assertThat(harness.music().uris("target")).isEqualTo(uris("s1", "s2", "t1"));
        assertThat(harness.music().uris("staging")).isEqualTo(uris("s3", "s4"));

        harness.run(failed.schedule().id());
        assertThat(harness.music().uris("target")).isEqualTo(uris("s3", "s4", "s1", "s2", "t1"))
                .doesNotHaveDuplicates();
        assertThat(harness.music().uris("staging")).isEmpty();
    }

    @Test
    void aFailedAddLeavesBothPlaylistsAsTheyWere() {
        harness.playlist("target", "Target", List.of(track("t1", "y")));
        harness.playlist("staging", "Staging", List.of(addedDaysAgo("s1", 4)));
        harness.music().failOn(Operation.ADD, 1, Fault.SERVER_ERROR);

        HarnessRun failed = harness.run(drip(1).build());

        assertThat(failed.status()).isEqualTo(ExecutionStatus.FAILED);
        assertThat(harness.music().uris("target")).isEqualTo(uris("t1"));
        assertThat(harness.music().uris("staging")).isEqualTo(uris("s1"));
    }

    @Test
    void batchesOfAHundredAndOneReadPerPlaylist() {
        harness.playlist("target", "Target", tracks("t", 10));
        List<Track> staged = new ArrayList<>();
        for (int i = 0; i < 160; i++) {
            staged.add(addedDaysAgo("s" + i, 200 - i));
        }
        harness.playlist("staging", "Staging", staged);

        HarnessRun run = harness.run(drip(150).build());

        assertThat(run.count(Operation.ADD)).isEqualTo(2);
        assertThat(run.count(Operation.REMOVE)).isEqualTo(2);
        assertThat(run.writes()).isEqualTo(4);
        // once by the job, once by the engine's verification
        assertThat(readsOf(run, "staging")).isEqualTo(2);
        assertThat(readsOf(run, "target")).isEqualTo(2);
        List<String> expected = new ArrayList<>(uris(staged.subList(0, 150)));
        expected.addAll(uris(tracks("t", 10)));
        assertThat(harness.music().uris("target")).isEqualTo(expected);
        assertThat(harness.music().uris("staging")).isEqualTo(uris(staged.subList(150, 160)));
    }

    @Test
    void anEmptyStagingPlaylistIsASuccessWithNothingMoved() {
        harness.playlist("target", "Target", tracks("t", 3));
        harness.playlist("staging", "Staging", List.of());

        HarnessRun run = harness.run(drip(5).build());

        assertThat(run.status()).isEqualTo(ExecutionStatus.SUCCESS);
        assertThat(run.execution().tracksAdded()).isZero();
        assertThat(run.execution().tracksTotal()).isEqualTo(3);
        assertThat(run.writes()).isZero();
    }

    @Test
    void aStagingPlaylistThatIsGoneFailsTheRunSayingWhatToDo() {
        harness.playlist("target", "Target", tracks("t", 3));

        HarnessRun run = harness.run(drip(5).build());

        assertThat(run.status()).isEqualTo(ExecutionStatus.FAILED);
        assertThat(run.execution().errorMessage()).contains("staging playlist 'staging' is gone")
                .contains("staging_playlist");
        assertThat(harness.music().uris("target")).isEqualTo(uris(tracks("t", 3)));
    }

    @Test
    void previewListsTheMoveAndWritesNothing() {
        harness.playlist("target", "Target", List.of(track("t1", "y")));
        harness.playlist("staging", "Staging", List.of(addedDaysAgo("s1", 4), addedDaysAgo("s2", 1)));

        Preview preview = harness.preview(drip(1).build());

        assertThat(preview.adds("target")).isEqualTo(uris("s1"));
        assertThat(preview.removes("staging")).isEqualTo(uris("s1"));
        assertThat(preview.result().tracksAdded()).isEqualTo(1);
        assertThat(harness.music().writeCalls()).isZero();
        assertThat(harness.music().uris("staging")).isEqualTo(uris("s1", "s2"));
    }

    @Test
    void rejectsAMissingOrSelfStagingPlaylistAndBadOptions() {
        harness.playlist("target", "Target", List.of());
        assertThatThrownBy(() -> harness.schedule(JobSpec.builder("drip").target("target", "Target").build()))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.errors())
                        .extracting(ValidationException.FieldError::field)
                        .containsExactly("job.params.staging_playlist"));
        assertThatThrownBy(() -> harness.schedule(drip(1).param("staging_playlist",
                "https://open.spotify.com/playlist/target").build()))
                .isInstanceOf(ValidationException.class)
                .hasMessageContaining("job.params.staging_playlist: must differ from the target");
        assertThatThrownBy(() -> harness.schedule(drip(0).param("drip_order", "newest")
                .param("drip_position", "middle").build()))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.errors())
                        .extracting(ValidationException.FieldError::field).containsExactlyInAnyOrder(
                                "job.params.drip_count", "job.params.drip_order", "job.params.drip_position"));
        assertThatThrownBy(() -> harness.schedule(drip(1).param("staging_playlist", "spotify:album:x").build()))
                .isInstanceOf(ValidationException.class).hasMessageContaining("names an album, not a playlist");
        assertThat(harness.shuffify().schedules().list(harness.userId())).isEmpty();
    }

    @Test
    void theStagingPlaylistIsNamedToTheEngineAsWrittenWhateverFormItIsGivenIn() {
        DripExecutor drip = new DripExecutor();
        JobSpec.Builder spec = JobSpec.builder("drip").target("target", "Target");
        assertThat(drip.otherPlaylistsWritten(spec.param("staging_playlist", "staging").build()))
                .containsExactly("staging");
        assertThat(drip.otherPlaylistsWritten(spec.param("staging_playlist",
                "https://open.spotify.com/playlist/37i9dQZF1DXcBWIGoYBM5M?si=x").build()))
                .containsExactly("37i9dQZF1DXcBWIGoYBM5M");
        assertThat(drip.otherPlaylistsWritten(spec.param("staging_playlist", 42).build())).isEmpty();
        assertThat(drip.otherPlaylistsWritten(JobSpec.builder("drip").target("target", "Target").build())).isEmpty();
    }

    /**
     * Issue 14: after a drip of 150 that succeeded, the next drip of 150 meets a fault at each of its four
     * writes (two adds, two removals from staging), then the retry. Before, a fault on the second removal made
     * the retry release 50 more than the drip count; a lost answer there made the retry a second full drip.
     */
    @ParameterizedTest(name = "{0} on write {1}")
    @MethodSource("faultAtEachWrite")
    void aRetryAfterAPartialReleaseNeverReleasesMoreThanTheDripCount(Fault fault, int write) {
        List<Track> staged = new ArrayList<>();
        for (int i = 0; i < 450; i++) {
            staged.add(addedDaysAgo("s" + i, 500 - i));
        }
        harness.playlist("target", "Target", tracks("t", 50));
        harness.playlist("staging", "Staging", staged);
        HarnessRun first = harness.run(drip(150).build()); // an earlier slot that succeeded
        assertThat(first.status()).isEqualTo(ExecutionStatus.SUCCESS);
        harness.clock().advance(Duration.ofHours(1));
        harness.music().failAtCall(READS_BEFORE_WRITES + write, fault);

        HarnessRun failed = harness.run(first.schedule().id());

        assertThat(failed.status()).isEqualTo(ExecutionStatus.FAILED);
        harness.clock().advance(Duration.ofMinutes(5));
        HarnessRun retry = harness.run(first.schedule().id());

        assertThat(retry.status()).isEqualTo(ExecutionStatus.SUCCESS);
        List<String> target = harness.music().uris("target");
        List<String> staging = harness.music().uris("staging");
        List<String> expectedTarget = new ArrayList<>(uris(staged.subList(0, 300)));
        expectedTarget.addAll(uris(tracks("t", 50)));
        assertThat(target).doesNotHaveDuplicates().containsExactlyInAnyOrderElementsOf(expectedTarget);
        assertThat(staging).isEqualTo(uris(staged.subList(300, 450)));

        harness.clock().advance(Duration.ofHours(1));
        HarnessRun next = harness.run(first.schedule().id()); // the next slot releases a full drip again
        assertThat(next.status()).isEqualTo(ExecutionStatus.SUCCESS);
        assertThat(next.execution().tracksAdded()).isEqualTo(150);
        assertThat(harness.music().uris("staging")).isEmpty();
        assertThat(harness.music().uris("target")).hasSize(500).doesNotHaveDuplicates();
    }

    /** The drip reads staging and target before its first write. */
    private static final int READS_BEFORE_WRITES = 2;

    static Stream<Arguments> faultAtEachWrite() {
        return Stream.of(Fault.SERVER_ERROR, Fault.NOT_FOUND, Fault.LOST_RESPONSE)
                .flatMap(f -> IntStream.rangeClosed(1, 4).mapToObj(w -> Arguments.of(f, w)));
    }

    @Test
    void aLostAnswerOnTheLastRemovalFromStagingMakesTheRetryANoOp() {
        harness.playlist("target", "Target", tracks("t", 50));
        List<Track> staged = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            staged.add(addedDaysAgo("s" + i, 300 - i));
        }
        harness.playlist("staging", "Staging", staged);
        harness.music().failOn(Operation.REMOVE, 2, Fault.LOST_RESPONSE);

        HarnessRun failed = harness.run(drip(150).build());
        harness.clock().advance(Duration.ofMinutes(5));
        HarnessRun retry = harness.run(failed.schedule().id());

        assertThat(failed.status()).isEqualTo(ExecutionStatus.FAILED);
        assertThat(retry.status()).isEqualTo(ExecutionStatus.SUCCESS);
        assertThat(retry.writes()).isZero();
        assertThat(retry.execution().details()).containsEntry("released_by_earlier_run", 150);
        assertThat(harness.music().uris("target")).hasSize(200).doesNotHaveDuplicates();
        assertThat(harness.music().uris("staging")).isEqualTo(uris(staged.subList(150, 200)));
    }
}
