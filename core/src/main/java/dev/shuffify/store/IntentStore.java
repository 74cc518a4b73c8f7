package dev.shuffify.store;

import dev.shuffify.model.JobIntent;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Stores the intents of running jobs ({@link JobIntent}): written before a job's first write to each
 * playlist, deleted when the run's outcome is recorded ({@link ShuffifyStore#recordOutcome} deletes the
 * execution's intent in the same transaction) or when an abandoned run has been repaired. Never pruned by age
 * or count: an intent left behind is a run still to be repaired.
 *
 * @since 0.2.0
 */
public interface IntentStore {

    /**
     * Inserts or replaces the intent of an execution (by execution id). Must be durable when it returns: the
     * job writes to the music service right after.
     *
     * @param intent the intent
     */
    void save(JobIntent intent);

    /**
     * Finds the intent of an execution.
     *
     * @param executionId the execution
     * @return the intent, or empty
     */
    Optional<JobIntent> find(String executionId);

    /**
     * The stored intents, oldest first.
     *
     * @param limit the most to return
     * @return never null
     */
    List<JobIntent> list(int limit);

    /**
     * The stored intents of a schedule, oldest first.
     *
     * @param scheduleId the schedule
     * @return never null
     */
    List<JobIntent> listBySchedule(String scheduleId);

    /**
     * Deletes the intent of an execution.
     *
     * @param executionId the execution
     * @return whether one existed
     */
    boolean delete(String executionId);

    /**
     * The intents of several schedules at once (one query in the JDBC store; the default asks one at a time).
     *
     * @param scheduleIds the schedules
     * @return each schedule's intents, oldest first; a schedule without any maps to an empty list
     * @since 0.2.0
     */
    default Map<String, List<JobIntent>> listBySchedules(Collection<String> scheduleIds) {
        Map<String, List<JobIntent>> found = new HashMap<>();
        for (String scheduleId : new java.util.LinkedHashSet<>(scheduleIds)) {
            found.put(scheduleId, listBySchedule(scheduleId));
        }
        return found;
    }
}
