package dev.shuffify.internal.jdbc;

import dev.shuffify.model.Execution;
import dev.shuffify.model.ExecutionStatus;
import dev.shuffify.model.TriggerSource;
import dev.shuffify.store.ExecutionStore;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/** Executions over JDBC. */
public final class JdbcExecutions implements ExecutionStore {
    private static final String T = "shuffify_executions";
    private static final List<String> COLUMNS = List.of("id", "schedule_id", "user_id", "job_type", "started_at",
            "completed_at", "status", "tracks_added", "tracks_removed", "tracks_total", "error_message",
            "trigger_source", "attempt", "details_json", "warnings_json");
    private static final String RUNNING = "'" + ExecutionStatus.RUNNING.wireName() + "'";

    private final Sql sql;

    /**
     * Creates the store part.
     *
     * @param sql the database
     */
    public JdbcExecutions(Sql sql) {
        this.sql = sql;
    }

    @Override
    public void save(Execution execution) {
        sql.run("save execution '" + execution.id() + "'", c -> {
            upsert(c, execution);
            return null;
        });
    }

    /**
     * Inserts or replaces an execution on a connection.
     *
     * @param c the connection
     * @param execution the execution
     * @throws SQLException on failure
     */
    void upsert(Connection c, Execution execution) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql.dialect().upsert(T, List.of("id"), COLUMNS))) {
            bind(ps, execution);
            ps.executeUpdate();
        }
    }

    /**
     * Inserts or replaces executions on a connection, in one batch.
     *
     * @param c the connection
     * @param list the executions
     * @throws SQLException on failure
     */
    void upsertAll(Connection c, List<Execution> list) throws SQLException {
        if (list.isEmpty()) {
            return;
        }
        if (sql.dialect() == Dialect.POSTGRESQL) {
            PgRows rows = rows(list);
            try (PreparedStatement ps = c.prepareStatement(bulkUpsert(rows))) {
                rows.bind(c, ps, 1);
                ps.executeUpdate();
            }
            return;
        }
        try (PreparedStatement ps = c.prepareStatement(sql.dialect().upsert(T, List.of("id"), COLUMNS))) {
            for (Execution e : list) {
                bind(ps, e);
                ps.addBatch();
            }
            ps.executeBatch();
        }
    }

    /**
     * Writes the ends of executions over rows stored {@code running} (or inserts them where no row is stored),
     * in one batch; a row that has ended already is left as it is. Each is found by its primary key whatever the
     * planner's statistics say (PostgreSQL: an insert whose conflict updates only a running row).
     *
     * @param c the connection
     * @param list the ended executions
     * @return for each, whether it was written
     * @throws SQLException on failure
     */
    boolean[] endAll(Connection c, List<Execution> list) throws SQLException {
        boolean[] written = new boolean[list.size()];
        if (list.isEmpty()) {
            return written;
        }
        if (sql.dialect() == Dialect.POSTGRESQL) {
            // one statement for the batch; the ids it returns are the rows it wrote
            PgRows rows = rows(list);
            java.util.Set<String> ids = new java.util.HashSet<>();
            try (PreparedStatement ps = c.prepareStatement(bulkUpsert(rows) + " WHERE " + T + ".status = " + RUNNING
                    + " RETURNING " + T + ".id")) {
                rows.bind(c, ps, 1);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        ids.add(rs.getString(1));
                    }
                }
            }
            for (int i = 0; i < written.length; i++) {
                written[i] = ids.contains(list.get(i).id());
            }
            return written;
        }
        int[] counts;
        try (PreparedStatement ps = c.prepareStatement(SAVE_IF_RUNNING)) {
            for (Execution e : list) {
                bindIfRunning(ps, e);
                ps.addBatch();
            }
            counts = ps.executeBatch();
        }
        List<Execution> missing = new java.util.ArrayList<>();
        for (int i = 0; i < counts.length; i++) {
            written[i] = counts[i] != 0;
            if (!written[i]) {
                String id = list.get(i).id();
                boolean stored = !Sql.query(c, "SELECT 1 FROM " + T + " WHERE id = ?", ps -> ps.setString(1, id),
                        rs -> 1).isEmpty();
                if (!stored) {
                    missing.add(list.get(i));
                    written[i] = true;
                }
            }
        }
        upsertAll(c, missing);
        return written;
    }

    /**
     * Replaces executions stored {@code running}, in one batch; others are left as they are.
     *
     * @param c the connection
     * @param list the executions
     * @throws SQLException on failure
     */
    void saveAllIfRunning(Connection c, List<Execution> list) throws SQLException {
        if (list.isEmpty()) {
            return;
        }
        try (PreparedStatement ps = c.prepareStatement(SAVE_IF_RUNNING)) {
            for (Execution e : list) {
                bindIfRunning(ps, e);
                ps.addBatch();
            }
            ps.executeBatch();
        }
    }

    private static PgRows rows(List<Execution> list) throws SQLException {
        PgRows rows = new PgRows(COLUMNS);
        for (Execution e : list) {
            rows.add(ps -> bind(ps, e));
        }
        return rows;
    }

    /** PostgreSQL: inserts the rows, or updates the stored row of the same id, in one statement. */
    private static String bulkUpsert(PgRows rows) {
        String updates = COLUMNS.stream().filter(col -> !col.equals("id")).map(col -> col + " = EXCLUDED." + col)
                .collect(java.util.stream.Collectors.joining(", "));
        return "INSERT INTO " + T + " (" + String.join(", ", COLUMNS) + ") SELECT * FROM " + rows.table("r")
                + " ON CONFLICT (id) DO UPDATE SET " + updates;
    }

    private static void bind(PreparedStatement ps, Execution e) throws SQLException {
        int i = 1;
        ps.setString(i++, e.id());
        ps.setString(i++, e.scheduleId());
        ps.setString(i++, e.userId());
        ps.setString(i++, e.jobType());
        Rows.setInstant(ps, i++, e.startedAt());
        Rows.setInstant(ps, i++, e.completedAt());
        ps.setString(i++, e.status().wireName());
        ps.setInt(i++, e.tracksAdded());
        ps.setInt(i++, e.tracksRemoved());
        ps.setInt(i++, e.tracksTotal());
        Rows.setString(ps, i++, e.errorMessage());
        ps.setString(i++, e.triggerSource().name().toLowerCase(Locale.ROOT));
        ps.setInt(i++, e.attempt());
        ps.setString(i++, JsonColumns.write(e.details()));
        ps.setString(i, JsonColumns.write(e.warnings()));
    }

    private static Execution map(ResultSet rs) throws SQLException {
        return new Execution(rs.getString("id"), rs.getString("schedule_id"), rs.getString("user_id"),
                rs.getString("job_type"), Rows.instant(rs, "started_at"), Rows.instant(rs, "completed_at"),
                status(rs.getString("status")), rs.getInt("tracks_added"), rs.getInt("tracks_removed"),
                rs.getInt("tracks_total"), rs.getString("error_message"),
                TriggerSource.valueOf(rs.getString("trigger_source").toUpperCase(Locale.ROOT)), rs.getInt("attempt"),
                JsonColumns.readMap(rs.getString("details_json")), JsonColumns.readStrings(rs.getString("warnings_json")));
    }

    private static ExecutionStatus status(String wire) {
        return ExecutionStatus.valueOf(wire.toUpperCase(Locale.ROOT));
    }

    @Override
    public Optional<Execution> find(String id) {
        return sql.queryOne("find execution '" + id + "'", "SELECT * FROM " + T + " WHERE id = ?",
                ps -> ps.setString(1, id), JdbcExecutions::map);
    }

    @Override
    public List<Execution> listBySchedule(String scheduleId, int limit) {
        return sql.query("list the executions of schedule '" + scheduleId + "'", "SELECT * FROM " + T
                + " WHERE schedule_id = ? ORDER BY started_at DESC, seq DESC LIMIT ?", ps -> {
                    ps.setString(1, scheduleId);
                    ps.setInt(2, limit);
                }, JdbcExecutions::map);
    }

    @Override
    public List<Execution> listByStatus(ExecutionStatus status, int limit) {
        return sql.query("list " + status.wireName() + " executions", "SELECT * FROM " + T
                + " WHERE status = ? ORDER BY started_at, seq LIMIT ?", ps -> {
                    ps.setString(1, status.wireName());
                    ps.setInt(2, limit);
                }, JdbcExecutions::map);
    }

    @Override
    public Map<ExecutionStatus, Long> countByStatus() {
        Map<ExecutionStatus, Long> counts = new EnumMap<>(ExecutionStatus.class);
        sql.query("count executions by status", "SELECT status, COUNT(*) FROM " + T + " GROUP BY status", ps -> {
        }, rs -> counts.put(status(rs.getString(1)), rs.getLong(2)));
        return counts;
    }

    @Override
    public int deleteFinishedBefore(Instant cutoff) {
        return sql.update("delete old executions", "DELETE FROM " + T
                + " WHERE completed_at IS NOT NULL AND completed_at < ?", ps -> Rows.setInstant(ps, 1, cutoff));
    }

    @Override
    public int pruneSchedule(String scheduleId, int keep) {
        return sql.update("prune the executions of schedule '" + scheduleId + "'", "DELETE FROM " + T
                + " WHERE id IN (SELECT id FROM (SELECT id, ROW_NUMBER() OVER (ORDER BY started_at DESC, seq DESC)"
                + " AS rn FROM " + T + " WHERE schedule_id = ? AND status <> " + RUNNING + ") r WHERE rn > ?)", ps -> {
                    ps.setString(1, scheduleId);
                    ps.setInt(2, Math.max(0, keep));
                });
    }

    /** Every column (the id set to itself), then the id again for the condition. */
    private static final String SAVE_IF_RUNNING = "UPDATE " + T + " SET " + String.join(" = ?, ", COLUMNS)
            + " = ? WHERE id = ? AND status = " + RUNNING;

    @Override
    public boolean saveIfRunning(Execution execution) {
        return sql.update("end execution '" + execution.id() + "'", SAVE_IF_RUNNING,
                ps -> bindIfRunning(ps, execution)) == 1;
    }

    private static void bindIfRunning(PreparedStatement ps, Execution execution) throws SQLException {
        bind(ps, execution);
        ps.setString(COLUMNS.size() + 1, execution.id());
    }

    @Override
    public int pruneEachSchedule(int keep) {
        return sql.update("prune executions", "DELETE FROM " + T
                + " WHERE id IN (SELECT id FROM (SELECT id, ROW_NUMBER() OVER (PARTITION BY schedule_id"
                + " ORDER BY started_at DESC, seq DESC) AS rn FROM " + T + " WHERE status <> " + RUNNING
                + ") r WHERE rn > ?)", ps -> ps.setInt(1, Math.max(0, keep)));
    }
}
