package dev.shuffify.spotify.internal;

import java.io.Serial;
import java.time.Duration;

/**
 * Why a call finally failed after the retry policy gave up. Internal: {@link ServiceCaller} turns it into the
 * core's exception types. The message never holds a token.
 */
public final class CallFailure extends RuntimeException {
    @Serial
    private static final long serialVersionUID = 1L;

    /** The kinds of final failure. */
    public enum Kind {
        /** 429 not waited for (hint over the cap, or past the deadline), or the budget wait would pass it. */
        RATE_LIMITED,
        /** 5xx or I/O errors on every allowed attempt, or the next backoff would pass the deadline. */
        EXHAUSTED,
        /** A 4xx answer that is not retried (or a 401 that survived one token refresh). */
        REJECTED,
        /** The answer could not be read. */
        UNREADABLE,
        /** The waiting thread was interrupted. */
        INTERRUPTED,
        /**
         * A write answered 5xx or failed with an I/O error (timeout, dropped connection): the service may have
         * applied it. Never re-sent blindly; the caller re-reads to learn the outcome.
         */
        UNCERTAIN
    }

    private final Kind kind;
    private final int status;
    private final transient Duration retryAfter;
    private final int attempts;
    private final String errorCode;
    private final String serviceMessage;

    CallFailure(Kind kind, int status, Duration retryAfter, int attempts, String errorCode, String message,
            Throwable cause) {
        super(message, cause);
        this.serviceMessage = cause instanceof ServiceHttpException http ? http.serviceMessage() : null;
        this.kind = kind;
        this.status = status;
        this.retryAfter = retryAfter;
        this.attempts = attempts;
        this.errorCode = errorCode;
    }

    /** @return the kind */
    public Kind kind() {
        return kind;
    }

    /** @return the last HTTP status, 0 for I/O errors */
    public int status() {
        return status;
    }

    /** @return the last Retry-After hint, or null */
    public Duration retryAfter() {
        return retryAfter;
    }

    /** @return the attempts made */
    public int attempts() {
        return attempts;
    }

    /** @return the service's own message of the last answer, or null */
    public String serviceMessage() {
        return serviceMessage;
    }

    /** @return the OAuth error code of an accounts-service answer, or null */
    public String errorCode() {
        return errorCode;
    }
}
