package dev.shuffify.service;

import dev.shuffify.error.JobExecutionException;
import dev.shuffify.error.NotFoundException;
import dev.shuffify.model.Execution;
import dev.shuffify.model.Preview;
import java.util.List;

/**
 * A user's runs of their schedules: run now, dry run, history.
 *
 * <pre>{@code
 * Execution e = shuffify.runs().runNow("alice", schedule.id());
 * List<Execution> last = shuffify.runs().history("alice", schedule.id(), 10);
 * }</pre>
 *
 * @since 0.3.0
 */
public interface RunService {

    /**
     * A user's "run now": runs the schedule synchronously (even when it is paused) and returns the outcome.
     *
     * @param userId the owner
     * @param scheduleId the schedule
     * @return the successful execution
     * @throws NotFoundException when the user has no such schedule
     * @throws JobExecutionException when the run did not succeed; carries the execution id and the last error
     */
    Execution runNow(String userId, String scheduleId);

    /**
     * A dry run: the job runs against a recording wrapper of the music service; nothing is written and nothing
     * is recorded. The result lists the intended adds, removes and reorders.
     *
     * @param userId the owner
     * @param scheduleId the schedule
     * @return what the job would do
     * @throws NotFoundException when the user has no such schedule
     * @throws JobExecutionException when the job would fail
     */
    Preview preview(String userId, String scheduleId);

    /**
     * A schedule's executions, newest first.
     *
     * @param userId the owner
     * @param scheduleId the schedule
     * @param limit the most to return (1 to 10,000)
     * @return the executions
     * @throws NotFoundException when the user has no such schedule
     */
    List<Execution> history(String userId, String scheduleId, int limit);
}
