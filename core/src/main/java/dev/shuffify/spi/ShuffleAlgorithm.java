package dev.shuffify.spi;

import dev.shuffify.error.ValidationException;
import dev.shuffify.model.Track;
import java.util.List;

/**
 * A shuffle algorithm. Found through {@link java.util.ServiceLoader}
 * ({@code META-INF/services/dev.shuffify.spi.ShuffleAlgorithm}) or registered on the builder.
 *
 * <p>Contract: the result is a permutation of the input (the same multiset of tracks, nothing dropped —
 * local tracks and tracks without an id included), and the same input, parameters and random seed give the
 * same order. Pinned tracks are taken out by the caller before and put back after, so algorithms need not
 * know about pins.
 *
 * @since 0.1.0
 */
public interface ShuffleAlgorithm {

    /**
     * The algorithm name, e.g. {@code balanced}.
     *
     * @return never blank
     */
    String name();

    /**
     * Other names accepted for this algorithm, e.g. {@code BalancedShuffle}.
     *
     * @return never null
     */
    default List<String> aliases() {
        return List.of();
    }

    /**
     * One sentence for listings.
     *
     * @return never null
     */
    String description();

    /**
     * A short name for people, e.g. {@code Artist spacing} (listed in {@link PluginDescriptor#displayName()}).
     *
     * @return never blank; by default the name with underscores as spaces and a capital first letter
     * @since 0.2.0
     */
    default String displayName() {
        return PluginDescriptor.displayNameOf(name());
    }

    /**
     * The declared parameters.
     *
     * @return never null
     */
    List<ParamSpec> parameters();

    /**
     * Cross-parameter checks, after each parameter was checked against its spec.
     *
     * @param params the checked parameters
     * @throws ValidationException naming the parameter and what is allowed
     */
    default void validate(Params params) {
    }

    /**
     * Shuffles.
     *
     * @param request the tracks, checked parameters and random source
     * @return a new list, a permutation of {@code request.tracks()}
     */
    List<Track> shuffle(ShuffleRequest request);
}
