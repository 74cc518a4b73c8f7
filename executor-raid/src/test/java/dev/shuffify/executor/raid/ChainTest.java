package dev.shuffify.executor.raid;

import static dev.shuffify.executor.raid.Fixtures.track;
import static dev.shuffify.executor.raid.Fixtures.tracks;
import static dev.shuffify.executor.raid.Fixtures.uris;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.shuffify.memory.Operation;
import dev.shuffify.model.DiscoverySource;
import dev.shuffify.model.ExecutionStatus;
import dev.shuffify.model.JobResult;
import dev.shuffify.model.JobSpec;
import dev.shuffify.model.Snapshot;
import dev.shuffify.model.SnapshotType;
import dev.shuffify.spi.JobContext;
import dev.shuffify.spi.JobExecutor;
import dev.shuffify.spi.ParamSpec;
import dev.shuffify.testkit.ExecutorHarness;
import dev.shuffify.testkit.HarnessRun;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The raid inside chains: {@code raid+shuffle} and {@code raid_and_drip} (declared by this module). */
class ChainTest {

    /** A stand-in for the shuffle job type (this module does not depend on it): reverses the target. */
    static final class ReverseShuffle implements JobExecutor {
        @Override
        public String type() {
            return "shuffle";
        }

        @Override
        public String description() {
            return "Reverses the target (test stand-in).";
        }

        @Override
        public List<ParamSpec> parameters() {
            return List.of();
        }

        @Override
        public SnapshotType snapshotType() {
            return SnapshotType.AUTO_PRE_SHUFFLE;
        }

        @Override
        public JobResult execute(JobContext context) {
            String id = context.spec().target().id();
            List<String> uris = new ArrayList<>(context.playlists().playlist(id).uris());
            Collections.reverse(uris);
            context.playlists().replaceAll(id, uris);
            return JobResult.of(0, 0, uris.size());
        }
    }

    private static long readsOf(HarnessRun run, String playlistId) {
        return run.calls().stream().filter(c -> c.operation() == Operation.READ_PLAYLIST
                && playlistId.equals(c.playlistId())).count();
    }

    @Test
    void raidPlusShuffleIsOneExecutionWithOneSnapshotAndReadsTheTargetOnce() {
        ExecutorHarness harness = Fixtures.harness().jobType(new ReverseShuffle()).build();
        harness.playlist("target", "Target", tracks("t", 3));
        harness.playlist("src", "Source", Stream.concat(tracks("t", 3).stream(), tracks("n", 2).stream()).toList());

        HarnessRun run = harness.run(JobSpec.builder("raid+shuffle").target("target", "Target")
                .source(DiscoverySource.playlist("src")).build());

        assertThat(run.status()).isEqualTo(ExecutionStatus.SUCCESS);
        List<String> expected = new ArrayList<>(uris(tracks("t", 3)));
        expected.addAll(uris(tracks("n", 2)));
        Collections.reverse(expected);
        assertThat(harness.music().uris("target")).isEqualTo(expected);
        assertThat(run.execution().tracksAdded()).isEqualTo(2);
        assertThat(run.execution().tracksTotal()).isEqualTo(5);
        assertThat(run.snapshots()).singleElement().satisfies(s -> {
            assertThat(s.type()).isEqualTo(SnapshotType.AUTO_PRE_RAID);
            assertThat(s.uris()).isEqualTo(uris(tracks("t", 3)));
        });
        assertThat(harness.shuffify().runs().history(harness.userId(), run.schedule().id(), 10)).hasSize(1);
        // the chain reads the target once; the second read is the engine's verification
        assertThat(readsOf(run, "target")).isEqualTo(2);
        assertThat(readsOf(run, "src")).isEqualTo(1);
        assertThat(run.execution().details()).containsKey("raid.sources");
        // the raided tracks ride in the shuffle's replace: one write, no add of their own
        assertThat(run.count(Operation.REPLACE)).isEqualTo(1);
        assertThat(run.count(Operation.ADD)).isZero();
        assertThat(run.writes()).isEqualTo(1);
    }

    @Test
    void raidAndDripFillsTheStagingPlaylistThenDripsIntoTheTarget() {
        ExecutorHarness harness = Fixtures.harness().build();
        Instant longAgo = harness.clock().instant().minus(Duration.ofDays(30));
        harness.playlist("target", "Target", List.of(track("t1", "y"), track("dup", "y")));
        harness.playlist("staging", "Staging", List.of(track("old", "x").withAddedAt(longAgo)));
        harness.playlist("src", "Source", List.of(track("dup", "y"), track("new1", "x"), track("old", "x"),
                track("new2", "z")));

        HarnessRun run = harness.run(JobSpec.builder("raid_and_drip").target("target", "Target")
                .source(DiscoverySource.playlist("src")).param("staging_playlist", "staging")
                .param("drip_count", 2).build());

        assertThat(run.status()).isEqualTo(ExecutionStatus.SUCCESS);
        // the raid skipped what is in the target or staging already; the drip took the oldest two
        assertThat(harness.music().uris("staging")).isEqualTo(uris("new2"));
        assertThat(harness.music().uris("target")).isEqualTo(uris("old", "new1", "t1", "dup"));
        assertThat(run.execution().details()).containsEntry("raid.destination", "staging")
                .containsEntry("drip.staging_remaining", 1);
        assertThat(readsOf(run, "staging")).isEqualTo(2);
        assertThat(readsOf(run, "target")).isEqualTo(2);
        List<Snapshot> stagingSnapshots = harness.store().snapshots().listByPlaylist(harness.userId(), "staging");
        assertThat(stagingSnapshots).singleElement().satisfies(s -> assertThat(s.uris()).isEqualTo(uris("old")));
        assertThat(run.snapshots()).singleElement().satisfies(s ->
                assertThat(s.uris()).isEqualTo(uris("t1", "dup")));
    }

    @Test
    void raidAndDripIsDeclaredHereAndTakesTheStagingPlaylistFromTheDripsSection() {
        ExecutorHarness harness = Fixtures.harness().build();
        assertThat(harness.shuffify().plugins().jobTypes()).contains("raid_and_drip");
        harness.playlist("target", "Target", List.of(track("t1", "y")));
        harness.playlist("staging", "Staging", List.of());
        harness.playlist("src", "Source", List.of(track("new1", "x"), track("new2", "z"), track("new3", "w")));

        HarnessRun run = harness.run(JobSpec.builder("raid_and_drip").target("target", "Target")
                .source(DiscoverySource.playlist("src")).stepParam("raid", "limit", 2)
                .stepParam("drip", "staging_playlist", "staging").stepParam("drip", "drip_count", 1)
                .stepParam("drip", "drip_position", "bottom").build());

        assertThat(run.status()).isEqualTo(ExecutionStatus.SUCCESS);
        assertThat(run.execution().details()).containsEntry("raid.destination", "staging");
        // the raid's limit is the raid's alone; the drip's count the drip's alone
        assertThat(harness.music().uris("target")).isEqualTo(uris("t1", "new1"));
        assertThat(harness.music().uris("staging")).isEqualTo(uris("new2"));
    }

    @Test
    void theRaidsDestinationInRaidAndDripIsTheDripsToName() {
        ExecutorHarness harness = Fixtures.harness().build();
        harness.playlist("target", "Target", List.of());
        assertThatThrownBy(() -> harness.schedule(JobSpec.builder("raid_and_drip").target("target", "Target")
                .stepParam("raid", "destination", "elsewhere").stepParam("drip", "staging_playlist", "staging")
                .build()))
                .hasMessageContaining("job.params.raid.destination: is taken from drip.staging_playlist");
    }

    @Test
    void aRaidAloneCannotNameAStagingPlaylist() {
        ExecutorHarness harness = Fixtures.harness().build();
        harness.playlist("target", "Target", List.of());
        assertThatThrownBy(() -> harness.schedule(JobSpec.builder("raid")
                .target("target", "Target").param("staging_playlist", "staging").build()))
                .hasMessageContaining("job.params.staging_playlist: unknown parameter");
    }
}
