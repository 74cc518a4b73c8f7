package dev.shuffify.spotify.fake;

import dev.shuffify.spotify.Sleeper;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

/**
 * A clock that only moves when told, with a {@link Sleeper} that moves it instead of sleeping, so tests of
 * retries and rate limits run instantly and can check the waits. Thread-safe.
 */
public final class ManualClock extends Clock {

    private Instant now;
    private final List<Duration> sleeps = new ArrayList<>();

    /**
     * Creates a clock.
     *
     * @param start the first instant
     */
    public ManualClock(Instant start) {
        this.now = start;
    }

    @Override
    public synchronized Instant instant() {
        return now;
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        return this;
    }

    /**
     * Moves the clock forward.
     *
     * @param duration how far
     */
    public synchronized void advance(Duration duration) {
        now = now.plus(duration);
    }

    /** @return a sleeper that advances this clock and records each wait */
    public Sleeper sleeper() {
        return duration -> {
            synchronized (this) {
                sleeps.add(duration);
                now = now.plus(duration);
            }
        };
    }

    /** @return every wait asked of {@link #sleeper()} so far */
    public synchronized List<Duration> sleeps() {
        return List.copyOf(sleeps);
    }

    /** Forgets the recorded waits. */
    public synchronized void clearSleeps() {
        sleeps.clear();
    }
}
