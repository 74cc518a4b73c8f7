/**
 * The JDBC store's internals: dialects, versioned schema migrations, row mapping and a small JSON codec.
 * Nothing here is API.
 */
package dev.shuffify.internal.jdbc;
