package dev.shuffify.algorithms;

import dev.shuffify.algorithms.internal.Output;
import dev.shuffify.algorithms.internal.ParamValues;
import dev.shuffify.algorithms.internal.RadixSort;
import dev.shuffify.algorithms.internal.Shuffling;
import dev.shuffify.model.Track;
import dev.shuffify.spi.ParamSpec;
import dev.shuffify.spi.ShuffleAlgorithm;
import dev.shuffify.spi.ShuffleRequest;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * {@code newest_first}: orders by added date, newest first, then shuffles inside consecutive windows of
 * {@code jitter} tracks (1–50, default 5), so recent additions come first but not in a fixed order.
 *
 * <p>Tracks without an added date go last; ties keep their playlist order before the windows are shuffled.
 * {@code jitter} 1 gives the plain newest-first order. Also known as {@code NewestFirstShuffle}.
 *
 * @since 0.1.0
 */
public final class NewestFirstShuffle implements ShuffleAlgorithm {
    /** The algorithm name. */
    public static final String NAME = "newest_first";
    /** Parameter: the size of the windows shuffled inside. */
    public static final String JITTER = "jitter";

    private static final ParamSpec WINDOW = ParamSpec.integer(JITTER,
            "Size of the windows of the newest-first order that are shuffled inside").range(1, 50).withDefault(5);

    private static final Comparator<Track> NEWEST_FIRST = Comparator.comparing(Track::addedAt,
            Comparator.nullsLast(Comparator.<Instant>reverseOrder()));

    /** Creates the algorithm; it holds no state. */
    public NewestFirstShuffle() {
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String displayName() {
        return "Newest first";
    }

    @Override
    public List<String> aliases() {
        return List.of("NewestFirstShuffle");
    }

    @Override
    public String description() {
        return "Orders by added date, newest first, shuffled inside windows of jitter tracks.";
    }

    @Override
    public List<ParamSpec> parameters() {
        return List.of(WINDOW);
    }

    @Override
    public List<Track> shuffle(ShuffleRequest request) {
        int window = ParamValues.integer(request.params(), WINDOW);
        Object[] tracks = request.tracks().toArray();
        int n = tracks.length;
        long[] keys = newestFirstKeys(tracks);
        Object[] sorted;
        if (keys != null) {
            sorted = new Object[n];
            int[] order = RadixSort.order(keys);
            for (int i = 0; i < n; i++) {
                sorted[i] = tracks[order[i]];
            }
        } else {
            // instants too far apart for one long of nanoseconds: compare them as objects
            List<Track> list = new ArrayList<>(request.tracks());
            list.sort(NEWEST_FIRST);
            sorted = list.toArray();
        }
        for (int from = 0; from < n; from += window) {
            Shuffling.shuffle(sorted, from, Math.min(from + window, n), request.random());
        }
        List<Track> result = Output.of(sorted);
        return result;
    }

    /**
     * Keys that sort newest first, undated last: the distance of each added date from the newest one (in seconds
     * when no date has a fraction of a second, else in nanoseconds), one more than the largest distance for an
     * undated track; null when the dates are too far apart for a {@code long}.
     */
    private static long[] newestFirstKeys(Object[] tracks) {
        int n = tracks.length;
        Object[] instants = new Object[n];
        for (int i = 0; i < n; i++) {
            instants[i] = ((Track) tracks[i]).addedAt();
        }
        long[] seconds = new long[n];
        int[] nanos = new int[n];
        boolean fractions = false;
        boolean dated = false;
        long minSecond = Long.MAX_VALUE;
        long maxSecond = Long.MIN_VALUE;
        for (int i = 0; i < n; i++) {
            Instant instant = (Instant) instants[i];
            if (instant != null) {
                long second = instant.getEpochSecond();
                int nano = instant.getNano();
                seconds[i] = second;
                nanos[i] = nano;
                fractions |= nano != 0;
                dated = true;
                minSecond = Math.min(minSecond, second);
                maxSecond = Math.max(maxSecond, second);
            }
        }
        long[] keys = new long[n];
        if (!dated) {
            return keys;
        }
        long scale = fractions ? 1_000_000_000L : 1L;
        // both ends in range, then their distance in range: every key below Long.MAX_VALUE
        long limit = Long.MAX_VALUE / 4 / scale;
        if (maxSecond > limit || minSecond < -limit) {
            return null;
        }
        long newest = (maxSecond + 1) * scale;
        long undated = newest - minSecond * scale + 1;
        for (int i = 0; i < n; i++) {
            keys[i] = instants[i] == null ? undated : newest - (seconds[i] * scale + nanos[i]);
        }
        return keys;
    }
}
