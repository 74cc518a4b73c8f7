package dev.shuffify.executor.shuffle;

import dev.shuffify.spi.JobChain;
import java.util.List;

/**
 * The {@code raid_and_shuffle} chain: a raid, then a shuffle of the target, as one execution (one snapshot,
 * the target read once). Accepted as a job type when the {@code raid} job type (shuffify-executor-raid) is
 * registered too. Each step has its own parameters:
 *
 * <pre>{@code
 * JobSpec.builder("raid_and_shuffle").target("mix", "Mix").source(DiscoverySource.playlist("new-releases"))
 *         .algorithm("artist_spacing")
 *         .stepParam("raid", "limit", 20).stepParam("shuffle", "write_mode", "reorder")
 *         .build();
 * }</pre>
 *
 * @since 0.2.0
 */
public final class RaidAndShuffleChain implements JobChain {
    /** The chain's name. */
    public static final String NAME = "raid_and_shuffle";

    /** Creates the chain. */
    public RaidAndShuffleChain() {
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String description() {
        return "Raids new tracks into the target, then shuffles it.";
    }

    @Override
    public String displayName() {
        return "Raid and shuffle";
    }

    @Override
    public List<Step> steps() {
        return List.of(Step.of("raid"), Step.of(ShuffleExecutor.TYPE));
    }
}
