package dev.shuffify.spi;

import dev.shuffify.model.Track;
import java.util.List;
import java.util.Objects;
import java.util.random.RandomGenerator;

/**
 * The input of one {@link ShuffleAlgorithm#shuffle} call.
 *
 * @param tracks the tracks in their current order; never null
 * @param params the algorithm's checked parameters; never null
 * @param random the random source (seeded for determinism); never null
 * @since 0.1.0
 */
public record ShuffleRequest(List<Track> tracks, Params params, RandomGenerator random) {
    /**
     * Validates and copies.
     *
     * @param tracks the tracks in their current order; never null
     * @param params the algorithm's checked parameters; never null
     * @param random the random source (seeded for determinism); never null
     */
    public ShuffleRequest {
        tracks = List.copyOf(tracks);
        Objects.requireNonNull(params, "params");
        Objects.requireNonNull(random, "random");
    }
}
