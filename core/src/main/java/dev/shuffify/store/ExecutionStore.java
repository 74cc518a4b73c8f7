package dev.shuffify.store;

import dev.shuffify.model.Execution;
import dev.shuffify.model.ExecutionStatus;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Stores executions.
 *
 * @since 0.1.0
 */
public interface ExecutionStore {

    /**
     * Inserts or replaces an execution by id.
     *
     * @param execution the execution
     */
    void save(Execution execution);

    /**
     * Finds an execution.
     *
     * @param id the id
     * @return the execution, or empty
     */
    Optional<Execution> find(String id);

    /**
     * A schedule's executions, newest first.
     *
     * @param scheduleId the schedule
     * @param limit the most to return
     * @return never null
     */
    List<Execution> listBySchedule(String scheduleId, int limit);

    /**
     * Executions in a status, oldest first (e.g. stale {@code running} ones at start-up).
     *
     * @param status the status
     * @param limit the most to return
     * @return never null
     */
    List<Execution> listByStatus(ExecutionStatus status, int limit);

    /**
     * How many executions are in each status.
     *
     * @return status → count; statuses with none may be absent
     */
    Map<ExecutionStatus, Long> countByStatus();

    /**
     * Deletes finished executions that completed before a time.
     *
     * @param cutoff the time
     * @return how many were deleted
     */
    int deleteFinishedBefore(Instant cutoff);

    /**
     * Keeps the newest {@code keep} finished executions of a schedule, deleting older ones.
     *
     * @param scheduleId the schedule
     * @param keep how many to keep
     * @return how many were deleted
     */
    int pruneSchedule(String scheduleId, int keep);

    /**
     * Replaces the stored execution only while the stored one is still {@code running}: ends a run exactly once
     * when several parties (the worker, a node recovering an expired lease, shutdown) may try.
     *
     * @param execution the execution, usually ended
     * @return whether it was replaced
     */
    boolean saveIfRunning(Execution execution);

    /**
     * Keeps the newest {@code keep} finished executions of every schedule, deleting older ones.
     *
     * @param keep how many to keep per schedule
     * @return how many were deleted
     */
    int pruneEachSchedule(int keep);
}
