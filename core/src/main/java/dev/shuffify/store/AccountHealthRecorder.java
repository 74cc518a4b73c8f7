package dev.shuffify.store;

import dev.shuffify.model.Account;
import dev.shuffify.model.AccountHealth;
import dev.shuffify.spi.AccountSignal;
import dev.shuffify.spi.AccountSignals;
import java.time.Clock;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Core's record of account health, fed by the {@link AccountSignal}s of any adapter: OK → DEGRADED →
 * QUARANTINED after {@code degradedAfter} / {@code quarantinedAfter} consecutive failures, back to OK on a
 * success — except that a read does not clear failures whose latest was a write refused for a missing write
 * scope —, NEEDS_LOGIN on a revoked token until a fresh login. The engine skips a quarantined account's
 * scheduled runs. Read-modify-write under a per-user lock that an adapter shares for its own writes of the
 * account ({@link #withAccountLock}); across processes each health write is a compare-and-set on the health
 * columns alone ({@link AccountStore#updateHealth}), so a health update never loses a token rotation. Thread-safe.
 *
 * @since 0.2.0
 */
public final class AccountHealthRecorder implements AccountSignals {
    private static final Logger LOG = LoggerFactory.getLogger(AccountHealthRecorder.class);
    /** How the reason of a failure from a write refused for a missing write scope begins. */
    public static final String WRITE_SCOPE_REFUSED = "missing write scope";
    private static final int HEALTH_WRITE_ATTEMPTS = 5;

    private final AccountStore store;
    private final Clock clock;
    private final int degradedAfter;
    private final int quarantinedAfter;
    private final ConcurrentHashMap<String, Object> locks = new ConcurrentHashMap<>();
    private final Set<String> knownHealthy = ConcurrentHashMap.newKeySet();

    /**
     * Creates a recorder.
     *
     * @param store the account store
     * @param clock the clock
     * @param degradedAfter consecutive failures to DEGRADED
     * @param quarantinedAfter consecutive failures to QUARANTINED
     */
    public AccountHealthRecorder(AccountStore store, Clock clock, int degradedAfter, int quarantinedAfter) {
        this.store = Objects.requireNonNull(store, "store");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.degradedAfter = degradedAfter;
        this.quarantinedAfter = quarantinedAfter;
    }

    @Override
    public void report(AccountSignal signal) {
        String userId = signal.userId();
        switch (signal.kind()) {
            case WRITE_SUCCEEDED -> succeeded(userId, true);
            case READ_SUCCEEDED -> succeeded(userId, false);
            case CALL_FAILED -> failed(userId, signal.reason());
            case WRITE_SCOPE_MISSING -> failed(userId, WRITE_SCOPE_REFUSED + " " + signal.reason());
            case TOKEN_REVOKED -> revoked(userId, signal.reason());
            case LOGGED_IN -> {
                knownHealthy.remove(userId);
                update(userId, a -> new Account(a.userId(), a.encryptedRefreshToken(), AccountHealth.OK, 0, null,
                        clock.instant()));
            }
            default -> throw new IllegalArgumentException("unknown signal " + signal.kind());
        }
    }

    /**
     * Runs an adapter's own write of a user's account (a rotated token) under the lock health updates take.
     *
     * @param userId the user
     * @param write the write
     * @param <T> its result
     * @return its result
     */
    public <T> T withAccountLock(String userId, Supplier<T> write) {
        synchronized (locks.computeIfAbsent(userId, k -> new Object())) {
            return write.get();
        }
    }

    private void succeeded(String userId, boolean write) {
        if (knownHealthy.contains(userId)) {
            return;
        }
        if (!write && store.find(userId).map(a -> a.reason() != null && a.reason().startsWith(WRITE_SCOPE_REFUSED))
                .orElse(false)) {
            return;
        }
        update(userId, a -> a.health() == AccountHealth.OK && a.consecutiveFailures() == 0 ? a
                : new Account(a.userId(), a.encryptedRefreshToken(), a.health() == AccountHealth.NEEDS_LOGIN
                        ? AccountHealth.NEEDS_LOGIN : AccountHealth.OK, 0, null, clock.instant()));
        knownHealthy.add(userId);
    }

    private void failed(String userId, String reason) {
        knownHealthy.remove(userId);
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
            return new Account(a.userId(), a.encryptedRefreshToken(), health, failures, cut(reason),
                    clock.instant());
        });
    }

    private void revoked(String userId, String reason) {
        knownHealthy.remove(userId);
        LOG.warn("account of user {} needs a new login: {}", userId, reason);
        update(userId, a -> new Account(a.userId(), a.encryptedRefreshToken(), AccountHealth.NEEDS_LOGIN,
                a.consecutiveFailures(), cut(reason), clock.instant()));
    }

    /**
     * Changes the health of a stored account by compare-and-set ({@link AccountStore#updateHealth}), so neither a
     * token another node rotated nor a failure it counted meanwhile is overwritten: read again and retried when
     * the health moved under it, a few times, and then left (health is advice; the next call reports again).
     */
    private void update(String userId, UnaryOperator<Account> change) {
        withAccountLock(userId, () -> {
            for (int attempt = 0; attempt < HEALTH_WRITE_ATTEMPTS; attempt++) {
                Optional<Account> current = store.find(userId);
                if (current.isEmpty()) {
                    return null;
                }
                Account next = change.apply(current.get());
                if (next == current.get() || store.updateHealth(current.get(), next)) {
                    return null;
                }
            }
            LOG.warn("the health of user {}'s account changed {} times while it was being written; left as it is",
                    userId, HEALTH_WRITE_ATTEMPTS);
            return null;
        });
    }

    private static String cut(String reason) {
        return reason == null || reason.length() <= 500 ? reason : reason.substring(0, 500);
    }
}
