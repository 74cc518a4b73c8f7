package dev.shuffify.guide;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.shuffify.error.PlaylistNotFoundException;
import dev.shuffify.error.ValidationException;
import dev.shuffify.memory.Fault;
import dev.shuffify.memory.InMemoryPlaylistService;
import dev.shuffify.memory.Operation;
import dev.shuffify.model.Album;
import dev.shuffify.model.Artist;
import dev.shuffify.model.DiscoverySource;
import dev.shuffify.model.ExecutionStatus;
import dev.shuffify.model.JobSpec;
import dev.shuffify.model.Track;
import dev.shuffify.spi.DiscoveryRequest;
import dev.shuffify.spi.Params;
import dev.shuffify.spi.ShuffleRequest;
import dev.shuffify.testkit.ExecutorHarness;
import dev.shuffify.testkit.HarnessRun;
import dev.shuffify.testkit.TestClock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** The examples of docs/writing-plugins.md, exercised the way a plugin author would. */
class GuideExamplesTest {

    static List<Track> tracks(int n) {
        return IntStream.range(0, n).mapToObj(i -> Track.ofUri("spotify:track:t" + i)).toList();
    }

    @Test
    void blockShuffleIsADeterministicPermutationKeepingBlocksTogether() {
        BlockShuffle block = new BlockShuffle();
        Params params = Params.parse(block.parameters(), Map.of("block_size", "2"), "algorithmParams");
        List<Track> in = tracks(9);

        List<Track> once = block.shuffle(new ShuffleRequest(in, params, new SplittableRandom(1)));
        List<Track> again = block.shuffle(new ShuffleRequest(in, params, new SplittableRandom(1)));

        assertThat(once).containsExactlyInAnyOrderElementsOf(in).isEqualTo(again);
        int t0 = once.indexOf(in.get(0));
        assertThat(once.get(t0 + 1)).isEqualTo(in.get(1));
        assertThat(Params.parse(block.parameters(), Map.of(), "p").getInt("block_size")).isEqualTo(3);
    }

    @Test
    void blockShuffleIsUsableByItsAliasInASchedule() {
        ExecutorHarness harness = ExecutorHarness.builder().jobType(new DedupeExecutor())
                .algorithm(new BlockShuffle()).build();
        harness.playlist("mix", "Mix", tracks(3));
        assertThatThrownBy(() -> harness.schedule(JobSpec.builder("dedupe").target("mix", "Mix")
                .algorithm("BlockShuffle").algorithmParam("block_size", 99).build()))
                .isInstanceOf(ValidationException.class).hasMessageContaining("job.algorithmParams.block_size")
                .hasMessageContaining("1..50");
    }

    @Test
    void albumStrategyFindsAnAlbumsTracksAndRejectsAMissingArgument() {
        TestClock clock = TestClock.standard();
        InMemoryPlaylistService music = new InMemoryPlaylistService(clock);
        Artist artist = new Artist("ar1", "Band");
        Album album = new Album("al1", "Debut", "2025-01-01");
        music.addAlbum(artist, album, List.of(Track.of("a", "One", artist, album), Track.of("b", "Two", artist,
                album), Track.of("c", "Three", artist, album)));
        music.addUser("alice");
        AlbumStrategy strategy = new AlbumStrategy();
        DiscoverySource source = new DiscoverySource("album", "al1", Map.of("limit", 2));
        Params params = Params.parse(strategy.parameters(), source.params(), "sources[0].params");

        List<Track> found = strategy.discover(new DiscoveryRequest(source, params, music.forUser("alice"), null,
                clock));

        assertThat(found).extracting(Track::name).containsExactly("One", "Two");
        assertThatThrownBy(() -> strategy.discover(new DiscoveryRequest(DiscoverySource.of("album", "nope"),
                Params.empty(), music.forUser("alice"), null, clock))).isInstanceOf(PlaylistNotFoundException.class);
        assertThatThrownBy(() -> strategy.validate(DiscoverySource.of("album", " ")))
                .isInstanceOf(ValidationException.class).hasMessageContaining("argument");
    }

    @Test
    void archiveMovesOldTracksAddingFirstAndKeepsPinnedOnes() {
        ExecutorHarness harness = ExecutorHarness.of(new ArchiveExecutor());
        Instant longAgo = harness.clock().instant().minus(Duration.ofDays(90));
        harness.playlist("prod", "Prod", List.of(Track.ofUri("spotify:track:old1").withAddedAt(longAgo),
                Track.ofUri("spotify:track:new").withAddedAt(harness.clock().instant()),
                Track.ofUri("spotify:track:old2").withAddedAt(longAgo),
                Track.ofUri("spotify:track:pinned").withAddedAt(longAgo)));
        harness.playlist("arch", "Archive", List.of());
        harness.pair("prod", "arch");
        harness.shuffify().pins().pinTrack(harness.userId(), "prod", "spotify:track:pinned");

        HarnessRun run = harness.run(JobSpec.builder("archive_old").target("prod", "Prod").build());

        assertThat(run.succeeded()).isTrue();
        assertThat(harness.music().uris("prod")).containsExactly("spotify:track:new", "spotify:track:pinned");
        assertThat(harness.music().uris("arch")).containsExactly("spotify:track:old1", "spotify:track:old2");
        assertThat(run.calls()).extracting(c -> c.operation()).containsSubsequence(Operation.ADD, Operation.REMOVE);
        assertThat(run.snapshots()).hasSize(2);
    }

    @Test
    void aRemoveThatFailsLosesNothingAndARetryConverges() {
        ExecutorHarness harness = ExecutorHarness.of(new ArchiveExecutor());
        Instant longAgo = harness.clock().instant().minus(Duration.ofDays(90));
        harness.playlist("prod", "Prod", List.of(Track.ofUri("spotify:track:old").withAddedAt(longAgo),
                Track.ofUri("spotify:track:new")));
        harness.playlist("arch", "Archive", List.of());
        harness.pair("prod", "arch");
        harness.music().failOn(Operation.REMOVE, 1, Fault.SERVER_ERROR);
        var schedule = harness.schedule(JobSpec.builder("archive_old").target("prod", "Prod").build());

        HarnessRun failed = harness.run(schedule.id());
        assertThat(failed.status()).isEqualTo(ExecutionStatus.FAILED);
        assertThat(harness.music().uris("arch")).containsExactly("spotify:track:old");
        assertThat(harness.music().uris("prod")).contains("spotify:track:old");

        HarnessRun retry = harness.run(schedule.id());
        assertThat(retry.succeeded()).isTrue();
        assertThat(harness.music().uris("arch")).containsExactly("spotify:track:old");
        assertThat(harness.music().uris("prod")).containsExactly("spotify:track:new");
    }

    @Test
    void withoutAPairTheRunFailsSayingWhatToDo() {
        ExecutorHarness harness = ExecutorHarness.of(new ArchiveExecutor());
        harness.playlist("prod", "Prod", tracks(2));
        HarnessRun run = harness.run(JobSpec.builder("archive_old").target("prod", "Prod").build());
        assertThat(run.status()).isEqualTo(ExecutionStatus.FAILED);
        assertThat(run.execution().errorMessage()).contains("create a pair first");
    }
}
