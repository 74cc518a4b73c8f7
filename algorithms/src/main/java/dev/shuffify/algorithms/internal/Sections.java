package dev.shuffify.algorithms.internal;

/** Cuts a range of positions into sections of sizes that differ by at most one, larger sections first. */
public final class Sections {
    private Sections() {
    }

    /**
     * The section boundaries of {@code [from, to)} cut into {@code count} sections.
     *
     * @param from first position, inclusive
     * @param to last position, exclusive
     * @param count the number of sections, at least 1
     * @return {@code count + 1} ascending boundaries; section {@code s} is {@code [b[s], b[s + 1])}, possibly
     *     empty when there are fewer positions than sections
     */
    public static int[] bounds(int from, int to, int count) {
        int size = Math.max(0, to - from);
        int base = size / count;
        int extra = size % count;
        int[] bounds = new int[count + 1];
        bounds[0] = from;
        for (int s = 0; s < count; s++) {
            bounds[s + 1] = bounds[s] + base + (s < extra ? 1 : 0);
        }
        return bounds;
    }
}
