package dev.shuffify.model;

import java.time.Instant;
import java.util.Objects;

/**
 * A user's stored music-service credentials and health. The refresh token is stored encrypted; the core
 * never sees it in clear.
 *
 * @param userId the host-side user id; never blank
 * @param encryptedRefreshToken the ciphertext (AES-GCM by the adapter); may be null when the user never logged
 *     in
 * @param health the account's health; never null
 * @param consecutiveFailures failures since the last success
 * @param reason why the account is not OK; may be null
 * @param updatedAt last change; never null
 * @since 0.1.0
 */
public record Account(String userId, byte[] encryptedRefreshToken, AccountHealth health, int consecutiveFailures,
        String reason, Instant updatedAt) {

    /**
     * Validates and copies the token bytes.
     *
     * @param userId the host-side user id; never blank
     * @param encryptedRefreshToken the ciphertext (AES-GCM by the adapter); may be null when the user never logged
     *     in
     * @param health the account's health; never null
     * @param consecutiveFailures failures since the last success
     * @param reason why the account is not OK; may be null
     * @param updatedAt last change; never null
     */
    public Account {
        Objects.requireNonNull(userId, "userId");
        Objects.requireNonNull(health, "health");
        Objects.requireNonNull(updatedAt, "updatedAt");
        encryptedRefreshToken = encryptedRefreshToken == null ? null : encryptedRefreshToken.clone();
    }

    /**
     * The encrypted refresh token, as a copy (the record keeps its own).
     *
     * @return a copy of the ciphertext, or null when the user never logged in
     */
    @Override
    public byte[] encryptedRefreshToken() {
        return encryptedRefreshToken == null ? null : encryptedRefreshToken.clone();
    }

    /**
     * Whether this account's health equals another's: the health, the consecutive failures and the reason (the
     * token and the update time aside).
     *
     * @param other another account
     * @return whether the healths are equal
     * @since 0.3.0
     */
    public boolean sameHealthAs(Account other) {
        return health == other.health && consecutiveFailures == other.consecutiveFailures
                && Objects.equals(reason, other.reason);
    }

    /**
     * This account with another's health, consecutive failures, reason and update time, and this one's token.
     *
     * @param other the account whose health to take
     * @return the account
     * @since 0.3.0
     */
    public Account withHealthOf(Account other) {
        return new Account(userId, encryptedRefreshToken, other.health, other.consecutiveFailures, other.reason,
                other.updatedAt);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Account a && userId.equals(a.userId)
                && java.util.Arrays.equals(encryptedRefreshToken, a.encryptedRefreshToken) && health == a.health
                && consecutiveFailures == a.consecutiveFailures && Objects.equals(reason, a.reason)
                && updatedAt.equals(a.updatedAt);
    }

    @Override
    public int hashCode() {
        return Objects.hash(userId, java.util.Arrays.hashCode(encryptedRefreshToken), health, consecutiveFailures,
                reason, updatedAt);
    }

    @Override
    public String toString() {
        return "Account[userId=" + userId + ", health=" + health + ", consecutiveFailures=" + consecutiveFailures
                + ", reason=" + reason + ", updatedAt=" + updatedAt + ", token=" + (encryptedRefreshToken == null
                ? "none" : "<encrypted>") + "]";
    }
}
