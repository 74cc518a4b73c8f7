package dev.shuffify.internal.jdbc;

import dev.shuffify.model.Schedule;
import dev.shuffify.store.DueBacklog;
import dev.shuffify.store.ScheduleClaim;
import dev.shuffify.store.ScheduleStore;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Schedules and leases over JDBC. Claiming on PostgreSQL is one statement that locks due rows with
 * {@code FOR UPDATE SKIP LOCKED}, so concurrent nodes each take different schedules; on H2 (one node) a lock in
 * this JVM serialises claims, and each row is taken by a conditional update.
 */
public final class JdbcSchedules implements ScheduleStore {
    private static final Logger LOG = LoggerFactory.getLogger(JdbcSchedules.class);
    private static final Object H2_CLAIM_LOCK = new Object();

    private static final String T = ScheduleRows.TABLE;
    private static final String FREE_TARGET = "(c.target_id IS NULL OR NOT EXISTS (SELECT 1 FROM " + T
            + " o WHERE o.lease_target = c.target_id))";
    private static final String DUE = "c.enabled = TRUE AND c.next_run_at <= ? AND c.lease_owner IS NULL";
    private static final String SET_LEASE = "lease_owner = ?, lease_token = ?, lease_acquired_at = ?, "
            + "lease_expires_at = ?, lease_slot = next_run_at, lease_target = target_id";
    static final String CLEAR_LEASE = "lease_owner = NULL, lease_token = NULL, lease_acquired_at = NULL, "
            + "lease_expires_at = NULL, lease_slot = NULL, lease_target = NULL, retry_attempt = ?";

    /** PostgreSQL: claim in one statement. Parameters: now, candidate limit, limit, owner, token prefix, acquired, expires. */
    static final String PG_CLAIM_DUE = "WITH candidates AS ("
            + " SELECT c.id, c.target_id, c.next_run_at FROM " + T + " c WHERE " + DUE + " AND " + FREE_TARGET
            + " ORDER BY c.next_run_at LIMIT ? FOR UPDATE SKIP LOCKED),"
            + " chosen AS (SELECT id FROM (SELECT id, next_run_at, ROW_NUMBER() OVER (PARTITION BY"
            + " COALESCE(target_id, id) ORDER BY next_run_at, id) AS rn FROM candidates) r WHERE rn = 1"
            + " ORDER BY next_run_at LIMIT ?)"
            + " UPDATE " + T + " s SET lease_owner = ?, lease_token = ? || s.id, lease_acquired_at = ?,"
            + " lease_expires_at = ?, lease_slot = s.next_run_at, lease_target = s.target_id"
            + " FROM chosen WHERE s.id = chosen.id RETURNING s.*";

    /** H2: the due candidates, earliest first. Parameters: now, limit. */
    static final String H2_DUE_CANDIDATES = "SELECT * FROM " + T + " c WHERE " + DUE + " AND " + FREE_TARGET
            + " ORDER BY c.next_run_at LIMIT ?";

    private final Sql sql;
    private final ScheduleOutcomes outcomes;

    /**
     * Creates the store part.
     *
     * @param sql the database
     */
    public JdbcSchedules(Sql sql) {
        this.sql = sql;
        this.outcomes = new ScheduleOutcomes(sql);
    }

    @Override
    public void save(Schedule schedule) {
        sql.run("save schedule '" + schedule.id() + "'", c -> {
            upsert(c, schedule);
            return null;
        });
    }

    /**
     * Inserts or replaces a schedule on a connection (lease columns untouched).
     *
     * @param c the connection
     * @param schedule the schedule
     * @throws SQLException on failure
     */
    void upsert(Connection c, Schedule schedule) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql.dialect().upsert(T, List.of("id"), ScheduleRows.COLUMNS))) {
            ScheduleRows.bind(ps, schedule);
            ps.executeUpdate();
        }
    }

    @Override
    public Optional<Schedule> find(String id) {
        return sql.queryOne("find schedule '" + id + "'", "SELECT * FROM " + T + " WHERE id = ?",
                ps -> ps.setString(1, id), ScheduleRows::map);
    }

    @Override
    public List<Schedule> listByUser(String userId) {
        return sql.query("list the schedules of user '" + userId + "'",
                "SELECT * FROM " + T + " WHERE user_id = ? ORDER BY created_at, seq", ps -> ps.setString(1, userId),
                ScheduleRows::map);
    }

    @Override
    public List<Schedule> listAll() {
        return sql.query("list schedules", "SELECT * FROM " + T + " ORDER BY created_at, seq", ps -> {
        }, ScheduleRows::map);
    }

    @Override
    public List<Schedule> findDue(Instant now, int limit) {
        return sql.query("find due schedules", "SELECT * FROM " + T
                + " WHERE enabled = TRUE AND next_run_at <= ? ORDER BY next_run_at LIMIT ?", ps -> {
                    Rows.setInstant(ps, 1, now);
                    ps.setInt(2, limit);
                }, ScheduleRows::map);
    }

    @Override
    public DueBacklog dueBacklog(Instant now) {
        return sql.queryOne("measure the due backlog",
                "SELECT COUNT(*) AS due, MIN(c.next_run_at) AS oldest FROM " + T + " c WHERE " + DUE, ps -> Rows.setInstant(ps, 1, now), rs -> {
                    long count = rs.getLong(1);
                    return count == 0 ? DueBacklog.EMPTY : new DueBacklog(count, Rows.instant(rs, "oldest"));
                }).orElse(DueBacklog.EMPTY);
    }

    @Override
    public boolean delete(String id) {
        return sql.update("delete schedule '" + id + "'", "DELETE FROM " + T + " WHERE id = ?",
                ps -> ps.setString(1, id)) > 0;
    }

    @Override
    public long count() {
        return sql.queryOne("count schedules", "SELECT COUNT(*) FROM " + T, ps -> {
        }, rs -> rs.getLong(1)).orElse(0L);
    }

    @Override
    public List<ScheduleClaim> claimDue(String owner, Instant now, Duration lease, int limit) {
        if (limit <= 0) {
            return List.of();
        }
        Instant expires = now.plus(lease);
        List<ScheduleClaim> claims = sql.dialect() == Dialect.POSTGRESQL ? claimDuePostgres(owner, now, expires, limit)
                : claimDueH2(owner, now, expires, limit);
        return claims.stream().sorted(Comparator.comparing(ScheduleClaim::slot)).toList();
    }

    private List<ScheduleClaim> claimDuePostgres(String owner, Instant now, Instant expires, int limit) {
        return sql.run("claim due schedules", c -> {
            try {
                return claimDuePostgres(c, owner, now, expires, limit);
            } catch (SQLException e) {
                if (!Sql.isUniqueViolation(e)) {
                    throw e;
                }
                // another node leased a schedule with the same target at the same moment; try again next poll
                LOG.debug("claim raced with another node on a target playlist; nothing claimed this time");
                return List.of();
            }
        });
    }

    private static List<ScheduleClaim> claimDuePostgres(Connection c, String owner, Instant now, Instant expires,
            int limit) throws SQLException {
        String prefix = UUID.randomUUID() + ":";
        return Sql.query(c, PG_CLAIM_DUE, ps -> {
            Rows.setInstant(ps, 1, now);
            ps.setInt(2, candidates(limit));
            ps.setInt(3, limit);
            ps.setString(4, owner);
            ps.setString(5, prefix);
            Rows.setInstant(ps, 6, now);
            Rows.setInstant(ps, 7, expires);
        }, ScheduleRows::mapClaim);
    }

    private List<ScheduleClaim> claimDueH2(String owner, Instant now, Instant expires, int limit) {
        synchronized (H2_CLAIM_LOCK) {
            return sql.inTransaction("claim due schedules", c -> claimDueH2(c, owner, now, expires, limit));
        }
    }

    /** H2, under {@link #H2_CLAIM_LOCK}, in a transaction. */
    private static List<ScheduleClaim> claimDueH2(Connection c, String owner, Instant now, Instant expires,
            int limit) throws SQLException {
        List<Candidate> candidates = Sql.query(c, H2_DUE_CANDIDATES, ps -> {
                    Rows.setInstant(ps, 1, now);
                    ps.setInt(2, candidates(limit));
                }, rs -> new Candidate(ScheduleRows.map(rs), rs.getInt("retry_attempt")));
        Set<String> targets = new HashSet<>();
        List<ScheduleClaim> claims = new ArrayList<>();
        for (Candidate candidate : candidates) {
            Schedule s = candidate.schedule();
            String target = s.job().target() == null ? null : s.job().target().id();
            if (claims.size() >= limit || target != null && !targets.add(target)) {
                continue;
            }
            String token = UUID.randomUUID() + ":" + s.id();
            int updated = Sql.update(c, "UPDATE " + T + " SET " + SET_LEASE
                    + " WHERE id = ? AND lease_owner IS NULL AND enabled = TRUE AND next_run_at = ?", ps -> {
                        bindLease(ps, owner, token, now, expires);
                        ps.setString(5, s.id());
                        Rows.setInstant(ps, 6, s.nextRunAt());
                    });
            if (updated == 1) {
                claims.add(new ScheduleClaim(s, owner, token, s.nextRunAt(), Rows.stored(now),
                        Rows.stored(expires), Math.max(1, candidate.retryAttempt())));
            }
        }
        return claims;
    }

    /**
     * Claims due schedules on a connection in a transaction the caller commits. On H2 the caller holds
     * {@link #h2ClaimLock()}. On PostgreSQL a race with another node on a target playlist (a unique violation)
     * is thrown: the transaction is then aborted.
     *
     * @param c the connection
     * @param owner the node
     * @param now the time
     * @param lease how long the leases last
     * @param limit at most this many
     * @return the claims, earliest slot first
     * @throws SQLException when the database fails
     */
    List<ScheduleClaim> claimDue(Connection c, String owner, Instant now, Duration lease, int limit)
            throws SQLException {
        if (limit <= 0) {
            return List.of();
        }
        Instant expires = now.plus(lease);
        List<ScheduleClaim> claims = sql.dialect() == Dialect.POSTGRESQL
                ? claimDuePostgres(c, owner, now, expires, limit) : claimDueH2(c, owner, now, expires, limit);
        return claims.stream().sorted(Comparator.comparing(ScheduleClaim::slot)).toList();
    }

    /**
     * The lock H2's claims are taken under (H2 is one node: claims are serialised in this JVM).
     *
     * @return the lock
     */
    static Object h2ClaimLock() {
        return H2_CLAIM_LOCK;
    }

    private record Candidate(Schedule schedule, int retryAttempt) {
    }

    private static int candidates(int limit) {
        // a few extra rows, so schedules sharing a target do not starve the batch
        return (int) Math.min(Integer.MAX_VALUE, limit * 2L + 10);
    }

    private static void bindLease(PreparedStatement ps, String owner, String token, Instant now, Instant expires)
            throws SQLException {
        ps.setString(1, owner);
        ps.setString(2, token);
        Rows.setInstant(ps, 3, now);
        Rows.setInstant(ps, 4, expires);
    }

    @Override
    public Optional<ScheduleClaim> claim(String scheduleId, String owner, Instant now, Duration lease) {
        String token = UUID.randomUUID() + ":" + scheduleId;
        Instant expires = now.plus(lease);
        Sql.Work<Optional<ScheduleClaim>> work = c -> {
            int updated;
            try {
                updated = Sql.update(c, "UPDATE " + T + " c SET " + SET_LEASE
                        + " WHERE c.id = ? AND c.lease_owner IS NULL AND " + FREE_TARGET, ps -> {
                            bindLease(ps, owner, token, now, expires);
                            ps.setString(5, scheduleId);
                        });
            } catch (SQLException e) {
                if (!Sql.isUniqueViolation(e)) {
                    throw e;
                }
                return Optional.empty();
            }
            if (updated == 0) {
                return Optional.empty();
            }
            List<ScheduleClaim> claims = Sql.query(c, "SELECT * FROM " + T + " WHERE lease_token = ?",
                    ps -> ps.setString(1, token), ScheduleRows::mapClaim);
            return claims.stream().findFirst();
        };
        if (sql.dialect() == Dialect.H2) {
            synchronized (H2_CLAIM_LOCK) {
                return sql.run("claim schedule '" + scheduleId + "'", work);
            }
        }
        return sql.run("claim schedule '" + scheduleId + "'", work);
    }

    @Override
    public int renew(Collection<String> tokens, Instant expiresAt) {
        if (tokens.isEmpty()) {
            return 0;
        }
        return sql.inTransaction("renew leases", c -> {
            int renewed = 0;
            try (PreparedStatement ps = c.prepareStatement("UPDATE " + T
                    + " SET lease_expires_at = ? WHERE lease_token = ?")) {
                for (String token : tokens) {
                    Rows.setInstant(ps, 1, expiresAt);
                    ps.setString(2, token);
                    renewed += ps.executeUpdate();
                }
            }
            return renewed;
        });
    }

    @Override
    public boolean release(String token, Instant expectedNextRunAt, Instant nextRunAt, int retryAttempt) {
        return end("release a lease", token, null, expectedNextRunAt, nextRunAt, retryAttempt);
    }

    @Override
    public boolean recoverExpired(String token, Instant now, Instant expectedNextRunAt, Instant nextRunAt,
            int retryAttempt) {
        return end("recover an expired lease", token, now, expectedNextRunAt, nextRunAt, retryAttempt);
    }

    private boolean end(String operation, String token, Instant expiredBefore, Instant expectedNextRunAt,
            Instant nextRunAt, int retryAttempt) {
        String when = expectedNextRunAt == null ? "next_run_at IS NULL" : "next_run_at = ?";
        String statement = "UPDATE " + T + " SET " + CLEAR_LEASE + ", next_run_at = CASE WHEN " + when
                + " THEN ? ELSE next_run_at END WHERE lease_token = ?"
                + (expiredBefore == null ? "" : " AND lease_expires_at < ?");
        return sql.update(operation, statement, ps -> {
            int i = 1;
            ps.setInt(i++, Math.max(0, retryAttempt));
            if (expectedNextRunAt != null) {
                Rows.setInstant(ps, i++, expectedNextRunAt);
            }
            Rows.setInstant(ps, i++, nextRunAt);
            ps.setString(i++, token);
            if (expiredBefore != null) {
                Rows.setInstant(ps, i, expiredBefore);
            }
        }) == 1;
    }

    /**
     * Leases expired before a time. The lower bound keeps H2 from walking the NULL expiries (every unleased
     * schedule) at the start of the index: one row read instead of all of them (docs/benchmarks.md, table 2).
     */
    static final String FIND_EXPIRED = "SELECT * FROM " + T + " WHERE lease_token IS NOT NULL"
            + " AND lease_expires_at >= ? AND lease_expires_at < ? ORDER BY lease_expires_at LIMIT ?";

    @Override
    public List<ScheduleClaim> findExpired(Instant now, int limit) {
        return sql.query("find expired leases", FIND_EXPIRED, ps -> {
                    Rows.setInstant(ps, 1, Instant.EPOCH);
                    Rows.setInstant(ps, 2, now);
                    ps.setInt(3, limit);
                }, ScheduleRows::mapClaim);
    }

    @Override
    public List<ScheduleClaim> listLeases() {
        return sql.query("list leases", "SELECT * FROM " + T
                + " WHERE lease_token IS NOT NULL AND lease_expires_at >= ? ORDER BY lease_acquired_at, seq",
                ps -> Rows.setInstant(ps, 1, Instant.EPOCH), ScheduleRows::mapClaim);
    }

    /** @return the batch writes of run ends: locks, outcomes and lease releases */
    ScheduleOutcomes outcomes() {
        return outcomes;
    }
}
