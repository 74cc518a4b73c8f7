package dev.shuffify.spotify.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.shuffify.spotify.fake.ManualClock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RateBudgetTest {

    private static final Duration WINDOW = Duration.ofSeconds(30);

    /** A client of the budget in the simulation: wants {@code calls} calls, the first at {@code start}. */
    private static final class Client {
        final String name;
        final List<Instant> wantsAt;
        int next;
        Instant retryAt;
        final List<Duration> waits = new ArrayList<>();
        final List<Instant> granted = new ArrayList<>();

        Client(String name, List<Instant> wantsAt) {
            this.name = name;
            this.wantsAt = wantsAt;
            this.retryAt = wantsAt.isEmpty() ? null : wantsAt.get(0);
        }
    }

    /**
     * Runs clients against a budget on a manual clock: each asks at its time; denied, it asks again after the
     * wait the budget named; ties go to the client listed first (the busy one, the worst case for fairness).
     */
    private static void simulate(RateBudget budget, ManualClock clock, List<Client> clients) {
        for (int step = 0; step < 100_000; step++) {
            Client due = null;
            for (Client c : clients) {
                if (c.retryAt != null && (due == null || c.retryAt.isBefore(due.retryAt))) {
                    due = c;
                }
            }
            if (due == null) {
                return;
            }
            if (due.retryAt.isAfter(clock.instant())) {
                clock.advance(Duration.between(clock.instant(), due.retryAt));
            }
            Duration wait = budget.tryAcquire(due.name);
            if (wait.isZero()) {
                Instant asked = due.wantsAt.get(due.next);
                due.waits.add(Duration.between(asked, clock.instant()));
                due.granted.add(clock.instant());
                due.next++;
                due.retryAt = due.next < due.wantsAt.size() ? max(due.wantsAt.get(due.next), clock.instant()) : null;
            } else {
                due.retryAt = clock.instant().plus(wait);
            }
        }
        throw new AssertionError("simulation did not finish");
    }

    private static Instant max(Instant a, Instant b) {
        return a.isAfter(b) ? a : b;
    }

    private static List<Instant> at(Instant start, int count, Duration every) {
        List<Instant> out = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            out.add(start.plus(every.multipliedBy(i)));
        }
        return out;
    }

    @Test
    void aBusyAccountCannotStarveAQuietOne() {
        Instant t0 = Instant.parse("2026-06-01T10:00:00Z");
        ManualClock clock = new ManualClock(t0);
        RateBudget budget = new RateBudget(10, WINDOW, clock);
        Client busy = new Client("busy", at(t0, 200, Duration.ZERO));
        Client quiet = new Client("quiet", at(t0.plusSeconds(5), 6, Duration.ofSeconds(35)));

        simulate(budget, clock, List.of(busy, quiet));

        System.out.printf("fairness: quiet waits %s; busy done after %s%n", quiet.waits,
                Duration.between(t0, busy.granted.get(busy.granted.size() - 1)));
        assertThat(quiet.granted).hasSize(6);
        assertThat(quiet.waits).allSatisfy(w -> assertThat(w).isLessThanOrEqualTo(WINDOW));
        assertThat(busy.granted).hasSize(200);
        // the budget is never exceeded in any rolling window …
        List<Instant> all = new ArrayList<>(busy.granted);
        all.addAll(quiet.granted);
        all.sort(null);
        for (int i = 10; i < all.size(); i++) {
            assertThat(Duration.between(all.get(i - 10), all.get(i))).isGreaterThanOrEqualTo(WINDOW);
        }
        // … and it is work-conserving: 206 calls at 10 per 30 s need 21 window starts (0 s … 600 s); the budget
        // finishes within one more window, so the busy account is slowed only by the quiet one's calls
        assertThat(Duration.between(t0, all.get(all.size() - 1))).isGreaterThanOrEqualTo(WINDOW.multipliedBy(20))
                .isLessThan(WINDOW.multipliedBy(21));
    }

    @Test
    void twoBusyAccountsShareTheBudgetEvenly() {
        Instant t0 = Instant.parse("2026-06-01T10:00:00Z");
        ManualClock clock = new ManualClock(t0);
        RateBudget budget = new RateBudget(10, WINDOW, clock);
        Client first = new Client("first", at(t0, 100, Duration.ZERO));
        Client second = new Client("second", at(t0, 100, Duration.ZERO));

        simulate(budget, clock, List.of(first, second));

        Map<String, Integer> inWindows2to6 = new HashMap<>();
        Instant from = t0.plus(WINDOW);
        Instant to = t0.plus(WINDOW.multipliedBy(6));
        for (Client c : List.of(first, second)) {
            inWindows2to6.put(c.name, (int) c.granted.stream()
                    .filter(g -> !g.isBefore(from) && g.isBefore(to)).count());
        }
        assertThat(inWindows2to6).containsEntry("first", 25).containsEntry("second", 25);
    }

    @Test
    void anIsolated429PausesEveryAccountForExactlyTheHintAndKeepsTheBudget() {
        Instant t0 = Instant.parse("2026-06-01T10:00:00Z");
        ManualClock clock = new ManualClock(t0);
        RateBudget budget = new RateBudget(10, WINDOW, clock);
        assertThat(budget.tryAcquire("a")).isZero();

        budget.onRateLimited(Duration.ofSeconds(12));

        // every account waits, and is told to wait exactly until the hint runs out: no more, no less
        assertThat(budget.tryAcquire("a")).isEqualTo(Duration.ofSeconds(12));
        clock.advance(Duration.ofSeconds(5));
        assertThat(budget.tryAcquire("b")).isEqualTo(Duration.ofSeconds(7));
        clock.advance(Duration.ofSeconds(7).minusNanos(1));
        assertThat(budget.tryAcquire("b")).isEqualTo(Duration.ofNanos(1));
        clock.advance(Duration.ofNanos(1));
        assertThat(budget.tryAcquire("b")).isZero();
        // the pause cost what the service asked; an isolated 429 does not lower the budget as well
        assertThat(budget.effectiveCapacity()).isEqualTo(10);
    }

    @Test
    void afterAPauseTheBudgetRefillsAtItsSteadyRateInsteadOfBursting() {
        Instant t0 = Instant.parse("2026-06-01T10:00:00Z");
        ManualClock clock = new ManualClock(t0);
        RateBudget budget = new RateBudget(10, WINDOW, clock);   // steady rate: one call per 3 s
        budget.onRateLimited(Duration.ofSeconds(10));
        clock.advance(Duration.ofSeconds(10));

        // the window is empty, yet only the first call goes at once; the next slot is one steady step later
        assertThat(budget.tryAcquire("a")).isZero();
        assertThat(budget.tryAcquire("a")).isEqualTo(Duration.ofSeconds(3));
        clock.advance(Duration.ofSeconds(1));
        assertThat(budget.tryAcquire("a")).isEqualTo(Duration.ofSeconds(2));
        clock.advance(Duration.ofSeconds(2));

        // a busy account asking whenever told gets exactly the steady rate for the window after the pause …
        Client busy = new Client("a", at(clock.instant(), 30, Duration.ZERO));
        simulate(budget, clock, List.of(busy));
        Instant resumed = t0.plusSeconds(10);
        long inFirstWindow = busy.granted.stream().filter(g -> g.isBefore(resumed.plus(WINDOW))).count();
        assertThat(inFirstWindow + 1).isEqualTo(10);
        for (int i = 1; i < busy.granted.size(); i++) {
            assertThat(Duration.between(busy.granted.get(i - 1), busy.granted.get(i)))
                    .isGreaterThanOrEqualTo(Duration.ofSeconds(3));
        }
        // … and the budget is never exceeded in any rolling window
        assertNoWindowHoldsMore(busy.granted, 10);
    }

    @Test
    void the429sAnsweringCallsAlreadyInFlightOnlyExtendThePause() {
        Instant t0 = Instant.parse("2026-06-01T10:00:00Z");
        ManualClock clock = new ManualClock(t0);
        RateBudget budget = new RateBudget(16, WINDOW, clock);
        for (int i = 0; i < 4; i++) {
            assertThat(budget.tryAcquire("a")).isZero();
        }

        budget.onRateLimited(Duration.ofSeconds(5));
        clock.advance(Duration.ofMillis(40));
        budget.onRateLimited(Duration.ofSeconds(5));   // answers to the calls sent before the first 429
        budget.onRateLimited(Duration.ofSeconds(1));   // a shorter hint does not shorten the pause

        assertThat(budget.effectiveCapacity()).isEqualTo(16);
        assertThat(budget.tryAcquire("a")).isEqualTo(Duration.ofSeconds(5));
        clock.advance(Duration.ofSeconds(5));
        assertThat(budget.tryAcquire("a")).isZero();
    }

    @Test
    void a429SoonAfterAPauseHalvesTheBudgetUntilAWindowWithoutOnePasses() {
        Instant t0 = Instant.parse("2026-06-01T10:00:00Z");
        ManualClock clock = new ManualClock(t0);
        RateBudget budget = new RateBudget(16, WINDOW, clock);
        budget.onRateLimited(Duration.ofSeconds(5));
        clock.advance(Duration.ofSeconds(5));
        assertThat(budget.tryAcquire("a")).isZero();

        // refused again 20 s after resuming at the steady rate: the service's limit is below the budget
        clock.advance(Duration.ofSeconds(20));
        budget.onRateLimited(Duration.ofSeconds(5));
        assertThat(budget.effectiveCapacity()).isEqualTo(8);
        // and again, just inside one window after that pause ended
        clock.advance(Duration.ofSeconds(5).plus(WINDOW).minusMillis(1));
        budget.onRateLimited(Duration.ofSeconds(5));
        assertThat(budget.effectiveCapacity()).isEqualTo(4);

        // a full window after the last halving without another, the budget doubles, up to the configured one
        clock.advance(Duration.ofSeconds(5).plus(WINDOW));
        budget.tryAcquire("a");
        assertThat(budget.effectiveCapacity()).isEqualTo(8);
        clock.advance(WINDOW);
        budget.tryAcquire("a");
        assertThat(budget.effectiveCapacity()).isEqualTo(16);
        clock.advance(WINDOW);
        budget.tryAcquire("a");
        assertThat(budget.effectiveCapacity()).isEqualTo(16);

        // a 429 more than a window after the last pause ended is isolated again: no halving
        clock.advance(WINDOW);
        budget.onRateLimited(Duration.ofSeconds(5));
        assertThat(budget.effectiveCapacity()).isEqualTo(16);
    }

    @Test
    void waitingAccountsOverTheirShareDoNotHoldBackAFreeSlot() {
        Instant t0 = Instant.parse("2026-06-01T10:00:00Z");
        ManualClock clock = new ManualClock(t0);
        RateBudget budget = new RateBudget(12, WINDOW, clock);
        assertThat(budget.tryAcquire("d")).isZero();   // two quiet accounts, one call each
        assertThat(budget.tryAcquire("e")).isZero();
        for (int i = 0; i < 4; i++) {
            assertThat(budget.tryAcquire("a")).isZero();
        }
        for (int i = 0; i < 3; i++) {
            assertThat(budget.tryAcquire("b")).isZero();
        }
        assertThat(budget.tryAcquire("a")).isZero();   // over its share (3 of 12 for 4), but nobody waits
        budget.onRateLimited(Duration.ofSeconds(1));
        for (String account : List.of("a", "b", "c")) {
            assertThat(budget.tryAcquire(account)).isPositive();   // all three wait through the pause
        }
        clock.advance(Duration.ofSeconds(1));

        // a waiting account under its share ("c", none of 3) is served before one over it ("a", 5) …
        assertThat(budget.tryAcquire("a")).isPositive();
        assertThat(budget.tryAcquire("c")).isZero();
        // … but one over its share ("b", 3 of 3) does not hold the next slot back from another ("a")
        clock.advance(Duration.ofMillis(2500));
        assertThat(budget.tryAcquire("a")).isZero();
        assertThat(budget.inWindow()).isEqualTo(12);
    }

    @Test
    void underA429AMinuteBusyAccountsGetTheBudgetOfEveryUnpausedSecond() {
        Instant t0 = Instant.parse("2026-06-01T10:00:00Z");
        ManualClock clock = new ManualClock(t0);
        RateBudget budget = new RateBudget(150, WINDOW, clock);
        List<String> accounts = List.of("a", "b", "c", "d");
        Map<String, Instant> askAt = new HashMap<>();
        accounts.forEach(a -> askAt.put(a, t0));
        List<Instant> granted = new ArrayList<>();
        Instant end = t0.plus(Duration.ofMinutes(10));
        Instant nextInjection = t0.plusSeconds(30);
        Duration paused = Duration.ZERO;
        while (true) {
            String next = accounts.stream().min((x, y) -> askAt.get(x).compareTo(askAt.get(y))).orElseThrow();
            Instant at = askAt.get(next);
            if (!at.isBefore(end)) {
                break;
            }
            if (at.isAfter(clock.instant())) {
                clock.advance(Duration.between(clock.instant(), at));
            }
            Duration wait = budget.tryAcquire(next);
            if (!wait.isZero()) {
                askAt.put(next, clock.instant().plus(wait));
                continue;
            }
            if (!clock.instant().isBefore(nextInjection)) {
                // this call meets the service's 429, as a call of every other account in flight would
                budget.onRateLimited(Duration.ofSeconds(10));
                paused = paused.plusSeconds(10);
                nextInjection = nextInjection.plusSeconds(60);
                askAt.put(next, clock.instant().plusSeconds(10));
                granted.add(clock.instant());
                continue;
            }
            granted.add(clock.instant());
        }

        assertNoWindowHoldsMore(granted, 150);
        // the first window's 150 go at once; after it the budget allows 5 calls a second while not paused
        double allowed = 150 + (Duration.between(t0.plus(WINDOW), end).minus(paused).toMillis() / 1000.0) * 5;
        System.out.printf("a 429 a minute: %d calls in 10 min, %.0f allowed after the pauses (%.1f %%)%n",
                granted.size(), allowed, 100.0 * granted.size() / allowed);
        // (at most one more per pause: the first call after a pause goes at once, then the steady rate)
        int pauses = (int) (paused.toSeconds() / 10);
        assertThat(granted.size()).isLessThanOrEqualTo((int) Math.ceil(allowed) + pauses)
                .isGreaterThanOrEqualTo((int) (0.98 * allowed));
    }

    private static void assertNoWindowHoldsMore(List<Instant> grants, int capacity) {
        List<Instant> all = new ArrayList<>(grants);
        all.sort(null);
        for (int i = capacity; i < all.size(); i++) {
            assertThat(Duration.between(all.get(i - capacity), all.get(i))).isGreaterThanOrEqualTo(WINDOW);
        }
    }
}
