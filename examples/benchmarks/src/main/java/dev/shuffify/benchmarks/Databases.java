package dev.shuffify.benchmarks;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import dev.shuffify.store.PostgresTestServer;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;

/** The databases the engine benchmarks run on, each side on its own fresh file or schema. */
public final class Databases {
    private static final AtomicInteger NAMES = new AtomicInteger();

    private Databases() {
    }

    /** The database kinds. */
    public enum Kind {
        /** H2 in a file, with the URL flags {@code JdbcShuffifyStore.embedded} uses. */
        H2,
        /** PostgreSQL (embedded server, fsync and synchronous_commit on). */
        POSTGRESQL
    }

    /**
     * A fresh H2 database file, pooled by HikariCP, opened the way {@code JdbcShuffifyStore.embedded} opens
     * its own: {@code async:} file access, {@code WRITE_DELAY=0} (each commit is written to the file before it
     * returns).
     *
     * @param dir the folder
     * @param poolSize the pool size
     * @return the pool; close it when done
     */
    public static HikariDataSource h2(Path dir, int poolSize) {
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Path file = dir.resolve("db" + NAMES.incrementAndGet()).toAbsolutePath();
        return pool("jdbc:h2:async:" + file + ";WRITE_DELAY=0;DB_CLOSE_ON_EXIT=FALSE", "sa", "", poolSize);
    }

    /**
     * The PostgreSQL server of this JVM (the core tests' {@link PostgresTestServer}), started on first use with
     * durability back at PostgreSQL's defaults ({@code fsync}, {@code synchronous_commit} and
     * {@code full_page_writes} on; the embedded server turns them off), stopped when the JVM exits.
     *
     * @return the server
     */
    public static EmbeddedPostgres postgresServer() {
        return PostgresTestServer.server();
    }

    /**
     * A fresh schema on the PostgreSQL server, pooled by HikariCP.
     *
     * @param poolSize the pool size
     * @return the pool on the new schema
     */
    public static HikariDataSource postgres(int poolSize) {
        EmbeddedPostgres server = postgresServer();
        String schema = "bench" + NAMES.incrementAndGet();
        runSql(server.getPostgresDatabase(), "CREATE SCHEMA " + schema);
        return pool("jdbc:postgresql://localhost:" + server.getPort() + "/postgres?currentSchema=" + schema,
                "postgres", "", poolSize);
    }

    /**
     * A fresh database of a kind.
     *
     * @param kind the kind
     * @param dir the folder for H2 files
     * @param poolSize the pool size
     * @return the pool
     */
    public static HikariDataSource fresh(Kind kind, Path dir, int poolSize) {
        return kind == Kind.H2 ? h2(dir, poolSize) : postgres(poolSize);
    }

    /**
     * The server's settings that matter for durability, e.g. {@code fsync=on, synchronous_commit=on}.
     *
     * @return the settings and the server version
     */
    public static String postgresSettings() {
        DataSource ds = postgresServer().getPostgresDatabase();
        try (Connection c = ds.getConnection(); Statement s = c.createStatement()) {
            StringBuilder sb = new StringBuilder("PostgreSQL " + c.getMetaData().getDatabaseProductVersion());
            for (String setting : new String[] {"fsync", "synchronous_commit", "full_page_writes"}) {
                try (var rs = s.executeQuery("SHOW " + setting)) {
                    rs.next();
                    sb.append(", ").append(setting).append('=').append(rs.getString(1));
                }
            }
            return sb.toString();
        } catch (SQLException e) {
            return "PostgreSQL (settings unreadable: " + e.getMessage() + ")";
        }
    }

    /**
     * A HikariCP pool.
     *
     * @param url the JDBC URL
     * @param user the user
     * @param password the password
     * @param poolSize the pool size
     * @return the pool
     */
    public static HikariDataSource pool(String url, String user, String password, int poolSize) {
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(url);
        config.setUsername(user);
        config.setPassword(password);
        config.setMaximumPoolSize(poolSize);
        config.setMinimumIdle(1);
        config.setPoolName("bench-" + NAMES.incrementAndGet());
        return new HikariDataSource(config);
    }

    /**
     * Runs a SQL script from the class path (statements separated by {@code ;}, {@code --} comments).
     *
     * @param dataSource where
     * @param resource the script
     * @param loader where to find it
     */
    public static void runScript(DataSource dataSource, String resource, ClassLoader loader) {
        String script;
        try (InputStream in = loader.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("no script " + resource + " on the class path");
            }
            script = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        runSql(dataSource, script);
    }

    /**
     * Runs SQL statements separated by {@code ;}.
     *
     * @param dataSource where
     * @param sql the statements
     */
    public static void runSql(DataSource dataSource, String sql) {
        StringBuilder clean = new StringBuilder();
        for (String line : sql.split("\n")) {
            String t = line.strip();
            if (!t.startsWith("--") && !t.startsWith("#")) {
                clean.append(line).append('\n');
            }
        }
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            for (String statement : clean.toString().split(";")) {
                if (!statement.isBlank() && !statement.strip().equalsIgnoreCase("commit")) {
                    s.execute(statement);
                }
            }
            if (!c.getAutoCommit()) {
                c.commit();
            }
        } catch (SQLException e) {
            throw new IllegalStateException("could not run SQL: " + e.getMessage(), e);
        }
    }

    /**
     * A single number from a query.
     *
     * @param dataSource where
     * @param sql the query
     * @return the first column of the first row
     * @throws SQLException on failure
     */
    public static long count(DataSource dataSource, String sql) throws SQLException {
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement();
                var rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
