package dev.shuffify.algorithms;

import static org.assertj.core.api.Assertions.assertThat;

import dev.shuffify.algorithms.reference.ReferenceArtistSpreadShuffle;
import dev.shuffify.model.Track;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Quality against the definitions on many seeds and skewed shapes: one artist with 60 % of the tracks, one with
 * a third, only singletons, local files and tracks without an artist mixed in. {@code merge_shuffle} and
 * {@code artist_spacing} (spacing 1) are at the same-artist floor on every seed; {@code artist_spacing} keeps any
 * feasible spacing; {@code artist_spread} spreads exactly as well as the former implementation.
 */
class SkewedQualityTest {
    private static final int SEEDS = 150;

    /** A skewed playlist of 1,000–2,000 tracks; seed {@code s} picks the shape and fixes the order. */
    private static List<Track> playlist(long seed) {
        Random random = new Random(seed);
        int total = 1_000 + random.nextInt(1_000);
        int top = switch ((int) (seed % 4)) {
            case 0 -> total * 3 / 5;
            case 1 -> total / 3;
            case 2 -> 1;
            default -> total / 2 + 1;
        };
        List<Track> tracks = new ArrayList<>(seed % 4 == 2 ? singletons(total) : Playlists.skewed(total, top, seed));
        // local files by name only, and tracks without an artist (each its own key)
        for (int i = 0; i < total / 20; i++) {
            tracks.add(random.nextBoolean() ? Playlists.local(100_000 + i, random.nextInt(5))
                    : Track.ofUri("spotify:track:none" + i));
        }
        Collections.shuffle(tracks, random);
        return tracks;
    }

    private static List<Track> singletons(int total) {
        List<Track> tracks = new ArrayList<>();
        for (int i = 0; i < total; i++) {
            tracks.add(Playlists.track(i, i, 0));
        }
        return tracks;
    }

    @Test
    void mergeShuffleAndArtistSpacingAreAtTheFloorOnEverySeed() {
        for (long seed = 0; seed < SEEDS; seed++) {
            List<Track> tracks = playlist(seed);
            int floor = ArtistSpreadMetrics.adjacencyFloor(tracks);

            List<Track> merged = Algorithms.run(new MergeShuffle(), tracks, seed);
            List<Track> spaced = Algorithms.run(new ArtistSpacingShuffle(), tracks, seed);

            Permutations.assertPermutationOf(merged, tracks);
            Permutations.assertPermutationOf(spaced, tracks);
            assertThat(ArtistSpreadMetrics.adjacentPairs(merged)).as("merge_shuffle seed %d", seed).isEqualTo(floor);
            assertThat(ArtistSpreadMetrics.adjacentPairs(spaced)).as("artist_spacing seed %d", seed)
                    .isEqualTo(floor);
        }
    }

    @Test
    void artistSpacingKeepsEveryFeasibleSpacing() {
        int feasibleCases = 0;
        for (long seed = 0; seed < SEEDS / 3; seed++) {
            List<Track> tracks = playlist(seed);
            List<Integer> counts = new ArrayList<>(tracks.stream().collect(java.util.stream.Collectors.groupingBy(
                    Track::primaryArtistKey, java.util.stream.Collectors.summingInt(t -> 1))).values());
            for (int spacing : new int[] {2, 3, 10}) {
                if (!ArtistSpacingShuffleTest.feasible(counts, spacing)) {
                    continue;
                }
                feasibleCases++;
                List<Track> result = Algorithms.run(new ArtistSpacingShuffle(), tracks, Map.of("min_spacing", spacing),
                        seed);
                assertThat(ArtistSpacingShuffleTest.violations(result, spacing)).as("seed %d spacing %d", seed,
                        spacing).isZero();
            }
        }
        assertThat(feasibleCases).isGreaterThan(20);
    }

    @Test
    void artistSpreadSpreadsAsWellAsTheFormerImplementation() {
        double spread = 0;
        double former = 0;
        double shuffled = 0;
        for (long seed = 0; seed < SEEDS; seed++) {
            List<Track> tracks = playlist(seed);
            ArtistSpreadMetrics now = ArtistSpreadMetrics.of(Algorithms.run(new ArtistSpreadShuffle(), tracks, seed));
            ArtistSpreadMetrics before = ArtistSpreadMetrics.of(
                    Algorithms.run(new ReferenceArtistSpreadShuffle(), tracks, seed));
            ArtistSpreadMetrics basic = ArtistSpreadMetrics.of(Algorithms.run(new BasicShuffle(), tracks, seed));

            assertThat(now.meanRelativeMinDistance()).as("seed %d", seed)
                    .isGreaterThanOrEqualTo(before.meanRelativeMinDistance());
            assertThat(now.adjacentPairs()).as("seed %d", seed).isLessThanOrEqualTo(before.adjacentPairs());
            spread += now.meanRelativeMinDistance();
            former += before.meanRelativeMinDistance();
            shuffled += basic.meanRelativeMinDistance();
        }
        assertThat(spread).isGreaterThanOrEqualTo(former);
        assertThat(spread / SEEDS).isGreaterThan(1.5 * shuffled / SEEDS);
    }
}
