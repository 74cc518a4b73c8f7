package dev.shuffify.internal.jdbc;

import dev.shuffify.model.UserSettings;
import dev.shuffify.store.SettingsStore;
import java.util.List;
import java.util.Optional;

/** Per-user settings over JDBC. */
public final class JdbcSettings implements SettingsStore {
    private static final String T = "shuffify_settings";

    private final Sql sql;

    /**
     * Creates the store part.
     *
     * @param sql the database
     */
    public JdbcSettings(Sql sql) {
        this.sql = sql;
    }

    @Override
    public Optional<UserSettings> find(String userId) {
        return sql.queryOne("read the settings of user '" + userId + "'", "SELECT * FROM " + T
                + " WHERE user_id = ?", ps -> ps.setString(1, userId),
                rs -> new UserSettings(rs.getBoolean("auto_snapshot"), rs.getInt("snapshot_retention")));
    }

    @Override
    public void save(String userId, UserSettings settings) {
        sql.update("save the settings of user '" + userId + "'", sql.dialect().upsert(T, List.of("user_id"),
                List.of("user_id", "auto_snapshot", "snapshot_retention")), ps -> {
                    ps.setString(1, userId);
                    ps.setBoolean(2, settings.autoSnapshot());
                    ps.setInt(3, settings.snapshotRetention());
                });
    }

    @Override
    public java.util.Map<String, UserSettings> findAll(java.util.Collection<String> userIds) {
        java.util.Map<String, UserSettings> found = new java.util.HashMap<>();
        java.util.Set<String> ids = new java.util.LinkedHashSet<>(userIds);
        if (ids.isEmpty()) {
            return found;
        }
        sql.query("read the settings of " + ids.size() + " user(s)", "SELECT * FROM " + T + " WHERE user_id IN ("
                + Sql.marks(ids.size()) + ")", Sql.strings(ids), rs -> found.put(rs.getString("user_id"),
                        new UserSettings(rs.getBoolean("auto_snapshot"), rs.getInt("snapshot_retention"))));
        return found;
    }
}
