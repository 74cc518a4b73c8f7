package dev.shuffify.internal.jdbc;

import dev.shuffify.model.Snapshot;
import dev.shuffify.model.SnapshotType;
import dev.shuffify.store.SnapshotStore;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;

/** Snapshots over JDBC; the uris are one JSON array per snapshot. */
public final class JdbcSnapshots implements SnapshotStore {
    private static final String T = "shuffify_snapshots";
    private static final List<String> COLUMNS = List.of("id", "user_id", "playlist_id", "playlist_name", "uris_json",
            "snapshot_type", "trigger_description", "created_at");

    private final Sql sql;

    /**
     * Creates the store part.
     *
     * @param sql the database
     */
    public JdbcSnapshots(Sql sql) {
        this.sql = sql;
    }

    @Override
    public void save(Snapshot s) {
        sql.update("save snapshot '" + s.id() + "'", sql.dialect().upsert(T, List.of("id"), COLUMNS), ps -> {
            ps.setString(1, s.id());
            ps.setString(2, s.userId());
            ps.setString(3, s.playlistId());
            ps.setString(4, s.playlistName());
            ps.setString(5, JsonColumns.write(s.uris()));
            ps.setString(6, s.type().wireName());
            ps.setString(7, s.trigger());
            Rows.setInstant(ps, 8, s.createdAt());
        });
    }

    private static Snapshot map(ResultSet rs) throws SQLException {
        return new Snapshot(rs.getString("id"), rs.getString("user_id"), rs.getString("playlist_id"),
                rs.getString("playlist_name"), JsonColumns.readStrings(rs.getString("uris_json")),
                SnapshotType.of(rs.getString("snapshot_type")),
                rs.getString("trigger_description"), Rows.instant(rs, "created_at"));
    }

    @Override
    public Optional<Snapshot> find(String id) {
        return sql.queryOne("find snapshot '" + id + "'", "SELECT * FROM " + T + " WHERE id = ?",
                ps -> ps.setString(1, id), JdbcSnapshots::map);
    }

    @Override
    public List<Snapshot> listByPlaylist(String userId, String playlistId) {
        return sql.query("list the snapshots of playlist '" + playlistId + "'", "SELECT * FROM " + T
                + " WHERE user_id = ? AND playlist_id = ? ORDER BY created_at DESC, seq DESC", ps -> {
                    ps.setString(1, userId);
                    ps.setString(2, playlistId);
                }, JdbcSnapshots::map);
    }

    @Override
    public boolean delete(String id) {
        return sql.update("delete snapshot '" + id + "'", "DELETE FROM " + T + " WHERE id = ?",
                ps -> ps.setString(1, id)) > 0;
    }

    @Override
    public int prune(String userId, String playlistId, int keep) {
        return sql.update("prune the snapshots of playlist '" + playlistId + "'", "DELETE FROM " + T
                + " WHERE id IN (SELECT id FROM (SELECT id, ROW_NUMBER() OVER (ORDER BY created_at DESC, seq DESC)"
                + " AS rn FROM " + T + " WHERE user_id = ? AND playlist_id = ?) r WHERE rn > ?)", ps -> {
                    ps.setString(1, userId);
                    ps.setString(2, playlistId);
                    ps.setInt(3, Math.max(0, keep));
                });
    }

    @Override
    public int pruneEachPlaylist(int keep) {
        return sql.update("prune snapshots", "DELETE FROM " + T
                + " WHERE id IN (SELECT id FROM (SELECT id, ROW_NUMBER() OVER (PARTITION BY user_id, playlist_id"
                + " ORDER BY created_at DESC, seq DESC) AS rn FROM " + T + ") r WHERE rn > ?)",
                ps -> ps.setInt(1, Math.max(0, keep)));
    }
}
