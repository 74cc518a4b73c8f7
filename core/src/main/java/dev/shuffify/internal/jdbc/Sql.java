package dev.shuffify.internal.jdbc;

import dev.shuffify.store.StoreException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;

/**
 * Runs work on a connection from the host's data source, in a transaction where asked, and turns
 * {@link SQLException}s into {@link StoreException}s that name the operation.
 */
public final class Sql {
    private final DataSource dataSource;
    private final Dialect dialect;

    /**
     * Creates the runner.
     *
     * @param dataSource the data source
     * @param dialect its dialect
     */
    public Sql(DataSource dataSource, Dialect dialect) {
        this.dataSource = dataSource;
        this.dialect = dialect;
    }

    /**
     * The dialect.
     *
     * @return never null
     */
    public Dialect dialect() {
        return dialect;
    }

    /** Work on a connection. */
    @FunctionalInterface
    public interface Work<T> {
        /**
         * Does the work.
         *
         * @param connection the connection
         * @return the result
         * @throws SQLException on failure
         */
        T run(Connection connection) throws SQLException;
    }

    /** Binds the parameters of a statement. */
    @FunctionalInterface
    public interface Binder {
        /**
         * Binds.
         *
         * @param statement the statement
         * @throws SQLException on failure
         */
        void bind(PreparedStatement statement) throws SQLException;
    }

    /** Maps the current row. */
    @FunctionalInterface
    public interface RowMapper<T> {
        /**
         * Maps.
         *
         * @param row the result set at a row
         * @return the value
         * @throws SQLException on failure
         */
        T map(ResultSet row) throws SQLException;
    }

    /**
     * Runs work in one transaction: committed when it returns, rolled back when it throws.
     *
     * @param operation what is done, for the error message (e.g. {@code save schedule 42})
     * @param work the work
     * @param <T> the result type
     * @return the work's result
     * @throws StoreException when the database fails
     */
    public <T> T inTransaction(String operation, Work<T> work) {
        try (Connection c = dataSource.getConnection()) {
            boolean autoCommit = c.getAutoCommit();
            c.setAutoCommit(false);
            try {
                T result = work.run(c);
                c.commit();
                return result;
            } catch (SQLException | RuntimeException e) {
                rollbackQuietly(c, e);
                throw e;
            } finally {
                restoreAutoCommit(c, autoCommit);
            }
        } catch (SQLException e) {
            throw failure(operation, e);
        }
    }

    /**
     * Runs read-only or single-statement work with auto-commit.
     *
     * @param operation what is done, for the error message
     * @param work the work
     * @param <T> the result type
     * @return the work's result
     * @throws StoreException when the database fails
     */
    public <T> T run(String operation, Work<T> work) {
        try (Connection c = dataSource.getConnection()) {
            if (!c.getAutoCommit()) {
                c.setAutoCommit(true);
            }
            return work.run(c);
        } catch (SQLException e) {
            throw failure(operation, e);
        }
    }

    /**
     * Runs one query and maps every row.
     *
     * @param operation what is done
     * @param sql the query
     * @param binder binds its parameters
     * @param mapper maps a row
     * @param <T> the row type
     * @return the rows
     */
    public <T> List<T> query(String operation, String sql, Binder binder, RowMapper<T> mapper) {
        return run(operation, c -> query(c, sql, binder, mapper));
    }

    /**
     * Runs one query and maps the first row.
     *
     * @param operation what is done
     * @param sql the query
     * @param binder binds its parameters
     * @param mapper maps a row
     * @param <T> the row type
     * @return the first row, or empty
     */
    public <T> Optional<T> queryOne(String operation, String sql, Binder binder, RowMapper<T> mapper) {
        List<T> rows = query(operation, sql, binder, mapper);
        return rows.isEmpty() ? Optional.empty() : Optional.of(rows.get(0));
    }

    /**
     * Runs one update with auto-commit.
     *
     * @param operation what is done
     * @param sql the statement
     * @param binder binds its parameters
     * @return the update count
     */
    public int update(String operation, String sql, Binder binder) {
        return run(operation, c -> update(c, sql, binder));
    }

    /**
     * Runs a query on a connection.
     *
     * @param c the connection
     * @param sql the query
     * @param binder binds its parameters
     * @param mapper maps a row
     * @param <T> the row type
     * @return the rows
     * @throws SQLException on failure
     */
    public static <T> List<T> query(Connection c, String sql, Binder binder, RowMapper<T> mapper)
            throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            binder.bind(ps);
            try (ResultSet rs = ps.executeQuery()) {
                List<T> rows = new ArrayList<>();
                while (rs.next()) {
                    rows.add(mapper.map(rs));
                }
                return rows;
            }
        }
    }

    /**
     * Runs an update on a connection.
     *
     * @param c the connection
     * @param sql the statement
     * @param binder binds its parameters
     * @return the update count
     * @throws SQLException on failure
     */
    public static int update(Connection c, String sql, Binder binder) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            binder.bind(ps);
            return ps.executeUpdate();
        }
    }

    /**
     * {@code n} comma-separated parameter marks, for an {@code IN (…)} list.
     *
     * @param n how many, at least 1
     * @return e.g. {@code ?, ?, ?}
     */
    public static String marks(int n) {
        if (n < 1) {
            throw new IllegalArgumentException("an IN list needs at least one value");
        }
        StringBuilder b = new StringBuilder(n * 3);
        for (int i = 0; i < n; i++) {
            b.append(i == 0 ? "?" : ", ?");
        }
        return b.toString();
    }

    /**
     * Binds strings from parameter 1 on.
     *
     * @param values the values
     * @return the binder
     */
    public static Binder strings(java.util.Collection<String> values) {
        return ps -> {
            int i = 1;
            for (String v : values) {
                ps.setString(i++, v);
            }
        };
    }

    /**
     * Whether a failure is a unique-key violation (SQL state 23505).
     *
     * @param e the failure
     * @return true for a unique violation
     */
    public static boolean isUniqueViolation(SQLException e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SQLException s && "23505".equals(s.getSQLState())) {
                return true;
            }
        }
        return false;
    }

    private static StoreException failure(String operation, SQLException e) {
        return new StoreException("could not " + operation + ": " + e.getMessage() + " (SQL state "
                + e.getSQLState() + ")", e);
    }

    private static void rollbackQuietly(Connection c, Exception original) {
        try {
            c.rollback();
        } catch (SQLException rollbackFailure) {
            original.addSuppressed(rollbackFailure);
        }
    }

    private static void restoreAutoCommit(Connection c, boolean autoCommit) {
        try {
            c.setAutoCommit(autoCommit);
        } catch (SQLException ignored) {
            // the connection is going back to the pool or closing; the pool resets it
        }
    }
}
