package dev.shuffify.spi;

import dev.shuffify.spi.PluginDescriptor;
import java.util.Optional;
import java.util.Set;

/**
 * Looks up registered plugins by id.
 *
 * @since 0.1.0
 */
public interface PluginLookup {

    /**
     * A job type.
     *
     * @param type the type id
     * @return the executor, or empty
     */
    Optional<JobExecutor> jobType(String type);

    /**
     * The registered job type ids.
     *
     * @return sorted, never null
     */
    Set<String> jobTypes();

    /**
     * A shuffle algorithm by name or alias (case-sensitive name, aliases as declared).
     *
     * @param nameOrAlias e.g. {@code balanced} or {@code BalancedShuffle}
     * @return the algorithm, or empty
     */
    Optional<ShuffleAlgorithm> algorithm(String nameOrAlias);

    /**
     * The registered algorithm names (not aliases).
     *
     * @return sorted, never null
     */
    Set<String> algorithmNames();

    /**
     * A discovery strategy.
     *
     * @param id the strategy id
     * @return the strategy, or empty
     */
    Optional<DiscoveryStrategy> strategy(String id);

    /**
     * The registered strategy ids.
     *
     * @return sorted, never null
     */
    Set<String> strategyIds();

    /**
     * What to tell a user about a plugin that is not registered, as one sentence to append to a message: the
     * artifact to add for a plugin this project ships ({@code It is provided by dev.shuffify:shuffify-algorithms:
     * add that dependency to the class path.}), else {@code Add the jar that provides it to the class path.} —
     * never an invented artifact name.
     *
     * @param kind the plugin kind
     * @param id the job type, algorithm name or strategy id that was asked for
     * @return a sentence ending with a full stop; never null
     * @since 0.1.0
     */
    default String whereToFind(PluginDescriptor.Kind kind, String id) {
        return "Add the jar that provides it to the class path.";
    }
}
