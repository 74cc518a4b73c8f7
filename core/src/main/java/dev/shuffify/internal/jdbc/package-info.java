/**
 * The JDBC store's internals: dialects, versioned schema migrations, row mapping and the JSON of its text columns (read and written with Jackson).
 * Nothing here is API.
 */
package dev.shuffify.internal.jdbc;
