package dev.shuffify.algorithms;

/** A set of ranks as bits, with a summary bit per word, for the lowest rank in a few steps. */
final class RankSet {
    private final long[] words;
    private final long[] summary;
    int size;

    RankSet(int ranks) {
        words = new long[Math.max(1, (ranks + 63) >>> 6)];
        summary = new long[(words.length + 63) >>> 6];
    }

    void add(int r) {
        int w = r >>> 6;
        words[w] |= 1L << r;
        summary[w >>> 6] |= 1L << w;
        size++;
    }

    void remove(int r) {
        int w = r >>> 6;
        words[w] &= ~(1L << r);
        if (words[w] == 0) {
            summary[w >>> 6] &= ~(1L << w);
        }
        size--;
    }

    /** The lowest rank, taken out of the set; the set must not be empty. */
    int pollFirst() {
        int r = first();
        remove(r);
        return r;
    }

    /** The lowest rank, or -1. */
    int first() {
        for (int s = 0; s < summary.length; s++) {
            if (summary[s] != 0) {
                int w = (s << 6) + Long.numberOfTrailingZeros(summary[s]);
                return (w << 6) + Long.numberOfTrailingZeros(words[w]);
            }
        }
        return -1;
    }

    /** The lowest rank at or after {@code from}, or -1. */
    int next(int from) {
        int w = from >>> 6;
        if (w >= words.length) {
            return -1;
        }
        long bits = words[w] & (-1L << from);
        while (bits == 0) {
            if (++w == words.length) {
                return -1;
            }
            bits = words[w];
        }
        return (w << 6) + Long.numberOfTrailingZeros(bits);
    }
}
