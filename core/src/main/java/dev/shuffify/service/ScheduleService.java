package dev.shuffify.service;

import dev.shuffify.error.NotFoundException;
import dev.shuffify.error.ValidationException;
import dev.shuffify.model.Schedule;
import dev.shuffify.model.ScheduleState;
import dev.shuffify.model.ScheduleDefinition;
import java.util.List;

/**
 * A user's schedules: what to run on which playlist, and when.
 *
 * <p>Job type names are matched case-insensitively: a definition's type is trimmed and lower-cased (each step
 * of a {@code +} chain too) before it is validated and stored, so {@code " Shuffle "} is stored as
 * {@code shuffle}. The target's name is trimmed and must not be empty.
 *
 * <pre>{@code
 * Schedule s = shuffify.schedules().create("alice", ScheduleDefinition.of(
 *         JobSpec.builder("shuffle").target("37i9dQZF1DX0XUsuxWHRQd", "Mix").algorithm("balanced").build(),
 *         Trigger.named("daily")));
 * shuffify.schedules().setEnabled("alice", s.id(), false);
 * }</pre>
 *
 * @since 0.3.0
 */
public interface ScheduleService {

    /**
     * Creates a schedule after validating it completely: job type known, target present, trigger valid, and
     * every parameter checked by the job type's executor (and algorithm / discovery strategies). Nothing is
     * stored when validation fails.
     *
     * @param userId the owner
     * @param definition what to run and when
     * @return the stored schedule, with its first {@code nextRunAt}
     * @throws ValidationException naming every offending field and what is allowed
     */
    Schedule create(String userId, ScheduleDefinition definition);

    /**
     * Replaces a schedule's definition after validating it; its history stays. The next run is recomputed
     * from the new trigger.
     *
     * @param userId the owner
     * @param scheduleId the schedule
     * @param definition the new definition
     * @return the stored schedule
     * @throws NotFoundException when the user has no such schedule
     * @throws ValidationException naming every offending field; nothing is changed
     */
    Schedule update(String userId, String scheduleId, ScheduleDefinition definition);

    /**
     * Pauses or resumes a schedule. Resuming keeps a next run still in the future and otherwise takes the
     * trigger's next slot after now, with the scheduler's jitter (missed slots are not replayed).
     *
     * @param userId the owner
     * @param scheduleId the schedule
     * @param enabled true to resume, false to pause
     * @return the stored schedule
     * @throws NotFoundException when the user has no such schedule
     */
    Schedule setEnabled(String userId, String scheduleId, boolean enabled);

    /**
     * Deletes a schedule; its executions stay in the history until pruned.
     *
     * @param userId the owner
     * @param scheduleId the schedule
     * @throws NotFoundException when the user has no such schedule
     */
    void delete(String userId, String scheduleId);

    /**
     * A user's schedule.
     *
     * @param userId the owner
     * @param scheduleId the schedule
     * @return the schedule
     * @throws NotFoundException when the user has no such schedule (also when it belongs to someone else)
     */
    Schedule get(String userId, String scheduleId);

    /**
     * A user's schedules, oldest first.
     *
     * @param userId the owner
     * @return the schedules
     */
    List<Schedule> list(String userId);

    /**
     * A user's schedules with their state, oldest first: as {@link #list}, each with the scheduler node running
     * it now, if any ({@link ScheduleState#runningOn()}), as {@link OperationsService#jobs()} shows an operator.
     *
     * @param userId the owner
     * @return the schedules with their state
     * @since 0.3.0
     */
    List<ScheduleState> states(String userId);
}
