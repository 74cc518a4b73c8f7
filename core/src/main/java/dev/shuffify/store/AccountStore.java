package dev.shuffify.store;

import dev.shuffify.model.Account;
import dev.shuffify.model.AccountHealth;
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
}
