package dev.shuffify.algorithms;

import dev.shuffify.algorithms.internal.EvenPick;
import dev.shuffify.algorithms.internal.Groups;
import dev.shuffify.algorithms.internal.Shuffling;
import dev.shuffify.model.Track;
import dev.shuffify.spi.ParamSpec;
import dev.shuffify.spi.ShuffleAlgorithm;
import dev.shuffify.spi.ShuffleRequest;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.PriorityQueue;
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
 * costs {@code O(N log A)} for {@code A} artists. Artists are told apart by {@link Track#primaryArtistKey()}.
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
        List<List<Track>> artists = Groups.byArtist(request.tracks());
        Shuffling.shuffle(artists, random);
        PriorityQueue<Run> queue = new PriorityQueue<>(Math.max(1, artists.size()),
                Comparator.comparingInt((Run r) -> r.tracks.length).thenComparingLong(r -> r.sequence));
        long sequence = 0;
        for (int a = 0; a < artists.size(); a++) {
            List<Track> artist = artists.get(a);
            Shuffling.shuffle(artist, random);
            int[] ids = new int[artist.size()];
            Arrays.fill(ids, a);
            queue.add(new Run(artist.toArray(new Track[0]), ids, sequence++));
        }
        while (queue.size() > 1) {
            Run first = queue.poll();
            Run second = queue.poll();
            queue.add(intersperse(second, first, random, sequence++));
        }
        return queue.isEmpty() ? List.of() : new ArrayList<>(Arrays.asList(queue.poll().tracks));
    }

    /** Spreads the tracks of {@code shorter} over distinct gaps of {@code longer} (same or greater length). */
    private static Run intersperse(Run longer, Run shorter, RandomGenerator random, long sequence) {
        int m = longer.tracks.length;
        int s = shorter.tracks.length;
        boolean[] chosen = chooseGaps(longer.artists, s, random);
        Track[] tracks = new Track[m + s];
        int[] ids = new int[m + s];
        int out = 0;
        int next = 0;
        for (int gap = 0; gap <= m; gap++) {
            if (chosen[gap]) {
                tracks[out] = shorter.tracks[next];
                ids[out++] = shorter.artists[next++];
            }
            if (gap < m) {
                tracks[out] = longer.tracks[gap];
                ids[out++] = longer.artists[gap];
            }
        }
        return new Run(tracks, ids, sequence);
    }

    /**
     * Chooses {@code count} of the {@code m + 1} gaps of a list ({@code gap g} is before element {@code g}):
     * the gaps inside same-artist runs first, the rest evenly among the other gaps.
     */
    private static boolean[] chooseGaps(int[] artists, int count, RandomGenerator random) {
        int m = artists.length;
        int[] runGaps = new int[m];
        int[] otherGaps = new int[m + 1];
        int runCount = 0;
        int otherCount = 0;
        for (int gap = 0; gap <= m; gap++) {
            if (gap > 0 && gap < m && artists[gap - 1] == artists[gap]) {
                runGaps[runCount++] = gap;
            } else {
                otherGaps[otherCount++] = gap;
            }
        }
        boolean[] chosen = new boolean[m + 1];
        if (runCount >= count) {
            for (int pick : EvenPick.cuts(runCount, count, random)) {
                chosen[runGaps[pick]] = true;
            }
        } else {
            for (int i = 0; i < runCount; i++) {
                chosen[runGaps[i]] = true;
            }
            for (int pick : EvenPick.spaced(otherCount, count - runCount, random)) {
                chosen[otherGaps[pick]] = true;
            }
        }
        return chosen;
    }

    private static final class Run {
        final Track[] tracks;
        final int[] artists;
        final long sequence;

        Run(Track[] tracks, int[] artists, long sequence) {
            this.tracks = tracks;
            this.artists = artists;
            this.sequence = sequence;
        }
    }
}
