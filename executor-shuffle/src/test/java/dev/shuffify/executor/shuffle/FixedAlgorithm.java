package dev.shuffify.executor.shuffle;

import dev.shuffify.model.Track;
import dev.shuffify.spi.ParamSpec;
import dev.shuffify.spi.ShuffleAlgorithm;
import dev.shuffify.spi.ShuffleRequest;
import java.util.List;
import java.util.function.UnaryOperator;

/** A test algorithm that applies a given function to the tracks. */
final class FixedAlgorithm implements ShuffleAlgorithm {
    private final String name;
    private final UnaryOperator<List<Track>> order;

    FixedAlgorithm(String name, UnaryOperator<List<Track>> order) {
        this.name = name;
        this.order = order;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public String description() {
        return "A fixed order for tests.";
    }

    @Override
    public List<ParamSpec> parameters() {
        return List.of();
    }

    @Override
    public List<Track> shuffle(ShuffleRequest request) {
        return order.apply(request.tracks());
    }
}
