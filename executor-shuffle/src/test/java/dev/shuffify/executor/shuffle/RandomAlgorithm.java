package dev.shuffify.executor.shuffle;

import dev.shuffify.model.Track;
import dev.shuffify.spi.ParamSpec;
import dev.shuffify.spi.ShuffleAlgorithm;
import dev.shuffify.spi.ShuffleRequest;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** A test algorithm: a Fisher–Yates shuffle with the request's random source. */
final class RandomAlgorithm implements ShuffleAlgorithm {
    static final String NAME = "fisher_yates";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String description() {
        return "Uniform shuffle.";
    }

    @Override
    public List<ParamSpec> parameters() {
        return List.of();
    }

    @Override
    public List<Track> shuffle(ShuffleRequest request) {
        List<Track> out = new ArrayList<>(request.tracks());
        for (int i = out.size() - 1; i > 0; i--) {
            Collections.swap(out, i, request.random().nextInt(i + 1));
        }
        return out;
    }
}
