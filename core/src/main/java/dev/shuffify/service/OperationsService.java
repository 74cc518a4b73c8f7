package dev.shuffify.service;

import dev.shuffify.error.NotFoundException;
import dev.shuffify.event.JobListener;
import dev.shuffify.model.Execution;
import dev.shuffify.model.ExecutionStatus;
import dev.shuffify.model.Health;
import dev.shuffify.model.Schedule;
import dev.shuffify.model.ScheduleState;
import dev.shuffify.spi.PlaylistServiceConnector;
import dev.shuffify.spi.RateBudgetUsage;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/**
 * The operator's controls, for any owner: the jobs and their state, pause / resume / trigger, health, the rate
 * budget, counts, and the job listeners. Its methods act for no user, so they take no user id.
 *
 * <pre>{@code
 * Health health = shuffify.operations().health();
 * if (!health.storeUp() || health.oldestDueAge().compareTo(Duration.ofMinutes(5)) > 0) {
 *     alert(health);
 * }
 * }</pre>
 *
 * @since 0.3.0
 */
public interface OperationsService {

    /**
     * The scheduler's entry point: runs a schedule and records the outcome. Never throws on a job's failure; a
     * missing schedule is logged and a disabled one skipped (both give an empty result).
     *
     * @param scheduleId the schedule
     * @return the recorded execution, or empty when nothing ran
     */
    Optional<Execution> execute(String scheduleId);

    /**
     * Every schedule with its state: next run, last run and status, paused, and which node is running it now.
     *
     * @return never null
     */
    List<ScheduleState> jobs();

    /**
     * Pauses a schedule (any owner); a run in progress finishes.
     *
     * @param scheduleId the schedule
     * @return the paused schedule
     * @throws NotFoundException when there is no such schedule
     */
    Schedule pause(String scheduleId);

    /**
     * Resumes a paused schedule (any owner); a next run in the past becomes the trigger's next slot.
     *
     * @param scheduleId the schedule
     * @return the resumed schedule
     * @throws NotFoundException when there is no such schedule
     */
    Schedule resume(String scheduleId);

    /**
     * Runs a schedule now on the scheduler's pool (any owner, paused or not), under a lease like a scheduled
     * run, recorded with trigger source {@code manual}; the next run does not move.
     *
     * @param scheduleId the schedule
     * @return the run, completing with its execution (null when none was recorded); empty when the schedule or
     *     its target playlist is running now
     * @throws NotFoundException when there is no such schedule
     * @throws IllegalStateException after the facade was closed
     */
    Optional<CompletableFuture<Execution>> trigger(String scheduleId);

    /**
     * How many executions the store holds per status, across all users.
     *
     * @return counts per status (statuses with none are absent)
     */
    Map<ExecutionStatus, Long> executionCounts();

    /**
     * Checks this instance's health without calling the music service: two small store queries (the due
     * schedules no node has claimed, and the accounts by health) and the scheduler's own figures (its last
     * successful poll, the claims it holds). Cheap enough to call every few seconds. Never throws: a store that
     * fails is reported as down, with the exception's class and message ({@link Health#storeError()}).
     *
     * @return the health now; never null
     */
    Health health();

    /**
     * How much of the application's rate budget at the music service is in use, as the connector counts it
     * (see {@link PlaylistServiceConnector#rateBudget()}); never calls the service.
     *
     * @return the usage, or empty when the connector keeps no budget (the in-memory service)
     */
    Optional<RateBudgetUsage> rateBudget();

    /**
     * Adds a listener for job events after the facade was built (a metrics binder, say). It receives the events
     * of runs that start after this call; the builder's {@code listener(…)} is the place for listeners known up
     * front.
     *
     * @param listener the listener
     */
    void addListener(JobListener listener);

    /**
     * Removes a listener added here or on the builder.
     *
     * @param listener the listener
     * @return whether it was registered
     */
    boolean removeListener(JobListener listener);
}
