package dev.shuffify.algorithms;

import static org.assertj.core.api.Assertions.assertThat;

import dev.shuffify.model.Track;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;

class ArtistSpacingShuffleTest {
    private final ArtistSpacingShuffle spacing = new ArtistSpacingShuffle();

    @Property(tries = 400)
    void keepsTheSpacingWheneverItIsFeasible(
            @ForAll @Size(min = 1, max = 25) List<@IntRange(min = 1, max = 12) Integer> counts,
            @ForAll @IntRange(min = 1, max = 10) int minSpacing, @ForAll long seed) {
        List<Track> tracks = playlist(counts);
        if (!feasible(counts, minSpacing)) {
            return;
        }

        List<Track> result = Algorithms.run(spacing, tracks, Map.of("min_spacing", minSpacing), seed);

        Permutations.assertPermutationOf(result, tracks);
        assertThat(violations(result, minSpacing)).as("tracks closer than %d", minSpacing + 1).isZero();
    }

    @Property(tries = 400)
    void withSpacingOneHasNoMoreSameArtistNeighboursThanTheFloor(
            @ForAll @Size(min = 1, max = 25) List<@IntRange(min = 1, max = 40) Integer> counts, @ForAll long seed) {
        List<Track> result = Algorithms.run(spacing, playlist(counts), Map.of("min_spacing", 1), seed);

        assertThat(ArtistSpreadMetrics.adjacentPairs(result)).isEqualTo(ArtistSpreadMetrics.adjacencyFloor(result));
    }

    @Example
    void meetsTheSpacingExactlyWhenSomeOrderCanAsFoundByExhaustiveSearch() {
        int checked = 0;
        for (int[] counts : countVectors(5, 5, 11)) {
            List<Integer> list = Arrays.stream(counts).boxed().toList();
            for (int minSpacing = 1; minSpacing <= 3; minSpacing++) {
                boolean possible = existsOrder(counts.clone(), minSpacing, new int[minSpacing], 0,
                        Arrays.stream(counts).sum());
                assertThat(feasible(list, minSpacing)).as("%s spacing %d", list, minSpacing).isEqualTo(possible);
                for (long seed = 0; seed < 3; seed++) {
                    List<Track> result = Algorithms.run(spacing, playlist(list), Map.of("min_spacing", minSpacing),
                            seed);
                    assertThat(violations(result, minSpacing) == 0).as("%s spacing %d seed %d", list, minSpacing,
                            seed).isEqualTo(possible);
                }
                checked++;
            }
        }
        assertThat(checked).isGreaterThan(300);
    }

    @Property(tries = 300)
    void anArtistTooLargeToSeparateIsCutIntoAsManyEvenRunsAsTheOthersCanSeparate(
            @ForAll @IntRange(min = 2, max = 120) int top, @ForAll @IntRange(max = 60) int singles,
            @ForAll @IntRange(min = 1, max = 10) int minSpacing, @ForAll long seed) {
        List<Integer> counts = new ArrayList<>();
        counts.add(top);
        counts.addAll(Collections.nCopies(singles, 1));
        int n = top + singles;
        int runs = (top - 1) * (minSpacing + 1) + 1 <= n ? top : singles / minSpacing + 1;

        List<Track> result = Algorithms.run(spacing, playlist(counts), Map.of("min_spacing", minSpacing), seed);

        // the fewest violations possible: each gap between two runs needs min_spacing other tracks
        assertThat(violations(result, minSpacing)).isEqualTo(top - runs);
        List<Integer> runLengths = runLengths(result, "a0");
        assertThat(runLengths).hasSize(runs);
        assertThat(runLengths.stream().mapToInt(Integer::intValue).max().orElseThrow()
                - runLengths.stream().mapToInt(Integer::intValue).min().orElseThrow()).isLessThanOrEqualTo(1);
    }

    @Example
    void whereTheSpacingCannotBeKeptComesCloseToTheFewestViolationsFoundByExhaustiveSearch() {
        int cases = 0;
        int optimal = 0;
        int worstExcess = 0;
        for (int[] counts : countVectors(4, 7, 12)) {
            List<Integer> list = Arrays.stream(counts).boxed().toList();
            for (int minSpacing = 1; minSpacing <= 3; minSpacing++) {
                if (feasible(list, minSpacing)) {
                    continue;
                }
                int fewest = fewestViolations(counts, minSpacing);
                int found = violations(Algorithms.run(spacing, playlist(list), Map.of("min_spacing", minSpacing),
                        cases), minSpacing);
                assertThat(found).as("%s spacing %d", list, minSpacing).isGreaterThanOrEqualTo(fewest);
                cases++;
                optimal += found == fewest ? 1 : 0;
                worstExcess = Math.max(worstExcess, found - fewest);
            }
        }
        assertThat(cases).isGreaterThan(200);
        assertThat((double) optimal / cases).as("share of cases at the optimum").isGreaterThan(0.75);
        assertThat(worstExcess).isLessThanOrEqualTo(3);
    }

    private static List<Integer> runLengths(List<Track> order, String artistKey) {
        List<Integer> runs = new ArrayList<>();
        int current = 0;
        for (Track track : order) {
            if (track.primaryArtistKey().equals(artistKey)) {
                current++;
            } else if (current > 0) {
                runs.add(current);
                current = 0;
            }
        }
        if (current > 0) {
            runs.add(current);
        }
        return runs;
    }

    /** Exhaustive search with memory: the fewest violations of any order of these counts. */
    private static int fewestViolations(int[] counts, int minSpacing) {
        return fewest(counts.clone(), new int[minSpacing], 0, Arrays.stream(counts).sum(), minSpacing,
                new HashMap<>());
    }

    private static int fewest(int[] left, int[] recent, int placed, int total, int minSpacing,
            Map<String, Integer> memo) {
        if (placed == total) {
            return 0;
        }
        int[] window = new int[minSpacing];
        for (int back = 1; back <= minSpacing; back++) {
            window[back - 1] = placed - back >= 0 ? recent[(placed - back) % minSpacing] : 0;
        }
        String key = Arrays.toString(left) + Arrays.toString(window);
        Integer known = memo.get(key);
        if (known != null) {
            return known;
        }
        int best = Integer.MAX_VALUE;
        for (int artist = 0; artist < left.length; artist++) {
            if (left[artist] == 0) {
                continue;
            }
            int cost = playedRecently(recent, placed, minSpacing, artist) ? 1 : 0;
            left[artist]--;
            int saved = recent[placed % minSpacing];
            recent[placed % minSpacing] = artist + 1;
            best = Math.min(best, cost + fewest(left, recent, placed + 1, total, minSpacing, memo));
            recent[placed % minSpacing] = saved;
            left[artist]++;
        }
        memo.put(key, best);
        return best;
    }

    /** Spacing {@code s} is feasible when {@code (n_max − 1)(s + 1) + p ≤ N}, p artists having n_max tracks. */
    static boolean feasible(List<Integer> counts, int minSpacing) {
        int max = counts.stream().mapToInt(Integer::intValue).max().orElse(0);
        long p = counts.stream().filter(c -> c == max).count();
        int n = counts.stream().mapToInt(Integer::intValue).sum();
        return (long) (max - 1) * (minSpacing + 1) + p <= n;
    }

    /** Pairs of one artist's tracks with fewer than {@code minSpacing} other tracks between them. */
    static int violations(List<Track> order, int minSpacing) {
        Map<String, Integer> last = new HashMap<>();
        int violations = 0;
        for (int i = 0; i < order.size(); i++) {
            Integer previous = last.put(order.get(i).primaryArtistKey(), i);
            if (previous != null && i - previous <= minSpacing) {
                violations++;
            }
        }
        return violations;
    }

    /** Artist {@code a<i>} has {@code counts[i]} tracks, in artist order. */
    static List<Track> playlist(List<Integer> counts) {
        List<Track> tracks = new ArrayList<>();
        for (int artist = 0; artist < counts.size(); artist++) {
            for (int i = 0; i < counts.get(artist); i++) {
                tracks.add(Playlists.track(tracks.size(), artist, 0));
            }
        }
        return tracks;
    }

    /** Count vectors, non-increasing, of up to {@code artists} artists of up to {@code most} tracks, N ≤ max. */
    private static List<int[]> countVectors(int artists, int most, int maxTracks) {
        List<int[]> all = new ArrayList<>();
        collect(new int[0], artists, most, maxTracks, all);
        return all;
    }

    private static void collect(int[] prefix, int artists, int most, int room, List<int[]> out) {
        if (prefix.length > 0) {
            out.add(prefix);
        }
        if (prefix.length == artists) {
            return;
        }
        for (int c = 1; c <= Math.min(most, room); c++) {
            int[] next = Arrays.copyOf(prefix, prefix.length + 1);
            next[prefix.length] = c;
            collect(next, artists, c, room - c, out);
        }
    }

    /** Exhaustive search: can the remaining tracks be ordered with the spacing, given the last artists placed. */
    private static boolean existsOrder(int[] left, int minSpacing, int[] recent, int placed, int total) {
        if (placed == total) {
            return true;
        }
        for (int artist = 0; artist < left.length; artist++) {
            if (left[artist] == 0 || playedRecently(recent, placed, minSpacing, artist)) {
                continue;
            }
            left[artist]--;
            int saved = recent[placed % minSpacing];
            recent[placed % minSpacing] = artist + 1;
            boolean found = existsOrder(left, minSpacing, recent, placed + 1, total);
            recent[placed % minSpacing] = saved;
            left[artist]++;
            if (found) {
                return true;
            }
        }
        return false;
    }

    private static boolean playedRecently(int[] recent, int placed, int minSpacing, int artist) {
        for (int back = 1; back <= Math.min(minSpacing, placed); back++) {
            if (recent[(placed - back) % minSpacing] == artist + 1) {
                return true;
            }
        }
        return false;
    }
}
