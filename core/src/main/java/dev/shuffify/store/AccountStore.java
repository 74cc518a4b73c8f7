package dev.shuffify.store;

import dev.shuffify.model.Account;
import java.util.List;
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
}
