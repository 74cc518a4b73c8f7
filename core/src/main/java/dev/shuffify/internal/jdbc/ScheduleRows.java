package dev.shuffify.internal.jdbc;

import dev.shuffify.model.DiscoverySource;
import dev.shuffify.model.ExecutionStatus;
import dev.shuffify.model.JobSpec;
import dev.shuffify.model.MisfirePolicy;
import dev.shuffify.model.PlaylistRef;
import dev.shuffify.model.Schedule;
import dev.shuffify.model.Trigger;
import dev.shuffify.store.ScheduleClaim;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Maps {@link Schedule}s and their leases to and from rows of {@code shuffify_schedules}. */
final class ScheduleRows {
    static final String TABLE = "shuffify_schedules";
    static final List<String> COLUMNS = List.of("id", "user_id", "job_type", "target_id", "target_name", "job_json",
            "trigger_kind", "trigger_name", "trigger_minutes", "cron_expression", "cron_zone", "enabled",
            "verify_writes", "misfire_policy", "created_at", "updated_at", "last_run_at", "last_status", "last_error",
            "next_run_at");

    private ScheduleRows() {
    }

    static void bind(PreparedStatement ps, Schedule s) throws SQLException {
        int i = 1;
        ps.setString(i++, s.id());
        ps.setString(i++, s.userId());
        ps.setString(i++, s.jobType());
        PlaylistRef target = s.job().target();
        Rows.setString(ps, i++, target == null ? null : target.id());
        Rows.setString(ps, i++, target == null ? null : target.name());
        ps.setString(i++, JsonColumns.write(jobJson(s.job())));
        if (s.trigger() instanceof Trigger.Interval interval) {
            ps.setString(i++, "interval");
            Rows.setString(ps, i++, interval.name());
            Rows.setLong(ps, i++, interval.every().toMinutes());
            Rows.setString(ps, i++, null);
            Rows.setString(ps, i++, null);
        } else {
            Trigger.Cron cron = (Trigger.Cron) s.trigger();
            ps.setString(i++, "cron");
            Rows.setString(ps, i++, null);
            Rows.setLong(ps, i++, null);
            ps.setString(i++, cron.expression());
            ps.setString(i++, cron.zone().getId());
        }
        ps.setBoolean(i++, s.enabled());
        ps.setBoolean(i++, s.verifyWrites());
        ps.setString(i++, s.misfirePolicy().name().toLowerCase(Locale.ROOT));
        Rows.setInstant(ps, i++, s.createdAt());
        Rows.setInstant(ps, i++, s.updatedAt());
        Rows.setInstant(ps, i++, s.lastRunAt());
        Rows.setString(ps, i++, s.lastStatus() == null ? null : s.lastStatus().wireName());
        Rows.setString(ps, i++, s.lastError());
        Rows.setInstant(ps, i, s.nextRunAt());
    }

    static Schedule map(ResultSet rs) throws SQLException {
        String targetId = rs.getString("target_id");
        PlaylistRef target = targetId == null ? null : new PlaylistRef(targetId, rs.getString("target_name"));
        JobSpec job = job(rs.getString("job_type"), target, JsonColumns.readMap(rs.getString("job_json")));
        Trigger trigger = "cron".equals(rs.getString("trigger_kind"))
                ? Trigger.cron(rs.getString("cron_expression"), ZoneId.of(rs.getString("cron_zone")))
                : new Trigger.Interval(rs.getString("trigger_name"), Duration.ofMinutes(rs.getLong("trigger_minutes")));
        String status = rs.getString("last_status");
        return new Schedule(rs.getString("id"), rs.getString("user_id"), job, trigger, rs.getBoolean("enabled"),
                rs.getBoolean("verify_writes"), MisfirePolicy.valueOf(rs.getString("misfire_policy").toUpperCase(
                        Locale.ROOT)), Rows.instant(rs, "created_at"), Rows.instant(rs, "updated_at"),
                Rows.instant(rs, "last_run_at"), status == null ? null : ExecutionStatus.valueOf(status.toUpperCase(
                        Locale.ROOT)), rs.getString("last_error"), Rows.instant(rs, "next_run_at"));
    }

    static ScheduleClaim mapClaim(ResultSet rs) throws SQLException {
        return new ScheduleClaim(map(rs), rs.getString("lease_owner"), rs.getString("lease_token"),
                Rows.instant(rs, "lease_slot"), Rows.instant(rs, "lease_acquired_at"),
                Rows.instant(rs, "lease_expires_at"), Math.max(1, rs.getInt("retry_attempt")));
    }

    private static Map<String, Object> jobJson(JobSpec job) {
        Map<String, Object> json = new LinkedHashMap<>();
        List<Map<String, Object>> sources = new ArrayList<>();
        for (DiscoverySource source : job.sources()) {
            Map<String, Object> s = new LinkedHashMap<>();
            s.put("strategy", source.strategy());
            s.put("argument", source.argument());
            s.put("params", source.params());
            sources.add(s);
        }
        json.put("sources", sources);
        json.put("algorithm", job.algorithm());
        json.put("algorithmParams", job.algorithmParams());
        json.put("params", job.params());
        return json;
    }

    @SuppressWarnings("unchecked")
    private static JobSpec job(String type, PlaylistRef target, Map<String, Object> json) {
        List<DiscoverySource> sources = new ArrayList<>();
        for (Object o : (List<Object>) json.getOrDefault("sources", List.of())) {
            Map<String, Object> s = (Map<String, Object>) o;
            sources.add(new DiscoverySource((String) s.get("strategy"), (String) s.get("argument"),
                    (Map<String, Object>) s.get("params")));
        }
        return new JobSpec(type, target, sources, (String) json.get("algorithm"),
                (Map<String, Object>) json.get("algorithmParams"), (Map<String, Object>) json.get("params"));
    }
}
