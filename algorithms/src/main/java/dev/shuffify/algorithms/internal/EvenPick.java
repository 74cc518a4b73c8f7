package dev.shuffify.algorithms.internal;

import java.util.random.RandomGenerator;

/** Picks {@code q} of {@code r} slots spread as evenly as possible, the unevenness placed at random. */
public final class EvenPick {
    private EvenPick() {
    }

    /**
     * Slots at a constant stride of {@code r / q} (rounded down or up) from a random start, as if the slots
     * were on a circle: the space before the first pick and after the last one add up to one stride.
     *
     * @param r the number of slots
     * @param q how many to pick, {@code 0 <= q <= r}
     * @param random the random source
     * @return {@code q} ascending distinct slots in {@code [0, r)}
     */
    public static int[] spaced(int r, int q, RandomGenerator random) {
        check(r, q);
        int[] picks = new int[q];
        if (q == 0) {
            return picks;
        }
        // picks[i] = (i * r + offset) / q, stepped without dividing in the loop
        int offset = random.nextInt(r);
        int step = r / q;
        int stepRemainder = r % q;
        int pick = offset / q;
        int remainder = offset % q;
        for (int i = 0; i < q; i++) {
            picks[i] = pick;
            pick += step;
            remainder += stepRemainder;
            if (remainder >= q) {
                remainder -= q;
                pick++;
            }
        }
        return picks;
    }

    /**
     * Cut points that split a row of {@code r + 1} elements, whose {@code r} inner gaps are the slots, into
     * {@code q + 1} segments whose lengths differ by at most one; which segments are the longer ones is random.
     *
     * @param r the number of slots
     * @param q how many to pick, {@code 0 <= q <= r}
     * @param random the random source
     * @return {@code q} ascending distinct slots in {@code [0, r)}
     */
    public static int[] cuts(int r, int q, RandomGenerator random) {
        check(r, q);
        int segments = q + 1;
        int base = (r + 1) / segments;
        int longer = (r + 1) % segments;
        int[] picks = new int[q];
        int end = 0;
        for (int s = 0; s < q; s++) {
            // choose the remaining longer segments uniformly among the remaining segments
            boolean isLonger = random.nextInt(segments - s) < longer;
            if (isLonger) {
                longer--;
            }
            end += base + (isLonger ? 1 : 0);
            picks[s] = end - 1;
        }
        return picks;
    }

    private static void check(int r, int q) {
        if (q < 0 || q > r) {
            throw new IllegalArgumentException("cannot pick " + q + " of " + r + " slots");
        }
    }
}
