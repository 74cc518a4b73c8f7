package dev.shuffify.internal.jdbc;

import dev.shuffify.model.JobIntent;
import dev.shuffify.store.IntentStore;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Job intents over JDBC; the playlists and their pre-job states are one JSON document per intent. */
public final class JdbcIntents implements IntentStore {
    private static final String T = "shuffify_job_intents";
    private static final List<String> COLUMNS = List.of("execution_id", "schedule_id", "user_id", "job_type",
            "recorded_at", "intent_json");

    private final Sql sql;

    /**
     * Creates the store part.
     *
     * @param sql the database
     */
    public JdbcIntents(Sql sql) {
        this.sql = sql;
    }

    @Override
    public void save(JobIntent intent) {
        sql.update("save the intent of execution '" + intent.executionId() + "'",
                sql.dialect().upsert(T, List.of("execution_id"), COLUMNS), ps -> {
                    ps.setString(1, intent.executionId());
                    ps.setString(2, intent.scheduleId());
                    ps.setString(3, intent.userId());
                    ps.setString(4, intent.jobType());
                    Rows.setInstant(ps, 5, intent.recordedAt());
                    ps.setString(6, JsonColumns.write(payload(intent)));
                });
    }

    private static Map<String, Object> payload(JobIntent intent) {
        List<Object> before = new ArrayList<>();
        for (JobIntent.PlaylistBefore b : intent.before()) {
            Map<String, Object> one = new LinkedHashMap<>();
            one.put("playlistId", b.playlistId());
            one.put("name", b.name());
            one.put("uris", b.uris());
            before.add(one);
        }
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("playlists", intent.playlists());
        payload.put("before", before);
        return payload;
    }

    private static JobIntent map(ResultSet rs) throws SQLException {
        Map<String, Object> payload = JsonColumns.readMap(rs.getString("intent_json"));
        List<JobIntent.PlaylistBefore> before = new ArrayList<>();
        for (Object o : (List<?>) payload.get("before")) {
            Map<?, ?> one = (Map<?, ?>) o;
            before.add(new JobIntent.PlaylistBefore((String) one.get("playlistId"), (String) one.get("name"),
                    strings(one.get("uris"))));
        }
        return new JobIntent(rs.getString("execution_id"), rs.getString("schedule_id"), rs.getString("user_id"),
                rs.getString("job_type"), Rows.instant(rs, "recorded_at"), strings(payload.get("playlists")),
                before);
    }

    private static List<String> strings(Object list) {
        return ((List<?>) list).stream().map(String.class::cast).toList();
    }

    @Override
    public Optional<JobIntent> find(String executionId) {
        return sql.queryOne("find the intent of execution '" + executionId + "'",
                "SELECT * FROM " + T + " WHERE execution_id = ?", ps -> ps.setString(1, executionId),
                JdbcIntents::map);
    }

    @Override
    public List<JobIntent> list(int limit) {
        return sql.query("list job intents", "SELECT * FROM " + T
                + " ORDER BY recorded_at, execution_id LIMIT ?", ps -> ps.setInt(1, Math.max(0, limit)),
                JdbcIntents::map);
    }

    @Override
    public List<JobIntent> listBySchedule(String scheduleId) {
        return sql.query("list the intents of schedule '" + scheduleId + "'", "SELECT * FROM " + T
                + " WHERE schedule_id = ? ORDER BY recorded_at, execution_id", ps -> ps.setString(1, scheduleId),
                JdbcIntents::map);
    }

    @Override
    public boolean delete(String executionId) {
        return sql.update("delete the intent of execution '" + executionId + "'",
                "DELETE FROM " + T + " WHERE execution_id = ?", ps -> ps.setString(1, executionId)) > 0;
    }

    void delete(Connection c, String executionId) throws SQLException {
        Sql.update(c, "DELETE FROM " + T + " WHERE execution_id = ?", ps -> ps.setString(1, executionId));
    }

    @Override
    public java.util.Map<String, List<JobIntent>> listBySchedules(java.util.Collection<String> scheduleIds) {
        java.util.Map<String, List<JobIntent>> found = new java.util.HashMap<>();
        java.util.Set<String> ids = new java.util.LinkedHashSet<>(scheduleIds);
        ids.forEach(id -> found.put(id, new java.util.ArrayList<>()));
        if (ids.isEmpty()) {
            return found;
        }
        sql.query("list the intents of " + ids.size() + " schedule(s)", "SELECT * FROM " + T
                + " WHERE schedule_id IN (" + Sql.marks(ids.size()) + ") ORDER BY recorded_at, execution_id",
                Sql.strings(ids), rs -> {
                    JobIntent intent = map(rs);
                    found.get(intent.scheduleId()).add(intent);
                    return intent;
                });
        return found;
    }

    void deleteAll(Connection c, java.util.Collection<String> executionIds) throws SQLException {
        if (executionIds.isEmpty()) {
            return;
        }
        Sql.update(c, "DELETE FROM " + T + " WHERE execution_id IN (" + Sql.marks(executionIds.size()) + ")",
                Sql.strings(executionIds));
    }
}
