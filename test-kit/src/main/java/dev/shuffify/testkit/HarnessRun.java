package dev.shuffify.testkit;

import dev.shuffify.memory.Call;
import dev.shuffify.memory.Operation;
import dev.shuffify.model.Execution;
import dev.shuffify.model.ExecutionStatus;
import dev.shuffify.model.Schedule;
import dev.shuffify.model.Snapshot;
import java.util.List;
import java.util.Objects;

/**
 * What one run through the {@link ExecutorHarness} did.
 *
 * @param schedule the schedule that ran (as stored after the run)
 * @param execution the recorded execution
 * @param snapshots the snapshots the engine took during the run
 * @param calls the music-service calls made during the run, in order
 * @since 0.1.0
 */
public record HarnessRun(Schedule schedule, Execution execution, List<Snapshot> snapshots, List<Call> calls) {

    /**
     * Copies the lists.
     *
     * @param schedule the schedule that ran (as stored after the run)
     * @param execution the recorded execution
     * @param snapshots the snapshots the engine took during the run
     * @param calls the music-service calls made during the run, in order
     */
    public HarnessRun {
        Objects.requireNonNull(schedule, "schedule");
        Objects.requireNonNull(execution, "execution");
        snapshots = List.copyOf(snapshots);
        calls = List.copyOf(calls);
    }

    /**
     * The execution's status.
     *
     * @return the status
     */
    public ExecutionStatus status() {
        return execution.status();
    }

    /**
     * Whether the run succeeded.
     *
     * @return true on success
     */
    public boolean succeeded() {
        return execution.status() == ExecutionStatus.SUCCESS;
    }

    /**
     * How many calls of one operation the run made.
     *
     * @param operation the operation
     * @return the count
     */
    public long count(Operation operation) {
        return calls.stream().filter(c -> c.operation() == operation).count();
    }

    /**
     * How many writes the run made.
     *
     * @return the count
     */
    public long writes() {
        return calls.stream().filter(c -> c.operation().isWrite()).count();
    }

    /**
     * How many reads the run made.
     *
     * @return the count
     */
    public long reads() {
        return calls.size() - writes();
    }
}
