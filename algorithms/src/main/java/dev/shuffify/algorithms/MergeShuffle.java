package dev.shuffify.algorithms;

import dev.shuffify.algorithms.internal.EvenPick;
import dev.shuffify.algorithms.internal.Grouping;
import dev.shuffify.algorithms.internal.Output;
import dev.shuffify.algorithms.internal.Shuffling;
import dev.shuffify.model.Track;
import dev.shuffify.spi.ParamSpec;
import dev.shuffify.spi.ShuffleAlgorithm;
import dev.shuffify.spi.ShuffleRequest;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.random.RandomGenerator;

/**
 * {@code merge_shuffle}: the interleave / intersperse merge, optimal for same-artist adjacency.
 *
 * <p>Each artist's tracks are shuffled into a list of their own. Then, as long as there is more than one list,
 * the two shortest are merged: the tracks of the shorter are spread one by one over distinct gaps of the
 * longer, so that no two tracks of the shorter list meet. Runs of one artist in the longer list are broken
 * first, into runs of near-equal length; the remaining tracks go into the other gaps at an even stride from a
 * random start.
 *
 * <p>The result has exactly {@code max(0, n_max − (N − n_max) − 1)} pairs of adjacent tracks by one artist,
 * where {@code n_max} is the largest artist's track count: the floor no order can go below. Each merge keeps
 * the invariant "adjacent same-artist pairs equal the floor of the merged list": the shorter list's tracks
 * are isolated, and the longer list's excess pairs shrink by one per inserted track. Merging shortest first
 * (Huffman order: one sort by size, then two queues) costs {@code O(N log A)} for {@code A} artists.
 * Artists are told apart by {@link Track#primaryArtistKey()}.
 *
 * @since 0.1.0
 */
public final class MergeShuffle implements ShuffleAlgorithm {
    /** The algorithm name. */
    public static final String NAME = "merge_shuffle";

    /** Creates the algorithm; it holds no state. */
    public MergeShuffle() {
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String displayName() {
        return "Merge shuffle";
    }

    @Override
    public String description() {
        return "Interleave merge of the artists' shuffled tracks: the fewest possible same-artist neighbours.";
    }

    @Override
    public List<ParamSpec> parameters() {
        return List.of();
    }

    @Override
    public List<Track> shuffle(ShuffleRequest request) {
        RandomGenerator random = request.random();
        Object[] tracks = request.tracks().toArray();
        if (tracks.length == 0) {
            return new ArrayList<>();
        }
        Grouping groups = Grouping.byArtist(tracks);
        int k = groups.count;
        // random order among artists of equal size, then shortest first (a stable counting sort by size)
        int[] shuffled = new int[k];
        for (int a = 0; a < k; a++) {
            shuffled[a] = a;
        }
        Shuffling.shuffle(shuffled, 0, k, random);
        int[] artists = bySize(shuffled, groups);
        int[] members = groups.members;
        Run[] single = new Run[k];
        for (int a = 0; a < k; a++) {
            int group = artists[a];
            int from = groups.start[group];
            int to = groups.start[group + 1];
            Shuffling.shuffle(members, from, to, random);
            single[a] = new Run(null, a, to - from, to - from - 1);
        }
        // two-queue Huffman order: merged runs come out no shorter than the ones before them
        Queues queues = new Queues(single);
        while (queues.size() > 1) {
            Run shorter = queues.shortest();
            Run longer = queues.shortest();
            queues.merged[queues.mergedTail++] = intersperse(longer, shorter, random);
        }
        int[] pattern = queues.shortest().materialise();
        // the merges never reorder one artist's tracks: the i-th place of artist a gets its i-th shuffled track
        int[] next = new int[k];
        for (int a = 0; a < k; a++) {
            next[a] = groups.start[artists[a]];
        }
        int[] order = new int[pattern.length];
        for (int p = 0; p < pattern.length; p++) {
            order[p] = members[next[pattern[p]]++];
        }
        return Output.inOrder(tracks, order);
    }

    /** The groups in order of size, those of equal size in their order in {@code groups}. */
    private static int[] bySize(int[] order, Grouping groups) {
        int largest = 0;
        for (int g = 0; g < groups.count; g++) {
            largest = Math.max(largest, groups.size(g));
        }
        int[] start = new int[largest + 2];
        for (int g : order) {
            start[groups.size(g) + 1]++;
        }
        for (int size = 1; size < start.length; size++) {
            start[size] += start[size - 1];
        }
        int[] sorted = new int[order.length];
        for (int g : order) {
            sorted[start[groups.size(g)]++] = g;
        }
        return sorted;
    }

    /** The artists' own runs in order of size, and the merged runs in the order they were made. */
    private static final class Queues {
        final Run[] single;
        final Run[] merged;
        int singleHead;
        int mergedHead;
        int mergedTail;

        Queues(Run[] single) {
            this.single = single;
            this.merged = new Run[Math.max(1, single.length - 1)];
        }

        int size() {
            return single.length - singleHead + mergedTail - mergedHead;
        }

        Run shortest() {
            if (mergedHead == mergedTail
                    || (singleHead < single.length && single[singleHead].length <= merged[mergedHead].length)) {
                return single[singleHead++];
            }
            return merged[mergedHead++];
        }
    }

    /** Spreads the tracks of {@code shorter} over distinct gaps of {@code longer} (same or greater length). */
    private static Run intersperse(Run longer, Run shorter, RandomGenerator random) {
        int[] from = longer.artists;
        int[] insert = shorter.artists;
        int m = longer.length;
        int s = shorter.length;
        int[] gaps = chooseGaps(longer, s, random);
        int[] ids = new int[m + s];
        int out = 0;
        int at = 0;
        for (int i = 0; i < s; i++) {
            int gap = gaps[i];
            if (from == null) {
                while (at < gap) {
                    ids[out++] = longer.artist;
                    at++;
                }
            } else {
                while (at < gap) {
                    ids[out++] = from[at++];
                }
            }
            ids[out++] = insert == null ? shorter.artist : insert[i];
        }
        while (at < m) {
            ids[out++] = from == null ? longer.artist : from[at];
            at++;
        }
        // the inserted tracks are isolated; each one in a run gap breaks one same-artist pair
        return new Run(ids, -1, m + s, longer.pairs - Math.min(longer.pairs, s));
    }

    /**
     * Chooses {@code count} of the {@code m + 1} gaps of a list ({@code gap g} is before element {@code g}):
     * the gaps inside same-artist runs first, the rest evenly among the other gaps.
     *
     * @return the chosen gaps, ascending
     */
    private static int[] chooseGaps(Run longer, int count, RandomGenerator random) {
        int m = longer.length;
        int runCount = longer.pairs;
        if (runCount == 0) {
            return EvenPick.spaced(m + 1, count, random);
        }
        int[] artists = longer.materialise();
        int[] runGaps = new int[runCount];
        int[] otherGaps = new int[m + 1 - runCount];
        int r = 0;
        int o = 0;
        for (int gap = 0; gap <= m; gap++) {
            if (gap > 0 && gap < m && artists[gap - 1] == artists[gap]) {
                runGaps[r++] = gap;
            } else {
                otherGaps[o++] = gap;
            }
        }
        int[] chosen = new int[count];
        if (runCount >= count) {
            int[] picks = EvenPick.cuts(runCount, count, random);
            for (int i = 0; i < count; i++) {
                chosen[i] = runGaps[picks[i]];
            }
            return chosen;
        }
        int[] picks = EvenPick.spaced(otherGaps.length, count - runCount, random);
        // merge the two ascending lists: every run gap, and the picked other gaps
        int i = 0;
        int j = 0;
        for (int c = 0; c < count; c++) {
            if (j >= picks.length || (i < runCount && runGaps[i] < otherGaps[picks[j]])) {
                chosen[c] = runGaps[i++];
            } else {
                chosen[c] = otherGaps[picks[j++]];
            }
        }
        return chosen;
    }

    /**
     * A merged sequence of artists (positions in the size order), and how many neighbours in it share one; an
     * artist's own run is {@code length} times {@code artist}, without an array.
     */
    private static final class Run {
        final int[] artists;
        final int artist;
        final int length;
        final int pairs;

        Run(int[] artists, int artist, int length, int pairs) {
            this.artists = artists;
            this.artist = artist;
            this.length = length;
            this.pairs = pairs;
        }

        int[] materialise() {
            if (artists != null) {
                return artists;
            }
            int[] ids = new int[length];
            Arrays.fill(ids, artist);
            return ids;
        }
    }
}
