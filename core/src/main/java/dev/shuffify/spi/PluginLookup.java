package dev.shuffify.spi;

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
}
