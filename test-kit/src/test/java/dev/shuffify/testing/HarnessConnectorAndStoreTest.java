package dev.shuffify.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.shuffify.memory.Call;
import dev.shuffify.memory.InMemoryPlaylistService;
import dev.shuffify.memory.Operation;
import dev.shuffify.model.JobResult;
import dev.shuffify.model.JobSpec;
import dev.shuffify.model.SnapshotType;
import dev.shuffify.model.Track;
import dev.shuffify.spi.JobContext;
import dev.shuffify.spi.JobExecutor;
import dev.shuffify.spi.ParamSpec;
import dev.shuffify.spi.PlaylistService;
import dev.shuffify.spi.PlaylistServiceConnector;
import dev.shuffify.store.jdbc.JdbcShuffifyStore;
import dev.shuffify.testkit.ExecutorHarness;
import dev.shuffify.testkit.HarnessRun;
import dev.shuffify.testkit.TestClock;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The harness with a connector that is not the in-memory service, and with the JDBC store. */
class HarnessConnectorAndStoreTest {

    /** A music service the harness knows nothing about: it only forwards to one it cannot see. */
    static final class OtherConnector implements PlaylistServiceConnector {
        final InMemoryPlaylistService behind = new InMemoryPlaylistService(TestClock.standard()).addUser("user");

        @Override
        public PlaylistService connect(String userId) {
            return behind.connect(userId);
        }
    }

    /** Takes the first entry out of the target and declares nothing: the harness's entry check must object. */
    static final class Lossy implements JobExecutor {
        @Override
        public String type() {
            return "lossy";
        }

        @Override
        public String description() {
            return "drops the first entry without saying so";
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
            List<String> uris = context.playlists().playlist(id).uris();
            context.playlists().replaceAll(id, uris.subList(1, uris.size()));
            return JobResult.of(0, 0, uris.size() - 1);
        }
    }

    static List<Track> tracks(int n) {
        return IntStream.range(0, n).mapToObj(i -> Track.ofUri("spotify:track:t" + i)).toList();
    }

    static List<String> uris(int n) {
        return tracks(n).stream().map(Track::uri).toList();
    }

    static List<String> reversed(List<String> uris) {
        List<String> copy = new ArrayList<>(uris);
        Collections.reverse(copy);
        return copy;
    }

    @Test
    void anyConnectorRunsAndItsCallLogShowsTheUrisOfEachWrite() {
        OtherConnector other = new OtherConnector();
        other.behind.createPlaylist("user", "p1", "Mix", tracks(150));
        ExecutorHarness harness = ExecutorHarness.builder().connector(other).jobType(new TestJobs.Reverse()).build();

        HarnessRun run = harness.run(JobSpec.builder("reverse").target("p1", "Mix").build());

        assertThat(run.succeeded()).isTrue();
        List<String> reversed = reversed(uris(150));
        assertThat(other.behind.uris("p1")).isEqualTo(reversed);
        List<Call> writes = run.calls().stream().filter(c -> c.operation().isWrite()).toList();
        assertThat(writes).extracting(Call::operation).containsExactly(Operation.REPLACE, Operation.ADD);
        assertThat(writes.get(0).uris()).isEqualTo(reversed.subList(0, 100));
        assertThat(writes.get(1).uris()).isEqualTo(reversed.subList(100, 150));
        assertThat(writes).allSatisfy(c -> assertThat(c.playlistId()).isEqualTo("p1"));
        assertThat(harness.calls()).containsAll(run.calls());
        assertThat(harness.connector()).isSameAs(other);
        assertThatThrownBy(harness::music).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining(OtherConnector.class.getName());
        assertThatThrownBy(() -> harness.playlist("p2", "New", tracks(1)))
                .isInstanceOf(IllegalStateException.class);
    }

    @Test
    void theEntryCheckReadsAnyConnectorsPlaylists() {
        OtherConnector other = new OtherConnector();
        other.behind.createPlaylist("user", "p1", "Mix", tracks(3));
        ExecutorHarness harness = ExecutorHarness.builder().connector(other).jobType(new Lossy()).build();

        assertThatThrownBy(() -> harness.run(JobSpec.builder("lossy").target("p1", "Mix").build()))
                .isInstanceOf(AssertionError.class).hasMessageContaining("spotify:track:t0")
                .hasMessageContaining("lost");
        // the harness's own reads for the check are not in its call log
        assertThat(harness.calls()).filteredOn(c -> c.operation() == Operation.LIST_PLAYLISTS).isEmpty();
    }

    @Test
    void anyStoreKeepsTheRunsHistory(@TempDir Path dir) {
        JdbcShuffifyStore store = JdbcShuffifyStore.embedded(dir.resolve("harness"));
        ExecutorHarness harness = ExecutorHarness.builder().store(store).jobType(new TestJobs.Reverse()).build();
        harness.playlist("p1", "Mix", tracks(4));

        HarnessRun run = harness.run(JobSpec.builder("reverse").target("p1", "Mix").build());

        assertThat(run.succeeded()).isTrue();
        assertThat(harness.store()).isSameAs(store);
        assertThat(store.executions().find(run.execution().id())).hasValueSatisfying(e ->
                assertThat(e.tracksTotal()).isEqualTo(4));
        assertThat(store.snapshots().listByPlaylist(harness.userId(), "p1")).extracting(s -> s.id())
                .containsExactlyElementsOf(run.snapshots().stream().map(s -> s.id()).toList());
        assertThat(harness.music().uris("p1")).isEqualTo(reversed(uris(4)));
    }
}
