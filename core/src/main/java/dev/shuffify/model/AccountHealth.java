package dev.shuffify.model;

/**
 * The health of a user's music-service account, as seen by the engine.
 *
 * @since 0.1.0
 */
public enum AccountHealth {
    /** Calls succeed. */
    OK,
    /** Recent calls failed; still tried. */
    DEGRADED,
    /** Too many consecutive failures; the account's schedules are skipped until it recovers. */
    QUARANTINED,
    /** The refresh token was revoked; the user must log in again. */
    NEEDS_LOGIN
}
