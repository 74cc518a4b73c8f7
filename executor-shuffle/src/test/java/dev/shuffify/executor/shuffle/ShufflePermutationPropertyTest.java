package dev.shuffify.executor.shuffle;

import static org.assertj.core.api.Assertions.assertThat;

import dev.shuffify.model.Album;
import dev.shuffify.model.Artist;
import dev.shuffify.model.ExecutionStatus;
import dev.shuffify.model.JobSpec;
import dev.shuffify.model.Track;
import dev.shuffify.testkit.ExecutorHarness;
import dev.shuffify.testkit.HarnessRun;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.stream.Collectors;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.EdgeCasesMode;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;

/**
 * For random playlists (empty, one track, duplicates, local files, episodes without a track id), random pins,
 * both write modes and random seeds: the run succeeds, the playlist afterwards is a permutation of the one
 * before, pinned tracks have not moved, and in reorder mode every track keeps its added date.
 */
class ShufflePermutationPropertyTest {
    static final Instant ADDED = Instant.parse("2025-06-01T00:00:00Z");

    record Case(List<Track> items, List<String> pinnedUris, int pinFrom, int pinLength, String mode, long seed) {
    }

    static Track item(int kind, int k, int position) {
        Instant added = ADDED.plus(Duration.ofMinutes(position));
        return switch (kind) {
            case 0 -> Track.ofUri("spotify:local:Band:Tape:Song" + k + ":200").withAddedAt(added);
            case 1 -> Track.ofUri("spotify:episode:ep" + k).withAddedAt(added);
            default -> Track.of("t" + k, "Song " + k, new Artist("a" + k % 3, "Artist " + k % 3),
                    new Album("al" + k % 5, "Album", "2020")).withAddedAt(added);
        };
    }

    @Provide
    Arbitrary<Case> cases() {
        Arbitrary<List<Track>> items = Arbitraries.frequencyOf(Tuple.of(1, Arbitraries.just(0)),
                Tuple.of(1, Arbitraries.just(1)), Tuple.of(8, Arbitraries.integers().between(2, 230))).flatMap(n -> Combinators.combine(
                Arbitraries.integers().between(0, 9).list().ofSize(n),
                Arbitraries.integers().between(0, Math.max(0, n * 3 / 4)).list().ofSize(n)).as((kinds, ks) -> {
                    List<Track> out = new ArrayList<>(n);
                    for (int i = 0; i < n; i++) {
                        out.add(item(kinds.get(i), ks.get(i), i));
                    }
                    return out;
                }));
        return items.flatMap(list -> Combinators.combine(
                Arbitraries.of(list.isEmpty() ? List.of("spotify:track:absent") : list.stream().map(Track::uri).toList())
                        .list().ofMaxSize(3),
                Arbitraries.integers().between(0, Math.max(0, list.size())),
                Arbitraries.integers().between(0, 4),
                Arbitraries.of("replace", "reorder"),
                Arbitraries.longs()).as((pinned, from, length, mode, seed) -> new Case(list, pinned, from, length,
                        mode, seed)));
    }

    @Property(tries = 150, edgeCases = EdgeCasesMode.NONE)
    void shuffleIsAPermutationThatKeepsPinsAndNeverDropsATrack(@ForAll("cases") Case c) {
        ExecutorHarness harness = ExecutorHarness.builder().seed(c.seed()).jobType(new ShuffleExecutor())
                .algorithm(new RandomAlgorithm()).build();
        harness.playlist("p1", "Mix", c.items());
        harness.clock().advance(Duration.ofDays(1));
        for (String uri : c.pinnedUris()) {
            harness.shuffify().pins().pinTrack(harness.userId(), "p1", uri);
        }
        if (c.pinLength() > 0) {
            harness.shuffify().pins().pinPositions(harness.userId(), "p1", c.pinFrom(), c.pinFrom() + c.pinLength() - 1);
        }
        List<String> before = c.items().stream().map(Track::uri).toList();

        HarnessRun run = harness.run(JobSpec.builder("shuffle").target("p1", "Mix").algorithm(RandomAlgorithm.NAME)
                .param("write_mode", c.mode()).build());

        assertThat(run.status()).isEqualTo(ExecutionStatus.SUCCESS);
        List<Track> after = harness.music().playlist("p1").items();
        assertThat(after).extracting(Track::uri).containsExactlyInAnyOrderElementsOf(before);
        for (int position : pinnedPositions(c, before)) {
            assertThat(after.get(position).uri()).as("pinned position %s", position).isEqualTo(before.get(position));
        }
        boolean hasLocal = c.items().stream().anyMatch(Track::local);
        if (c.mode().equals("reorder") || hasLocal) {
            assertThat(after.stream().map(t -> t.uri() + "@" + t.addedAt()).toList())
                    .containsExactlyInAnyOrderElementsOf(c.items().stream().map(t -> t.uri() + "@" + t.addedAt())
                            .toList());
        }
        assertThat(run.execution().tracksTotal()).isEqualTo(before.size());
        Map<String, Long> counts = before.stream().collect(Collectors.groupingBy(Function.identity(),
                Collectors.counting()));
        assertThat(after.stream().collect(Collectors.groupingBy(Track::uri, Collectors.counting())))
                .isEqualTo(counts);
    }

    private static Set<Integer> pinnedPositions(Case c, List<String> uris) {
        Set<Integer> positions = new TreeSet<>();
        for (int i = 0; i < uris.size(); i++) {
            if (c.pinnedUris().contains(uris.get(i))) {
                positions.add(i);
            }
        }
        for (int i = c.pinFrom(); i < c.pinFrom() + c.pinLength() && i < uris.size(); i++) {
            positions.add(i);
        }
        return positions;
    }
}
