package dev.shuffify.spotify.internal;

import dev.shuffify.model.Account;
import dev.shuffify.model.AccountHealth;
import dev.shuffify.store.AccountStore;
import java.time.Clock;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.UnaryOperator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Every change the adapter makes to stored accounts, one user at a time: health after successes and failures
 * (OK → DEGRADED → QUARANTINED after configurable consecutive failures, back to OK on a success), NEEDS_LOGIN
 * on a revoked refresh token, and rotated refresh tokens. Read-modify-write under a per-user lock, so a health
 * update never loses a token rotation. Thread-safe.
 */
public final class AccountLedger {

    private static final Logger LOG = LoggerFactory.getLogger(AccountLedger.class);
    /** How the reason of a failure from a write refused for a missing write scope begins. */
    static final String WRITE_SCOPE_REFUSED = "missing write scope (" + ServiceCaller.WRITE_SCOPES + "): ";

    private final AccountStore store;
    private final Clock clock;
    private final int degradedAfter;
    private final int quarantinedAfter;
    private final ConcurrentHashMap<String, Object> locks = new ConcurrentHashMap<>();
    private final Set<String> knownHealthy = ConcurrentHashMap.newKeySet();

    /**
     * Creates a ledger.
     *
     * @param store the account store
     * @param clock the clock
     * @param degradedAfter consecutive failures to DEGRADED
     * @param quarantinedAfter consecutive failures to QUARANTINED
     */
    public AccountLedger(AccountStore store, Clock clock, int degradedAfter, int quarantinedAfter) {
        this.store = store;
        this.clock = clock;
        this.degradedAfter = degradedAfter;
        this.quarantinedAfter = quarantinedAfter;
    }

    /**
     * Reads an account.
     *
     * @param userId the user
     * @return the account, or empty
     */
    public Optional<Account> find(String userId) {
        return store.find(userId);
    }

    /**
     * A call of the user succeeded: back to OK with no failures (stored only when that changes anything).
     *
     * @param userId the user
     */
    public void success(String userId) {
        success(userId, true);
    }

    /**
     * A call of the user succeeded: back to OK with no failures (stored only when that changes anything) —
     * except that a read does not clear failures whose latest was a write refused for a missing write scope:
     * reads need no write scope, so they say nothing about it, and the account keeps counting towards
     * degraded and quarantined while every write is refused.
     *
     * @param userId the user
     * @param write whether the call was a write
     */
    public void success(String userId, boolean write) {
        if (knownHealthy.contains(userId)) {
            return;
        }
        if (!write && find(userId).map(a -> a.reason() != null && a.reason().startsWith(WRITE_SCOPE_REFUSED))
                .orElse(false)) {
            return;
        }
        update(userId, a -> a.health() == AccountHealth.OK && a.consecutiveFailures() == 0 ? a
                : new Account(a.userId(), a.encryptedRefreshToken(), a.health() == AccountHealth.NEEDS_LOGIN
                        ? AccountHealth.NEEDS_LOGIN : AccountHealth.OK, 0, null, clock.instant()));
        knownHealthy.add(userId);
    }

    /**
     * A call of the user failed for good (after retries).
     *
     * @param userId the user
     * @param reason why, without tokens
     */
    public void failure(String userId, String reason) {
        failure(userId, reason, false);
    }

    /**
     * A call of the user failed for good (after retries).
     *
     * @param userId the user
     * @param reason why, without tokens
     * @param writeScopeMissing whether a write was refused because the login lacks the write scopes: reads
     *     then do not clear the failures ({@link #success(String, boolean)})
     */
    public void failure(String userId, String reason, boolean writeScopeMissing) {
        knownHealthy.remove(userId);
        String recorded = writeScopeMissing ? WRITE_SCOPE_REFUSED + reason : reason;
        update(userId, a -> {
            if (a.health() == AccountHealth.NEEDS_LOGIN) {
                return a;
            }
            int failures = a.consecutiveFailures() + 1;
            AccountHealth health = failures >= quarantinedAfter ? AccountHealth.QUARANTINED
                    : failures >= degradedAfter ? AccountHealth.DEGRADED : AccountHealth.OK;
            if (health != a.health()) {
                LOG.warn("account of user {} is now {} after {} consecutive failures: {}", userId, health, failures,
                        reason);
            }
            return new Account(a.userId(), a.encryptedRefreshToken(), health, failures, cut(recorded),
                    clock.instant());
        });
    }

    /**
     * The user's refresh token was revoked: NEEDS_LOGIN until the user logs in again.
     *
     * @param userId the user
     * @param reason why, without tokens
     */
    public void needsLogin(String userId, String reason) {
        knownHealthy.remove(userId);
        LOG.warn("account of user {} needs a new login: {}", userId, reason);
        update(userId, a -> new Account(a.userId(), a.encryptedRefreshToken(), AccountHealth.NEEDS_LOGIN,
                a.consecutiveFailures(), cut(reason), clock.instant()));
    }

    /**
     * Stores a (new or rotated) encrypted refresh token; when {@code freshLogin}, the account also becomes OK.
     *
     * @param userId the user
     * @param encryptedRefreshToken the ciphertext
     * @param freshLogin whether this comes from a new login (resets health)
     */
    public void storeRefreshToken(String userId, byte[] encryptedRefreshToken, boolean freshLogin) {
        synchronized (lock(userId)) {
            Optional<Account> current = store.find(userId);
            Account next;
            if (current.isEmpty() || freshLogin) {
                next = new Account(userId, encryptedRefreshToken, AccountHealth.OK, 0, null, clock.instant());
                knownHealthy.remove(userId);
            } else {
                Account a = current.get();
                next = new Account(userId, encryptedRefreshToken, a.health(), a.consecutiveFailures(), a.reason(),
                        clock.instant());
            }
            store.save(next);
        }
    }

    private void update(String userId, UnaryOperator<Account> change) {
        synchronized (lock(userId)) {
            Optional<Account> current = store.find(userId);
            if (current.isEmpty()) {
                return;
            }
            Account next = change.apply(current.get());
            if (next != current.get()) {
                store.save(next);
            }
        }
    }

    private Object lock(String userId) {
        return locks.computeIfAbsent(userId, k -> new Object());
    }

    private static String cut(String reason) {
        return reason == null || reason.length() <= 500 ? reason : reason.substring(0, 500);
    }
}
