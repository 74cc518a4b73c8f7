package dev.shuffify.internal.scheduler;

import dev.shuffify.store.jdbc.JdbcShuffifyStore;
import dev.shuffify.store.ShuffifyStore;
import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;

/** The repair of abandoned runs over the embedded H2 database file. */
class H2AbandonedRunRepairTest extends AbandonedRunRepairContract {
    @TempDir
    Path dir;

    @Override
    ShuffifyStore createStore() {
        return JdbcShuffifyStore.embedded(dir.resolve("shuffify"));
    }
}
