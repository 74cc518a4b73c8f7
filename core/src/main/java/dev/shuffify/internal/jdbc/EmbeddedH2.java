package dev.shuffify.internal.jdbc;

import dev.shuffify.store.StoreException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.Properties;
import javax.sql.DataSource;

/**
 * The embedded H2 database file: the only class of core that names H2's own types, so that core loads and
 * runs without H2 on the class path (H2 is an optional dependency: a host on PostgreSQL does not carry it).
 */
public final class EmbeddedH2 {
    private static final String DRIVER = "org.h2.Driver";

    private EmbeddedH2() {
    }

    /**
     * A pooled data source on an H2 database file, and how to close it.
     *
     * @param dataSource the pool
     * @param closer disposes of the pool's connections
     */
    public record Pool(DataSource dataSource, Runnable closer) {
    }

    /**
     * Opens a connection pool on the file.
     *
     * @param file the database file without H2's {@code .mv.db} extension, absolute
     * @param maxConnections the pool's size
     * @return the pool
     * @throws StoreException naming the jar to add when H2 is not on the class path
     */
    public static Pool open(Path file, int maxConnections) {
        requireH2();
        // async: file I/O that a thread interrupt cannot break (with plain file I/O, interrupting any thread
        // that is writing closes the whole database); WRITE_DELAY=0: a commit reaches the file before it returns
        // (H2's default delays it up to 500 ms); DB_CLOSE_ON_EXIT=FALSE: the host's shutdown closes Shuffify,
        // which closes the database last.
        String url = "jdbc:h2:async:" + file + ";WRITE_DELAY=0;DB_CLOSE_ON_EXIT=FALSE";
        org.h2.jdbcx.JdbcConnectionPool pool = org.h2.jdbcx.JdbcConnectionPool.create(url, "sa", "");
        pool.setMaxConnections(maxConnections);
        return new Pool(pool, pool::dispose);
    }

    /**
     * Fails with a message naming the artifact to add when H2's driver cannot be loaded.
     *
     * @throws StoreException when H2 is missing
     */
    public static void requireH2() {
        try {
            Class.forName(DRIVER, false, EmbeddedH2.class.getClassLoader());
        } catch (ClassNotFoundException | LinkageError e) {
            throw new StoreException("the embedded database store needs the H2 database engine, which is not on "
                    + "the class path: add the dependency com.h2database:h2:" + testedVersion()
                    + " (shuffify-core declares it optional), or use JdbcShuffifyStore.postgres(dataSource)", e);
        }
    }

    /**
     * The H2 version this release is built and tested with.
     *
     * @return the version, e.g. {@code 2.3.232}
     */
    public static String testedVersion() {
        Properties p = new Properties();
        try (InputStream in = EmbeddedH2.class.getResourceAsStream("h2.properties")) {
            if (in == null) {
                throw new IllegalStateException("h2.properties is missing from shuffify-core");
            }
            p.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return p.getProperty("h2.version");
    }
}
