package dev.shuffify.store;

import dev.shuffify.testkit.ShuffifyStoreContract;
import dev.shuffify.store.jdbc.JdbcShuffifyStore;
import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;

/** The store contract against the embedded H2 database file. */
class H2JdbcShuffifyStoreTest extends ShuffifyStoreContract {
    @TempDir
    Path dir;

    @Override
    protected ShuffifyStore createStore() {
        return JdbcShuffifyStore.embedded(dir.resolve("shuffify"));
    }
}
