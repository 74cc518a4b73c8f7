package dev.shuffify.testing;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Core's own tests' clock: a clock that only moves when told to. Thread-safe.
 *
 * <p>A copy, for core's tests only (they cannot depend on {@code shuffify-test-kit}, which depends on core), of
 * the published {@code dev.shuffify.testkit.TestClock}; plugin authors and every other module use that one.
 */
public final class TestClock extends Clock {

    private final AtomicReference<Instant> now;
    private final ZoneId zone;

    /**
     * A clock standing at {@code start}, in UTC.
     *
     * @param start the time it shows
     */
    public TestClock(Instant start) {
        this(new AtomicReference<>(Objects.requireNonNull(start, "start")), ZoneOffset.UTC);
    }

    private TestClock(AtomicReference<Instant> now, ZoneId zone) {
        this.now = now;
        this.zone = zone;
    }

    /**
     * A clock standing at 2026-01-01T00:00:00Z.
     *
     * @return the clock
     */
    public static TestClock standard() {
        return new TestClock(Instant.parse("2026-01-01T00:00:00Z"));
    }

    /**
     * Moves the clock forward (or back, with a negative amount).
     *
     * @param amount how far
     * @return the new time
     */
    public Instant advance(Duration amount) {
        return now.updateAndGet(t -> t.plus(amount));
    }

    /**
     * Sets the time.
     *
     * @param value the new time
     */
    public void set(Instant value) {
        now.set(Objects.requireNonNull(value, "value"));
    }

    @Override
    public Instant instant() {
        return now.get();
    }

    @Override
    public ZoneId getZone() {
        return zone;
    }

    /**
     * A view of the same moving time in another zone.
     *
     * @param value the zone
     * @return a clock sharing this one's time
     */
    @Override
    public Clock withZone(ZoneId value) {
        return new TestClock(now, value);
    }

    @Override
    public String toString() {
        return "TestClock[" + now.get() + "]";
    }
}
