package dev.shuffify.internal.jdbc;

import dev.shuffify.store.PlaylistLeaseStore;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * Playlist leases in {@code shuffify_playlist_leases}, one row per leased playlist: the primary key makes of
 * two nodes inserting the same playlist at once exactly one win, and a lease that ran out is taken over by an
 * update that checks its end in the same statement.
 */
public final class JdbcPlaylistLeases implements PlaylistLeaseStore {
    private static final String T = "shuffify_playlist_leases";
    private static final String TAKE_OVER = "UPDATE " + T + " SET holder = ?, expires_at = ? WHERE playlist_id = ?"
            + " AND (expires_at <= ? OR holder = ? OR holder = ?)";
    private static final String INSERT = "INSERT INTO " + T + " (playlist_id, holder, expires_at) VALUES (?, ?, ?)";
    private static final String HOLDER = "SELECT holder FROM " + T + " WHERE playlist_id = ? AND expires_at > ?";
    private static final String RELEASE = "DELETE FROM " + T + " WHERE playlist_id = ? AND holder = ?";

    private final Sql sql;

    /**
     * Creates the store part.
     *
     * @param sql the database
     */
    public JdbcPlaylistLeases(Sql sql) {
        this.sql = sql;
    }

    @Override
    public boolean tryAcquire(String playlistId, String holder, String takeOverFrom, Instant until, Instant now) {
        Objects.requireNonNull(playlistId, "playlistId");
        Objects.requireNonNull(holder, "holder");
        return sql.run("lease playlist '" + playlistId + "'", c -> {
            int updated = Sql.update(c, TAKE_OVER, ps -> {
                ps.setString(1, holder);
                Rows.setInstant(ps, 2, until);
                ps.setString(3, playlistId);
                Rows.setInstant(ps, 4, now);
                ps.setString(5, holder);
                ps.setString(6, takeOverFrom == null ? holder : takeOverFrom);
            });
            if (updated > 0) {
                return true;
            }
            try {
                Sql.update(c, INSERT, ps -> {
                    ps.setString(1, playlistId);
                    ps.setString(2, holder);
                    Rows.setInstant(ps, 3, until);
                });
                return true;
            } catch (SQLException e) {
                if (Sql.isUniqueViolation(e)) {
                    return false; // another holder's lease runs
                }
                throw e;
            }
        });
    }

    @Override
    public void release(String playlistId, String holder) {
        sql.update("release the lease of playlist '" + playlistId + "'", RELEASE, ps -> {
            ps.setString(1, playlistId);
            ps.setString(2, holder);
        });
    }

    @Override
    public Optional<String> holder(String playlistId, Instant now) {
        return sql.queryOne("read the lease of playlist '" + playlistId + "'", HOLDER, ps -> {
            ps.setString(1, playlistId);
            Rows.setInstant(ps, 2, now);
        }, rs -> rs.getString("holder"));
    }
}
