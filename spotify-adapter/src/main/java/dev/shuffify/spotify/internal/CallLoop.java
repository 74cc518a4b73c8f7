package dev.shuffify.spotify.internal;

import dev.shuffify.spotify.Sleeper;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.random.RandomGenerator;
import org.apache.hc.core5.http.ParseException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import se.michaelthelin.spotify.exceptions.SpotifyWebApiException;

/**
 * The retry policy of one call: 429 waits for {@code Retry-After} (capped, and never past the deadline) once —
 * the pause it puts on the application's budget ends at the same instant, so the retry's budget slot adds no
 * second wait; 5xx and I/O errors retry with exponential backoff and full jitter up to {@code maxAttempts}
 * attempts; other 4xx are not retried; a 401 triggers one token refresh and one more try. Before every attempt
 * the application's {@link RateBudget} is asked for a slot. All waits go through the {@link Sleeper}.
 * Thread-safe.
 */
public final class CallLoop {

    private static final Logger LOG = LoggerFactory.getLogger(CallLoop.class);
    private static final Duration DEFAULT_RETRY_AFTER = Duration.ofSeconds(1);

    /** One attempt of a call. */
    @FunctionalInterface
    public interface Attempt<T> {
        /**
         * Runs the attempt.
         *
         * @return the answer
         * @throws IOException on I/O failure
         * @throws SpotifyWebApiException on a non-2xx answer
         * @throws ParseException when the answer cannot be read
         */
        T run() throws IOException, SpotifyWebApiException, ParseException;
    }

    private final int maxAttempts;
    private final Duration baseBackoff;
    private final Duration maxBackoff;
    private final Duration maxRetryAfter;
    private final Clock clock;
    private final Sleeper sleeper;
    private final RandomGenerator random;

    /**
     * Creates a policy.
     *
     * @param maxAttempts most attempts on 5xx / I/O errors
     * @param baseBackoff first backoff step
     * @param maxBackoff cap of a backoff step
     * @param maxRetryAfter longest Retry-After waited for
     * @param clock the clock
     * @param sleeper the sleeper
     * @param random the jitter source
     */
    public CallLoop(int maxAttempts, Duration baseBackoff, Duration maxBackoff, Duration maxRetryAfter, Clock clock,
            Sleeper sleeper, RandomGenerator random) {
        this.maxAttempts = maxAttempts;
        this.baseBackoff = baseBackoff;
        this.maxBackoff = maxBackoff;
        this.maxRetryAfter = maxRetryAfter;
        this.clock = clock;
        this.sleeper = sleeper;
        this.random = random;
    }

    /**
     * Runs a call under the policy.
     *
     * @param what what the call does, for messages ("get playlist items")
     * @param account the account, for the budget
     * @param budget the application's budget, or null for calls outside it (the token endpoint)
     * @param deadline no wait may end after this
     * @param attempt the call
     * @param onUnauthorized run once on the first 401 (refreshes the token), or null to not retry 401
     * @param <T> the answer type
     * @return the answer
     * @throws CallFailure when the policy gives up
     */
    public <T> T run(String what, String account, RateBudget budget, Instant deadline, Attempt<T> attempt,
            Runnable onUnauthorized) {
        return run(what, account, budget, deadline, attempt, onUnauthorized, true);
    }

    /**
     * Runs a call under the policy; a write ({@code repeatable} false) is not retried on a 5xx or an I/O error,
     * which may have come after the service applied it: it fails at once with {@link CallFailure.Kind#UNCERTAIN}.
     * 429 and 401 are retried as for any call (the service did not apply the request).
     *
     * @param what what the call does
     * @param account the account, for the budget
     * @param budget the budget, or null
     * @param deadline no wait may end after this
     * @param attempt the call
     * @param onUnauthorized run once on the first 401, or null
     * @param repeatable whether sending the call again is harmless
     * @param <T> the answer type
     * @return the answer
     * @throws CallFailure when the policy gives up
     */
    public <T> T run(String what, String account, RateBudget budget, Instant deadline, Attempt<T> attempt,
            Runnable onUnauthorized, boolean repeatable) {
        Call call = new Call(what, budget, deadline, onUnauthorized, repeatable);
        Tries tries = new Tries();
        while (true) {
            if (budget != null) {
                awaitBudget(what, account, budget, deadline);
            }
            tries.attempts++;
            try {
                return attempt.run();
            } catch (ServiceHttpException e) {
                onServiceError(call, tries, e);
            } catch (IOException e) {
                onIoError(call, tries, e);
            } catch (SpotifyWebApiException | ParseException | RuntimeException e) {
                throw unreadable(what, tries.attempts, e);
            }
        }
    }

    /** What one {@code run} was asked to do; the same for all its attempts. */
    private record Call(String what, RateBudget budget, Instant deadline, Runnable onUnauthorized,
            boolean repeatable) {
    }

    /** The count of one {@code run}'s attempts so far. */
    private static final class Tries {
        /** Attempts sent, of any outcome. */
        int attempts;
        /** Attempts that failed with a 5xx or an I/O error. */
        int failed;
        /** Whether the one token refresh on a 401 was spent. */
        boolean reauthorized;
    }

    /** Returns when the call is to be tried again (after any wait); throws when the policy gives up. */
    private void onServiceError(Call call, Tries tries, ServiceHttpException e) {
        int status = e.status();
        if (status == 401 && call.onUnauthorized() != null && !tries.reauthorized) {
            tries.reauthorized = true;
            LOG.debug("{}: 401, refreshing the access token once", call.what());
            call.onUnauthorized().run();
            return;
        }
        if (status == 429) {
            awaitRetryAfter(call, tries.attempts, e);
            return;
        }
        if (status >= 500 && !call.repeatable()) {
            throw new CallFailure(CallFailure.Kind.UNCERTAIN, status, null, tries.attempts, null,
                    call.what() + " failed with " + e.getMessage() + "; the service may have applied it", e);
        }
        if (status >= 500) {
            tries.failed++;
            backoffOrFail(call.what(), tries.failed, tries.attempts, call.deadline(), status, e);
            return;
        }
        throw new CallFailure(CallFailure.Kind.REJECTED, status, null, tries.attempts, e.errorCode(),
                call.what() + " was rejected: " + e.getMessage(), e);
    }

    /** Waits out a 429's {@code Retry-After} (pausing the budget as long), or fails when it is too long. */
    private void awaitRetryAfter(Call call, int attempts, ServiceHttpException e) {
        int status = e.status();
        String what = call.what();
        Duration wait = e.retryAfter() == null ? DEFAULT_RETRY_AFTER : e.retryAfter();
        if (call.budget() != null) {
            call.budget().onRateLimited(wait);
        }
        if (wait.compareTo(maxRetryAfter) > 0) {
            throw new CallFailure(CallFailure.Kind.RATE_LIMITED, status, wait, attempts, null,
                    what + " was rate limited (HTTP 429) with Retry-After " + wait.toSeconds()
                            + " s, longer than the configured cap of " + maxRetryAfter.toSeconds() + " s",
                    e);
        }
        if (clock.instant().plus(wait).isAfter(call.deadline())) {
            throw new CallFailure(CallFailure.Kind.RATE_LIMITED, status, wait, attempts, null,
                    what + " was rate limited (HTTP 429) and waiting " + wait.toSeconds()
                            + " s would pass the job's deadline", e);
        }
        LOG.info("{}: rate limited (429), waiting {} ms as asked", what, wait.toMillis());
        sleep(what, wait, attempts);
    }

    /** Returns when the call is to be tried again (after the backoff); throws when the policy gives up. */
    private void onIoError(Call call, Tries tries, IOException e) {
        if (!call.repeatable()) {
            throw new CallFailure(CallFailure.Kind.UNCERTAIN, 0, null, tries.attempts, null,
                    call.what() + " failed with an I/O error (" + e.getClass().getSimpleName()
                            + "); the service may have applied it", e);
        }
        tries.failed++;
        backoffOrFail(call.what(), tries.failed, tries.attempts, call.deadline(), 0, e);
    }

    /**
     * The failure to throw for an answer that could not be read; a {@link CallFailure} or another Shuffify
     * exception from the attempt is passed on as it is.
     */
    private static RuntimeException unreadable(String what, int attempts, Exception e) {
        if (e instanceof CallFailure failure) {
            return failure;
        }
        if (e instanceof dev.shuffify.error.ShuffifyException shuffify) {
            return shuffify;
        }
        return new CallFailure(CallFailure.Kind.UNREADABLE, 0, null, attempts, null,
                what + " returned an answer that could not be read (" + e.getClass().getSimpleName() + ")", e);
    }

    /**
     * Waits before attempt {@code failedAttempts + 1} of a write whose earlier attempts did not apply, or gives up.
     *
     * @param what what the call does
     * @param failedAttempts the attempts that failed so far
     * @param deadline no wait may end after this
     * @param last the last failure
     * @throws CallFailure ({@link CallFailure.Kind#EXHAUSTED}) when no attempt is left or the wait would pass the
     *     deadline
     */
    public void backoffBeforeResend(String what, int failedAttempts, Instant deadline, CallFailure last) {
        backoffOrFail(what, failedAttempts, last.attempts(), deadline, last.status(),
                last.getCause() instanceof Exception cause ? cause : last);
    }

    private void backoffOrFail(String what, int failedAttempts, int attempts, Instant deadline, int status,
            Exception cause) {
        String failure = status == 0 ? "I/O error (" + cause.getClass().getSimpleName() + ")"
                : cause instanceof ServiceHttpException http ? http.getMessage() : "HTTP " + status;
        if (failedAttempts >= maxAttempts) {
            throw new CallFailure(CallFailure.Kind.EXHAUSTED, status, null, attempts, null,
                    what + " failed " + failedAttempts + " times, last with " + failure + "; giving up", cause);
        }
        long ceiling = Math.min(maxBackoff.toMillis(), baseBackoff.toMillis() << Math.min(30, failedAttempts - 1));
        Duration wait = Duration.ofMillis(random.nextLong(ceiling + 1));
        if (clock.instant().plus(wait).isAfter(deadline)) {
            throw new CallFailure(CallFailure.Kind.EXHAUSTED, status, null, attempts, null,
                    what + " failed with " + failure + " and the next retry would pass the job's deadline", cause);
        }
        LOG.info("{}: {} on attempt {}, retrying in {} ms", what, failure, failedAttempts, wait.toMillis());
        sleep(what, wait, attempts);
    }

    private void awaitBudget(String what, String account, RateBudget budget, Instant deadline) {
        while (true) {
            Duration wait = budget.tryAcquire(account);
            if (wait.isZero()) {
                return;
            }
            if (clock.instant().plus(wait).isAfter(deadline)) {
                budget.withdraw(account);
                throw new CallFailure(CallFailure.Kind.RATE_LIMITED, 0, wait, 0, null,
                        what + " could not get a slot of the application's request budget before the job's deadline",
                        null);
            }
            try {
                sleep(what, wait, 0);
            } catch (CallFailure interrupted) {
                budget.withdraw(account);
                throw interrupted;
            }
        }
    }

    private void sleep(String what, Duration wait, int attempts) {
        try {
            sleeper.sleep(wait);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CallFailure(CallFailure.Kind.INTERRUPTED, 0, null, attempts, null,
                    what + " was interrupted while waiting to retry", e);
        }
    }
}
