package dev.shuffify.executor.shuffle;

import static dev.shuffify.executor.shuffle.ShuffleJobTest.tracks;
import static org.assertj.core.api.Assertions.assertThat;

import dev.shuffify.model.ExecutionStatus;
import dev.shuffify.model.JobSpec;
import dev.shuffify.model.Notice;
import dev.shuffify.testkit.ExecutorHarness;
import dev.shuffify.testkit.HarnessRun;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The shuffle's skip codes, and the algorithm named in its snapshots. */
class StructuredResultsTest {
    final ExecutorHarness harness = ExecutorHarness.builder().jobType(new ShuffleExecutor())
            .algorithm(new ReverseAlgorithm()).build();

    JobSpec shuffle() {
        return JobSpec.builder("shuffle").target("p1", "Mix").algorithm("reverse").build();
    }

    @Test
    void everyTrackPinnedIsACodedSkipAndNothingIsWritten() {
        harness.playlist("p1", "Mix", tracks(4));
        harness.shuffify().pins().pinPositions(harness.userId(), "p1", 0, 3);
        HarnessRun run = harness.run(shuffle());

        assertThat(run.status()).isEqualTo(ExecutionStatus.SUCCESS);
        assertThat(run.writes()).isZero();
        assertThat(run.execution().skipReason()).hasValueSatisfying(n -> {
            assertThat(n.code()).isEqualTo(ShuffleExecutor.ALL_TRACKS_PINNED);
            assertThat(n.message()).contains("pinned");
        });
    }

    @Test
    void anEmptyPlaylistAndAnUnchangedOrderHaveTheirOwnCodes() {
        harness.playlist("p1", "Mix", List.of());
        assertThat(harness.run(shuffle()).execution().skipReason()).map(Notice::code)
                .contains(ShuffleExecutor.EMPTY_PLAYLIST);
        harness.playlist("p2", "One", tracks(1));
        assertThat(harness.run(JobSpec.builder("shuffle").target("p2", "One").algorithm("reverse").build())
                .execution().skipReason()).map(Notice::code).contains(ShuffleExecutor.ORDER_UNCHANGED);
    }

    @Test
    void aShuffleThatWroteHasNoSkipReasonAndItsSnapshotNamesTheAlgorithm() {
        harness.playlist("p1", "Mix", tracks(4));
        HarnessRun run = harness.run(shuffle());
        assertThat(run.execution().skipReason()).isEmpty();
        assertThat(run.snapshots()).singleElement()
                .satisfies(s -> assertThat(s.trigger()).endsWith("(shuffle: reverse)"));
    }

    @Test
    void theChainIsDeclaredHereAndHasADisplayName() {
        assertThat(new RaidAndShuffleChain().displayName()).isEqualTo("Raid and shuffle");
        ExecutorHarness discovered = ExecutorHarness.builder().jobType(new TestRaid()).jobType(new ShuffleExecutor())
                .build();
        assertThat(discovered.shuffify().plugins().jobTypes()).contains("raid_and_shuffle");
        assertThat(discovered.shuffify().plugins().list()).filteredOn(p -> p.id().equals("raid_and_shuffle"))
                .singleElement().satisfies(p -> assertThat(p.className())
                        .isEqualTo(RaidAndShuffleChain.class.getName()));
    }
}
