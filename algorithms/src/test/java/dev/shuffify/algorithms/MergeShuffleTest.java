package dev.shuffify.algorithms;

import static org.assertj.core.api.Assertions.assertThat;

import dev.shuffify.model.Track;
import java.util.List;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;

class MergeShuffleTest {
    private final MergeShuffle merge = new MergeShuffle();

    @Property(tries = 400)
    void reachesTheFloorOfSameArtistNeighboursForAnyArtistCounts(
            @ForAll @Size(min = 1, max = 30) List<@IntRange(min = 1, max = 40) Integer> counts, @ForAll long seed) {
        List<Track> tracks = ArtistSpacingShuffleTest.playlist(counts);

        List<Track> result = Algorithms.run(merge, tracks, seed);

        Permutations.assertPermutationOf(result, tracks);
        assertThat(ArtistSpreadMetrics.adjacentPairs(result)).isEqualTo(ArtistSpreadMetrics.adjacencyFloor(tracks));
    }

    @Example
    void twoEqualArtistsAlternate() {
        List<Track> result = Algorithms.run(merge, ArtistSpacingShuffleTest.playlist(List.of(5, 5)), 4);

        for (int i = 2; i < result.size(); i++) {
            assertThat(result.get(i).primaryArtistKey()).isEqualTo(result.get(i - 2).primaryArtistKey());
        }
        assertThat(ArtistSpreadMetrics.adjacentPairs(result)).isZero();
    }

    @Example
    void aDominantArtistIsCutIntoRunsOfNearlyEqualLength() {
        // 12 tracks of a0 around 3 others: 4 runs of 3
        List<Track> result = Algorithms.run(merge, ArtistSpacingShuffleTest.playlist(List.of(12, 1, 1, 1)), 7);

        StringBuilder runs = new StringBuilder();
        result.forEach(t -> runs.append(t.primaryArtistKey().equals("a0") ? 'x' : '|'));
        assertThat(runs.toString()).isEqualTo("xxx|xxx|xxx|xxx");
    }
}
