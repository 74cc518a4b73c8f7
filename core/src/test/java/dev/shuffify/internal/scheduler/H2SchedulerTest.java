package dev.shuffify.internal.scheduler;

import dev.shuffify.store.jdbc.JdbcShuffifyStore;
import dev.shuffify.store.ShuffifyStore;
import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;

/** The scheduler over the embedded H2 database file. */
class H2SchedulerTest extends SchedulerContract {
    @TempDir
    Path dir;

    @Override
    ShuffifyStore createStore() {
        return JdbcShuffifyStore.embedded(dir.resolve("shuffify"));
    }
}
