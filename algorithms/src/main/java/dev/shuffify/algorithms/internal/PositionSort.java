package dev.shuffify.algorithms.internal;

import java.util.Arrays;

/**
 * Sorts indices by a position, ties by index, without boxing: each position is quantised to 40 bits and packed
 * with its index into one {@code long}. The packed keys are distributed into about {@code n} buckets by their
 * leading bits, then put in order inside the buckets: expected linear time for positions spread over their range
 * (as random targets are), never worse than {@code O(n log n)}.
 */
public final class PositionSort {
    private static final int INDEX_BITS = 23;
    private static final long INDEX_MASK = (1L << INDEX_BITS) - 1;
    private static final double SCALE = (double) (1L << 40);

    private PositionSort() {
    }

    /**
     * The indices {@code 0..positions.length-1} in ascending order of their position.
     *
     * @param positions finite positions
     * @return the sorted indices
     */
    public static int[] order(double[] positions) {
        int n = positions.length;
        if (n == 0) {
            return new int[0];
        }
        if (n > INDEX_MASK) {
            return boxedOrder(positions);
        }
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        for (double p : positions) {
            min = Math.min(min, p);
            max = Math.max(max, p);
        }
        double range = max - min;
        long[] keys = new long[n];
        for (int i = 0; i < n; i++) {
            long quantised = range == 0 ? 0 : (long) ((positions[i] - min) / range * (SCALE - 1));
            keys[i] = (quantised << INDEX_BITS) | i;
        }
        bucketSort(keys, n);
        int[] order = new int[n];
        for (int i = 0; i < n; i++) {
            order[i] = (int) (keys[i] & INDEX_MASK);
        }
        return order;
    }

    /** Sorts distinct keys: a counting pass by leading bits, then insertion inside buckets, or a full sort. */
    private static void bucketSort(long[] keys, int n) {
        int bucketBits = Math.min(40, 32 - Integer.numberOfLeadingZeros(n));
        int shift = INDEX_BITS + 40 - bucketBits;
        int[] start = new int[(1 << bucketBits) + 1];
        for (long key : keys) {
            start[(int) (key >>> shift) + 1]++;
        }
        for (int b = 1; b < start.length; b++) {
            start[b] += start[b - 1];
        }
        long[] sorted = new long[n];
        for (long key : keys) {
            sorted[start[(int) (key >>> shift)]++] = key;
        }
        long budget = 16L * n + 1024;
        for (int i = 1; i < n; i++) {
            long key = sorted[i];
            int j = i - 1;
            while (j >= 0 && sorted[j] > key) {
                sorted[j + 1] = sorted[j];
                j--;
            }
            sorted[j + 1] = key;
            budget -= i - 1 - j;
            if (budget < 0) {
                Arrays.sort(sorted);
                break;
            }
        }
        System.arraycopy(sorted, 0, keys, 0, n);
    }

    private static int[] boxedOrder(double[] positions) {
        return java.util.stream.IntStream.range(0, positions.length).boxed()
                .sorted((a, b) -> {
                    int c = Double.compare(positions[a], positions[b]);
                    return c != 0 ? c : Integer.compare(a, b);
                })
                .mapToInt(Integer::intValue).toArray();
    }
}
