package dev.shuffify.algorithms.reference;

import java.util.Arrays;

/**
 * The implementation before the flat-array rewrite, kept unchanged as the oracle of {@code SameOrderAsReferenceTest}.
 *
 * <p>
 * Sorts indices by a position, ties by index, without boxing: each position is quantised to 40 bits and packed
 * with its index into one {@code long}.
 */
public final class ReferencePositionSort {
    private static final int INDEX_BITS = 23;
    private static final long INDEX_MASK = (1L << INDEX_BITS) - 1;
    private static final double SCALE = (double) (1L << 40);

    private ReferencePositionSort() {
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
        Arrays.sort(keys);
        int[] order = new int[n];
        for (int i = 0; i < n; i++) {
            order[i] = (int) (keys[i] & INDEX_MASK);
        }
        return order;
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
