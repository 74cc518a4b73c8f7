package dev.shuffify.algorithms;

import dev.shuffify.algorithms.internal.DitheredSpread;
import dev.shuffify.algorithms.internal.Grouping;
import dev.shuffify.algorithms.internal.Output;
import dev.shuffify.algorithms.internal.ParamValues;
import dev.shuffify.algorithms.internal.Shuffling;
import dev.shuffify.model.Track;
import dev.shuffify.spi.ParamSpec;
import dev.shuffify.spi.ShuffleAlgorithm;
import dev.shuffify.spi.ShuffleRequest;
import java.util.List;
import java.util.random.RandomGenerator;

/**
 * {@code artist_spacing}: at least {@code min_spacing} (1–10, default 1) other tracks between two tracks of
 * one artist wherever that is feasible; as close to it as possible where it is not; never fails.
 *
 * <p>With spacing {@code s}, an order without violation exists exactly when
 * {@code (n_max − 1)(s + 1) + p ≤ N}, where {@code n_max} is the largest artist's track count and {@code p} the
 * number of artists that have it; the result then has no violation.
 *
 * <p>How: the playlist is filled from the top. An artist whose last track is {@code s} or fewer tracks back
 * is resting. Among the artists not resting, the next is normally the one whose next track has the earliest
 * target position of a dithered spread (as in {@code artist_spread}), which keeps every artist evenly spread
 * over the playlist. When the spacing becomes tight — the remaining tracks are just enough for the most
 * demanding artist — the most demanding artist goes first.
 *
 * <p>Where the spacing cannot be kept: an artist with more tracks than the other tracks can separate
 * ({@code (k − 1)(s + 1) + 1 > N} for its {@code k} tracks) is cut into
 * {@code floor((N − k) / s) + 1} runs of near-equal length, as many as the other tracks can keep apart, and the
 * runs are spread like single tracks, so its unavoidable neighbours are spread over the whole playlist instead
 * of piling up at the end. When every artist is resting, the artist just played continues its run. With
 * {@code min_spacing} 1 the number of same-artist neighbours is then the floor
 * {@code max(0, n_max − (N − n_max) − 1)}.
 *
 * <p>Runs in expected {@code O(N)}: the runs are ranked by target once, and the earliest available one is the
 * lowest set bit of a bit set over the ranks; once the spacing is tight, a heap by demand adds {@code O(log A)}
 * per run for {@code A} artists. Artists are told apart by
 * {@link Track#primaryArtistKey()}. Also known as {@code ArtistSpacingShuffle}.
 *
 * @since 0.1.0
 */
public final class ArtistSpacingShuffle implements ShuffleAlgorithm {
    /** The algorithm name. */
    public static final String NAME = "artist_spacing";
    /** Parameter: the least number of other tracks between two tracks of one artist. */
    public static final String MIN_SPACING = "min_spacing";

    private static final ParamSpec SPACING = ParamSpec.integer(MIN_SPACING,
            "Least number of other tracks between two tracks of one artist").range(1, 10).withDefault(1);

    /** Creates the algorithm; it holds no state. */
    public ArtistSpacingShuffle() {
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String displayName() {
        return "Artist spacing";
    }

    @Override
    public List<String> aliases() {
        return List.of("ArtistSpacingShuffle");
    }

    @Override
    public String description() {
        return "At least min_spacing other tracks between two tracks of one artist wherever feasible, as close "
                + "as possible where not.";
    }

    @Override
    public List<ParamSpec> parameters() {
        return List.of(SPACING);
    }

    @Override
    public List<Track> shuffle(ShuffleRequest request) {
        int spacing = ParamValues.integer(request.params(), SPACING);
        Object[] tracks = request.tracks().toArray();
        Grouping artists = Grouping.byArtist(tracks);
        int[] order = new Filling(artists, spacing, request.random()).fill();
        return Output.inOrder(tracks, order);
    }

    /**
     * The state of one filling of the playlist, in flat arrays indexed by artist (numbered in order of first
     * appearance). Every run has a rank, its place in the order of all runs by target and then artist, so that
     * "earliest target first" is "lowest rank first": the artists that are not resting are the set bits of a
     * bit set over the ranks of their next runs. The most demanding of them is needed only once the spacing is
     * tight; a heap by demand of the available artists that need more than one slot is built at that moment and
     * kept from then on (when it is empty, every available artist needs one slot and the earliest target decides).
     */
    private static final class Filling {
        private final int n;
        private final int spacing;
        private final int[] members;
        private final int[] trackStart;
        /** Each artist's runs: lengths and targets in {@code [runStart[a], runStart[a + 1])}. */
        private final int[] runStart;
        private final int[] runLength;
        private final double[] runTarget;
        /** The rank of each run, and the run of each rank. */
        private final int[] rank;
        private final int[] runOfRank;
        private final int[] artistOfRun;
        private final int[] nextRun;
        /** The rank of each artist's next run. */
        private final int[] currentRank;
        private final int[] placed;
        private final int[] remaining;
        /** Slots each artist still needs with the spacing kept between its runs: tracks + (runs − 1) × s. */
        private final long[] demand;
        private final int[] readyAt;
        private final RankSet available;
        private DemandHeap byDemand;
        /** Resting artists, in the order they rested: a ring of at most one entry per artist. */
        private final int[] resting;
        private int restingHead;
        private int restingSize;
        /** How many artists (resting or not) have each demand. */
        private final int[] demandCount;
        private int maxDemand;

        Filling(Grouping artists, int spacing, RandomGenerator random) {
            int k = artists.count;
            this.n = artists.members.length;
            this.spacing = spacing;
            this.members = artists.members;
            this.trackStart = artists.start;
            this.runStart = runStarts(artists, spacing, n);
            int totalRuns = runStart[k];
            this.runLength = new int[totalRuns];
            this.runTarget = new double[totalRuns];
            this.artistOfRun = new int[totalRuns];
            this.nextRun = new int[k];
            this.currentRank = new int[k];
            this.placed = new int[k];
            this.remaining = new int[k];
            this.demand = new long[k];
            this.readyAt = new int[k];
            long largest = layOutRuns(artists, random);
            this.runOfRank = TargetOrder.of(runTarget, artistOfRun);
            this.rank = inverse(runOfRank);
            this.demandCount = new int[(int) largest + 1];
            this.maxDemand = (int) largest;
            this.available = new RankSet(totalRuns);
            this.resting = new int[Math.max(1, k)];
            for (int a = 0; a < k; a++) {
                demandCount[(int) demand[a]]++;
                currentRank[a] = rank[runStart[a]];
                available.add(currentRank[a]);
            }
        }

        /**
         * Where each artist's runs start, {@code k + 1} entries: one run per track when its tracks can be kept
         * {@code spacing} apart in {@code n} slots, else as few runs as the other tracks can separate.
         */
        private static int[] runStarts(Grouping artists, int spacing, int n) {
            int k = artists.count;
            int[] starts = new int[k + 1];
            for (int a = 0; a < k; a++) {
                int count = artists.size(a);
                boolean separable = (long) (count - 1) * (spacing + 1) + 1 <= n;
                int runs = separable ? count : (n - count) / spacing + 1;
                starts[a + 1] = starts[a] + runs;
            }
            return starts;
        }

        /**
         * Per artist, in order: shuffles its tracks, draws its run lengths and targets, and sets its remaining
         * tracks and demand. The random draws come in that order, artist by artist.
         *
         * @return the largest demand
         */
        private long layOutRuns(Grouping artists, RandomGenerator random) {
            long largest = 0;
            for (int a = 0; a < artists.count; a++) {
                int count = artists.size(a);
                int runs = runStart[a + 1] - runStart[a];
                Shuffling.shuffle(members, trackStart[a], trackStart[a + 1], random);
                runLengths(count, runs, runStart[a], random);
                DitheredSpread.fill(runTarget, runStart[a], runs, random);
                for (int r = runStart[a]; r < runStart[a + 1]; r++) {
                    artistOfRun[r] = a;
                }
                remaining[a] = count;
                demand[a] = demandOf(count, runs, spacing);
                largest = Math.max(largest, demand[a]);
            }
            return largest;
        }

        /** The inverse of a permutation: the rank of each run given the run of each rank. */
        private static int[] inverse(int[] runOfRank) {
            int[] rankOfRun = new int[runOfRank.length];
            for (int r = 0; r < runOfRank.length; r++) {
                rankOfRun[runOfRank[r]] = r;
            }
            return rankOfRun;
        }

        int[] fill() {
            int[] out = new int[n];
            int position = 0;
            while (position < n) {
                while (restingSize > 0 && readyAt[resting[restingHead]] <= position) {
                    int a = resting[restingHead];
                    restingHead = restingHead + 1 == resting.length ? 0 : restingHead + 1;
                    restingSize--;
                    makeAvailable(a);
                }
                while (demandCount[maxDemand] == 0) {
                    maxDemand--;
                }
                int next = choose(n - position);
                demandCount[(int) demand[next]]--;
                position = placeRun(next, out, position);
                if (remaining[next] > 0) {
                    demandCount[(int) demand[next]]++;
                    readyAt[next] = position + spacing;
                    int tail = restingHead + restingSize;
                    resting[tail >= resting.length ? tail - resting.length : tail] = next;
                    restingSize++;
                }
            }
            return out;
        }

        private void makeAvailable(int a) {
            available.add(currentRank[a]);
            if (byDemand != null && demand[a] > 1) {
                byDemand.add(a);
            }
        }

        /** The artist whose run comes next, no longer available. */
        private int choose(int remainingSlots) {
            if (available.size == 0) {
                // the spacing cannot be kept: the artist just played continues
                restingSize--;
                int tail = restingHead + restingSize;
                return resting[tail >= resting.length ? tail - resting.length : tail];
            }
            boolean tight = remainingSlots <= (long) maxDemand + demandCount[maxDemand] - 1;
            int next;
            if (tight) {
                if (byDemand == null) {
                    byDemand = new DemandHeap(nextRun.length, demand, currentRank);
                    for (int r = available.first(); r >= 0; r = available.next(r + 1)) {
                        int a = artistOfRun[runOfRank[r]];
                        if (demand[a] > 1) {
                            byDemand.add(a);
                        }
                    }
                }
                // the heap holds the available artists that need more than one slot; without any, every
                // available artist has demand 1 and the earliest target decides
                if (byDemand.size > 0) {
                    next = byDemand.poll();
                    available.remove(currentRank[next]);
                } else {
                    next = artistOfRun[runOfRank[available.pollFirst()]];
                }
            } else {
                next = artistOfRun[runOfRank[available.pollFirst()]];
                if (byDemand != null) {
                    byDemand.removeIfPresent(next);
                }
            }
            return next;
        }

        /** Places the artist's next run at {@code position}; returns the position after it. */
        private int placeRun(int a, int[] out, int position) {
            int run = runStart[a] + nextRun[a]++;
            int length = runLength[run];
            int from = trackStart[a] + placed[a];
            System.arraycopy(members, from, out, position, length);
            placed[a] += length;
            remaining[a] -= length;
            int runsLeft = runStart[a + 1] - run - 1;
            demand[a] = remaining[a] == 0 ? 0 : demandOf(remaining[a], runsLeft, spacing);
            if (runsLeft > 0) {
                currentRank[a] = rank[run + 1];
            }
            return position + length;
        }

        private static long demandOf(int tracks, int runs, int spacing) {
            return tracks + (long) (runs - 1) * spacing;
        }

        /** {@code runs} lengths adding up to {@code count}, differing by at most one, the longer ones at random. */
        private void runLengths(int count, int runs, int from, RandomGenerator random) {
            int base = count / runs;
            int longer = count % runs;
            for (int r = 0; r < runs; r++) {
                boolean isLonger = random.nextInt(runs - r) < longer;
                if (isLonger) {
                    longer--;
                }
                runLength[from + r] = base + (isLonger ? 1 : 0);
            }
        }
    }
}
