package dev.shuffify.internal.jdbc;

import dev.shuffify.model.PlaylistPair;
import dev.shuffify.model.PlaylistRef;
import dev.shuffify.store.PairStore;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;

/** Playlist pairs over JDBC. */
public final class JdbcPairs implements PairStore {
    private static final String T = "shuffify_pairs";
    private static final List<String> COLUMNS = List.of("user_id", "production_id", "production_name", "archive_id",
            "archive_name", "created_at");

    private final Sql sql;

    /**
     * Creates the store part.
     *
     * @param sql the database
     */
    public JdbcPairs(Sql sql) {
        this.sql = sql;
    }

    @Override
    public void save(PlaylistPair pair) {
        sql.update("save the pair of playlist '" + pair.production().id() + "'",
                sql.dialect().upsert(T, List.of("user_id", "production_id"), COLUMNS), ps -> {
                    ps.setString(1, pair.userId());
                    ps.setString(2, pair.production().id());
                    ps.setString(3, pair.production().name());
                    ps.setString(4, pair.archive().id());
                    ps.setString(5, pair.archive().name());
                    Rows.setInstant(ps, 6, pair.createdAt());
                });
    }

    private static PlaylistPair map(ResultSet rs) throws SQLException {
        return new PlaylistPair(rs.getString("user_id"),
                new PlaylistRef(rs.getString("production_id"), rs.getString("production_name")),
                new PlaylistRef(rs.getString("archive_id"), rs.getString("archive_name")),
                Rows.instant(rs, "created_at"));
    }

    @Override
    public Optional<PlaylistPair> find(String userId, String productionId) {
        return sql.queryOne("find the pair of playlist '" + productionId + "'", "SELECT * FROM " + T
                + " WHERE user_id = ? AND production_id = ?", ps -> {
                    ps.setString(1, userId);
                    ps.setString(2, productionId);
                }, JdbcPairs::map);
    }

    @Override
    public List<PlaylistPair> listByUser(String userId) {
        return sql.query("list the pairs of user '" + userId + "'", "SELECT * FROM " + T
                + " WHERE user_id = ? ORDER BY seq", ps -> ps.setString(1, userId), JdbcPairs::map);
    }

    @Override
    public boolean delete(String userId, String productionId) {
        return sql.update("delete the pair of playlist '" + productionId + "'", "DELETE FROM " + T
                + " WHERE user_id = ? AND production_id = ?", ps -> {
                    ps.setString(1, userId);
                    ps.setString(2, productionId);
                }) > 0;
    }
}
