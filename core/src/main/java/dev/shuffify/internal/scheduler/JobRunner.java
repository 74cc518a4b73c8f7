package dev.shuffify.internal.scheduler;

import dev.shuffify.internal.engine.ExecutionEngine;
import java.util.Objects;

/**
 * What the scheduler runs its claims through: the execution engine, which starts a batch of claims in one
 * transaction and hands back each run's end for the scheduler to record with the ends that finish with it.
 */
public final class JobRunner {
    private final ExecutionEngine engine;

    private JobRunner(ExecutionEngine engine) {
        this.engine = Objects.requireNonNull(engine, "engine");
    }

    /**
     * The runner of an execution engine.
     *
     * @param engine the engine
     * @return the runner
     */
    public static JobRunner of(ExecutionEngine engine) {
        return new JobRunner(engine);
    }

    /**
     * The engine.
     *
     * @return never null
     */
    public ExecutionEngine engine() {
        return engine;
    }
}
