package dev.shuffify.spi.support;

import java.util.ArrayList;
import java.util.List;

/**
 * Plans the in-place moves that turn a playlist's current order into a new order, as the service's reorder
 * call performs them (move a range, {@code insertBefore} counted in the order before the move).
 *
 * <p>The tracks on a longest increasing subsequence of the new order (by old position) stay where they are;
 * every other track is moved exactly once, to just after its predecessor in the new order. That moves
 * N − LIS tracks, the fewest any plan of single-track moves can get away with (each stay-put set must be
 * increasing). Tracks that sit next to each other before and after are moved together in one call, so the
 * number of calls is at most N − LIS. Planning takes O(N log N): patience sorting for the subsequence and a
 * Fenwick tree for the positions.
 *
 * <p>Reorders are the one write that works on every entry (local files and unavailable entries included) and
 * keeps added dates, so shuffles in reorder mode and restores plan their moves here.
 *
 * @since 0.1.0
 */
public final class MovePlan {

    /**
     * One reorder call.
     *
     * @param rangeStart the first position moved
     * @param rangeLength how many tracks are moved
     * @param insertBefore where they go, counted in the order before the move
     * @since 0.1.0
     */
    public record Move(int rangeStart, int rangeLength, int insertBefore) {
    }

    private final List<Move> moves;
    private final int tracksMoved;
    private final int stayed;

    private MovePlan(List<Move> moves, int tracksMoved, int stayed) {
        this.moves = List.copyOf(moves);
        this.tracksMoved = tracksMoved;
        this.stayed = stayed;
    }

    /**
     * The reorder calls, in the order they must be made.
     *
     * @return never null
     */
    public List<Move> moves() {
        return moves;
    }

    /**
     * How many tracks change place: N − LIS.
     *
     * @return the count
     */
    public int tracksMoved() {
        return tracksMoved;
    }

    /**
     * The length of the longest increasing subsequence: tracks that never move.
     *
     * @return the count
     */
    public int stayed() {
        return stayed;
    }

    /**
     * Plans the moves.
     *
     * @param source {@code source[i]} is the current position of the track that goes to position {@code i};
     *     a permutation of {@code 0..N-1}
     * @return the plan
     * @throws IllegalArgumentException when {@code source} is not a permutation
     */
    public static MovePlan of(int[] source) {
        int n = source.length;
        checkPermutation(source);
        boolean[] stays = longestIncreasingSubsequence(source);
        int stayed = 0;
        for (boolean s : stays) {
            stayed += s ? 1 : 0;
        }
        return new MovePlan(moves(source, stays, Slots.of(source, stays)), n - stayed, stayed);
    }

    /**
     * The slot ranks. Each track has a slot: its current one, and for a moved track the one it is moved to.
     * Slots are ranked so that the occupied slots, in rank order, are always the playlist's order: the current
     * slot of the track at old position o, then the slots of tracks moved behind it (it stays and is their
     * nearest staying predecessor in the new order), by new position. Tracks moved to the front come first.
     *
     * @param anchorOf by new position: the base of a moved track, the old position of its staying predecessor
     *     + 1, or 0
     * @param currentRank by old position: the rank of the track's current slot
     * @param nextMovedRank by base: the rank of the next free slot for a track moved there
     * @param count how many slots there are
     */
    private record Slots(int[] anchorOf, int[] currentRank, int[] nextMovedRank, int count) {
        static Slots of(int[] source, boolean[] stays) {
            int n = source.length;
            int[] anchorOf = new int[n];
            int[] movedPerBase = new int[n + 1];
            int base = 0;
            for (int i = 0; i < n; i++) {
                if (stays[i]) {
                    base = source[i] + 1;
                } else {
                    anchorOf[i] = base;
                    movedPerBase[base]++;
                }
            }
            int[] currentRank = new int[n];
            int[] nextMovedRank = new int[n + 1];
            int rank = 0;
            for (int b = 0; b <= n; b++) {
                if (b > 0) {
                    currentRank[b - 1] = rank++;
                }
                nextMovedRank[b] = rank;
                rank += movedPerBase[b];
            }
            return new Slots(anchorOf, currentRank, nextMovedRank, rank);
        }
    }

    /** The moves, each run of tracks adjacent now and in the new order travelling together. */
    private static List<Move> moves(int[] source, boolean[] stays, Slots slots) {
        int n = source.length;
        int[] anchorOf = slots.anchorOf();
        int[] currentRank = slots.currentRank();
        int[] nextMovedRank = slots.nextMovedRank();
        Fenwick occupied = new Fenwick(slots.count());
        for (int o = 0; o < n; o++) {
            occupied.add(currentRank[o], 1);
        }
        List<Move> moves = new ArrayList<>();
        int i = 0;
        while (i < n) {
            if (stays[i]) {
                i++;
                continue;
            }
            // Two moved tracks at consecutive old positions are always adjacent in the playlist: only a staying
            // track has slots behind it.
            int end = i + 1;
            while (end < n && !stays[end] && source[end] == source[end - 1] + 1) {
                end++;
            }
            int target = nextMovedRank[anchorOf[i]];
            int from = occupied.countBelow(currentRank[source[i]]);
            int insertBefore = occupied.countBelow(target);
            moves.add(new Move(from, end - i, insertBefore));
            for (int k = i; k < end; k++) {
                occupied.add(currentRank[source[k]], -1);
                occupied.add(nextMovedRank[anchorOf[k]]++, 1);
            }
            i = end;
        }
        return moves;
    }

    /**
     * Marks a longest strictly increasing subsequence, by patience sorting in O(N log N).
     *
     * @param values distinct values
     * @return {@code result[i]} is true when {@code values[i]} is on the subsequence
     */
    static boolean[] longestIncreasingSubsequence(int[] values) {
        int n = values.length;
        int[] tailIndex = new int[n]; // tailIndex[k]: index of the smallest tail of an increasing run of length k+1
        int[] previous = new int[n];
        int length = 0;
        for (int i = 0; i < n; i++) {
            int lo = 0;
            int hi = length;
            while (lo < hi) {
                int mid = (lo + hi) >>> 1;
                if (values[tailIndex[mid]] < values[i]) {
                    lo = mid + 1;
                } else {
                    hi = mid;
                }
            }
            previous[i] = lo > 0 ? tailIndex[lo - 1] : -1;
            tailIndex[lo] = i;
            if (lo == length) {
                length++;
            }
        }
        boolean[] on = new boolean[n];
        for (int i = length == 0 ? -1 : tailIndex[length - 1]; i >= 0; i = previous[i]) {
            on[i] = true;
        }
        return on;
    }

    private static void checkPermutation(int[] source) {
        boolean[] seen = new boolean[source.length];
        for (int i = 0; i < source.length; i++) {
            int s = source[i];
            if (s < 0 || s >= source.length || seen[s]) {
                throw new IllegalArgumentException("not a permutation of 0.." + (source.length - 1) + ": value " + s
                        + " at index " + i);
            }
            seen[s] = true;
        }
    }

    /** Counts occupied slots below a rank in O(log N). */
    private static final class Fenwick {
        private final int[] tree;

        Fenwick(int size) {
            tree = new int[size + 1];
        }

        void add(int index, int delta) {
            for (int i = index + 1; i < tree.length; i += i & -i) {
                tree[i] += delta;
            }
        }

        int countBelow(int index) {
            int sum = 0;
            for (int i = index; i > 0; i -= i & -i) {
                sum += tree[i];
            }
            return sum;
        }
    }
}
