package dev.shuffify.internal.engine;

import dev.shuffify.model.Schedule;
import dev.shuffify.model.TriggerSource;

/**
 * A claimed schedule to start in a batch ({@link ExecutionEngine#prepare}).
 *
 * @param schedule the schedule as claimed
 * @param source what started it
 * @param attempt the attempt number
 */
public record Claimed(Schedule schedule, TriggerSource source, int attempt) {
}
