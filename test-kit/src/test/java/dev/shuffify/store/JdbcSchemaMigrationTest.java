package dev.shuffify.store;

import dev.shuffify.store.jdbc.JdbcShuffifyStore;
import static dev.shuffify.testkit.StoreFixtures.T0;
import static dev.shuffify.testkit.StoreFixtures.running;
import static dev.shuffify.testkit.StoreFixtures.schedule;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.shuffify.internal.jdbc.Dialect;
import dev.shuffify.internal.jdbc.JdbcSchedules;
import dev.shuffify.internal.jdbc.Migrator;
import dev.shuffify.internal.jdbc.Sql;
import dev.shuffify.model.ExecutionStatus;
import dev.shuffify.model.Schedule;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import javax.sql.DataSource;
import org.h2.jdbcx.JdbcConnectionPool;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Schema creation, migration of an older schema, refusal of a newer one, and data surviving a restart. */
class JdbcSchemaMigrationTest {
    @TempDir
    Path dir;

    @Test
    void aNewEmbeddedDatabaseIsCreatedOnFirstUseAtTheLatestVersion() {
        Path file = dir.resolve("nested/folder/shuffify");
        try (JdbcShuffifyStore store = JdbcShuffifyStore.embedded(file)) {
            assertThat(store.schemaVersionAtOpen()).isZero();
            assertThat(store.schemaVersion()).isEqualTo(JdbcShuffifyStore.latestSchemaVersion()).isEqualTo(4);
        }
        assertThat(Files.exists(dir.resolve("nested/folder/shuffify.mv.db"))).isTrue();
        try (JdbcShuffifyStore again = JdbcShuffifyStore.embedded(dir.resolve("nested/folder/shuffify.mv.db"))) {
            assertThat(again.schemaVersionAtOpen()).isEqualTo(4);
        }
    }

    @Test
    void anOlderH2SchemaIsMigratedWithItsData() {
        JdbcConnectionPool pool = h2Pool("old");
        try {
            migrateToVersionOneAndSaveASchedule(pool, Dialect.H2);
            try (JdbcShuffifyStore store = JdbcShuffifyStore.create(pool)) {
                assertMigratedAndUsable(store);
            }
        } finally {
            pool.dispose();
        }
    }

    @Test
    void anOlderPostgresSchemaIsMigratedWithItsData() {
        JdbcConnectionPool pool = PostgresTestServer.newSchema(4);
        try {
            migrateToVersionOneAndSaveASchedule(pool, Dialect.POSTGRESQL);
            try (JdbcShuffifyStore store = JdbcShuffifyStore.postgres(pool)) {
                assertMigratedAndUsable(store);
            }
        } finally {
            pool.dispose();
        }
    }

    private static void migrateToVersionOneAndSaveASchedule(DataSource ds, Dialect dialect) {
        Migrator.migrate(ds, dialect, 1, Clock.systemUTC());
        new JdbcSchedules(new Sql(ds, dialect)).save(schedule("s1", "alice", "pl-1", T0));
    }

    private static void assertMigratedAndUsable(JdbcShuffifyStore store) {
        assertThat(store.schemaVersionAtOpen()).isEqualTo(1);
        assertThat(store.schemaVersion()).isEqualTo(4);
        assertThat(store.intents().list(10)).isEmpty();
        assertThat(store.playlistLeases().tryAcquire("pl-1", "e1", null, T0.plusSeconds(60), T0)).isTrue();
        assertThat(store.schedules().find("s1")).contains(schedule("s1", "alice", "pl-1", T0));
        assertThat(store.schedules().claimDue("n", T0, Duration.ofMinutes(1), 10))
                .extracting(ScheduleClaim::scheduleId).containsExactly("s1");
    }

    @Test
    void aNewerH2SchemaIsRefusedWithAClearMessage() {
        JdbcConnectionPool pool = h2Pool("newer");
        try {
            JdbcShuffifyStore.create(pool).close();
            markVersion(pool, 99);
            assertThatThrownBy(() -> JdbcShuffifyStore.create(pool)).isInstanceOf(StoreException.class)
                    .hasMessageContaining("schema is at version 99")
                    .hasMessageContaining("newer than version 4")
                    .hasMessageContaining("upgrade Shuffify");
        } finally {
            pool.dispose();
        }
    }

    @Test
    void aNewerPostgresSchemaIsRefusedWithAClearMessage() {
        JdbcConnectionPool pool = PostgresTestServer.newSchema(4);
        try {
            JdbcShuffifyStore.postgres(pool).close();
            markVersion(pool, 5);
            assertThatThrownBy(() -> JdbcShuffifyStore.postgres(pool)).isInstanceOf(StoreException.class)
                    .hasMessageContaining("schema is at version 5, newer than version 4");
        } finally {
            pool.dispose();
        }
    }

    @Test
    void postgresFactoryRefusesAnotherDatabase() {
        JdbcConnectionPool pool = h2Pool("notpg");
        try {
            assertThatThrownBy(() -> JdbcShuffifyStore.postgres(pool)).isInstanceOf(StoreException.class)
                    .hasMessageContaining("needs a PostgreSQL data source");
        } finally {
            pool.dispose();
        }
    }

    @Test
    void schedulesHistoryAndNextRunsSurviveClosingAndReopeningTheFile() {
        Path file = dir.resolve("restart");
        Schedule s = schedule("s1", "alice", "pl-1", T0.plusSeconds(3600));
        try (JdbcShuffifyStore store = JdbcShuffifyStore.embedded(file)) {
            store.schedules().save(s);
            store.executions().save(running("e1", "s1", T0));
            store.recordOutcome(running("e1", "s1", T0).ended(T0.plusSeconds(2), ExecutionStatus.FAILED, "boom"),
                    s.withOutcome(T0.plusSeconds(2), ExecutionStatus.FAILED, "boom", T0.plusSeconds(7200)));
        }
        try (JdbcShuffifyStore store = JdbcShuffifyStore.embedded(file)) {
            Schedule reopened = store.schedules().find("s1").orElseThrow();
            assertThat(reopened.nextRunAt()).isEqualTo(T0.plusSeconds(7200));
            assertThat(reopened.lastStatus()).isEqualTo(ExecutionStatus.FAILED);
            assertThat(store.executions().listBySchedule("s1", 10)).singleElement()
                    .satisfies(e -> assertThat(e.errorMessage()).isEqualTo("boom"));
        }
    }

    private JdbcConnectionPool h2Pool(String name) {
        return JdbcConnectionPool.create("jdbc:h2:file:" + dir.resolve(name), "sa", "");
    }

    private static void markVersion(DataSource ds, int version) {
        try (Connection c = ds.getConnection(); Statement s = c.createStatement()) {
            s.execute("INSERT INTO " + Migrator.VERSION_TABLE + " (version, description, installed_at) VALUES ("
                    + version + ", 'from the future', CURRENT_TIMESTAMP)");
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
