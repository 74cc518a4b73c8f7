package dev.shuffify.algorithms;

import dev.shuffify.algorithms.internal.ParamValues;
import dev.shuffify.algorithms.internal.Shuffling;
import dev.shuffify.model.Track;
import dev.shuffify.spi.ParamSpec;
import dev.shuffify.spi.ShuffleAlgorithm;
import dev.shuffify.spi.ShuffleRequest;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code percentage}: shuffles only {@code shuffle_percentage} percent of the playlist (0–100, default 50),
 * at its {@code front} (default) or {@code back}; the other tracks stay where they are.
 *
 * <p>The shuffled part holds {@code floor(N × shuffle_percentage / 100)} tracks. Also known as
 * {@code PercentageShuffle}.
 *
 * @since 0.1.0
 */
public final class PercentageShuffle implements ShuffleAlgorithm {
    /** The algorithm name. */
    public static final String NAME = "percentage";
    /** Parameter: the share of the playlist to shuffle, in percent. */
    public static final String SHUFFLE_PERCENTAGE = "shuffle_percentage";
    /** Parameter: which end of the playlist is shuffled, {@code front} or {@code back}. */
    public static final String SHUFFLE_LOCATION = "shuffle_location";

    private static final ParamSpec PERCENTAGE = ParamSpec.integer(SHUFFLE_PERCENTAGE,
            "Share of the playlist to shuffle, in percent").range(0, 100).withDefault(50);
    private static final ParamSpec LOCATION = ParamSpec.choice(SHUFFLE_LOCATION,
            "Which end of the playlist is shuffled", "front", "back").withDefault("front");

    /** Creates the algorithm; it holds no state. */
    public PercentageShuffle() {
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String displayName() {
        return "Percentage";
    }

    @Override
    public List<String> aliases() {
        return List.of("PercentageShuffle");
    }

    @Override
    public String description() {
        return "Shuffles only shuffle_percentage percent of the playlist, at its front or back; the rest stays.";
    }

    @Override
    public List<ParamSpec> parameters() {
        return List.of(PERCENTAGE, LOCATION);
    }

    @Override
    public List<Track> shuffle(ShuffleRequest request) {
        int percentage = ParamValues.integer(request.params(), PERCENTAGE);
        boolean front = "front".equals(ParamValues.choice(request.params(), LOCATION));
        List<Track> result = new ArrayList<>(request.tracks());
        int count = (int) ((long) result.size() * percentage / 100);
        if (front) {
            Shuffling.shuffle(result, 0, count, request.random());
        } else {
            Shuffling.shuffle(result, result.size() - count, result.size(), request.random());
        }
        return result;
    }
}
