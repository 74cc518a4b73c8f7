/**
 * The store SPI and its implementations: {@link dev.shuffify.store.InMemoryShuffifyStore} for tests and
 * throwaway embedding, and a JDBC store.
 */
package dev.shuffify.store;
