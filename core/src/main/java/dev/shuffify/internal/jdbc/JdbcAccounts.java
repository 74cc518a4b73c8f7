package dev.shuffify.internal.jdbc;

import dev.shuffify.model.Account;
import dev.shuffify.model.AccountHealth;
import dev.shuffify.store.AccountStore;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** Accounts over JDBC. The encrypted refresh token is stored as the bytes it is, never decoded. */
public final class JdbcAccounts implements AccountStore {
    private static final String T = "shuffify_accounts";
    private static final List<String> COLUMNS = List.of("user_id", "encrypted_refresh_token", "health",
            "consecutive_failures", "reason", "updated_at");

    private final Sql sql;

    /**
     * Creates the store part.
     *
     * @param sql the database
     */
    public JdbcAccounts(Sql sql) {
        this.sql = sql;
    }

    @Override
    public void save(Account a) {
        sql.update("save the account of user '" + a.userId() + "'",
                sql.dialect().upsert(T, List.of("user_id"), COLUMNS), ps -> {
                    ps.setString(1, a.userId());
                    byte[] token = a.encryptedRefreshToken();
                    if (token == null) {
                        ps.setNull(2, Types.VARBINARY);
                    } else {
                        ps.setBytes(2, token);
                    }
                    ps.setString(3, a.health().name().toLowerCase(Locale.ROOT));
                    ps.setInt(4, a.consecutiveFailures());
                    Rows.setString(ps, 5, a.reason());
                    Rows.setInstant(ps, 6, a.updatedAt());
                });
    }

    private static Account map(ResultSet rs) throws SQLException {
        return new Account(rs.getString("user_id"), rs.getBytes("encrypted_refresh_token"),
                AccountHealth.valueOf(rs.getString("health").toUpperCase(Locale.ROOT)),
                rs.getInt("consecutive_failures"), rs.getString("reason"), Rows.instant(rs, "updated_at"));
    }

    @Override
    public Optional<Account> find(String userId) {
        return sql.queryOne("find the account of user '" + userId + "'", "SELECT * FROM " + T
                + " WHERE user_id = ?", ps -> ps.setString(1, userId), JdbcAccounts::map);
    }

    @Override
    public List<Account> listAll() {
        return sql.query("list accounts", "SELECT * FROM " + T + " ORDER BY seq", ps -> {
        }, JdbcAccounts::map);
    }

    @Override
    public java.util.Map<String, Account> findAll(java.util.Collection<String> userIds) {
        java.util.Map<String, Account> found = new java.util.HashMap<>();
        java.util.Set<String> ids = new java.util.LinkedHashSet<>(userIds);
        if (ids.isEmpty()) {
            return found;
        }
        sql.query("find the accounts of " + ids.size() + " user(s)", "SELECT * FROM " + T + " WHERE user_id IN ("
                + Sql.marks(ids.size()) + ")", Sql.strings(ids), rs -> {
                    Account a = map(rs);
                    found.put(a.userId(), a);
                    return a;
                });
        return found;
    }

    @Override
    public java.util.Map<AccountHealth, Long> countByHealth() {
        java.util.Map<AccountHealth, Long> counts = new java.util.EnumMap<>(AccountHealth.class);
        sql.query("count accounts by health", "SELECT health, COUNT(*) FROM " + T + " GROUP BY health", ps -> {
        }, rs -> {
            AccountHealth health = AccountHealth.valueOf(rs.getString(1).toUpperCase(Locale.ROOT));
            counts.put(health, rs.getLong(2));
            return health;
        });
        return counts;
    }
}
