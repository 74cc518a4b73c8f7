package dev.shuffify.executor.raid;

import static dev.shuffify.executor.raid.Fixtures.track;
import static dev.shuffify.executor.raid.Fixtures.tracks;
import static dev.shuffify.executor.raid.Fixtures.uris;
import static org.assertj.core.api.Assertions.assertThat;

import dev.shuffify.memory.Fault;
import dev.shuffify.memory.Operation;
import dev.shuffify.model.DiscoverySource;
import dev.shuffify.model.ExecutionStatus;
import dev.shuffify.model.JobSpec;
import dev.shuffify.model.Notice;
import dev.shuffify.spi.PluginDescriptor;
import dev.shuffify.testkit.ExecutorHarness;
import dev.shuffify.testkit.HarnessRun;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Codes beside the texts, what a failed run kept, display names. */
class StructuredResultsTest {
    final ExecutorHarness harness = Fixtures.harness().build();

    JobSpec raid(String... sources) {
        JobSpec.Builder b = JobSpec.builder("raid").target("target", "Target");
        for (String s : sources) {
            b.source(DiscoverySource.playlist(s));
        }
        return b.build();
    }

    @Test
    void aGoneSourceIsACodedWarningAndNothingNewIsACodedSkip() {
        harness.playlist("target", "Target", List.of(track("t1", "a")));
        harness.playlist("src", "Source", List.of(track("t1", "a")));
        HarnessRun run = harness.run(raid("src", "gone"));

        assertThat(run.status()).isEqualTo(ExecutionStatus.SUCCESS);
        assertThat(run.execution().notices()).singleElement().satisfies(n -> {
            assertThat(n.code()).isEqualTo(RaidExecutor.SOURCE_GONE);
            assertThat(n.message()).contains("source 2");
            assertThat(run.execution().warnings()).contains(n.message());
        });
        assertThat(run.execution().skipReason()).map(Notice::code).contains(RaidExecutor.NOTHING_NEW);
    }

    @Test
    void everySourceGoneAndNoSourcesHaveTheirOwnCodes() {
        harness.playlist("target", "Target", List.of());
        assertThat(harness.run(raid("gone")).execution().skipReason()).map(Notice::code)
                .contains(RaidExecutor.ALL_SOURCES_GONE);
        assertThat(harness.run(raid()).execution().skipReason()).map(Notice::code).contains(RaidExecutor.NO_SOURCES);
        harness.playlist("src", "Source", List.of(track("n1", "a")));
        assertThat(harness.run(raid("src")).execution().skipReason()).as("a raid that added is no skip").isEmpty();
    }

    @Test
    void aRaidThatFailsAfterItsFirstBatchReportsTheHundredTracksItKept() {
        harness.playlist("target", "Target", tracks("t", 3));
        harness.playlist("src", "Source", tracks("n", 150));
        harness.music().failOn(Operation.ADD, 2, Fault.PERMANENT_ERROR);

        HarnessRun run = harness.run(raid("src"));

        assertThat(run.status()).isEqualTo(ExecutionStatus.FAILED);
        assertThat(harness.music().uris("target")).hasSize(103);
        assertThat(run.execution().tracksAdded()).isEqualTo(100);
        assertThat(run.execution().tracksRemoved()).isZero();
        assertThat(run.execution().tracksTotal()).isEqualTo(103);
        assertThat(harness.shuffify().runs().history(harness.userId(), run.schedule().id(), 1)).singleElement()
                .satisfies(e -> assertThat(e.tracksAdded()).as("as stored").isEqualTo(100));
    }

    @Test
    void aDripWithNothingToReleaseSaysSo() {
        harness.playlist("target", "Target", List.of(track("t1", "a")));
        harness.playlist("staging", "Staging", List.of());
        HarnessRun run = harness.run(JobSpec.builder("drip").target("target", "Target")
                .param("staging_playlist", "staging").build());
        assertThat(run.execution().skipReason()).map(Notice::code).contains(DripExecutor.NOTHING_TO_RELEASE);
        assertThat(uris("t1")).isEqualTo(harness.music().uris("target"));
    }

    @Test
    void everyPluginOfThisModuleHasADisplayName() {
        ExecutorHarness discovered = ExecutorHarness.builder().discoverPlugins(true).build();
        List<PluginDescriptor> ours = discovered.shuffify().plugins().list().stream()
                .filter(p -> p.className().startsWith("dev.shuffify.executor.raid")).toList();
        assertThat(ours).extracting(PluginDescriptor::id).contains("raid", "drip", "raid_and_drip", "playlist",
                "liked", "artist", "album_queue", "search");
        assertThat(ours).allSatisfy(p -> assertThat(p.displayName()).isNotBlank()
                .isNotEqualTo(PluginDescriptor.displayNameOf(p.id()).toLowerCase(java.util.Locale.ROOT)));
        assertThat(ours).filteredOn(p -> p.id().equals("artist")).singleElement()
                .satisfies(p -> assertThat(p.displayName()).isEqualTo("Artist releases"));
    }
}
