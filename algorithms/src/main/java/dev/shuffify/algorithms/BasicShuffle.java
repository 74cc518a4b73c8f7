package dev.shuffify.algorithms;

import dev.shuffify.algorithms.internal.KeepFirst;
import dev.shuffify.algorithms.internal.ParamValues;
import dev.shuffify.algorithms.internal.Shuffling;
import dev.shuffify.model.Track;
import dev.shuffify.spi.ParamSpec;
import dev.shuffify.spi.ShuffleAlgorithm;
import dev.shuffify.spi.ShuffleRequest;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code basic}: a uniform Fisher–Yates shuffle of every track after the first {@code keep_first} (default 0).
 *
 * <p>Every order of the shuffled part is equally likely. Also known as {@code BasicShuffle}.
 *
 * @since 0.1.0
 */
public final class BasicShuffle implements ShuffleAlgorithm {
    /** The algorithm name. */
    public static final String NAME = "basic";

    /** Creates the algorithm; it holds no state. */
    public BasicShuffle() {
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String displayName() {
        return "Basic shuffle";
    }

    @Override
    public List<String> aliases() {
        return List.of("BasicShuffle");
    }

    @Override
    public String description() {
        return "Uniform random shuffle of every track after the first keep_first.";
    }

    @Override
    public List<ParamSpec> parameters() {
        return List.of(KeepFirst.SPEC);
    }

    @Override
    public List<Track> shuffle(ShuffleRequest request) {
        int keepFirst = ParamValues.integer(request.params(), KeepFirst.SPEC);
        List<Track> result = new ArrayList<>(request.tracks());
        Shuffling.shuffle(result, Math.min(keepFirst, result.size()), result.size(), request.random());
        return result;
    }
}
