package dev.shuffify.internal.engine;

import dev.shuffify.store.RunStart;
import java.util.List;

/**
 * A batch of claimed runs {@link ExecutionEngine#prepare prepared} to start: what the store records of them,
 * and then {@link ExecutionEngine#started} (or {@link ExecutionEngine#notStarted}) makes of them.
 */
public final class StartBatch {
    final List<StartedRun> started;
    final List<StartedRun> toRecord;
    final List<RunStart> starts;

    StartBatch(List<StartedRun> started, List<StartedRun> toRecord, List<RunStart> starts) {
        this.started = started;
        this.toRecord = toRecord;
        this.starts = starts;
    }

    /**
     * The starts to record (for the runs that did not end before their start).
     *
     * @return never null
     */
    public List<RunStart> starts() {
        return starts;
    }
}
