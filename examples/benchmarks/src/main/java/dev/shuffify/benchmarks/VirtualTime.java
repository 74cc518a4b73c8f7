package dev.shuffify.benchmarks;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.PriorityQueue;

/**
 * A simulated clock shared by several threads (conservative discrete-event time): time stands still while any
 * participant thread works, and when every participant is asleep it jumps to the earliest wake-up. A thread
 * that waits for a rate budget, a {@code Retry-After} or a backoff sleeps through {@link #sleeper()}, so an
 * hour of rate-limited traffic runs in the seconds its real work takes, and the waits are exact.
 *
 * <p>Participants register with {@link #join()} and leave with {@link #leave()}; a thread that is not a
 * participant must not sleep on this clock.
 */
public final class VirtualTime extends SharedTime {
    private Instant now;
    private int participants;
    private int asleep;
    private final PriorityQueue<Instant> wakeups = new PriorityQueue<>();

    /**
     * A clock at {@code start}.
     *
     * @param start the first instant
     */
    public VirtualTime(Instant start) {
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

    /** The calling thread takes part: time will not move while it works. */
    @Override
    public synchronized void join() {
        participants++;
    }

    /** The calling thread stops taking part. */
    @Override
    public synchronized void leave() {
        participants--;
        advanceIfAllAsleep();
    }

    /**
     * Moves time forward by hand (only while no participant sleeps, e.g. between phases).
     *
     * @param duration how far
     */
    @Override
    public synchronized void advance(Duration duration) {
        now = now.plus(duration);
        notifyAll();
    }

    /**
     * Sleeps the calling participant for {@code duration} of simulated time.
     *
     * @param duration how long
     * @throws InterruptedException when interrupted
     */
    @Override
    public synchronized void sleep(Duration duration) throws InterruptedException {
        Instant wake = now.plus(duration.isNegative() ? Duration.ZERO : duration);
        wakeups.add(wake);
        asleep++;
        try {
            advanceIfAllAsleep();
            while (now.isBefore(wake)) {
                wait();
            }
        } finally {
            asleep--;
            wakeups.remove(wake);
        }
    }

    /**
     * Sleeps until {@code when} (returns at once when it has passed).
     *
     * @param when the instant
     * @throws InterruptedException when interrupted
     */
    public void sleepUntil(Instant when) throws InterruptedException {
        sleep(Duration.between(instant(), when));
    }

    private void advanceIfAllAsleep() {
        if (participants > 0 && asleep >= participants && !wakeups.isEmpty()) {
            Instant next = wakeups.peek();
            if (next.isAfter(now)) {
                now = next;
            }
            notifyAll();
        }
    }
}
