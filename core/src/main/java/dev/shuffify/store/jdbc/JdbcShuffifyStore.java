package dev.shuffify.store.jdbc;

import dev.shuffify.store.AccountStore;
import dev.shuffify.store.ActivityStore;
import dev.shuffify.store.ClaimedStarts;
import dev.shuffify.store.ExecutionStore;
import dev.shuffify.store.IntentStore;
import dev.shuffify.store.MembershipStore;
import dev.shuffify.store.PairStore;
import dev.shuffify.store.PinStore;
import dev.shuffify.store.PlaylistLeaseStore;
import dev.shuffify.store.RunCompletion;
import dev.shuffify.store.RunStart;
import dev.shuffify.store.ScheduleClaim;
import dev.shuffify.store.ScheduleStore;
import dev.shuffify.store.SettingsStore;
import dev.shuffify.store.ShuffifyStore;
import dev.shuffify.store.SnapshotStore;
import dev.shuffify.store.StoreException;
import dev.shuffify.internal.jdbc.Dialect;
import dev.shuffify.internal.jdbc.EmbeddedH2;
import dev.shuffify.internal.jdbc.JdbcParts;
import dev.shuffify.internal.jdbc.Migrator;
import dev.shuffify.model.Execution;
import dev.shuffify.model.Schedule;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Objects;
import javax.sql.DataSource;

/**
 * A store in a relational database over plain JDBC: an embedded H2 database file (the default; no server to
 * install) or PostgreSQL (for one node or several sharing the database).
 *
 * <pre>{@code
 * ShuffifyStore embedded = JdbcShuffifyStore.embedded(Path.of("data/shuffify"));   // data/shuffify.mv.db
 * ShuffifyStore shared = JdbcShuffifyStore.postgres(hikariDataSource);              // the host's pool
 * }</pre>
 *
 * <p>Opening a store creates the tables on first use and migrates an older schema with the versioned scripts
 * shipped in this jar (recorded in the table {@code shuffify_schema_version}); a schema newer than this
 * library fails with a {@link StoreException} saying so. Writes that belong together, such as
 * {@link #recordOutcome}, are one transaction. Tables are named {@code shuffify_*}, so they can share a
 * database with the host's own. Times are kept in UTC with microsecond precision. Encrypted refresh tokens
 * are stored as the bytes they are.
 *
 * <p>Thread-safe. Every operation borrows a connection from the data source and returns it.
 *
 * @since 0.1.0
 */
public final class JdbcShuffifyStore implements ShuffifyStore {
    private final JdbcParts parts;
    private final Runnable ownedPool;

    private JdbcShuffifyStore(JdbcParts parts, Runnable ownedPool) {
        this.parts = parts;
        this.ownedPool = ownedPool;
    }

    /**
     * Opens (creating on first use) an embedded H2 database file. H2 writes each commit to the file before the
     * commit returns, so a crash of the host process loses no committed write. One process at a time may open
     * the file; use {@link #postgres} for several nodes.
     *
     * @param file the database file, with or without the {@code .mv.db} extension H2 adds; parent folders are
     *     created
     * @return the store; {@link #close()} closes its connections
     * @throws StoreException when the file cannot be opened (e.g. another process holds it) or migrated, or when
     *     the H2 database engine ({@code com.h2database:h2}, an optional dependency of shuffify-core) is not on
     *     the class path: the message names the dependency to add
     */
    public static JdbcShuffifyStore embedded(Path file) {
        Objects.requireNonNull(file, "file");
        EmbeddedH2.requireH2();
        Path absolute = file.toAbsolutePath().normalize();
        String name = absolute.getFileName().toString();
        if (name.endsWith(".mv.db")) {
            absolute = absolute.resolveSibling(name.substring(0, name.length() - ".mv.db".length()));
        }
        try {
            if (absolute.getParent() != null) {
                Files.createDirectories(absolute.getParent());
            }
        } catch (IOException e) {
            throw new StoreException("could not create the folder of the database file " + absolute + ": "
                    + e.getMessage(), e);
        }
        EmbeddedH2.Pool pool = EmbeddedH2.open(absolute, 32);
        try {
            return new JdbcShuffifyStore(JdbcParts.open(pool.dataSource(), Clock.systemUTC()), pool.closer());
        } catch (RuntimeException e) {
            pool.closer().run();
            throw e;
        }
    }

    /**
     * Opens a store on a PostgreSQL data source supplied (and pooled, and closed) by the host. Several nodes
     * may share the database: the scheduler claims due schedules with leases so each slot runs once.
     *
     * @param dataSource a PostgreSQL data source, ideally pooled
     * @return the store
     * @throws StoreException when the database is not PostgreSQL, cannot be reached, or its schema is newer
     */
    public static JdbcShuffifyStore postgres(DataSource dataSource) {
        JdbcShuffifyStore store = create(dataSource);
        if (store.parts.sql().dialect() != Dialect.POSTGRESQL) {
            throw new StoreException("JdbcShuffifyStore.postgres needs a PostgreSQL data source, but this one is "
                    + store.parts.sql().dialect().name().toLowerCase(java.util.Locale.ROOT)
                    + "; use JdbcShuffifyStore.create for other supported databases");
        }
        return store;
    }

    /**
     * Opens a store on a host data source, H2 or PostgreSQL (detected from the connection's metadata).
     *
     * @param dataSource the data source; the host keeps ownership and closes it
     * @return the store
     * @throws StoreException when the database is not supported, cannot be reached, or its schema is newer
     */
    public static JdbcShuffifyStore create(DataSource dataSource) {
        Objects.requireNonNull(dataSource, "dataSource");
        return new JdbcShuffifyStore(JdbcParts.open(dataSource, Clock.systemUTC()), null);
    }

    /**
     * The schema version this library creates and understands.
     *
     * @return the latest version
     */
    public static int latestSchemaVersion() {
        return Migrator.latest();
    }

    /**
     * The schema version of the database now (after opening, always {@link #latestSchemaVersion()}).
     *
     * @return the version
     * @throws StoreException when the database fails
     */
    public int schemaVersion() {
        return parts.schemaVersion();
    }

    /**
     * The schema version the database had when this store opened it: 0 for a new database, lower than
     * {@link #latestSchemaVersion()} when it was migrated.
     *
     * @return the version
     */
    public int schemaVersionAtOpen() {
        return parts.schemaVersionBefore();
    }

    @Override
    public ScheduleStore schedules() {
        return parts.schedules();
    }

    @Override
    public ExecutionStore executions() {
        return parts.executions();
    }

    @Override
    public SnapshotStore snapshots() {
        return parts.snapshots();
    }

    @Override
    public PairStore pairs() {
        return parts.pairs();
    }

    @Override
    public AccountStore accounts() {
        return parts.accounts();
    }

    @Override
    public ActivityStore activity() {
        return parts.activity();
    }

    @Override
    public MembershipStore membership() {
        return parts.membership();
    }

    @Override
    public SettingsStore settings() {
        return parts.settings();
    }

    @Override
    public PinStore pins() {
        return parts.pins();
    }

    @Override
    public IntentStore intents() {
        return parts.intents();
    }

    @Override
    public PlaylistLeaseStore playlistLeases() {
        return parts.playlistLeases();
    }

    @Override
    public void recordOutcome(Execution execution, Schedule schedule) {
        parts.recordOutcome(execution, schedule);
    }

    /** One transaction for the whole batch. */
    @Override
    public java.util.List<java.util.Optional<String>> startRuns(java.util.List<RunStart> starts) {
        return parts.startRuns(starts);
    }

    /** Claims and starts in one transaction. */
    @Override
    public ClaimedStarts claimAndStartRuns(String owner, java.time.Instant now, java.time.Duration lease, int limit,
            java.util.function.Function<java.util.List<ScheduleClaim>, java.util.List<RunStart>> plan) {
        return parts.claimAndStartRuns(owner, now, lease, limit, plan);
    }

    /** One transaction for the whole batch. */
    @Override
    public void completeRuns(java.util.List<RunCompletion> completions) {
        parts.completeRuns(completions);
    }

    /** Closes the embedded database's connections; a host data source is left to the host. */
    @Override
    public void close() {
        if (ownedPool != null) {
            ownedPool.run();
        }
    }
}
