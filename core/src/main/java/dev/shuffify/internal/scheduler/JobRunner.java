package dev.shuffify.internal.scheduler;

import dev.shuffify.internal.engine.ExecutionEngine;
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

    /**
     * Repairs a run the scheduler just marked abandoned: checks its playlists against the intent it recorded
     * and puts back what it lost. Never throws. The default does nothing.
     *
     * @param executionId the abandoned execution
     */
    default void repairAbandoned(String executionId) {
    }

    /**
     * Retries the repair of abandoned runs not repaired yet. Never throws. The default does nothing.
     *
     * @return how many were repaired
     */
    default int repairPending() {
        return 0;
    }

    /**
     * Stores the outcome of a run returned with the engine's {@code outcomeUnrecorded} detail, idempotently by
     * execution id. The default stores nothing.
     *
     * @param execution the execution as {@link #run} returned it
     * @param source what started it
     * @throws RuntimeException when the store fails again (the scheduler retries)
     */
    default void retryOutcome(Execution execution, TriggerSource source) {
    }

    /**
     * The execution engine behind this runner, when the scheduler may run batches through it (start a batch of
     * claims in one transaction, record the ends of runs that finish together in another); null for a runner
     * that runs one schedule at a time. The default is null.
     *
     * @return the engine, or null
     */
    default ExecutionEngine engine() {
        return null;
    }

    /**
     * The runner of an execution engine, batched: the scheduler starts and ends its runs in batches.
     *
     * @param engine the engine
     * @return the runner
     */
    static JobRunner of(ExecutionEngine engine) {
        JobRunner single = of(engine::execute, engine::repairAbandoned, engine::repairPending, engine::retryOutcome);
        return new JobRunner() {
            @Override
            public Optional<Execution> run(String scheduleId, TriggerSource source, int attempt) {
                return single.run(scheduleId, source, attempt);
            }

            @Override
            public void repairAbandoned(String executionId) {
                single.repairAbandoned(executionId);
            }

            @Override
            public int repairPending() {
                return single.repairPending();
            }

            @Override
            public void retryOutcome(Execution execution, TriggerSource source) {
                single.retryOutcome(execution, source);
            }

            @Override
            public ExecutionEngine engine() {
                return engine;
            }
        };
    }

    /**
     * A runner from the engine's entry points.
     *
     * @param run runs a schedule
     * @param repair repairs one abandoned run
     * @param repairPending retries pending repairs
     * @param retryOutcome stores an outcome the run could not store
     * @return the runner
     */
    static JobRunner of(JobRunner run, java.util.function.Consumer<String> repair,
            java.util.function.IntSupplier repairPending,
            java.util.function.BiConsumer<Execution, TriggerSource> retryOutcome) {
        return new JobRunner() {
            @Override
            public Optional<Execution> run(String scheduleId, TriggerSource source, int attempt) {
                return run.run(scheduleId, source, attempt);
            }

            @Override
            public void repairAbandoned(String executionId) {
                repair.accept(executionId);
            }

            @Override
            public int repairPending() {
                return repairPending.getAsInt();
            }

            @Override
            public void retryOutcome(Execution execution, TriggerSource source) {
                retryOutcome.accept(execution, source);
            }
        };
    }

    /**
     * A runner from the engine's three entry points.
     *
     * @param run runs a schedule
     * @param repair repairs one abandoned run
     * @param repairPending retries pending repairs
     * @return the runner
     */
    static JobRunner of(JobRunner run, java.util.function.Consumer<String> repair,
            java.util.function.IntSupplier repairPending) {
        return of(run, repair, repairPending, (execution, source) -> { });
    }
}
