package dev.shuffify.internal.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import dev.shuffify.model.JobSpec;
import dev.shuffify.model.MisfirePolicy;
import dev.shuffify.model.Schedule;
import dev.shuffify.model.Trigger;
import dev.shuffify.store.jdbc.JdbcShuffifyStore;
import dev.shuffify.store.PostgresTestServer;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.sql.DataSource;
import org.h2.jdbcx.JdbcConnectionPool;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Due detection reads the due-schedule index, so its cost follows the number of due schedules, not the
 * number of schedules: checked on PostgreSQL's plan for the claim statement, and on H2 by the rows it scans.
 */
class DueDetectionIndexTest {
    private static final Instant NOW = Instant.parse("2026-03-02T10:00:00Z");
    private static final int SCHEDULES = 5000;
    private static final int DUE = 10;

    @TempDir
    Path dir;

    @Test
    void postgresClaimsThroughTheDueIndex() throws SQLException {
        JdbcConnectionPool pool = PostgresTestServer.newSchema(4);
        try (JdbcShuffifyStore store = JdbcShuffifyStore.postgres(pool)) {
            assertThat(store.schemaVersion()).isEqualTo(Migrator.latest());
            fill(pool, Dialect.POSTGRESQL);
            String plan;
            try (Connection c = pool.getConnection()) {
                try (Statement s = c.createStatement()) {
                    s.execute("ANALYZE shuffify_schedules");
                }
                plan = explain(c, "EXPLAIN " + JdbcSchedules.PG_CLAIM_DUE, ps -> {
                    Rows.setInstant(ps, 1, NOW);
                    ps.setInt(2, 50);
                    ps.setInt(3, 20);
                    ps.setString(4, "node");
                    ps.setString(5, "token:");
                    Rows.setInstant(ps, 6, NOW);
                    Rows.setInstant(ps, 7, NOW.plusSeconds(300));
                });
            }
            assertThat(plan).contains("shuffify_schedules_due").contains("LockRows")
                    .doesNotContain("Seq Scan on shuffify_schedules c");
        } finally {
            pool.dispose();
        }
    }

    @Test
    void h2ScansOnlyTheDueRows() throws SQLException {
        JdbcConnectionPool pool = JdbcConnectionPool.create("jdbc:h2:async:" + dir.resolve("due"), "sa", "");
        try (JdbcShuffifyStore store = JdbcShuffifyStore.create((DataSource) pool)) {
            assertThat(store.schemaVersion()).isEqualTo(Migrator.latest());
            fill(pool, Dialect.H2);
            String plan;
            try (Connection c = pool.getConnection()) {
                plan = explain(c, "EXPLAIN ANALYZE " + JdbcSchedules.H2_DUE_CANDIDATES, ps -> {
                    Rows.setInstant(ps, 1, NOW);
                    ps.setInt(2, 50);
                });
            }
            assertThat(plan).containsIgnoringCase("SHUFFIFY_SCHEDULES_DUE");
            Matcher scanned = Pattern.compile("SHUFFIFY_SCHEDULES_DUE[^*]*\\*/\\s*/\\* scanCount: (\\d+)",
                    Pattern.CASE_INSENSITIVE).matcher(plan);
            assertThat(scanned.find()).as("scan count in %s", plan).isTrue();
            assertThat(Integer.parseInt(scanned.group(1))).as("rows scanned of %d, %d due", SCHEDULES, DUE)
                    .isLessThanOrEqualTo(DUE + 1);
        } finally {
            pool.dispose();
        }
    }

    @Test
    void h2FindsExpiredLeasesWithoutReadingTheUnleasedSchedules() throws SQLException {
        JdbcConnectionPool pool = JdbcConnectionPool.create("jdbc:h2:async:" + dir.resolve("expired"), "sa", "");
        try (JdbcShuffifyStore store = JdbcShuffifyStore.create((DataSource) pool)) {
            fill(pool, Dialect.H2);
            String plan;
            try (Connection c = pool.getConnection()) {
                plan = explain(c, "EXPLAIN ANALYZE " + JdbcSchedules.FIND_EXPIRED, ps -> {
                    Rows.setInstant(ps, 1, Instant.EPOCH);
                    Rows.setInstant(ps, 2, NOW);
                    ps.setInt(3, 50);
                });
            }
            Matcher scanned = Pattern.compile("scanCount: (\\d+)").matcher(plan);
            assertThat(scanned.find()).as("scan count in %s", plan).isTrue();
            assertThat(Integer.parseInt(scanned.group(1))).as("rows scanned of %d, none leased", SCHEDULES)
                    .isLessThanOrEqualTo(1);
            assertThat(store.schedules().findExpired(NOW, 50)).isEmpty();
        } finally {
            pool.dispose();
        }
    }

    /** Many schedules, a few due; every seventh one not due is disabled. One transaction. */
    static void fill(DataSource ds, Dialect dialect, int count, int due, Instant now) {
        Sql sql = new Sql(ds, dialect);
        JdbcSchedules schedules = new JdbcSchedules(sql);
        sql.inTransaction("fill", c -> {
            for (int i = 0; i < count; i++) {
                Instant next = i < due ? now.minusSeconds(60 + i) : now.plus(Duration.ofSeconds(60L + i));
                JobSpec job = JobSpec.builder("shuffle").target("pl-" + i, "").build();
                schedules.upsert(c, new Schedule("s" + i, "u" + i % 50, job, Trigger.named("daily"), i % 7 != 0
                        || i < due, true, MisfirePolicy.RUN_ONCE, now, now, null, null, null, next));
            }
            return null;
        });
    }

    private static void fill(DataSource ds, Dialect dialect) {
        fill(ds, dialect, SCHEDULES, DUE, NOW);
    }

    private static String explain(Connection c, String sql, Sql.Binder binder) throws SQLException {
        StringBuilder plan = new StringBuilder();
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            binder.bind(ps);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    plan.append(rs.getString(1)).append('\n');
                }
            }
        }
        return plan.toString();
    }
}
