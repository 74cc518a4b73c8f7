package dev.shuffify.executor.shuffle;

import dev.shuffify.error.ValidationException;
import dev.shuffify.model.Track;
import dev.shuffify.spi.ParamSpec;
import dev.shuffify.spi.Params;
import dev.shuffify.spi.ShuffleAlgorithm;
import dev.shuffify.spi.ShuffleRequest;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** A deterministic test algorithm: reverses everything after the first {@code keep_first} tracks. */
final class ReverseAlgorithm implements ShuffleAlgorithm {
    static final String NAME = "reverse";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public List<String> aliases() {
        return List.of("ReverseShuffle");
    }

    @Override
    public String description() {
        return "Reverses the playlist after the first keep_first tracks.";
    }

    @Override
    public List<ParamSpec> parameters() {
        return List.of(ParamSpec.integer("keep_first", "Tracks left at the top").range(0, 10).withDefault(0),
                ParamSpec.integer("keep_last", "Tracks left at the bottom").range(0, 10).withDefault(0));
    }

    @Override
    public void validate(Params params) {
        if (params.getInt("keep_first") + params.getInt("keep_last") > 10) {
            throw new ValidationException("keep_last", "keep_first + keep_last must be at most 10");
        }
    }

    @Override
    public List<Track> shuffle(ShuffleRequest request) {
        List<Track> out = new ArrayList<>(request.tracks());
        int from = Math.min(out.size(), request.params().getInt("keep_first"));
        int to = Math.max(from, out.size() - request.params().getInt("keep_last"));
        Collections.reverse(out.subList(from, to));
        return out;
    }
}
