package dev.shuffify.benchmarks;

import com.zaxxer.hikari.HikariDataSource;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The database's own limit for a batched scheduler, on PostgreSQL: no scheduler, only the SQL of
 * {@code batched-sql/} (see its {@code README.md}) driven by {@code clients} threads over JDBC. Each client
 * loops: claim up to 50 due schedules with {@code FOR UPDATE SKIP LOCKED} and insert their {@code running}
 * executions (one transaction), then record next run, lease release, {@code success} and an activity row for
 * each (a second transaction); it stops when a claim finds nothing.
 */
public final class BatchedSqlEngine implements EngineUnderTest {
    private static final String DIR = "batched-sql/";

    private final HikariDataSource dataSource;
    private final int clients;
    private final AtomicLong executed = new AtomicLong();
    private final AtomicReference<Throwable> failure = new AtomicReference<>();
    private final List<Thread> threads = new ArrayList<>();

    /**
     * Creates the side.
     *
     * @param dataSource a fresh PostgreSQL schema, with a pool of at least {@code clients} connections
     * @param clients client threads
     */
    public BatchedSqlEngine(HikariDataSource dataSource, int clients) {
        if (!dataSource.getJdbcUrl().startsWith("jdbc:postgresql:")) {
            dataSource.close();
            throw new IllegalArgumentException("the batched SQL is PostgreSQL's (FOR UPDATE SKIP LOCKED, CTEs that "
                    + "write)");
        }
        this.dataSource = dataSource;
        this.clients = clients;
    }

    @Override
    public String name() {
        return "batched SQL (" + clients + " JDBC clients)";
    }

    @Override
    public void prepare(int n) {
        Databases.runSql(dataSource, sql("schema.sql"));
        Databases.runSql(dataSource, sql("fill.sql").replace(":schedules", Integer.toString(n)));
    }

    @Override
    public void start() {
        executed.set(0);
        String claim = sql("claim.sql").replace(":client_id", "?");
        String complete = sql("complete.sql").replace(":client_id", "?");
        for (int i = 0; i < clients; i++) {
            String client = Integer.toString(i + 1);
            Thread t = new Thread(() -> run(client, claim, complete), "batched-sql-" + client);
            t.setDaemon(true);
            threads.add(t);
        }
        threads.forEach(Thread::start);
    }

    private void run(String client, String claimSql, String completeSql) {
        try (Connection c = dataSource.getConnection(); PreparedStatement claim = c.prepareStatement(claimSql);
                PreparedStatement complete = c.prepareStatement(completeSql)) {
            c.setAutoCommit(false);
            claim.setString(1, client);
            complete.setString(1, client);
            // a claim's FOR UPDATE may leave a lock on a row another client just leased (PostgreSQL keeps the lock
            // of a row that failed its re-check), so a completion can skip some of the client's own leases: they
            // stay leased to it and the next completion takes them, as in the pgbench original
            long pending = 0;
            while (true) {
                int claimed = claim.executeUpdate();
                c.commit();
                if (claimed == 0 && pending == 0) {
                    return;
                }
                int completed = complete.executeUpdate();
                c.commit();
                pending += claimed - completed;
                executed.addAndGet(completed);
            }
        } catch (SQLException | RuntimeException e) {
            failure.compareAndSet(null, e);
        }
    }

    @Override
    public long executed() {
        Throwable f = failure.get();
        if (f != null) {
            throw new IllegalStateException("a batched-SQL client failed: " + f.getMessage(), f);
        }
        return executed.get();
    }

    @Override
    public boolean settled() throws SQLException {
        return Databases.count(dataSource, "SELECT COUNT(*) FROM s WHERE lease_owner IS NOT NULL") == 0
                && Databases.count(dataSource, "SELECT COUNT(*) FROM e WHERE status <> 'success'") == 0
                && Databases.count(dataSource, "SELECT COUNT(*) FROM a") == executed.get();
    }

    @Override
    public void close() {
        try {
            for (Thread t : threads) {
                t.join(30_000);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            dataSource.close();
        }
    }

    private static String sql(String name) {
        try (InputStream in = BatchedSqlEngine.class.getClassLoader().getResourceAsStream(DIR + name)) {
            if (in == null) {
                throw new IllegalStateException("no " + DIR + name + " on the class path");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).strip();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
