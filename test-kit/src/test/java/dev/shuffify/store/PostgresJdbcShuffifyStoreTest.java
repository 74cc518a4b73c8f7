package dev.shuffify.store;

import dev.shuffify.testkit.ShuffifyStoreContract;
import dev.shuffify.store.jdbc.JdbcShuffifyStore;
import org.h2.jdbcx.JdbcConnectionPool;
import org.junit.jupiter.api.AfterEach;

/** The store contract against a real PostgreSQL server (started by the tests), one schema per test. */
class PostgresJdbcShuffifyStoreTest extends ShuffifyStoreContract {
    private JdbcConnectionPool pool;

    @Override
    protected ShuffifyStore createStore() {
        pool = PostgresTestServer.newSchema(10);
        return JdbcShuffifyStore.postgres(pool);
    }

    @AfterEach
    void disposePool() {
        pool.dispose();
    }
}
