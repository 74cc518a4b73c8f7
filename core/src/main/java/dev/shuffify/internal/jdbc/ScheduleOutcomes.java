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
 * The schedule table's part of recording run ends in one transaction: locking the rows, storing outcomes with
 * their lease release (one statement per batch on PostgreSQL), and the releases that move a next run.
 */
final class ScheduleOutcomes {
    private static final String T = ScheduleRows.TABLE;

    private final Sql sql;

    ScheduleOutcomes(Sql sql) {
        this.sql = sql;
    }

    /**
     * Reads schedules and locks their rows until the transaction ends (ordered by id, so two such transactions
     * never deadlock).
     *
     * @param c the connection, in a transaction
     * @param ids the schedule ids
     * @return the stored schedules by id; ids not stored are absent
     * @throws SQLException on failure
     */
    java.util.Map<String, Schedule> lockAll(Connection c, Collection<String> ids) throws SQLException {
        java.util.Map<String, Schedule> found = new java.util.HashMap<>();
        if (ids.isEmpty()) {
            return found;
        }
        Sql.query(c, "SELECT * FROM " + T + " WHERE id IN (" + Sql.marks(ids.size()) + ") ORDER BY id FOR UPDATE",
                Sql.strings(ids), rs -> {
                    Schedule s = ScheduleRows.map(rs);
                    found.put(s.id(), s);
                    return s;
                });
        return found;
    }

    private static final String LEASE_IF = "CASE WHEN lease_token = ? THEN NULL ELSE %s END";
    /**
     * Every column but the lease ones from a schedule, and its lease cleared (retry attempt set) when it is
     * still held by the given token: one row version per recorded outcome. Parameters: the columns (as
     * {@link ScheduleRows#bind}), then the token six times with the retry attempt after the sixth, then the id.
     */
    private static final String OUTCOME_AND_RELEASE = "UPDATE " + T + " SET "
            + String.join(" = ?, ", ScheduleRows.COLUMNS) + " = ?"
            + ", lease_owner = " + LEASE_IF.formatted("lease_owner")
            + ", lease_acquired_at = " + LEASE_IF.formatted("lease_acquired_at")
            + ", lease_expires_at = " + LEASE_IF.formatted("lease_expires_at")
            + ", lease_slot = " + LEASE_IF.formatted("lease_slot")
            + ", lease_target = " + LEASE_IF.formatted("lease_target")
            + ", retry_attempt = CASE WHEN lease_token = ? THEN ? ELSE retry_attempt END"
            + ", lease_token = " + LEASE_IF.formatted("lease_token")
            + " WHERE id = ?";

    /**
     * Stores schedules' outcomes and releases their leases in one statement each, batched.
     *
     * @param c the connection
     * @param outcomes the schedules to store, each with the token of the lease to release (or null) and the
     *     retry attempt to set with it
     * @param stored the schedules as stored before, by id (PostgreSQL writes only the outcome columns of one
     *     whose outcome changed nothing else)
     * @throws SQLException on failure
     */
    void storeOutcomesAndRelease(Connection c, List<java.util.Map.Entry<Schedule, java.util.Map.Entry<String,
            Integer>>> outcomes, java.util.Map<String, Schedule> stored) throws SQLException {
        if (outcomes.isEmpty()) {
            return;
        }
        if (sql.dialect() == Dialect.POSTGRESQL) {
            // one statement for the batch: the outcome columns (every column when the outcome changed others),
            // and the lease released when its token is still the one the run held
            List<java.util.Map.Entry<Schedule, java.util.Map.Entry<String, Integer>>> narrow = new ArrayList<>();
            List<java.util.Map.Entry<Schedule, java.util.Map.Entry<String, Integer>>> wide = new ArrayList<>();
            for (java.util.Map.Entry<Schedule, java.util.Map.Entry<String, Integer>> o : outcomes) {
                Schedule next = o.getKey();
                Schedule before = stored.get(next.id());
                boolean onlyOutcome = before != null && next.equals(before.withOutcome(next.lastRunAt(),
                        next.lastStatus(), next.lastError(), next.nextRunAt()));
                (onlyOutcome ? narrow : wide).add(o);
            }
            storeOutcomesPostgres(c, narrow, OUTCOME_COLUMNS, (ps, s) -> {
                ps.setString(1, s.id());
                Rows.setInstant(ps, 2, s.lastRunAt());
                Rows.setString(ps, 3, s.lastStatus() == null ? null : s.lastStatus().wireName());
                Rows.setString(ps, 4, s.lastError());
                Rows.setInstant(ps, 5, s.nextRunAt());
            });
            storeOutcomesPostgres(c, wide, ScheduleRows.COLUMNS, ScheduleRows::bind);
            return;
        }
        try (PreparedStatement ps = c.prepareStatement(OUTCOME_AND_RELEASE)) {
            for (java.util.Map.Entry<Schedule, java.util.Map.Entry<String, Integer>> o : outcomes) {
                ScheduleRows.bind(ps, o.getKey());
                int i = ScheduleRows.COLUMNS.size() + 1;
                String token = o.getValue().getKey();
                for (int k = 0; k < 6; k++) {
                    Rows.setString(ps, i++, token);
                    if (k == 5) {
                        ps.setInt(i++, Math.max(0, o.getValue().getValue()));
                    }
                }
                Rows.setString(ps, i++, token);
                ps.setString(i, o.getKey().id());
                ps.addBatch();
            }
            ps.executeBatch();
        }
    }

    /** The columns an outcome sets, in the order its binder binds them. */
    private static final List<String> OUTCOME_COLUMNS = List.of("id", "last_run_at", "last_status", "last_error",
            "next_run_at");

    /** Binds one schedule's columns of a captured row. */
    private interface RowBinder {
        void bind(PreparedStatement ps, Schedule s) throws SQLException;
    }

    private void storeOutcomesPostgres(Connection c, List<java.util.Map.Entry<Schedule, java.util.Map.Entry<String,
            Integer>>> outcomes, List<String> columns, RowBinder binder) throws SQLException {
        if (outcomes.isEmpty()) {
            return;
        }
        List<String> all = new ArrayList<>(columns);
        all.add("u_lease_token");
        all.add("u_retry_attempt");
        PgRows rows = new PgRows(all);
        int extra = columns.size();
        for (java.util.Map.Entry<Schedule, java.util.Map.Entry<String, Integer>> o : outcomes) {
            rows.add(ps -> {
                binder.bind(ps, o.getKey());
                Rows.setString(ps, extra + 1, o.getValue().getKey());
                ps.setInt(extra + 2, Math.max(0, o.getValue().getValue()));
            });
        }
        String held = "s.lease_token = r.u_lease_token";
        String set = columns.stream().filter(col -> !col.equals("id")).map(col -> col + " = r." + col)
                .collect(java.util.stream.Collectors.joining(", "));
        String leases = java.util.stream.Stream.of("lease_owner", "lease_acquired_at", "lease_expires_at",
                "lease_slot", "lease_target", "lease_token").map(col -> col + " = CASE WHEN " + held
                + " THEN NULL ELSE s." + col + " END").collect(java.util.stream.Collectors.joining(", "));
        try (PreparedStatement ps = c.prepareStatement("UPDATE " + T + " s SET " + set + ", retry_attempt = CASE"
                + " WHEN " + held + " THEN r.u_retry_attempt ELSE s.retry_attempt END, " + leases + " FROM "
                + rows.table("r") + " WHERE s.id = r.id")) {
            rows.bind(c, ps, 1);
            ps.executeUpdate();
        }
    }

    /**
     * A lease to release with the schedule's next run set.
     *
     * @param token the lease
     * @param retryAttempt the retry attempt of the next run
     * @param nextRunAt the next run, or null for none
     */
    record Release(String token, int retryAttempt, Instant nextRunAt) {
    }

    /**
     * Clears leases by token, each still held, setting the schedule's next run and pending retry attempt: the
     * release of a run that ran and whose execution another node ended meanwhile.
     *
     * @param c the connection
     * @param releases the leases
     * @throws SQLException when the database fails
     */
    void releaseMovingNextRun(Connection c, Collection<Release> releases) throws SQLException {
        if (releases.isEmpty()) {
            return;
        }
        try (PreparedStatement ps = c.prepareStatement("UPDATE " + T + " SET " + JdbcSchedules.CLEAR_LEASE
                + ", next_run_at = ? WHERE lease_token = ?")) {
            for (Release r : releases) {
                ps.setInt(1, Math.max(0, r.retryAttempt()));
                Rows.setInstant(ps, 2, r.nextRunAt());
                ps.setString(3, r.token());
                ps.addBatch();
            }
            ps.executeBatch();
        }
    }

    /**
     * Clears leases by token, setting each schedule's pending retry attempt; the next run is left as stored.
     *
     * @param c the connection
     * @param tokens the lease tokens with the retry attempt to set
     * @throws SQLException on failure
     */
    void clearLeases(Connection c, java.util.Map<String, Integer> tokens) throws SQLException {
        if (tokens.isEmpty()) {
            return;
        }
        try (PreparedStatement ps = c.prepareStatement("UPDATE " + T + " SET " + JdbcSchedules.CLEAR_LEASE
                + " WHERE lease_token = ?")) {
            for (java.util.Map.Entry<String, Integer> t : tokens.entrySet()) {
                ps.setInt(1, Math.max(0, t.getValue()));
                ps.setString(2, t.getKey());
                ps.addBatch();
            }
            ps.executeBatch();
        }
    }
}
