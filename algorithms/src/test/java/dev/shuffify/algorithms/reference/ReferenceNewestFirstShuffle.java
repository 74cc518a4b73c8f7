package dev.shuffify.algorithms.reference;

import dev.shuffify.algorithms.internal.ParamValues;
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
 * The implementation before the flat-array rewrite, kept unchanged as the oracle of {@code SameOrderAsReferenceTest}.
 *
 * <p>
 * {@code newest_first}: orders by added date, newest first, then shuffles inside consecutive windows of
 * {@code jitter} tracks (1–50, default 5), so recent additions come first but not in a fixed order.
 *
 * <p>Tracks without an added date go last; ties keep their playlist order before the windows are shuffled.
 * {@code jitter} 1 gives the plain newest-first order. Also known as {@code ReferenceNewestFirstShuffle}.
 *
 * @since 0.1.0
 */
public final class ReferenceNewestFirstShuffle implements ShuffleAlgorithm {
    /** The algorithm name. */
    public static final String NAME = "newest_first";
    /** Parameter: the size of the windows shuffled inside. */
    public static final String JITTER = "jitter";

    private static final ParamSpec WINDOW = ParamSpec.integer(JITTER,
            "Size of the windows of the newest-first order that are shuffled inside").range(1, 50).withDefault(5);

    private static final Comparator<Track> NEWEST_FIRST = Comparator.comparing(Track::addedAt,
            Comparator.nullsLast(Comparator.<Instant>reverseOrder()));

    /** Creates the algorithm; it holds no state. */
    public ReferenceNewestFirstShuffle() {
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public List<String> aliases() {
        return List.of("ReferenceNewestFirstShuffle");
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
        List<Track> result = new ArrayList<>(request.tracks());
        result.sort(NEWEST_FIRST);
        for (int from = 0; from < result.size(); from += window) {
            Shuffling.shuffle(result, from, Math.min(from + window, result.size()), request.random());
        }
        return result;
    }
}
