package dev.shuffify.benchmarks;

import dev.shuffify.spotify.Sleeper;
import java.time.Clock;
import java.time.Duration;

/**
 * The clock and the waits of a benchmark run whose worker threads all wait through it: either simulated
 * ({@link VirtualTime}) or real ({@link #real()}).
 */
public abstract class SharedTime extends Clock {

    /** The calling thread takes part (only simulated time cares). */
    public abstract void join();

    /** The calling thread stops taking part. */
    public abstract void leave();

    /**
     * Waits.
     *
     * @param duration how long
     * @throws InterruptedException when interrupted
     */
    public abstract void sleep(Duration duration) throws InterruptedException;

    /**
     * Moves time forward between phases: simulated time jumps, real time is waited out.
     *
     * @param duration how far
     * @throws InterruptedException when interrupted
     */
    public abstract void advance(Duration duration) throws InterruptedException;

    /** @return a sleeper on this time, for the adapter */
    public Sleeper sleeper() {
        return this::sleep;
    }

    /** @return the system clock in UTC, with real sleeps */
    public static SharedTime real() {
        return new SharedTime() {
            private final Clock system = Clock.systemUTC();

            @Override
            public java.time.ZoneId getZone() {
                return system.getZone();
            }

            @Override
            public Clock withZone(java.time.ZoneId zone) {
                return this;
            }

            @Override
            public java.time.Instant instant() {
                return system.instant();
            }

            @Override
            public void join() {
            }

            @Override
            public void leave() {
            }

            @Override
            public void sleep(Duration duration) throws InterruptedException {
                Sleeper.SYSTEM.sleep(duration);
            }

            @Override
            public void advance(Duration duration) throws InterruptedException {
                sleep(duration);
            }
        };
    }
}
