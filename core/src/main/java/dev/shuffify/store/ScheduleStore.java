package dev.shuffify.store;

import dev.shuffify.model.Schedule;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Stores schedules.
 *
 * @since 0.1.0
 */
public interface ScheduleStore {

    /**
     * Inserts or replaces a schedule by id.
     *
     * @param schedule the schedule
     */
    void save(Schedule schedule);

    /**
     * Finds a schedule.
     *
     * @param id the id
     * @return the schedule, or empty
     */
    Optional<Schedule> find(String id);

    /**
     * A user's schedules, oldest first.
     *
     * @param userId the owner
     * @return never null
     */
    List<Schedule> listByUser(String userId);

    /**
     * Every schedule, oldest first.
     *
     * @return never null
     */
    List<Schedule> listAll();

    /**
     * Enabled schedules with {@code nextRunAt <= now}, earliest first. Cost proportional to the due ones.
     *
     * @param now the time
     * @param limit the most to return
     * @return never null
     */
    List<Schedule> findDue(Instant now, int limit);

    /**
     * Deletes a schedule (its executions stay until pruned).
     *
     * @param id the id
     * @return whether it existed
     */
    boolean delete(String id);

    /**
     * How many schedules there are.
     *
     * @return the count
     */
    long count();
}
