package dev.shuffify.internal.timing;

import dev.shuffify.model.Schedule;
import dev.shuffify.model.Trigger;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.random.RandomGenerator;

/**
 * The one home of "when does this schedule run next": the only caller of {@link Trigger#nextAfter} and of
 * the jitter. Every slot the scheduler stores comes from here, so a user's resume, an operator's resume, a
 * recovery and a run's end agree.
 *
 * <ul>
 *   <li>a slot the trigger gives is delayed by a random jitter in {@code [0, jitter]} (none when zero);</li>
 *   <li>a manual run keeps the schedule's next slot;</li>
 *   <li>a paused schedule has no next run;</li>
 *   <li>a resumed schedule keeps a future slot and otherwise takes the trigger's next one after now (missed
 *       slots are not replayed).</li>
 * </ul>
 */
public final class NextRun {

    private final Duration jitter;
    private final RandomGenerator random;

    /**
     * @param jitter the largest random delay added to a slot; zero for none
     * @param random the source of the jitter
     */
    public NextRun(Duration jitter, RandomGenerator random) {
        this.jitter = Objects.requireNonNull(jitter, "jitter");
        this.random = Objects.requireNonNull(random, "random");
    }

    /**
     * @param trigger the schedule's trigger
     * @param after the instant the slot must come after
     * @return the trigger's first slot strictly after {@code after}, without jitter; null when it has none
     */
    public Instant slotAfter(Trigger trigger, Instant after) {
        return trigger.nextAfter(after).orElse(null);
    }

    /**
     * @param trigger the schedule's trigger
     * @param after the instant the slot must come after
     * @return the next slot after {@code after} with jitter added; null when the trigger has none
     */
    public Instant after(Trigger trigger, Instant after) {
        return jittered(slotAfter(trigger, after));
    }

    /**
     * @param trigger the trigger of a schedule being created or changed
     * @param enabled whether the schedule is enabled
     * @param now the current instant
     * @return its first next run: none when disabled
     */
    public Instant first(Trigger trigger, boolean enabled, Instant now) {
        return enabled ? after(trigger, now) : null;
    }

    /**
     * @param schedule a schedule being resumed
     * @param now the current instant
     * @return its stored next run when still in the future, else the next slot after now
     */
    public Instant resumed(Schedule schedule, Instant now) {
        Instant stored = schedule.nextRunAt();
        return stored != null && stored.isAfter(now) ? stored : after(schedule.trigger(), now);
    }

    /**
     * @param current the schedule as stored when a run ended
     * @param end when the run ended
     * @param manual whether the run was started by hand (it keeps the schedule's slot)
     * @param retryAt the retry's instant when the run is retried, else null
     * @return the schedule's next run after this run
     */
    public Instant afterRun(Schedule current, Instant end, boolean manual, Instant retryAt) {
        if (!current.enabled()) {
            return null; // a paused schedule stays without a next run
        }
        if (manual && current.nextRunAt() != null) {
            return current.nextRunAt();
        }
        if (retryAt != null) {
            return retryAt;
        }
        Instant next = slotAfter(current.trigger(), end);
        return manual ? next : jittered(next);
    }

    /**
     * @param next a slot, or null
     * @return the slot delayed by a random jitter, or null
     */
    public Instant jittered(Instant next) {
        if (next == null || jitter.isZero()) {
            return next;
        }
        long offset;
        synchronized (random) {
            offset = random.nextLong(jitter.toMillis() + 1);
        }
        return next.plusMillis(offset);
    }

    /** @return whether slots get a jitter */
    public boolean jitters() {
        return !jitter.isZero();
    }
}
