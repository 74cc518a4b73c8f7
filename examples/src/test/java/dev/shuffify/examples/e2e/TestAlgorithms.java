package dev.shuffify.examples.e2e;

import dev.shuffify.model.Track;
import dev.shuffify.spi.ParamSpec;
import dev.shuffify.spi.ShuffleAlgorithm;
import dev.shuffify.spi.ShuffleRequest;
import java.util.ArrayList;
import java.util.List;

/** Deterministic algorithms whose intended order a test can state exactly. */
final class TestAlgorithms {

    private TestAlgorithms() {
    }

    /** Reverses the playlist. */
    static final class Reverse implements ShuffleAlgorithm {
        @Override
        public String name() {
            return "reverse";
        }

        @Override
        public String description() {
            return "the playlist backwards";
        }

        @Override
        public List<ParamSpec> parameters() {
            return List.of();
        }

        @Override
        public List<Track> shuffle(ShuffleRequest request) {
            List<Track> out = new ArrayList<>(request.tracks());
            java.util.Collections.reverse(out);
            return out;
        }
    }

    /** Moves the last {@code k} tracks to the top, as one block. */
    static final class TailFirst implements ShuffleAlgorithm {
        private final int k;

        TailFirst(int k) {
            this.k = k;
        }

        @Override
        public String name() {
            return "tail_first";
        }

        @Override
        public String description() {
            return "the last tracks first";
        }

        @Override
        public List<ParamSpec> parameters() {
            return List.of();
        }

        @Override
        public List<Track> shuffle(ShuffleRequest request) {
            List<Track> in = request.tracks();
            List<Track> out = new ArrayList<>(in.subList(in.size() - k, in.size()));
            out.addAll(in.subList(0, in.size() - k));
            return out;
        }
    }
}
