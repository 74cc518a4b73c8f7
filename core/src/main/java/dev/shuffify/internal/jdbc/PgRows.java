package dev.shuffify.internal.jdbc;

import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;

/**
 * PostgreSQL: many rows in one statement. Each row is bound through the binder a one-row statement uses, its
 * parameters captured instead of sent, and the rows go to the server as one text array per column that
 * {@code unnest} turns back into rows (cast to each column's type). The server parses, plans and runs one
 * statement, where a JDBC batch runs one per row.
 */
final class PgRows {
    private static final DateTimeFormatter TIMESTAMP = DateTimeFormatter.ofPattern("uuuu-MM-dd HH:mm:ss.SSSSSSXXX");

    private final List<String> columns;
    private final String[] types;
    private final List<String[]> rows = new ArrayList<>();

    /**
     * Rows of the given columns, in the order the binder binds them.
     *
     * @param columns the column names
     */
    PgRows(List<String> columns) {
        this.columns = List.copyOf(columns);
        this.types = new String[columns.size()];
    }

    /**
     * Adds a row.
     *
     * @param binder binds parameters 1 to the number of columns, as for a one-row statement
     * @return this
     * @throws SQLException when the binder fails
     */
    PgRows add(Sql.Binder binder) throws SQLException {
        String[] row = new String[columns.size()];
        PreparedStatement capture = (PreparedStatement) Proxy.newProxyInstance(PgRows.class.getClassLoader(),
                new Class<?>[] {PreparedStatement.class}, (proxy, method, args) -> {
                    String name = method.getName();
                    if (!name.startsWith("set") || args == null || args.length < 2 || !(args[0] instanceof Integer)) {
                        throw new UnsupportedOperationException("a captured row cannot " + name);
                    }
                    int index = (Integer) args[0] - 1;
                    Object value = args[1];
                    String type;
                    if (name.equals("setNull")) {
                        type = typeOfNull((Integer) value);
                        row[index] = null;
                    } else {
                        type = typeOf(value);
                        row[index] = value instanceof OffsetDateTime t ? TIMESTAMP.format(t) : value.toString();
                    }
                    if (types[index] == null || row[index] != null) {
                        types[index] = type;
                    }
                    return null;
                });
        binder.bind(capture);
        rows.add(row);
        return this;
    }

    /**
     * How many rows were added.
     *
     * @return the count
     */
    int size() {
        return rows.size();
    }

    /**
     * The rows as a table expression: {@code (SELECT u.a, u.b::timestamptz … FROM unnest(?::text[], …) AS u(a,
     * b, …)) AS alias}, one parameter per column.
     *
     * @param alias the name the statement gives the rows
     * @return the SQL
     */
    String table(String alias) {
        StringBuilder select = new StringBuilder("(SELECT ");
        StringBuilder arrays = new StringBuilder();
        for (int i = 0; i < columns.size(); i++) {
            String type = types[i] == null ? "text" : types[i];
            select.append(i == 0 ? "" : ", ").append("u.").append(columns.get(i))
                    .append(type.equals("text") ? "" : "::" + type).append(" AS ").append(columns.get(i));
            arrays.append(i == 0 ? "?::text[]" : ", ?::text[]");
        }
        return select.append(" FROM unnest(").append(arrays).append(") AS u(")
                .append(String.join(", ", columns)).append(")) AS ").append(alias).toString();
    }

    /**
     * Binds the arrays {@link #table} asks for.
     *
     * @param c the connection
     * @param ps the statement
     * @param first the index of the first array's parameter
     * @return the index after the last
     * @throws SQLException when the driver fails
     */
    int bind(Connection c, PreparedStatement ps, int first) throws SQLException {
        for (int col = 0; col < columns.size(); col++) {
            String[] values = new String[rows.size()];
            for (int r = 0; r < rows.size(); r++) {
                values[r] = rows.get(r)[col];
            }
            ps.setArray(first + col, c.createArrayOf("text", values));
        }
        return first + columns.size();
    }

    private static String typeOf(Object value) {
        if (value instanceof OffsetDateTime) {
            return "timestamptz";
        }
        if (value instanceof Integer) {
            return "int";
        }
        if (value instanceof Long) {
            return "bigint";
        }
        if (value instanceof Boolean) {
            return "boolean";
        }
        if (value instanceof String) {
            return "text";
        }
        throw new UnsupportedOperationException("a captured row cannot hold a " + value.getClass().getName());
    }

    private static String typeOfNull(int sqlType) {
        return switch (sqlType) {
            case Types.TIMESTAMP_WITH_TIMEZONE, Types.TIMESTAMP -> "timestamptz";
            case Types.INTEGER -> "int";
            case Types.BIGINT -> "bigint";
            case Types.BOOLEAN -> "boolean";
            default -> "text";
        };
    }
}
