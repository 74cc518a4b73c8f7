package dev.shuffify.internal.jdbc;

import dev.shuffify.model.Membership;
import dev.shuffify.store.MembershipStore;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Playlist membership history over JDBC; one observation is one transaction. */
public final class JdbcMembership implements MembershipStore {
    private static final String T = "shuffify_membership";
    private static final List<String> COLUMNS = List.of("playlist_id", "uri", "first_seen_at", "left_at");

    private final Sql sql;

    /**
     * Creates the store part.
     *
     * @param sql the database
     */
    public JdbcMembership(Sql sql) {
        this.sql = sql;
    }

    @Override
    public void observe(String playlistId, Collection<String> uris, Instant at) {
        observe(playlistId, uris, Map.of(), at);
    }

    @Override
    public void observe(String playlistId, Collection<String> uris, Map<String, Instant> addedAt, Instant at) {
        sql.inTransaction("record the membership of playlist '" + playlistId + "'", c -> {
            Map<String, Membership> records = new LinkedHashMap<>();
            Sql.query(c, "SELECT * FROM " + T + " WHERE playlist_id = ?", ps -> ps.setString(1, playlistId),
                    JdbcMembership::map).forEach(m -> records.put(m.uri(), m));
            Set<String> now = new HashSet<>(uris);
            List<Membership> changed = new java.util.ArrayList<>();
            for (String uri : now) {
                Membership m = records.get(uri);
                if (m == null || !m.isPresent()) {
                    changed.add(Membership.entering(playlistId, uri, at, addedAt.get(uri), m));
                }
            }
            for (Membership m : records.values()) {
                if (m.isPresent() && !now.contains(m.uri())) {
                    changed.add(new Membership(playlistId, m.uri(), m.firstSeenAt(), at));
                }
            }
            try (PreparedStatement ps = c.prepareStatement(sql.dialect().upsert(T, List.of("playlist_id", "uri"),
                    COLUMNS))) {
                for (Membership m : changed) {
                    ps.setString(1, m.playlistId());
                    ps.setString(2, m.uri());
                    Rows.setInstant(ps, 3, m.firstSeenAt());
                    Rows.setInstant(ps, 4, m.leftAt());
                    ps.addBatch();
                }
                if (!changed.isEmpty()) {
                    ps.executeBatch();
                }
            }
            return null;
        });
    }

    private static Membership map(ResultSet rs) throws SQLException {
        return new Membership(rs.getString("playlist_id"), rs.getString("uri"), Rows.instant(rs, "first_seen_at"),
                Rows.instant(rs, "left_at"));
    }

    @Override
    public Map<String, Membership> find(String playlistId) {
        Map<String, Membership> out = new LinkedHashMap<>();
        sql.query("read the membership of playlist '" + playlistId + "'", "SELECT * FROM " + T
                + " WHERE playlist_id = ?", ps -> ps.setString(1, playlistId), JdbcMembership::map)
                .forEach(m -> out.put(m.uri(), m));
        return Map.copyOf(out);
    }
}
