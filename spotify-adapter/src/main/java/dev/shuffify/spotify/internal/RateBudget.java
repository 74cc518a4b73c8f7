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
 * <p>A 429 from the service slows the whole application: every account waits out the {@code Retry-After}, and
 * the budget is halved (once per episode: 429s arriving during that pause answer calls already in flight); it
 * doubles back, up to the configured capacity, after each full window without a 429.
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
        int active = activeAccounts();
        int share = Math.max(1, (effectiveCapacity + active - 1) / active);
        int mine = held.getOrDefault(account, 0);
        boolean othersWaiting = waiting.keySet().stream().anyMatch(a -> !a.equals(account));
        if (grants.size() < effectiveCapacity && (mine < share || !othersWaiting)) {
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
     * The service answered 429: pause every account for the hint and halve the budget, once per episode. The
     * 429s that answer calls already in flight when the first one came (they arrive during its pause) extend the
     * pause but do not halve the budget again; halving per answer would ratchet the budget down to nothing.
     *
     * @param retryAfter the service's hint; null or zero for none
     */
    public synchronized void onRateLimited(Duration retryAfter) {
        Instant now = clock.instant();
        boolean sameEpisode = now.isBefore(pausedUntil);
        if (retryAfter != null && !retryAfter.isNegative()) {
            Instant until = now.plus(retryAfter);
            if (until.isAfter(pausedUntil)) {
                pausedUntil = until;
            }
        }
        if (!sameEpisode) {
            effectiveCapacity = Math.max(1, effectiveCapacity / 2);
            lastAdjusted = now;
        }
    }

    /** @return the current budget per window (lower than the configured one after a 429) */
    public synchronized int effectiveCapacity() {
        return effectiveCapacity;
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
