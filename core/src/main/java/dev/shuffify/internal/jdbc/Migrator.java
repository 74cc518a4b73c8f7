package dev.shuffify.internal.jdbc;

import dev.shuffify.store.StoreException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Creates and migrates the schema with versioned scripts ({@code dev/shuffify/jdbc/<dialect>/V<n>__<name>.sql})
 * and records each applied version in {@value #VERSION_TABLE}. Opening an older schema applies the missing
 * scripts in order; opening a newer one fails with a message saying so.
 *
 * <p>On PostgreSQL every pending script runs in one transaction under an advisory lock, so nodes starting at
 * once migrate exactly once. On H2 (one node) a lock in this JVM serialises migrations, and every script is
 * written so it can be run again after a crash half-way.
 */
public final class Migrator {
    private static final Logger LOG = LoggerFactory.getLogger(Migrator.class);

    /** The table that records applied versions. */
    public static final String VERSION_TABLE = "shuffify_schema_version";

    /** Every migration, oldest first. */
    public static final List<Migration> MIGRATIONS = List.of(
            new Migration(1, "core_tables"),
            new Migration(2, "scheduler_leases"),
            new Migration(3, "job_intents"),
            new Migration(4, "playlist_leases"));

    private static final long ADVISORY_LOCK_KEY = 0x5348_5546_4649_4659L; // "SHUFFIFY"
    private static final Object H2_LOCK = new Object();

    /**
     * One versioned script.
     *
     * @param version its version, from 1
     * @param name its name
     */
    public record Migration(int version, String name) {
        String resource(Dialect dialect) {
            return "/dev/shuffify/jdbc/" + dialect.folder() + "/V" + version + "__" + name + ".sql";
        }
    }

    private Migrator() {
    }

    /**
     * The newest schema version this library knows.
     *
     * @return the version
     */
    public static int latest() {
        return MIGRATIONS.get(MIGRATIONS.size() - 1).version();
    }

    /**
     * Brings the schema to {@code target}.
     *
     * @param dataSource the database
     * @param dialect its dialect
     * @param target the version to reach (tests pass an older one)
     * @param clock stamps the version rows
     * @return the version the schema was at before
     * @throws StoreException when a script fails, or the schema is newer than this library
     */
    public static int migrate(DataSource dataSource, Dialect dialect, int target, Clock clock) {
        Sql sql = new Sql(dataSource, dialect);
        if (dialect == Dialect.H2) {
            synchronized (H2_LOCK) {
                return sql.run("migrate the schema", c -> migrate(c, dialect, target, clock));
            }
        }
        return sql.inTransaction("migrate the schema", c -> {
            try (Statement s = c.createStatement()) {
                s.execute("SELECT pg_advisory_xact_lock(" + ADVISORY_LOCK_KEY + ")");
            }
            return migrate(c, dialect, target, clock);
        });
    }

    private static int migrate(Connection c, Dialect dialect, int target, Clock clock) throws SQLException {
        try (Statement s = c.createStatement()) {
            s.execute("CREATE TABLE IF NOT EXISTS " + VERSION_TABLE + " (version INT NOT NULL PRIMARY KEY, "
                    + "description VARCHAR(200) NOT NULL, installed_at TIMESTAMP(6) WITH TIME ZONE NOT NULL)");
        }
        int current = currentVersion(c);
        if (current > latest()) {
            throw new StoreException("the database schema is at version " + current
                    + ", newer than version " + latest() + " that this Shuffify understands; upgrade Shuffify "
                    + "to the version that wrote this database, or point it at another database");
        }
        for (Migration m : MIGRATIONS) {
            if (m.version() <= current || m.version() > target) {
                continue;
            }
            LOG.info("migrating the Shuffify schema to version {} ({})", m.version(), m.name());
            try (Statement s = c.createStatement()) {
                for (String statement : statements(load(m.resource(dialect)))) {
                    s.execute(statement);
                }
            } catch (SQLException e) {
                throw new SQLException("migration V" + m.version() + "__" + m.name() + " failed: " + e.getMessage(),
                        e.getSQLState(), e);
            }
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO " + VERSION_TABLE
                    + " (version, description, installed_at) VALUES (?, ?, ?)")) {
                ps.setInt(1, m.version());
                ps.setString(2, m.name());
                Rows.setInstant(ps, 3, clock.instant());
                ps.executeUpdate();
            }
        }
        return current;
    }

    /**
     * The schema version recorded in a database.
     *
     * @param c a connection
     * @return the version, 0 for an empty database
     * @throws SQLException on failure
     */
    public static int currentVersion(Connection c) throws SQLException {
        try (Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT MAX(version) FROM " + VERSION_TABLE)) {
            rs.next();
            return rs.getInt(1);
        }
    }

    private static String load(String resource) {
        try (InputStream in = Migrator.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new StoreException("migration script " + resource + " is missing from the Shuffify jar");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new StoreException("could not read migration script " + resource, e);
        }
    }

    /**
     * Splits a script into statements: whole-line {@code --} comments are dropped and statements end with
     * {@code ;} at the end of a line.
     *
     * @param script the script
     * @return the statements
     */
    static List<String> statements(String script) {
        List<String> out = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        for (String line : script.split("\n")) {
            String trimmed = line.strip();
            if (trimmed.isEmpty() || trimmed.startsWith("--")) {
                continue;
            }
            current.append(line).append('\n');
            if (trimmed.endsWith(";")) {
                String statement = current.toString().strip();
                out.add(statement.substring(0, statement.length() - 1));
                current.setLength(0);
            }
        }
        if (!current.toString().isBlank()) {
            out.add(current.toString().strip());
        }
        return out;
    }
}
