package dev.shuffify.internal.scheduler;

import dev.shuffify.model.Execution;
import dev.shuffify.model.TriggerSource;
import java.util.Optional;

/**
 * Runs one schedule and records the execution and the schedule's outcome: the execution engine's
 * {@code execute(scheduleId, source, attempt)}. Never throws.
 */
@FunctionalInterface
public interface JobRunner {
    /**
     * Runs a schedule.
     *
     * @param scheduleId the schedule
     * @param source what started the run
     * @param attempt the attempt number
     * @return the finished execution, or empty when none was recorded
     */
    Optional<Execution> run(String scheduleId, TriggerSource source, int attempt);
}
