package dev.shuffify.algorithms;

/** The order of all runs by target, then artist: buckets by target, then insertion inside the buckets. */
final class TargetOrder {
    private TargetOrder() {
    }

    /** The runs in ascending order of (target, artist). */
    static int[] of(double[] target, int[] artist) {
        int n = target.length;
        int[] order = new int[n];
        if (n == 0) {
            return order;
        }
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        for (double t : target) {
            min = Math.min(min, t);
            max = Math.max(max, t);
        }
        // a bucket is a non-decreasing function of the target: the buckets are in order of target
        double scale = max > min ? (n - 1) / (max - min) : 0;
        int[] start = new int[n + 1];
        int[] bucket = new int[n];
        for (int r = 0; r < n; r++) {
            bucket[r] = Math.min(n - 1, (int) ((target[r] - min) * scale));
            start[bucket[r] + 1]++;
        }
        for (int b = 0; b < n; b++) {
            start[b + 1] += start[b];
        }
        for (int r = 0; r < n; r++) {
            order[start[bucket[r]]++] = r;
        }
        long budget = 16L * n + 1024;
        for (int i = 1; i < n; i++) {
            int r = order[i];
            int j = i - 1;
            while (j >= 0 && after(order[j], r, target, artist)) {
                order[j + 1] = order[j];
                j--;
            }
            order[j + 1] = r;
            budget -= i - 1 - j;
            if (budget < 0) {
                return java.util.stream.IntStream.range(0, n).boxed()
                        .sorted((x, y) -> after(x, y, target, artist) ? 1 : after(y, x, target, artist) ? -1 : 0)
                        .mapToInt(Integer::intValue).toArray();
            }
        }
        return order;
    }

    private static boolean after(int x, int y, double[] target, int[] artist) {
        int c = Double.compare(target[x], target[y]);
        return c != 0 ? c > 0 : artist[x] > artist[y];
    }
}
