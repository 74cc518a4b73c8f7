package dev.shuffify.spi;

import java.util.Objects;

/**
 * What a music-service adapter observed about a user's account, reported to core through {@link AccountSignals}:
 * core keeps the account's health from these (OK → DEGRADED → QUARANTINED after consecutive failures, back to
 * OK on a success, NEEDS_LOGIN on a revoked token). An adapter never writes health itself.
 *
 * @param userId the host-side user id
 * @param kind what happened
 * @param reason why, for a failure (never a token or a secret); null otherwise
 * @since 0.2.0
 */
public record AccountSignal(String userId, Kind kind, String reason) {

    /** What an adapter observed. */
    public enum Kind {
        /** A write call succeeded. */
        WRITE_SUCCEEDED,
        /** A read call succeeded (it says nothing about a missing write scope). */
        READ_SUCCEEDED,
        /** A call failed for good, after the adapter's retries. */
        CALL_FAILED,
        /** A write was refused because the user's login lacks the write scopes. */
        WRITE_SCOPE_MISSING,
        /** The user's refresh token was revoked: the user must log in again. */
        TOKEN_REVOKED,
        /** The user logged in afresh: health starts over. */
        LOGGED_IN
    }

    /**
     * Validates.
     *
     * @param userId the host-side user id
     * @param kind what happened
     * @param reason why, or null
     */
    public AccountSignal {
        Objects.requireNonNull(userId, "userId");
        Objects.requireNonNull(kind, "kind");
    }
}
