package dev.shuffify.spotify;

import java.time.Duration;

/**
 * Waits. Every wait of the adapter (Retry-After, backoff, the rate budget) goes through one, so that tests
 * can advance a test clock instead of sleeping.
 *
 * @since 0.1.0
 */
@FunctionalInterface
public interface Sleeper {

    /** Sleeps on the current thread with {@link Thread#sleep(long, int)}. */
    Sleeper SYSTEM = duration -> Thread.sleep(duration.toMillis(), duration.toNanosPart() % 1_000_000);

    /**
     * Waits for a duration.
     *
     * @param duration how long; never negative
     * @throws InterruptedException when the thread is interrupted
     */
    void sleep(Duration duration) throws InterruptedException;
}
