package dev.shuffify.algorithms;

import dev.shuffify.algorithms.internal.KeepFirst;
import dev.shuffify.algorithms.internal.ParamValues;
import dev.shuffify.algorithms.internal.Sections;
import dev.shuffify.algorithms.internal.Shuffling;
import dev.shuffify.model.Track;
import dev.shuffify.spi.ParamSpec;
import dev.shuffify.spi.ShuffleAlgorithm;
import dev.shuffify.spi.ShuffleRequest;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code stratified}: cuts the playlist (after the first {@code keep_first} tracks) into {@code section_count}
 * sections (1–20, default 5) of near-equal size and shuffles inside each; the sections keep their order, so a
 * track never moves far from where it was.
 *
 * <p>Also known as {@code StratifiedShuffle}.
 *
 * @since 0.1.0
 */
public final class StratifiedShuffle implements ShuffleAlgorithm {
    /** The algorithm name. */
    public static final String NAME = "stratified";
    /** Parameter: the number of sections. */
    public static final String SECTION_COUNT = "section_count";

    private static final ParamSpec SECTIONS = ParamSpec.integer(SECTION_COUNT,
            "Number of sections, each shuffled inside, kept in order").range(1, 20).withDefault(5);

    /** Creates the algorithm; it holds no state. */
    public StratifiedShuffle() {
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String displayName() {
        return "Stratified";
    }

    @Override
    public List<String> aliases() {
        return List.of("StratifiedShuffle");
    }

    @Override
    public String description() {
        return "Cuts the playlist into section_count sections and shuffles inside each; sections keep their "
                + "order.";
    }

    @Override
    public List<ParamSpec> parameters() {
        return List.of(KeepFirst.SPEC, SECTIONS);
    }

    @Override
    public List<Track> shuffle(ShuffleRequest request) {
        int keepFirst = ParamValues.integer(request.params(), KeepFirst.SPEC);
        int sectionCount = ParamValues.integer(request.params(), SECTIONS);
        List<Track> result = new ArrayList<>(request.tracks());
        int[] bounds = Sections.bounds(Math.min(keepFirst, result.size()), result.size(), sectionCount);
        for (int s = 0; s < sectionCount; s++) {
            Shuffling.shuffle(result, bounds[s], bounds[s + 1], request.random());
        }
        return result;
    }
}
