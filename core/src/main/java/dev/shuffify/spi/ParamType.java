package dev.shuffify.spi;

/**
 * The type of a declared parameter.
 *
 * @since 0.1.0
 */
public enum ParamType {
    /** Free text. */
    STRING,
    /** A whole number, optionally within a range; numeric strings such as {@code "5"} are accepted. */
    INTEGER,
    /** {@code true} / {@code false}; the strings {@code "true"}, {@code "false"}, {@code "yes"}, {@code "no"} too. */
    BOOLEAN,
    /** One of a fixed set of strings. */
    ENUM,
    /** A list of strings; a single comma-separated string is accepted too. */
    LIST,
    /** An ISO date, {@code 2026-01-31}. */
    DATE
}
