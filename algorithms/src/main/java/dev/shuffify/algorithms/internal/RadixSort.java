package dev.shuffify.algorithms.internal;

import java.util.Arrays;

/** Stable sorts of indices by a non-negative {@code long} key, in linear time for keys of few bits. */
public final class RadixSort {
    private static final int SMALL = 256;
    private static final int MAX_DIGIT_BITS = 11;

    private RadixSort() {
    }

    /**
     * The indices {@code 0 .. keys.length - 1} in ascending order of their key, ties in index order.
     *
     * @param keys non-negative keys
     * @return the sorted indices
     */
    public static int[] order(long[] keys) {
        int n = keys.length;
        long max = 0;
        for (long key : keys) {
            if (key < 0) {
                throw new IllegalArgumentException("negative key " + key);
            }
            max = Math.max(max, key);
        }
        int keyBits = 64 - Long.numberOfLeadingZeros(max);
        int indexBits = Math.max(1, 32 - Integer.numberOfLeadingZeros(Math.max(1, n - 1)));
        if (keyBits + indexBits <= 63) {
            long[] packed = new long[n];
            for (int i = 0; i < n; i++) {
                packed[i] = keys[i] << indexBits | i;
            }
            if (n <= SMALL) {
                Arrays.sort(packed);
            } else {
                packed = sortByHighBits(packed, indexBits, keyBits);
            }
            int[] order = new int[n];
            long mask = (1L << indexBits) - 1;
            for (int i = 0; i < n; i++) {
                order[i] = (int) (packed[i] & mask);
            }
            return order;
        }
        return byIndex(keys, keyBits);
    }

    /** LSD radix over bits {@code [from, from + bits)} of the values, stable, so the low bits keep their order. */
    private static long[] sortByHighBits(long[] values, int from, int bits) {
        if (bits == 0) {
            return values;
        }
        int passes = (bits + MAX_DIGIT_BITS - 1) / MAX_DIGIT_BITS;
        int width = (bits + passes - 1) / passes;
        int buckets = 1 << width;
        long mask = buckets - 1;
        long[] from0 = values;
        long[] to = new long[values.length];
        int[] count = new int[buckets];
        for (int p = 0; p < passes; p++) {
            int shift = from + p * width;
            Arrays.fill(count, 0);
            for (long v : from0) {
                count[(int) ((v >>> shift) & mask)]++;
            }
            int sum = 0;
            for (int b = 0; b < buckets; b++) {
                int c = count[b];
                count[b] = sum;
                sum += c;
            }
            for (long v : from0) {
                to[count[(int) ((v >>> shift) & mask)]++] = v;
            }
            long[] swap = from0;
            from0 = to;
            to = swap;
        }
        return from0;
    }

    /** LSD radix of an index array, reading each key through its index. */
    private static int[] byIndex(long[] keys, int bits) {
        int n = keys.length;
        int[] order = new int[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        int[] to = new int[n];
        int width = 16;
        int[] count = new int[1 << width];
        for (int shift = 0; shift < bits; shift += width) {
            Arrays.fill(count, 0);
            for (int i : order) {
                count[(int) ((keys[i] >>> shift) & 0xFFFF)]++;
            }
            int sum = 0;
            for (int b = 0; b < count.length; b++) {
                int c = count[b];
                count[b] = sum;
                sum += c;
            }
            for (int i : order) {
                to[count[(int) ((keys[i] >>> shift) & 0xFFFF)]++] = i;
            }
            int[] swap = order;
            order = to;
            to = swap;
        }
        return order;
    }
}
