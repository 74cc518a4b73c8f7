package dev.shuffify.algorithms.internal;

import java.util.random.RandomGenerator;

/**
 * Picks {@code q} of {@code r} slots spread evenly with a random dither: the range is cut into {@code q}
 * strata of length {@code r / q} (at least 1) and one slot is drawn uniformly from each.
 */
public final class EvenPick {
    private EvenPick() {
    }

    /**
     * Distinct ascending slots in {@code [0, r)}.
     *
     * @param r the number of slots
     * @param q how many to pick, {@code 0 <= q <= r}
     * @param random the random source
     * @return {@code q} ascending distinct slots
     */
    public static int[] pick(int r, int q, RandomGenerator random) {
        if (q < 0 || q > r) {
            throw new IllegalArgumentException("cannot pick " + q + " of " + r + " slots");
        }
        int[] picks = new int[q];
        for (int i = 0; i < q; i++) {
            long lo = ceilDiv((long) i * r, q);
            long hi = ceilDiv((long) (i + 1) * r, q) - 1;
            picks[i] = (int) (lo + random.nextLong(hi - lo + 1));
        }
        return picks;
    }

    private static long ceilDiv(long a, long b) {
        return (a + b - 1) / b;
    }
}
