package dev.shuffify.internal.scheduler;

import dev.shuffify.store.jdbc.JdbcShuffifyStore;
import dev.shuffify.store.PostgresTestServer;
import dev.shuffify.store.ShuffifyStore;
import org.h2.jdbcx.JdbcConnectionPool;
import org.junit.jupiter.api.AfterEach;

/** The scheduler over a real PostgreSQL server. */
class PostgresSchedulerTest extends SchedulerContract {
    private JdbcConnectionPool pool;

    @Override
    ShuffifyStore createStore() {
        pool = PostgresTestServer.newSchema(10);
        return JdbcShuffifyStore.postgres(pool);
    }

    @AfterEach
    void disposePool() {
        pool.dispose();
    }
}
