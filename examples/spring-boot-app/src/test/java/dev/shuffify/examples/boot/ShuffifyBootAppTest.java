package dev.shuffify.examples.boot;

import static org.assertj.core.api.Assertions.assertThat;

import dev.shuffify.store.jdbc.JdbcShuffifyStore;
import dev.shuffify.store.ShuffifyStore;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** The application on the embedded store: a fresh H2 file. */
class ShuffifyBootAppTest extends ShuffifyBootAppContract {
    private static Path dir;

    @DynamicPropertySource
    static void freshStore(DynamicPropertyRegistry registry) throws IOException {
        dir = Files.createTempDirectory("shuffify-boot-app-test");
        registry.add("shuffify.store.path", () -> dir.resolve("shuffify").toString());
    }

    @Autowired
    ShuffifyStore store;

    @Test
    void theStoreIsTheEmbeddedFile() {
        assertThat(store).isInstanceOf(JdbcShuffifyStore.class);
        assertThat(dir.resolve("shuffify.mv.db")).exists();
    }
}
