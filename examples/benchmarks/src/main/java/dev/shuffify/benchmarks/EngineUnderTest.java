package dev.shuffify.benchmarks;

/**
 * One scheduler measured by table 1: it is given {@code n} schedules of a no-op job, all due now, and drains
 * them through its whole lifecycle (due detection, claim, execution, completion record, next run).
 */
public interface EngineUnderTest extends AutoCloseable {

    /** @return the name in the table */
    String name();

    /**
     * Stores {@code n} due schedules (not timed).
     *
     * @param n how many
     * @throws Exception on a failure of the engine or the database
     */
    void prepare(int n) throws Exception;

    /**
     * Starts the engine's workers; the clock starts when this returns.
     *
     * @throws Exception on a failure of the engine
     */
    void start() throws Exception;

    /** @return how many no-op executions have run so far */
    long executed();

    /**
     * Whether every execution has its completion and its next run recorded in the database (asked after
     * {@link #executed()} reached {@code n}).
     *
     * @return true when settled
     * @throws Exception on a database failure
     */
    boolean settled() throws Exception;

    /** Stops the engine and closes its database pool. */
    @Override
    void close();
}
