package dev.shuffify.internal.jdbc;

import dev.shuffify.model.Account;
import dev.shuffify.model.AccountHealth;
import dev.shuffify.store.AccountStore;
import dev.shuffify.store.StoreException;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
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
                    setToken(ps, 2, a.encryptedRefreshToken());
                    ps.setString(3, wire(a.health()));
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

    @Override
    public void saveRefreshToken(String userId, byte[] encryptedRefreshToken, Instant at) {
        String operation = "store the refresh token of user '" + userId + "'";
        if (updateToken(operation, userId, encryptedRefreshToken, at) > 0) {
            return;
        }
        try {
            save(new Account(userId, encryptedRefreshToken, AccountHealth.OK, 0, null, at));
        } catch (StoreException e) {
            if (!(e.getCause() instanceof SQLException s && Sql.isUniqueViolation(s))) {
                throw e;
            }
            // another node created the account meanwhile: write the token alone over it
            updateToken(operation, userId, encryptedRefreshToken, at);
        }
    }

    private int updateToken(String operation, String userId, byte[] encryptedRefreshToken, Instant at) {
        return sql.update(operation, "UPDATE " + T
                + " SET encrypted_refresh_token = ?, updated_at = ? WHERE user_id = ?", ps -> {
                    setToken(ps, 1, encryptedRefreshToken);
                    Rows.setInstant(ps, 2, at);
                    ps.setString(3, userId);
                });
    }

    @Override
    public boolean updateHealth(Account expected, Account next) {
        // compare-and-set on the health columns: the token column is neither read back nor written
        return sql.update("update the health of user '" + expected.userId() + "'", "UPDATE " + T
                + " SET health = ?, consecutive_failures = ?, reason = ?, updated_at = ? WHERE user_id = ?"
                + " AND health = ? AND consecutive_failures = ? AND COALESCE(reason, '') = ?", ps -> {
                    ps.setString(1, wire(next.health()));
                    ps.setInt(2, next.consecutiveFailures());
                    Rows.setString(ps, 3, next.reason());
                    Rows.setInstant(ps, 4, next.updatedAt());
                    ps.setString(5, expected.userId());
                    ps.setString(6, wire(expected.health()));
                    ps.setInt(7, expected.consecutiveFailures());
                    ps.setString(8, expected.reason() == null ? "" : expected.reason());
                }) > 0;
    }

    private static String wire(AccountHealth health) {
        return health.name().toLowerCase(Locale.ROOT);
    }

    private static void setToken(PreparedStatement ps, int index, byte[] token) throws SQLException {
        if (token == null) {
            ps.setNull(index, Types.VARBINARY);
        } else {
            ps.setBytes(index, token);
        }
    }
}
