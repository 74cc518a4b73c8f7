package dev.shuffify.executor.raid;

import dev.shuffify.spi.JobChain;
import java.util.List;

/**
 * The {@code raid_and_drip} chain: a raid into the drip's staging playlist, then a drip from it into the
 * target, as one execution. The raid's {@value RaidExecutor#DESTINATION} is the drip's
 * {@value DripExecutor#STAGING_PLAYLIST}, so the staging playlist is named once, in the drip's parameters:
 *
 * <pre>{@code
 * JobSpec.builder("raid_and_drip").target("mix", "Mix").source(DiscoverySource.playlist("new-releases"))
 *         .stepParam("raid", "limit", 20)
 *         .stepParam("drip", "staging_playlist", "staging").stepParam("drip", "drip_count", 3)
 *         .build();
 * }</pre>
 *
 * @since 0.2.0
 */
public final class RaidAndDripChain implements JobChain {
    /** The chain's name. */
    public static final String NAME = "raid_and_drip";

    /** Creates the chain. */
    public RaidAndDripChain() {
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String description() {
        return "Raids new tracks into the staging playlist, then drips a few of them into the target.";
    }

    @Override
    public String displayName() {
        return "Raid and drip";
    }

    @Override
    public List<Step> steps() {
        return List.of(Step.of(RaidExecutor.TYPE).bind(RaidExecutor.DESTINATION, DripExecutor.TYPE,
                DripExecutor.STAGING_PLAYLIST), Step.of(DripExecutor.TYPE));
    }
}
