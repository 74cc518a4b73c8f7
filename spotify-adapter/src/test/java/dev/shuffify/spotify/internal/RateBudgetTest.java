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
    void a429PausesEveryAccountAndHalvesTheBudgetUntilAQuietWindowPasses() {
        Instant t0 = Instant.parse("2026-06-01T10:00:00Z");
        ManualClock clock = new ManualClock(t0);
        RateBudget budget = new RateBudget(10, WINDOW, clock);
        assertThat(budget.tryAcquire("a")).isZero();

        budget.onRateLimited(Duration.ofSeconds(12));

        assertThat(budget.tryAcquire("b")).isEqualTo(Duration.ofSeconds(12));
        assertThat(budget.effectiveCapacity()).isEqualTo(5);
        clock.advance(Duration.ofSeconds(12));
        assertThat(budget.tryAcquire("b")).isZero();
        clock.advance(WINDOW);
        assertThat(budget.tryAcquire("b")).isZero();
        assertThat(budget.effectiveCapacity()).isEqualTo(10);
    }

    @Test
    void the429sAnsweringCallsAlreadyInFlightHalveTheBudgetOnlyOnce() {
        Instant t0 = Instant.parse("2026-06-01T10:00:00Z");
        ManualClock clock = new ManualClock(t0);
        RateBudget budget = new RateBudget(16, WINDOW, clock);
        for (int i = 0; i < 4; i++) {
            assertThat(budget.tryAcquire("a")).isZero();
        }

        budget.onRateLimited(Duration.ofSeconds(5));
        clock.advance(Duration.ofMillis(40));
        budget.onRateLimited(Duration.ofSeconds(5));   // answers to the calls sent before the first 429
        budget.onRateLimited(Duration.ofSeconds(5));
        assertThat(budget.effectiveCapacity()).isEqualTo(8);
        assertThat(budget.tryAcquire("a")).isEqualTo(Duration.ofSeconds(5));

        clock.advance(Duration.ofSeconds(5));
        budget.onRateLimited(Duration.ofSeconds(5));   // a new episode after the pause
        assertThat(budget.effectiveCapacity()).isEqualTo(4);
    }
}
