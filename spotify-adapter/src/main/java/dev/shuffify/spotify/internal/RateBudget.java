package dev.shuffify.spotify.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * One application's request budget: at most {@code capacity} grants in any rolling window (the service counts
 * calls per client id over 30 s), shared fairly between accounts.
 *
 * <p>Fairness: an account that already holds its share of the window ({@code capacity / active accounts}) gets a
 * free slot only when no other account is waiting for one, so a busy account uses the whole budget when alone
 * (the budget is work-conserving) but cannot starve a quiet one: when a slot frees up, a waiting account under
 * its share takes it first.
 *
 * <p>A 429 from the service pauses the whole application (Spotify counts calls per client id, not per user): every
 * account waits out the {@code Retry-After}; the 429s that answer calls already in flight when the first one came
 * (they arrive during its pause) only extend the pause. The rules after the pause:
 * <ul>
 * <li><b>No burst.</b> For one window after the pause the grants are paced at the budget's steady rate
 * ({@code capacity / window}, the first at once) instead of handing out at once every slot the pause left
 * unused: the service's window still holds the calls that met the 429, and filling it up again in one go would
 * bring back the count the service just refused.</li>
 * <li><b>Slower only on evidence.</b> An isolated 429 (the service's hint is the measure of what it wants) does
 * not lower the budget: the pause and the pacing already cost what the service asked. A 429 that starts a new
 * episode within one window after the previous pause ended means the service refused the budget's own steady
 * rate: the budget is then halved, and doubles back, up to the configured capacity, after each full window
 * without a halving.</li>
 * </ul>
 * Waiting time is counted once: a paused account is told to wait exactly until the pause ends, and the pause
 * uses up no grant (the window keeps only the calls actually sent, the 429 answers included, since the service
 * counts those too).
 *
 * <p>{@link #tryAcquire(String)} never blocks: it grants ({@link Duration#ZERO}) or says how long to wait before
 * asking again, which keeps the class testable with a test clock. Thread-safe.
 */
public final class RateBudget {

    private record Grant(String account, Instant at) { }

    private final int capacity;
    private final Duration window;
    private final Clock clock;
    private final Deque<Grant> grants = new ArrayDeque<>();
    private final Map<String, Integer> held = new HashMap<>();
    private final Map<String, Instant> lastDemand = new HashMap<>();
    private final Map<String, Instant> waiting = new HashMap<>();
    private int effectiveCapacity;
    private Instant pausedUntil = Instant.MIN;
    private Instant lastAdjusted = Instant.MIN;
    private long rateLimited;

    /**
     * Creates a budget.
     *
     * @param capacity grants per window, at least 1
     * @param window the rolling window
     * @param clock the clock
     */
    public RateBudget(int capacity, Duration window, Clock clock) {
        if (capacity < 1) {
            throw new IllegalArgumentException("capacity must be at least 1");
        }
        this.capacity = capacity;
        this.effectiveCapacity = capacity;
        this.window = window;
        this.clock = clock;
    }

    /**
     * Asks for one call for an account.
     *
     * @param account the account (host-side user id)
     * @return zero when granted (the call may go now), else how long to wait before asking again
     */
    public synchronized Duration tryAcquire(String account) {
        Instant now = clock.instant();
        expire(now);
        recover(now);
        lastDemand.put(account, now);
        if (now.isBefore(pausedUntil)) {
            waiting.put(account, now);
            return Duration.between(now, pausedUntil);
        }
        Duration paced = untilPacedSlot(now);
        if (!paced.isZero()) {
            waiting.put(account, now);
            return paced;
        }
        int active = activeAccounts();
        int share = Math.max(1, (effectiveCapacity + active - 1) / active);
        int mine = held.getOrDefault(account, 0);
        // a slot goes to an account over its share only when no waiting account under its share could take it:
        // waiting accounts that are over their share themselves must not hold it back (the budget would idle)
        boolean othersUnderShareWaiting = waiting.keySet().stream()
                .anyMatch(a -> !a.equals(account) && held.getOrDefault(a, 0) < share);
        if (grants.size() < effectiveCapacity && (mine < share || !othersUnderShareWaiting)) {
            grants.addLast(new Grant(account, now));
            held.merge(account, 1, Integer::sum);
            waiting.remove(account);
            return Duration.ZERO;
        }
        waiting.put(account, now);
        if (grants.size() >= effectiveCapacity) {
            Grant oldest = grants.peekFirst();
            Duration untilFree = Duration.between(now, oldest.at().plus(window));
            return untilFree.isZero() || untilFree.isNegative() ? Duration.ofMillis(1) : untilFree;
        }
        return Duration.ofMillis(Math.max(1, window.toMillis() / effectiveCapacity));
    }

    /**
     * The service answered 429: pause every account until the hint has run out. A 429 that arrives during the
     * pause answers a call already in flight when the first came: it extends the pause if its hint reaches
     * further, nothing else. A 429 that starts a new episode within one window after the previous pause ended
     * halves the budget (the service refused the paced, steady rate); an isolated one does not.
     *
     * @param retryAfter the service's hint; null or zero for none
     */
    public synchronized void onRateLimited(Duration retryAfter) {
        rateLimited++;
        Instant now = clock.instant();
        boolean sameEpisode = now.isBefore(pausedUntil);
        boolean soonAfterThePause = !sameEpisode && pausedUntil != Instant.MIN
                && now.isBefore(pausedUntil.plus(window));
        if (soonAfterThePause) {
            effectiveCapacity = Math.max(1, effectiveCapacity / 2);
            lastAdjusted = now;
        }
        Instant until = retryAfter == null || retryAfter.isNegative() ? now : now.plus(retryAfter);
        if (until.isAfter(pausedUntil)) {
            pausedUntil = until;
        }
    }

    /**
     * An account that was told to wait gives up (its job's deadline, an interrupt): it no longer counts as
     * waiting, so it does not hold slots back from accounts over their share until it would have gone stale.
     *
     * @param account the account
     */
    public synchronized void withdraw(String account) {
        waiting.remove(account);
    }

    /** @return the current budget per window (lower than the configured one after 429s soon after a pause) */
    public synchronized int effectiveCapacity() {
        return effectiveCapacity;
    }

    /** @return the 429 answers reported through {@link #onRateLimited} since this budget was made */
    public synchronized long rateLimitedCount() {
        return rateLimited;
    }

    /** @return the configured budget per window */
    public int capacity() {
        return capacity;
    }

    /**
     * The calls granted in the current window.
     *
     * @return the count
     */
    public synchronized int inWindow() {
        expire(clock.instant());
        return grants.size();
    }

    private void expire(Instant now) {
        Instant horizon = now.minus(window);
        while (!grants.isEmpty() && !grants.peekFirst().at().isAfter(horizon)) {
            Grant g = grants.removeFirst();
            held.computeIfPresent(g.account(), (k, v) -> v <= 1 ? null : v - 1);
        }
        // an account that asked (or was told to wait) within two windows still counts: a denied account asks
        // again at the latest when the oldest grant leaves the window, so it is never forgotten while it waits
        Instant stale = horizon.minus(window);
        lastDemand.values().removeIf(at -> !at.isAfter(stale));
        waiting.values().removeIf(at -> !at.isAfter(stale));
    }

    /**
     * For one window after a pause the grants since it ended are paced at the steady rate: the first at once,
     * then one per {@code window / effectiveCapacity}.
     */
    private Duration untilPacedSlot(Instant now) {
        if (pausedUntil == Instant.MIN || !now.isBefore(pausedUntil.plus(window))) {
            return Duration.ZERO;
        }
        int since = 0;
        for (var it = grants.descendingIterator(); it.hasNext(); ) {
            if (it.next().at().isBefore(pausedUntil)) {
                break;
            }
            since++;
        }
        long windowNanos = window.toNanos();
        long elapsed = Duration.between(pausedUntil, now).toNanos();
        long allowed = 1 + (long) Math.floor((double) elapsed * effectiveCapacity / windowNanos);
        if (since < allowed) {
            return Duration.ZERO;
        }
        long nextAt = (long) Math.ceil((double) since * windowNanos / effectiveCapacity);
        Duration wait = Duration.ofNanos(nextAt - elapsed);
        return wait.isZero() || wait.isNegative() ? Duration.ofNanos(1) : wait;
    }

    private void recover(Instant now) {
        if (effectiveCapacity < capacity && !now.isBefore(lastAdjusted.plus(window))) {
            effectiveCapacity = Math.min(capacity, effectiveCapacity * 2);
            lastAdjusted = now;
        }
    }

    private int activeAccounts() {
        Set<String> active = new HashSet<>(lastDemand.keySet());
        active.addAll(held.keySet());
        return Math.max(1, active.size());
    }
}
