package dev.shuffify.algorithms.reference;

import dev.shuffify.algorithms.internal.EvenPick;
import dev.shuffify.algorithms.internal.Shuffling;
import dev.shuffify.model.Track;
import dev.shuffify.spi.ParamSpec;
import dev.shuffify.spi.ShuffleAlgorithm;
import dev.shuffify.spi.ShuffleRequest;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.random.RandomGenerator;

/**
 * The implementation before the flat-array rewrite, kept unchanged as the oracle of {@code SameOrderAsReferenceTest}.
 *
 * <p>
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
public final class ReferenceMergeShuffle implements ShuffleAlgorithm {
    /** The algorithm name. */
    public static final String NAME = "merge_shuffle";

    /** Creates the algorithm; it holds no state. */
    public ReferenceMergeShuffle() {
    }

    @Override
    public String name() {
        return NAME;
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
        List<List<Track>> artists = ReferenceGroups.byArtist(request.tracks());
        // random order among artists of equal size, then shortest first
        Shuffling.shuffle(artists, random);
        artists.sort(Comparator.comparingInt(List::size));
        ArrayDeque<Run> single = new ArrayDeque<>(artists.size());
        for (int a = 0; a < artists.size(); a++) {
            List<Track> artist = artists.get(a);
            Shuffling.shuffle(artist, random);
            int[] ids = new int[artist.size()];
            Arrays.fill(ids, a);
            single.add(new Run(artist.toArray(new Track[0]), ids));
        }
        // two-queue Huffman order: merged runs come out no shorter than the ones before them
        ArrayDeque<Run> merged = new ArrayDeque<>();
        while (single.size() + merged.size() > 1) {
            Run shorter = shortest(single, merged);
            Run longer = shortest(single, merged);
            merged.add(intersperse(longer, shorter, random));
        }
        Run all = single.isEmpty() ? merged.poll() : single.poll();
        return all == null ? new ArrayList<>() : new ArrayList<>(Arrays.asList(all.tracks));
    }

    private static Run shortest(ArrayDeque<Run> single, ArrayDeque<Run> merged) {
        if (merged.isEmpty() || (!single.isEmpty() && single.peek().tracks.length <= merged.peek().tracks.length)) {
            return single.poll();
        }
        return merged.poll();
    }

    /** Spreads the tracks of {@code shorter} over distinct gaps of {@code longer} (same or greater length). */
    private static Run intersperse(Run longer, Run shorter, RandomGenerator random) {
        int m = longer.tracks.length;
        int s = shorter.tracks.length;
        int[] gaps = chooseGaps(longer.artists, s, random);
        Track[] tracks = new Track[m + s];
        int[] ids = new int[m + s];
        int out = 0;
        int from = 0;
        for (int i = 0; i < s; i++) {
            int gap = gaps[i];
            System.arraycopy(longer.tracks, from, tracks, out, gap - from);
            System.arraycopy(longer.artists, from, ids, out, gap - from);
            out += gap - from;
            from = gap;
            tracks[out] = shorter.tracks[i];
            ids[out++] = shorter.artists[i];
        }
        System.arraycopy(longer.tracks, from, tracks, out, m - from);
        System.arraycopy(longer.artists, from, ids, out, m - from);
        return new Run(tracks, ids);
    }

    /**
     * Chooses {@code count} of the {@code m + 1} gaps of a list ({@code gap g} is before element {@code g}):
     * the gaps inside same-artist runs first, the rest evenly among the other gaps.
     *
     * @return the chosen gaps, ascending
     */
    private static int[] chooseGaps(int[] artists, int count, RandomGenerator random) {
        int m = artists.length;
        int runCount = 0;
        for (int gap = 1; gap < m; gap++) {
            if (artists[gap - 1] == artists[gap]) {
                runCount++;
            }
        }
        if (runCount == 0) {
            return EvenPick.spaced(m + 1, count, random);
        }
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

    private static final class Run {
        final Track[] tracks;
        final int[] artists;

        Run(Track[] tracks, int[] artists) {
            this.tracks = tracks;
            this.artists = artists;
        }
    }
}
