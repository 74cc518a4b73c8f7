package dev.shuffify.spotify.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.shuffify.spotify.fake.ManualClock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The 429 rules of one call, on a manual clock whose sleeper advances it (no real waits). */
class CallLoopTest {

    private static final Instant T0 = Instant.parse("2026-06-01T10:00:00Z");
    private static final Duration WINDOW = Duration.ofSeconds(30);

    private final ManualClock clock = new ManualClock(T0);
    private final RateBudget budget = new RateBudget(150, WINDOW, clock);
    private final CallLoop loop = new CallLoop(6, Duration.ofMillis(500), Duration.ofSeconds(30),
            Duration.ofSeconds(60), clock, clock.sleeper(), new Random(1));
    private final List<Instant> sent = new ArrayList<>();

    /** An attempt that is answered 429 with the given hints, then 200. */
    private CallLoop.Attempt<String> answering(String... retryAfters) {
        int[] next = {0};
        return () -> {
            sent.add(clock.instant());
            if (next[0] < retryAfters.length) {
                throw ServiceHttpException.of(429, retryAfters[next[0]++],
                        "{\"error\":{\"status\":429,\"message\":\"API rate limit exceeded\"}}");
            }
            return "ok";
        };
    }

    @Test
    void anHttpDateHintIsWaitedAsLongAsItIsAfterTheAnswersOwnDate() {
        // the answer's clock runs 5 minutes ahead of ours: only the difference of its two dates counts
        int[] answered = {0};
        String answer = loop.run("get playlist", "a", budget, T0.plus(Duration.ofMinutes(15)), () -> {
            sent.add(clock.instant());
            if (answered[0]++ == 0) {
                throw ServiceHttpException.of(429, "Mon, 01 Jun 2026 10:05:12 GMT", "Mon, 01 Jun 2026 10:05:00 GMT",
                        "{\"error\":{\"status\":429,\"message\":\"API rate limit exceeded\"}}", null);
            }
            return "ok";
        }, null);

        assertThat(answer).isEqualTo("ok");
        assertThat(sent).containsExactly(T0, T0.plusSeconds(12));
    }

    @Test
    void retryAfterIsReadAsSecondsOrAsADateAgainstTheAnswersDate() {
        String date = "Mon, 01 Jun 2026 10:00:00 GMT";
        assertThat(ServiceHttpException.parseRetryAfter("7", null)).isEqualTo(Duration.ofSeconds(7));
        assertThat(ServiceHttpException.parseRetryAfter(" 7 ", date)).isEqualTo(Duration.ofSeconds(7));
        assertThat(ServiceHttpException.parseRetryAfter("Mon, 01 Jun 2026 10:01:30 GMT", date))
                .isEqualTo(Duration.ofSeconds(90));
        assertThat(ServiceHttpException.parseRetryAfter("Mon, 01 Jun 2026 09:59:00 GMT", date))
                .as("a date already past: no wait").isZero();
        assertThat(ServiceHttpException.parseRetryAfter("Mon, 01 Jun 2026 10:01:30 GMT", null))
                .as("no Date to read it against: the default applies").isNull();
        assertThat(ServiceHttpException.parseRetryAfter("soon", date)).isNull();
        assertThat(ServiceHttpException.parseRetryAfter("-3", date)).isNull();
        assertThat(ServiceHttpException.parseRetryAfter(null, date)).isNull();
    }

    @Test
    void theCallThatMetThe429WaitsTheHintOnceAndRetriesTheMomentItRunsOut() {
        String answer = loop.run("get playlist", "a", budget, T0.plus(Duration.ofMinutes(15)), answering("10"),
                null);

        assertThat(answer).isEqualTo("ok");
        assertThat(sent).containsExactly(T0, T0.plusSeconds(10));
        // one wait of exactly the hint: not the hint and then the budget's pause again on top
        assertThat(clock.sleeps()).containsExactly(Duration.ofSeconds(10));
        assertThat(budget.effectiveCapacity()).isEqualTo(150);
    }

    @Test
    void anotherAccountsCallDuringThePauseGoesWhenTheHintRunsOutNotBefore() {
        // account a's call met a 429 with Retry-After 10; account b asks 3 s into the pause
        ManualClock clock2 = new ManualClock(T0);
        RateBudget shared = new RateBudget(150, WINDOW, clock2);
        CallLoop loop2 = new CallLoop(6, Duration.ofMillis(500), Duration.ofSeconds(30), Duration.ofSeconds(60),
                clock2, clock2.sleeper(), new Random(1));
        assertThat(shared.tryAcquire("a")).isZero();
        shared.onRateLimited(Duration.ofSeconds(10));
        clock2.advance(Duration.ofSeconds(3));
        List<Instant> bSent = new ArrayList<>();

        loop2.run("get playlist", "b", shared, T0.plus(Duration.ofMinutes(15)), () -> {
            bSent.add(clock2.instant());
            return "ok";
        }, null);

        assertThat(bSent).containsExactly(T0.plusSeconds(10));
        assertThat(clock2.sleeps()).containsExactly(Duration.ofSeconds(7));
    }

    @Test
    void aMissingHintWaitsOneSecondAndAHintPastTheCapFailsWithoutASecondRequest() {
        loop.run("get playlist", "a", budget, T0.plus(Duration.ofMinutes(15)), answering((String) null), null);
        assertThat(sent).containsExactly(T0, T0.plusSeconds(1));

        sent.clear();
        clock.clearSleeps();
        assertThatThrownBy(() -> loop.run("get playlist", "a", budget, T0.plus(Duration.ofMinutes(15)),
                answering("3600"), null))
                .isInstanceOf(CallFailure.class)
                .hasMessageContaining("Retry-After 3600 s, longer than the configured cap of 60 s");
        assertThat(sent).hasSize(1);
        // the whole application still keeps out of the service for the hint
        Instant now = clock.instant();
        assertThat(budget.tryAcquire("b")).isEqualTo(Duration.ofSeconds(3600));
        assertThat(now).isEqualTo(clock.instant());
    }

    @Test
    void aCallThatGivesUpWaitingForTheBudgetNoLongerCountsAsWaiting() {
        RateBudget small = new RateBudget(6, WINDOW, clock);
        assertThat(small.tryAcquire("quiet")).isZero();
        for (int i = 0; i < 3; i++) {
            assertThat(small.tryAcquire("busy")).isZero();
        }
        small.onRateLimited(Duration.ofSeconds(20));
        // "quiet" (under its share) cannot wait 20 s before its job's deadline: it gives up
        assertThatThrownBy(() -> loop.run("get playlist", "quiet", small, clock.instant().plusSeconds(5),
                answering(), null))
                .isInstanceOf(CallFailure.class)
                .hasMessageContaining("before the job's deadline");
        clock.advance(Duration.ofSeconds(20));

        // it no longer holds a free slot back from "busy", which is over its share (3 of 6 for two)
        assertThat(small.tryAcquire("busy")).isZero();
    }
}
