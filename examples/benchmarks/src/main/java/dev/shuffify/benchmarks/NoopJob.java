package dev.shuffify.benchmarks;

import dev.shuffify.model.JobResult;
import dev.shuffify.spi.JobContext;
import dev.shuffify.spi.JobExecutor;
import dev.shuffify.spi.ParamSpec;
import java.util.List;

/** A job type that does nothing, so a run costs only the engine's own work. Needs no target playlist. */
public final class NoopJob implements JobExecutor {
    /** The job type name. */
    public static final String TYPE = "noop";

    @Override
    public String type() {
        return TYPE;
    }

    @Override
    public String description() {
        return "Does nothing (benchmarks)";
    }

    @Override
    public List<ParamSpec> parameters() {
        return List.of();
    }

    @Override
    public boolean requiresTarget() {
        return false;
    }

    @Override
    public JobResult execute(JobContext context) {
        return JobResult.of(0, 0, 0);
    }
}
