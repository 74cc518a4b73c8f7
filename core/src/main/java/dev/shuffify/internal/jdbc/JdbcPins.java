package dev.shuffify.internal.jdbc;

import dev.shuffify.model.Pin;
import dev.shuffify.store.PinStore;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;

/** Pins over JDBC. */
public final class JdbcPins implements PinStore {
    private static final String T = "shuffify_pins";
    private static final List<String> COLUMNS = List.of("id", "user_id", "playlist_id", "uri", "from_position",
            "to_position", "until_at");

    private final Sql sql;

    /**
     * Creates the store part.
     *
     * @param sql the database
     */
    public JdbcPins(Sql sql) {
        this.sql = sql;
    }

    @Override
    public void save(Pin pin) {
        sql.update("save pin '" + pin.id() + "'", sql.dialect().upsert(T, List.of("id"), COLUMNS), ps -> {
            ps.setString(1, pin.id());
            ps.setString(2, pin.userId());
            ps.setString(3, pin.playlistId());
            Rows.setString(ps, 4, pin.uri());
            ps.setInt(5, pin.fromPosition());
            ps.setInt(6, pin.toPosition());
            Rows.setInstant(ps, 7, pin.until());
        });
    }

    private static Pin map(ResultSet rs) throws SQLException {
        return new Pin(rs.getString("id"), rs.getString("user_id"), rs.getString("playlist_id"), rs.getString("uri"),
                rs.getInt("from_position"), rs.getInt("to_position"), Rows.instant(rs, "until_at"));
    }

    @Override
    public List<Pin> listByPlaylist(String userId, String playlistId) {
        return sql.query("list the pins of playlist '" + playlistId + "'", "SELECT * FROM " + T
                + " WHERE user_id = ? AND playlist_id = ? ORDER BY seq", ps -> {
                    ps.setString(1, userId);
                    ps.setString(2, playlistId);
                }, JdbcPins::map);
    }

    @Override
    public boolean delete(String id) {
        return sql.update("delete pin '" + id + "'", "DELETE FROM " + T + " WHERE id = ?",
                ps -> ps.setString(1, id)) > 0;
    }
}
