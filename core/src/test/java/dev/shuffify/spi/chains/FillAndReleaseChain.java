package dev.shuffify.spi.chains;

import dev.shuffify.spi.JobChain;
import java.util.List;

/** A chain declared through the SPI, as a plugin declares one: fill's {@code into} is release's {@code from}. */
public final class FillAndReleaseChain implements JobChain {
    /** Creates the chain. */
    public FillAndReleaseChain() {
    }

    @Override
    public String name() {
        return "fill_and_release";
    }

    @Override
    public String description() {
        return "Fills a holding playlist, then releases from it.";
    }

    @Override
    public List<Step> steps() {
        return List.of(Step.of("fill").bind("into", "release", "from"), Step.of("release"));
    }
}
