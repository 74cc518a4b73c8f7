package dev.shuffify.model;

import dev.shuffify.model.AccountHealth;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;

/**
 * What {@code Shuffify.operations().health()} found: whether the store answered and how long it took, when the scheduler last
 * polled, the due schedules no node has claimed yet, the claims this node holds, and the accounts by health.
 * Immutable. The music service is never called to make one.
 *
 * <p>When the store does not answer, {@link #storeUp()} is false, {@link #storeError()} says why (the
 * exception's class and message, which never hold a token), and the store's figures ({@link #dueSchedules()},
 * {@link #oldestDueAt()}, {@link #accounts()}) are unknown: zero, null and empty.
 *
 * @param checkedAt when the check was made (the facade's clock); never null
 * @param storeUp whether the store answered the check's queries
 * @param storeLatency how long the store took to answer (or to fail); never null, never negative
 * @param storeError why the store did not answer ({@code ClassName: message}); null when it did
 * @param schedulerRunning whether the scheduler is started and not closed
 * @param lastPollAt when this node's scheduler last polled without a store failure; null when it never did
 * @param dueSchedules how many schedules are due and not claimed by any node; 0 when the store is down
 * @param oldestDueAt the earliest next run among them; null when there are none or the store is down
 * @param claimsHeld how many schedule claims (leases) this node holds: queued, running, or waiting for their end
 *     to be recorded
 * @param accounts how many accounts there are of each health (every health present, 0 when none); empty when
 *     the store is down
 * @since 0.2.0
 */
public record Health(Instant checkedAt, boolean storeUp, Duration storeLatency, String storeError,
        boolean schedulerRunning, Instant lastPollAt, long dueSchedules, Instant oldestDueAt, int claimsHeld,
        Map<AccountHealth, Long> accounts) {

    /**
     * Validates the figures and copies the account counts.
     *
     * @param checkedAt when the check was made; never null
     * @param storeUp whether the store answered
     * @param storeLatency how long the store took; never null, never negative
     * @param storeError why the store did not answer; null exactly when it did
     * @param schedulerRunning whether the scheduler is running
     * @param lastPollAt the last successful poll; may be null
     * @param dueSchedules due schedules not claimed; at least 0
     * @param oldestDueAt the earliest next run among them; may be null
     * @param claimsHeld claims this node holds; at least 0
     * @param accounts the count per health; never null (missing healths count 0 when the store is up)
     * @throws NullPointerException when a required value is null
     * @throws IllegalArgumentException when a count or the latency is negative, or the error does not match
     *     {@code storeUp}
     */
    public Health {
        Objects.requireNonNull(checkedAt, "checkedAt");
        Objects.requireNonNull(storeLatency, "storeLatency");
        Objects.requireNonNull(accounts, "accounts");
        if (storeLatency.isNegative()) {
            throw new IllegalArgumentException("storeLatency must not be negative, was " + storeLatency);
        }
        if (dueSchedules < 0 || claimsHeld < 0) {
            throw new IllegalArgumentException("counts must not be negative: dueSchedules " + dueSchedules
                    + ", claimsHeld " + claimsHeld);
        }
        if (storeUp != (storeError == null)) {
            throw new IllegalArgumentException("storeError must be given exactly when the store is down");
        }
        EnumMap<AccountHealth, Long> copy = new EnumMap<>(AccountHealth.class);
        if (storeUp) {
            for (AccountHealth health : AccountHealth.values()) {
                copy.put(health, 0L);
            }
        }
        for (Map.Entry<AccountHealth, Long> e : accounts.entrySet()) {
            long count = Objects.requireNonNull(e.getValue(), "accounts count");
            if (count < 0) {
                throw new IllegalArgumentException("account count must not be negative, was " + count);
            }
            copy.put(Objects.requireNonNull(e.getKey(), "accounts key"), count);
        }
        accounts = java.util.Collections.unmodifiableMap(copy);
    }

    /**
     * How long ago the scheduler last polled without a store failure. A node that polls every
     * {@code pollInterval} keeps this below a few intervals; a growing age means its loop is stuck or the store
     * keeps failing.
     *
     * @return the age, or null when the scheduler never polled
     */
    public Duration lastPollAge() {
        return lastPollAt == null ? null : nonNegative(Duration.between(lastPollAt, checkedAt));
    }

    /**
     * How long the oldest due, unclaimed schedule has waited past its next run: the poll lag.
     *
     * @return the age; zero when nothing is due; null when the store is down
     */
    public Duration oldestDueAge() {
        if (!storeUp) {
            return null;
        }
        return oldestDueAt == null ? Duration.ZERO : nonNegative(Duration.between(oldestDueAt, checkedAt));
    }

    /**
     * Accounts whose schedules are skipped after too many failures in a row.
     *
     * @return the count; 0 when the store is down
     */
    public long quarantinedAccounts() {
        return accounts.getOrDefault(AccountHealth.QUARANTINED, 0L);
    }

    /**
     * Accounts whose user must log in again (the refresh token was revoked).
     *
     * @return the count; 0 when the store is down
     */
    public long accountsNeedingLogin() {
        return accounts.getOrDefault(AccountHealth.NEEDS_LOGIN, 0L);
    }

    private static Duration nonNegative(Duration d) {
        return d.isNegative() ? Duration.ZERO : d;
    }
}
