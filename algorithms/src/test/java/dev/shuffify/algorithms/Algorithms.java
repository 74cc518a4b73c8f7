package dev.shuffify.algorithms;

import dev.shuffify.spi.Params;
import dev.shuffify.spi.ShuffleAlgorithm;
import dev.shuffify.spi.ShuffleRequest;
import dev.shuffify.model.Track;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/** The built-in algorithms and a shorthand to run one. */
final class Algorithms {
    /** Every built-in algorithm, in the order of the services file. */
    static final List<ShuffleAlgorithm> ALL = List.of(new BasicShuffle(), new PercentageShuffle(),
            new BalancedShuffle(), new StratifiedShuffle(), new ArtistSpacingShuffle(), new AlbumSequenceShuffle(),
            new NewestFirstShuffle(), new ArtistSpreadShuffle(), new MergeShuffle());

    private Algorithms() {
    }

    /** Runs {@code algorithm} with raw parameters checked by {@link Params#parse} and a seeded random source. */
    static List<Track> run(ShuffleAlgorithm algorithm, List<Track> tracks, Map<String, ?> params, long seed) {
        return algorithm.shuffle(new ShuffleRequest(tracks, Params.parse(algorithm.parameters(), params, "params"),
                new SplittableRandom(seed)));
    }

    /** Runs {@code algorithm} with default parameters. */
    static List<Track> run(ShuffleAlgorithm algorithm, List<Track> tracks, long seed) {
        return run(algorithm, tracks, Map.of(), seed);
    }
}
