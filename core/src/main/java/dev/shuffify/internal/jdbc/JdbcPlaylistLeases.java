package dev.shuffify.internal.jdbc;

import dev.shuffify.model.ExecutionStatus;
import dev.shuffify.store.PlaylistLeaseRule;
import dev.shuffify.store.PlaylistLeaseStore;
import dev.shuffify.store.RunStart;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Playlist leases in {@code shuffify_playlist_leases}, one row per leased playlist: the primary key makes of
 * two nodes inserting the same playlist at once exactly one win, and a lease that ran out is taken over by an
 * update that checks its end in the same statement.
 */
public final class JdbcPlaylistLeases implements PlaylistLeaseStore {
    private static final String T = "shuffify_playlist_leases";
    /**
     * The atomic half of {@link PlaylistLeaseRule#mayTakeOver} that needs no other table: expired, or held by the
     * requester or the run it takes over from. The other half (the holder's execution ended) is the rule's own,
     * applied by {@link PlaylistLeaseRule#acquireAll} and {@link #acquireAll} before a hand-over.
     */
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

    /** PostgreSQL: insert unless a lease exists. Parameters: playlist, holder, until. */
    private static final String PG_INSERT_IF_FREE = INSERT + " ON CONFLICT (playlist_id) DO NOTHING";
    /** Hands a lease from the holder read to another, if it is still that holder's. */
    private static final String HAND_OVER = "UPDATE " + T + " SET holder = ?, expires_at = ? WHERE playlist_id = ?"
            + " AND holder = ?";

    /**
     * Takes the leases of a batch of runs, on a connection in the transaction that records their starts: a
     * playlist without a lease is inserted; a lease {@link PlaylistLeaseRule#mayTakeOver} lets the run take (it
     * expired, the run holds it already, or its holder's execution is not {@code running}), read here with its
     * holder's status, is handed over only if it is still that holder's (so two nodes taking over one lease at
     * once cannot both win: the rule is Java's, the atomicity the {@code UPDATE … WHERE holder = ?}'s). A run one of whose playlists
     * another running execution holds gets none of its leases.
     *
     * @param c the connection
     * @param starts the runs, whose executions are stored already in this transaction
     * @return for each run: empty when it holds every lease, else the first busy playlist
     * @throws SQLException on failure
     */
    List<Optional<String>> acquireAll(Connection c, List<RunStart> starts) throws SQLException {
        java.util.Set<String> playlists = new java.util.LinkedHashSet<>();
        starts.forEach(s -> playlists.addAll(s.playlists()));
        if (playlists.isEmpty()) {
            return starts.stream().map(s -> Optional.<String>empty()).toList();
        }
        Instant now = starts.get(0).execution().startedAt();
        Map<String, Lease> current = read(c, playlists); // playlist -> its lease as read in this transaction
        List<Optional<String>> busy = new ArrayList<>(starts.size());
        for (RunStart s : starts) {
            busy.add(acquire(c, s, current, now));
        }
        return busy;
    }

    /** The leases of these playlists, each with its holder's status. */
    private static Map<String, Lease> read(Connection c, java.util.Set<String> playlists) throws SQLException {
        Map<String, Lease> current = new HashMap<>();
        // the holder's status by its primary key (a join could scan every execution while statistics are stale)
        Sql.query(c, "SELECT l.playlist_id, l.holder, l.expires_at, (SELECT e.status FROM shuffify_executions e"
                + " WHERE e.id = l.holder) AS status FROM " + T + " l WHERE l.playlist_id IN ("
                + Sql.marks(playlists.size()) + ")", Sql.strings(playlists), rs -> {
                    String status = rs.getString("status");
                    Optional<ExecutionStatus> holderStatus = status == null ? Optional.empty()
                            : Optional.of(ExecutionStatus.valueOf(status.toUpperCase(Locale.ROOT)));
                    return current.put(rs.getString("playlist_id"), new Lease(rs.getString("holder"),
                            Rows.instant(rs, "expires_at"), holderStatus));
                });
        return current;
    }

    /**
     * Takes every lease of one run, or none: {@code current} is kept true for the later runs of the batch.
     *
     * @return empty when the run holds every lease, else the first busy playlist
     */
    private Optional<String> acquire(Connection c, RunStart s, Map<String, Lease> current, Instant now)
            throws SQLException {
        String id = s.execution().id();
        List<String> taken = new ArrayList<>();
        for (String p : s.playlists()) {
            if (!take(c, s, p, current.get(p), now)) {
                if (!taken.isEmpty()) {
                    // none of its leases: give back what it took, so a later run of the batch can take them
                    releaseAll(c, taken.stream().map(t -> new String[] {t, id}).toList());
                    taken.forEach(current::remove);
                }
                return Optional.of(p);
            }
            taken.add(p);
            // a later run of this batch finds it held by a running execution
            current.put(p, new Lease(id, s.leaseUntil(), Optional.of(ExecutionStatus.RUNNING)));
        }
        return Optional.empty();
    }

    /** Takes one playlist's lease for a run: inserts it when there is none, else hands it over if the rule lets. */
    private boolean take(Connection c, RunStart s, String playlist, Lease lease, Instant now) throws SQLException {
        String id = s.execution().id();
        if (lease == null) {
            return insertIfFree(c, playlist, id, s.leaseUntil());
        }
        if (!PlaylistLeaseRule.mayTakeOver(id, null, lease.holder(), lease.expiresAt(), lease.holderStatus(), now)) {
            return false;
        }
        return Sql.update(c, HAND_OVER, ps -> {
            ps.setString(1, id);
            Rows.setInstant(ps, 2, s.leaseUntil());
            ps.setString(3, playlist);
            ps.setString(4, lease.holder());
        }) > 0;
    }

    /** A lease as read in the transaction, with its holder's stored status (empty: not stored). */
    private record Lease(String holder, Instant expiresAt, Optional<ExecutionStatus> holderStatus) {
    }

    private boolean insertIfFree(Connection c, String playlistId, String holder, Instant until) throws SQLException {
        if (sql.dialect() == Dialect.POSTGRESQL) {
            return Sql.update(c, PG_INSERT_IF_FREE, ps -> {
                ps.setString(1, playlistId);
                ps.setString(2, holder);
                Rows.setInstant(ps, 3, until);
            }) > 0;
        }
        // H2 keeps going after a failed statement in a transaction
        try {
            Sql.update(c, INSERT, ps -> {
                ps.setString(1, playlistId);
                ps.setString(2, holder);
                Rows.setInstant(ps, 3, until);
            });
            return true;
        } catch (SQLException e) {
            if (Sql.isUniqueViolation(e)) {
                return false;
            }
            throw e;
        }
    }

    /**
     * Releases leases on a connection, in one batch.
     *
     * @param c the connection
     * @param leases pairs of playlist id and holder
     * @throws SQLException on failure
     */
    void releaseAll(Connection c, List<String[]> leases) throws SQLException {
        if (leases.isEmpty()) {
            return;
        }
        try (PreparedStatement ps = c.prepareStatement(RELEASE)) {
            for (String[] l : leases) {
                ps.setString(1, l[0]);
                ps.setString(2, l[1]);
                ps.addBatch();
            }
            ps.executeBatch();
        }
    }
}
