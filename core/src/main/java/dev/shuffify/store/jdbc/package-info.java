/**
 * The JDBC store: {@link dev.shuffify.store.jdbc.JdbcShuffifyStore} keeps everything in PostgreSQL or H2
 * behind one {@link javax.sql.DataSource}, with the schema it creates and migrates itself.
 */
package dev.shuffify.store.jdbc;
