package dev.shuffify.algorithms;

import dev.shuffify.algorithms.internal.KeepFirst;
import dev.shuffify.algorithms.internal.Output;
import dev.shuffify.algorithms.internal.ParamValues;
import dev.shuffify.algorithms.internal.Sections;
import dev.shuffify.algorithms.internal.Shuffling;
import dev.shuffify.model.Track;
import dev.shuffify.spi.ParamSpec;
import dev.shuffify.spi.ShuffleAlgorithm;
import dev.shuffify.spi.ShuffleRequest;
import java.util.List;

/**
 * {@code balanced}: cuts the playlist (after the first {@code keep_first} tracks) into {@code section_count}
 * sections (2–10, default 4) of near-equal size, shuffles each, then deals one track from each section in
 * turn, so every part of the old order is represented throughout the new one.
 *
 * <p>Also known as {@code BalancedShuffle}.
 *
 * @since 0.1.0
 */
public final class BalancedShuffle implements ShuffleAlgorithm {
    /** The algorithm name. */
    public static final String NAME = "balanced";
    /** Parameter: the number of sections. */
    public static final String SECTION_COUNT = "section_count";

    private static final ParamSpec SECTIONS = ParamSpec.integer(SECTION_COUNT,
            "Number of sections the playlist is cut into").range(2, 10).withDefault(4);

    /** Creates the algorithm; it holds no state. */
    public BalancedShuffle() {
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String displayName() {
        return "Balanced";
    }

    @Override
    public List<String> aliases() {
        return List.of("BalancedShuffle");
    }

    @Override
    public String description() {
        return "Cuts the playlist into section_count sections, shuffles each, then deals one track from each "
                + "section in turn.";
    }

    @Override
    public List<ParamSpec> parameters() {
        return List.of(KeepFirst.SPEC, SECTIONS);
    }

    @Override
    public List<Track> shuffle(ShuffleRequest request) {
        int keepFirst = ParamValues.integer(request.params(), KeepFirst.SPEC);
        int sectionCount = ParamValues.integer(request.params(), SECTIONS);
        Object[] tracks = request.tracks().toArray();
        int n = tracks.length;
        int start = Math.min(keepFirst, n);
        int[] bounds = Sections.bounds(start, n, sectionCount);
        for (int s = 0; s < sectionCount; s++) {
            Shuffling.shuffle(tracks, bounds[s], bounds[s + 1], request.random());
        }
        List<Object> result = Output.builder(n);
        Output.append(result, tracks, 0, start);
        int longest = bounds[1] - bounds[0];
        for (int round = 0; round < longest; round++) {
            for (int s = 0; s < sectionCount; s++) {
                int index = bounds[s] + round;
                if (index < bounds[s + 1]) {
                    result.add(tracks[index]);
                }
            }
        }
        return Output.tracks(result);
    }
}
