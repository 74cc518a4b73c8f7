package dev.shuffify.store;

import dev.shuffify.model.Account;
import dev.shuffify.model.AccountHealth;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Stores accounts (encrypted credentials and health).
 *
 * @since 0.1.0
 */
public interface AccountStore {

    /**
     * Inserts or replaces an account.
     *
     * @param account the account
     */
    void save(Account account);

    /**
     * Finds an account.
     *
     * @param userId the host-side user id
     * @return the account, or empty
     */
    Optional<Account> find(String userId);

    /**
     * Every account.
     *
     * @return never null
     */
    List<Account> listAll();

    /**
     * The accounts of several users at once (one query in the JDBC store; the default asks one at a time).
     *
     * @param userIds the users
     * @return the stored accounts by user id; users without one are absent
     * @since 0.2.0
     */
    default Map<String, Account> findAll(Collection<String> userIds) {
        Map<String, Account> found = new HashMap<>();
        for (String userId : new java.util.LinkedHashSet<>(userIds)) {
            find(userId).ifPresent(a -> found.put(userId, a));
        }
        return found;
    }

    /**
     * How many accounts there are of each health, for health checks and metrics (one grouped query in the JDBC
     * store; this default reads every account).
     *
     * @return the count per health; healths with no account are absent
     * @throws StoreException when the store fails
     * @since 0.2.0
     */
    default Map<AccountHealth, Long> countByHealth() {
        Map<AccountHealth, Long> counts = new java.util.EnumMap<>(AccountHealth.class);
        for (Account account : listAll()) {
            counts.merge(account.health(), 1L, Long::sum);
        }
        return counts;
    }

    /**
     * Stores a user's (new or rotated) encrypted refresh token and keeps the account's health; a new account
     * starts OK. Only the token and the update time are written, so a health update another node makes at the
     * same moment is kept: the JDBC and in-memory stores write them alone; this default reads and saves the
     * whole account, and is safe only where no other process writes the account.
     *
     * @param userId the user
     * @param encryptedRefreshToken the ciphertext
     * @param at when
     * @throws StoreException when the store fails
     * @since 0.3.0
     */
    default void saveRefreshToken(String userId, byte[] encryptedRefreshToken, Instant at) {
        save(find(userId).map(a -> new Account(userId, encryptedRefreshToken, a.health(), a.consecutiveFailures(),
                a.reason(), at)).orElseGet(() -> new Account(userId, encryptedRefreshToken, AccountHealth.OK, 0,
                        null, at)));
    }

    /**
     * Writes an account's new health if its health is still as read, keeping the refresh token stored now: a
     * compare-and-set of the health, the consecutive failures and the reason, which never writes back a token
     * that was rotated since {@code expected} was read. The JDBC and in-memory stores do it in one statement or
     * under one lock; this default reads and saves the whole account, and is safe only where no other process
     * writes the account.
     *
     * @param expected the account as read
     * @param next its new health, consecutive failures, reason and update time (its token is ignored)
     * @return whether it was written; false when the account is gone or its health changed since it was read
     * @throws StoreException when the store fails
     * @since 0.3.0
     */
    default boolean updateHealth(Account expected, Account next) {
        Optional<Account> current = find(expected.userId());
        if (current.isEmpty() || !current.get().sameHealthAs(expected)) {
            return false;
        }
        save(current.get().withHealthOf(next));
        return true;
    }
}
