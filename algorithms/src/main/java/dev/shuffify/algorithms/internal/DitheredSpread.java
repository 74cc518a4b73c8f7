package dev.shuffify.algorithms.internal;

import java.util.random.RandomGenerator;

/**
 * Target positions on {@code [0, 1)} for the tracks of one group (an artist): evenly spaced, moved by a random
 * offset, each perturbed by a small jitter. For a group of {@code n} tracks the {@code i}-th target is
 * {@code (i + offset) / n + jitter}, {@code offset} uniform on {@code [0, 1)}, {@code jitter} uniform on
 * {@code ±JITTER / n}.
 */
public final class DitheredSpread {
    /** The jitter as a fraction of the spacing between two tracks of a group. */
    public static final double JITTER = 0.1;

    private DitheredSpread() {
    }

    /**
     * The targets of a group, ascending.
     *
     * @param n the group size, at least 1
     * @param random the random source
     * @return {@code n} ascending positions
     */
    public static double[] targets(int n, RandomGenerator random) {
        double[] targets = new double[n];
        double offset = random.nextDouble();
        for (int i = 0; i < n; i++) {
            double jitter = (random.nextDouble() * 2 - 1) * JITTER;
            targets[i] = (i + offset + jitter) / n;
        }
        return targets;
    }

    /**
     * Writes the targets of a group into {@code out[from, from + n)}, with the same draws as
     * {@link #targets(int, RandomGenerator)}.
     *
     * @param out where the targets go
     * @param from the first index written
     * @param n the group size, at least 1
     * @param random the random source
     */
    public static void fill(double[] out, int from, int n, RandomGenerator random) {
        double offset = random.nextDouble();
        for (int i = 0; i < n; i++) {
            double jitter = (random.nextDouble() * 2 - 1) * JITTER;
            out[from + i] = (i + offset + jitter) / n;
        }
    }
}
