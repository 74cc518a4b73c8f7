package dev.shuffify.internal.jdbc;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;

/** Binds and reads the column types the store uses. Times are stored in UTC with microsecond precision. */
public final class Rows {
    private Rows() {
    }

    /**
     * Binds a time (or null).
     *
     * @param ps the statement
     * @param index the parameter index
     * @param value the time; may be null
     * @throws SQLException on failure
     */
    public static void setInstant(PreparedStatement ps, int index, Instant value) throws SQLException {
        if (value == null) {
            ps.setNull(index, Types.TIMESTAMP_WITH_TIMEZONE);
        } else {
            ps.setObject(index, OffsetDateTime.ofInstant(value.truncatedTo(ChronoUnit.MICROS), ZoneOffset.UTC));
        }
    }

    /**
     * Reads a time (or null).
     *
     * @param rs the result set
     * @param column the column
     * @return the time, or null
     * @throws SQLException on failure
     */
    public static Instant instant(ResultSet rs, String column) throws SQLException {
        OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }

    /**
     * Binds a string (or null).
     *
     * @param ps the statement
     * @param index the parameter index
     * @param value the string; may be null
     * @throws SQLException on failure
     */
    public static void setString(PreparedStatement ps, int index, String value) throws SQLException {
        if (value == null) {
            ps.setNull(index, Types.VARCHAR);
        } else {
            ps.setString(index, value);
        }
    }

    /**
     * Binds an integer (or null).
     *
     * @param ps the statement
     * @param index the parameter index
     * @param value the value; may be null
     * @throws SQLException on failure
     */
    public static void setLong(PreparedStatement ps, int index, Long value) throws SQLException {
        if (value == null) {
            ps.setNull(index, Types.BIGINT);
        } else {
            ps.setLong(index, value);
        }
    }

    /**
     * The same time as the store keeps it (truncated to microseconds).
     *
     * @param value a time; may be null
     * @return the stored form; null for null
     */
    public static Instant stored(Instant value) {
        return value == null ? null : value.truncatedTo(ChronoUnit.MICROS);
    }
}
