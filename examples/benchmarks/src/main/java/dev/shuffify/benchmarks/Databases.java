package dev.shuffify.benchmarks;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
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
