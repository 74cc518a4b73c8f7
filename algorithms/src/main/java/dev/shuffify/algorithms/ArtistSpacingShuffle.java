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
 * <p>Runs in {@code O(N log N)}. Artists are told apart by
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
     * appearance). The artists that are not resting sit in two indexed heaps, by target and by demand; an artist
     * chosen from one heap is taken out of the other.
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
        private final int[] nextRun;
        private final int[] placed;
        private final int[] remaining;
        /** Slots each artist still needs with the spacing kept between its runs: tracks + (runs − 1) × s. */
        private final long[] demand;
        private final double[] target;
        private final int[] readyAt;
        private final Heap byTarget;
        private final Heap byDemand;
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
            this.runStart = new int[k + 1];
            int[] runs = new int[k];
            for (int a = 0; a < k; a++) {
                int count = artists.size(a);
                boolean separable = (long) (count - 1) * (spacing + 1) + 1 <= n;
                runs[a] = separable ? count : (n - count) / spacing + 1;
                runStart[a + 1] = runStart[a] + runs[a];
            }
            this.runLength = new int[runStart[k]];
            this.runTarget = new double[runStart[k]];
            this.nextRun = new int[k];
            this.placed = new int[k];
            this.remaining = new int[k];
            this.demand = new long[k];
            this.target = new double[k];
            this.readyAt = new int[k];
            long largest = 0;
            for (int a = 0; a < k; a++) {
                int count = artists.size(a);
                Shuffling.shuffle(members, trackStart[a], trackStart[a + 1], random);
                runLengths(count, runs[a], runStart[a], random);
                DitheredSpread.fill(runTarget, runStart[a], runs[a], random);
                remaining[a] = count;
                demand[a] = demandOf(count, runs[a], spacing);
                target[a] = runTarget[runStart[a]];
                largest = Math.max(largest, demand[a]);
            }
            this.demandCount = new int[(int) largest + 1];
            this.maxDemand = (int) largest;
            this.byTarget = new Heap(k, target, null);
            this.byDemand = new Heap(k, target, demand);
            this.resting = new int[Math.max(1, k)];
            for (int a = 0; a < k; a++) {
                demandCount[(int) demand[a]]++;
                byTarget.add(a);
                byDemand.add(a);
            }
        }

        int[] fill() {
            int[] out = new int[n];
            int position = 0;
            while (position < n) {
                while (restingSize > 0 && readyAt[resting[restingHead]] <= position) {
                    int a = resting[restingHead];
                    restingHead = restingHead + 1 == resting.length ? 0 : restingHead + 1;
                    restingSize--;
                    byTarget.add(a);
                    byDemand.add(a);
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

        /** The artist whose run comes next, no longer available. */
        private int choose(int remainingSlots) {
            if (byTarget.size == 0) {
                // the spacing cannot be kept: the artist just played continues
                restingSize--;
                int tail = restingHead + restingSize;
                return resting[tail >= resting.length ? tail - resting.length : tail];
            }
            boolean tight = remainingSlots <= (long) maxDemand + demandCount[maxDemand] - 1;
            int next;
            if (tight) {
                next = byDemand.poll();
                byTarget.remove(next);
            } else {
                next = byTarget.poll();
                byDemand.remove(next);
            }
            return next;
        }

        /** Places the artist's next run at {@code position}; returns the position after it. */
        private int placeRun(int a, int[] out, int position) {
            int run = runStart[a] + nextRun[a]++;
            int length = runLength[run];
            int from = trackStart[a] + placed[a];
            for (int i = 0; i < length; i++) {
                out[position + i] = members[from + i];
            }
            placed[a] += length;
            remaining[a] -= length;
            int runsLeft = runStart[a + 1] - run - 1;
            demand[a] = remaining[a] == 0 ? 0 : demandOf(remaining[a], runsLeft, spacing);
            if (runsLeft > 0) {
                target[a] = runTarget[run + 1];
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

    /**
     * A binary heap of artists that knows where each artist sits, so that any artist can be taken out. Earliest
     * target first, then the artist's first appearance; with demands, the most demanding first, then as by
     * target. An artist's keys do not change while it is in the heap.
     */
    private static final class Heap {
        private final int[] heap;
        private final int[] slot;
        private final double[] target;
        private final long[] demand;
        int size;

        Heap(int artists, double[] target, long[] demand) {
            this.heap = new int[artists];
            this.slot = new int[artists];
            this.target = target;
            this.demand = demand;
        }

        private boolean before(int x, int y) {
            if (demand != null && demand[x] != demand[y]) {
                return demand[x] > demand[y];
            }
            int c = Double.compare(target[x], target[y]);
            return c != 0 ? c < 0 : x < y;
        }

        void add(int a) {
            siftUp(size++, a);
        }

        int poll() {
            int top = heap[0];
            int last = heap[--size];
            if (size > 0) {
                siftDown(0, last);
            }
            return top;
        }

        void remove(int a) {
            int at = slot[a];
            int last = heap[--size];
            if (at == size) {
                return;
            }
            if (at > 0 && before(last, heap[(at - 1) >>> 1])) {
                siftUp(at, last);
            } else {
                siftDown(at, last);
            }
        }

        private void siftUp(int at, int a) {
            while (at > 0) {
                int parent = (at - 1) >>> 1;
                int p = heap[parent];
                if (!before(a, p)) {
                    break;
                }
                heap[at] = p;
                slot[p] = at;
                at = parent;
            }
            heap[at] = a;
            slot[a] = at;
        }

        private void siftDown(int at, int a) {
            int half = size >>> 1;
            while (at < half) {
                int child = 2 * at + 1;
                int c = heap[child];
                int right = child + 1;
                if (right < size && before(heap[right], c)) {
                    child = right;
                    c = heap[child];
                }
                if (!before(c, a)) {
                    break;
                }
                heap[at] = c;
                slot[c] = at;
                at = child;
            }
            heap[at] = a;
            slot[a] = at;
        }
    }
}
