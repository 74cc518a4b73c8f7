package dev.shuffify.algorithms.reference;

import dev.shuffify.algorithms.internal.DitheredSpread;
import dev.shuffify.algorithms.internal.ParamValues;
import dev.shuffify.algorithms.internal.Shuffling;
import dev.shuffify.model.Track;
import dev.shuffify.spi.ParamSpec;
import dev.shuffify.spi.ShuffleAlgorithm;
import dev.shuffify.spi.ShuffleRequest;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.PriorityQueue;
import java.util.random.RandomGenerator;

/**
 * The implementation before the flat-array rewrite, kept unchanged as the oracle of {@code SameOrderAsReferenceTest}.
 *
 * <p>
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
 * {@link Track#primaryArtistKey()}. Also known as {@code ReferenceArtistSpacingShuffle}.
 *
 * @since 0.1.0
 */
public final class ReferenceArtistSpacingShuffle implements ShuffleAlgorithm {
    /** The algorithm name. */
    public static final String NAME = "artist_spacing";
    /** Parameter: the least number of other tracks between two tracks of one artist. */
    public static final String MIN_SPACING = "min_spacing";

    private static final ParamSpec SPACING = ParamSpec.integer(MIN_SPACING,
            "Least number of other tracks between two tracks of one artist").range(1, 10).withDefault(1);

    /** Earliest target first, then the artist's first appearance. */
    private static final Comparator<Entry> BY_TARGET = (x, y) -> {
        int c = Double.compare(x.target, y.target);
        return c != 0 ? c : Integer.compare(x.artist.id, y.artist.id);
    };
    /** Most demanding first, then as {@link #BY_TARGET}. */
    private static final Comparator<Entry> BY_DEMAND = (x, y) -> {
        int c = Long.compare(y.demand, x.demand);
        return c != 0 ? c : BY_TARGET.compare(x, y);
    };

    /** Creates the algorithm; it holds no state. */
    public ReferenceArtistSpacingShuffle() {
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public List<String> aliases() {
        return List.of("ReferenceArtistSpacingShuffle");
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
        int n = request.tracks().size();
        List<List<Track>> groups = ReferenceGroups.byArtist(request.tracks());
        List<Artist> artists = new ArrayList<>(groups.size());
        for (int id = 0; id < groups.size(); id++) {
            artists.add(new Artist(id, groups.get(id), n, spacing, request.random()));
        }
        return new Filling(artists, n, spacing).fill();
    }

    /**
     * The state of one filling of the playlist. The artists that are not resting sit in two heaps, by target and
     * by demand; an artist taken from one heap leaves a stale entry in the other, recognised by its epoch and
     * skipped.
     */
    private static final class Filling {
        private final int n;
        private final int spacing;
        private final PriorityQueue<Entry> byTarget = new PriorityQueue<>(BY_TARGET);
        private final PriorityQueue<Entry> byDemand = new PriorityQueue<>(BY_DEMAND);
        private final ArrayDeque<Artist> resting = new ArrayDeque<>();
        private int available;
        /** How many artists (resting or not) have each demand. */
        private final int[] demandCount;
        private int maxDemand;

        Filling(List<Artist> artists, int n, int spacing) {
            this.n = n;
            this.spacing = spacing;
            long largest = artists.stream().mapToLong(a -> a.demand).max().orElse(0);
            this.demandCount = new int[(int) largest + 1];
            this.maxDemand = (int) largest;
            for (Artist artist : artists) {
                demandCount[(int) artist.demand]++;
                makeAvailable(artist);
            }
        }

        List<Track> fill() {
            List<Track> result = new ArrayList<>(n);
            while (result.size() < n) {
                int position = result.size();
                while (!resting.isEmpty() && resting.peekFirst().readyAt <= position) {
                    makeAvailable(resting.pollFirst());
                }
                while (demandCount[maxDemand] == 0) {
                    maxDemand--;
                }
                Artist next = choose(n - position);
                demandCount[(int) next.demand]--;
                next.placeRun(result, spacing);
                if (next.remainingTracks > 0) {
                    demandCount[(int) next.demand]++;
                    next.readyAt = result.size() + spacing;
                    resting.addLast(next);
                }
            }
            return result;
        }

        private void makeAvailable(Artist artist) {
            Entry entry = new Entry(artist);
            byTarget.add(entry);
            byDemand.add(entry);
            available++;
        }

        /** The artist whose run comes next, no longer available. */
        private Artist choose(int remainingSlots) {
            if (available == 0) {
                // the spacing cannot be kept: the artist just played continues
                return resting.pollLast();
            }
            boolean tight = remainingSlots <= (long) maxDemand + demandCount[maxDemand] - 1;
            PriorityQueue<Entry> heap = tight ? byDemand : byTarget;
            while (heap.peek().epoch != heap.peek().artist.epoch) {
                heap.poll();
            }
            Artist next = heap.poll().artist;
            next.epoch++;
            available--;
            return next;
        }
    }

    /** An artist's keys at the time it became available; stale once the artist's epoch moved on. */
    private static final class Entry {
        final Artist artist;
        final int epoch;
        final double target;
        final long demand;

        Entry(Artist artist) {
            this.artist = artist;
            this.epoch = artist.epoch;
            this.target = artist.target();
            this.demand = artist.demand;
        }
    }

    /** One artist's tracks, cut into runs, in the order they will be placed, with a target position per run. */
    private static final class Artist {
        final int id;
        final List<Track> tracks;
        final int[] runLengths;
        final double[] targets;
        int nextRun;
        int placedTracks;
        int remainingTracks;
        /** Slots this artist still needs with the spacing kept between its runs: tracks + (runs − 1) × s. */
        long demand;
        int readyAt;
        /** Moves on each time the artist is chosen, so that its entries in the heaps go stale. */
        int epoch;

        Artist(int id, List<Track> tracks, int playlistSize, int spacing, RandomGenerator random) {
            this.id = id;
            this.tracks = tracks;
            Shuffling.shuffle(tracks, random);
            int count = tracks.size();
            boolean separable = (long) (count - 1) * (spacing + 1) + 1 <= playlistSize;
            int runs = separable ? count : (playlistSize - count) / spacing + 1;
            this.runLengths = runLengths(count, runs, random);
            this.targets = DitheredSpread.targets(runs, random);
            this.remainingTracks = count;
            this.demand = demandOf(count, runs, spacing);
        }

        double target() {
            return targets[nextRun];
        }

        void placeRun(List<Track> out, int spacing) {
            int length = runLengths[nextRun++];
            for (int i = placedTracks; i < placedTracks + length; i++) {
                out.add(tracks.get(i));
            }
            placedTracks += length;
            remainingTracks -= length;
            demand = remainingTracks == 0 ? 0 : demandOf(remainingTracks, runLengths.length - nextRun, spacing);
        }

        private static long demandOf(int tracks, int runs, int spacing) {
            return tracks + (long) (runs - 1) * spacing;
        }

        /** {@code runs} lengths adding up to {@code count}, differing by at most one, the longer ones at random. */
        private static int[] runLengths(int count, int runs, RandomGenerator random) {
            int[] lengths = new int[runs];
            int base = count / runs;
            int longer = count % runs;
            for (int r = 0; r < runs; r++) {
                boolean isLonger = random.nextInt(runs - r) < longer;
                if (isLonger) {
                    longer--;
                }
                lengths[r] = base + (isLonger ? 1 : 0);
            }
            return lengths;
        }
    }
}
