package dev.shuffify.internal.jdbc;

import dev.shuffify.store.StoreException;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/** The SQL dialects the JDBC store speaks. */
public enum Dialect {
    /** H2 2.x, the embedded default: one node. */
    H2("h2"),
    /** PostgreSQL 10 or later: one node or several. */
    POSTGRESQL("postgresql");

    private final String folder;

    Dialect(String folder) {
        this.folder = folder;
    }

    /**
     * The folder of this dialect's migration scripts under {@code dev/shuffify/jdbc/}.
     *
     * @return never null
     */
    public String folder() {
        return folder;
    }

    /**
     * Finds the dialect of a database from its product name.
     *
     * @param connection a connection to it
     * @return the dialect
     * @throws SQLException when the metadata cannot be read
     * @throws StoreException when the database is neither H2 nor PostgreSQL
     */
    public static Dialect detect(Connection connection) throws SQLException {
        String product = connection.getMetaData().getDatabaseProductName();
        String name = product == null ? "" : product.toLowerCase(Locale.ROOT);
        if (name.contains("h2")) {
            return H2;
        }
        if (name.contains("postgres")) {
            return POSTGRESQL;
        }
        throw new StoreException("the JDBC store supports H2 and PostgreSQL, but the data source is '" + product
                + "'; use one of those, or implement ShuffifyStore for your database");
    }

    /**
     * An insert-or-update statement keyed on {@code keys}, writing {@code columns} (keys included); columns not
     * listed keep their values on update.
     *
     * @param table the table
     * @param keys the key columns
     * @param columns every written column, keys first
     * @return the SQL with one {@code ?} per column, in order
     */
    public String upsert(String table, List<String> keys, List<String> columns) {
        String cols = String.join(", ", columns);
        String marks = columns.stream().map(c -> "?").collect(Collectors.joining(", "));
        if (this == H2) {
            return "MERGE INTO " + table + " (" + cols + ") KEY (" + String.join(", ", keys) + ") VALUES (" + marks
                    + ")";
        }
        String updates = columns.stream().filter(c -> !keys.contains(c)).map(c -> c + " = EXCLUDED." + c)
                .collect(Collectors.joining(", "));
        return "INSERT INTO " + table + " (" + cols + ") VALUES (" + marks + ") ON CONFLICT ("
                + String.join(", ", keys) + ") DO " + (updates.isEmpty() ? "NOTHING" : "UPDATE SET " + updates);
    }
}
