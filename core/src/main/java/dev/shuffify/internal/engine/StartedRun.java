package dev.shuffify.internal.engine;

import dev.shuffify.model.Execution;
import dev.shuffify.model.Schedule;
import dev.shuffify.model.TriggerSource;

/** A run started by {@link ExecutionEngine#startAll}: what its job needs, read for the whole batch. */
public final class StartedRun {
    final RunState state;
    final Schedule schedule;
    final TriggerSource source;
    final Execution execution;
    Finished early;

    StartedRun(RunState state, Schedule schedule, TriggerSource source, Execution execution) {
        this.state = state;
        this.schedule = schedule;
        this.source = source;
        this.execution = execution;
    }

    /**
     * The execution, as started.
     *
     * @return never null
     */
    public Execution execution() {
        return execution;
    }

    /**
     * The end of a run that was over before its job (skipped or not started), or null.
     *
     * @return the end, or null when the job is to run
     */
    public Finished early() {
        return early;
    }
}
