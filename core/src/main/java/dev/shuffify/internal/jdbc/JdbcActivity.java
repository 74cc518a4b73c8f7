package dev.shuffify.internal.jdbc;

import dev.shuffify.model.Activity;
import dev.shuffify.model.ActivityType;
import dev.shuffify.store.ActivityStore;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Locale;

/** The activity log over JDBC; newest means last appended. */
public final class JdbcActivity implements ActivityStore {
    private static final String T = "shuffify_activity";

    private final Sql sql;

    /**
     * Creates the store part.
     *
     * @param sql the database
     */
    public JdbcActivity(Sql sql) {
        this.sql = sql;
    }

    @Override
    public void append(Activity a) {
        sql.update("append activity for user '" + a.userId() + "'", INSERT, ps -> bind(ps, a));
    }

    private static final String INSERT = "INSERT INTO " + T
            + " (id, user_id, activity_type, description, metadata_json, created_at) VALUES (?, ?, ?, ?, ?, ?)";

    private static void bind(java.sql.PreparedStatement ps, Activity a) throws java.sql.SQLException {
        ps.setString(1, a.id());
        ps.setString(2, a.userId());
        ps.setString(3, a.type().name().toLowerCase(Locale.ROOT));
        ps.setString(4, a.description());
        ps.setString(5, JsonColumns.write(a.metadata()));
        Rows.setInstant(ps, 6, a.createdAt());
    }

    private static Activity map(ResultSet rs) throws SQLException {
        return new Activity(rs.getString("id"), rs.getString("user_id"),
                ActivityType.valueOf(rs.getString("activity_type").toUpperCase(Locale.ROOT)),
                rs.getString("description"), JsonColumns.readMap(rs.getString("metadata_json")),
                Rows.instant(rs, "created_at"));
    }

    @Override
    public List<Activity> listByUser(String userId, int limit) {
        return sql.query("list the activity of user '" + userId + "'", "SELECT * FROM " + T
                + " WHERE user_id = ? ORDER BY seq DESC LIMIT ?", ps -> {
                    ps.setString(1, userId);
                    ps.setInt(2, limit);
                }, JdbcActivity::map);
    }

    @Override
    public int deleteBefore(Instant cutoff) {
        return sql.update("delete old activity", "DELETE FROM " + T + " WHERE created_at < ?",
                ps -> Rows.setInstant(ps, 1, cutoff));
    }

    @Override
    public int pruneEachUser(int keep) {
        return sql.update("prune activity", "DELETE FROM " + T
                + " WHERE seq IN (SELECT seq FROM (SELECT seq, ROW_NUMBER() OVER (PARTITION BY user_id"
                + " ORDER BY seq DESC) AS rn FROM " + T + ") r WHERE rn > ?)", ps -> ps.setInt(1, Math.max(0, keep)));
    }

    /**
     * Appends activity entries on a connection, in one batch.
     *
     * @param c the connection
     * @param list the entries
     * @throws java.sql.SQLException on failure
     */
    void appendAll(java.sql.Connection c, List<Activity> list) throws java.sql.SQLException {
        if (list.isEmpty()) {
            return;
        }
        if (sql.dialect() == Dialect.POSTGRESQL) {
            PgRows rows = new PgRows(List.of("id", "user_id", "activity_type", "description", "metadata_json",
                    "created_at"));
            for (Activity a : list) {
                rows.add(ps -> bind(ps, a));
            }
            try (java.sql.PreparedStatement ps = c.prepareStatement(INSERT.substring(0, INSERT.indexOf(" VALUES"))
                    + " SELECT * FROM " + rows.table("r"))) {
                rows.bind(c, ps, 1);
                ps.executeUpdate();
            }
            return;
        }
        try (java.sql.PreparedStatement ps = c.prepareStatement(INSERT)) {
            for (Activity a : list) {
                bind(ps, a);
                ps.addBatch();
            }
            ps.executeBatch();
        }
    }
}
