package dev.shuffify.examples.postgres;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.shuffify.memory.InMemoryPlaylistService;
import dev.shuffify.model.Artist;
import dev.shuffify.model.Execution;
import dev.shuffify.model.ExecutionStatus;
import dev.shuffify.model.Track;
import dev.shuffify.store.jdbc.JdbcShuffifyStore;
import dev.shuffify.store.StoreException;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A host on PostgreSQL runs without H2, and the embedded store says which jar it would need. */
class PostgresHostTest {

    private static EmbeddedPostgres server;

    @BeforeAll
    static void startPostgres() throws Exception {
        server = EmbeddedPostgres.builder().start();
    }

    @AfterAll
    static void stopPostgres() throws Exception {
        server.close();
    }

    @Test
    void theClassPathOfAPostgresHostHoldsNoH2() {
        assertThatThrownBy(() -> Class.forName("org.h2.Driver")).isInstanceOf(ClassNotFoundException.class);
    }

    @Test
    void aScheduleRunsOnPostgresWithoutH2() {
        InMemoryPlaylistService music = new InMemoryPlaylistService();
        Artist ana = new Artist("ana", "Ana Lua");
        music.createPlaylist("alice", "road-trip", "Road trip", List.of(
                Track.of("t1", "First light", ana, null), Track.of("t2", "Open road", ana, null),
                Track.of("t3", "Harbour", ana, null)));

        Execution run = PostgresHost.shuffleOnce(server.getPostgresDatabase(), music, "alice", "road-trip");

        assertThat(run.status()).isEqualTo(ExecutionStatus.SUCCESS);
        assertThat(music.uris("road-trip"))
                .containsExactlyInAnyOrder("spotify:track:t1", "spotify:track:t2", "spotify:track:t3");
    }

    @Test
    void theEmbeddedStoreNamesTheDependencyItNeedsAndCreatesNothing(@TempDir Path folder) {
        Path file = folder.resolve("data").resolve("shuffify");

        assertThatThrownBy(() -> JdbcShuffifyStore.embedded(file))
                .isInstanceOf(StoreException.class)
                .hasMessageContaining("add the dependency com.h2database:h2:2.")
                .hasMessageContaining("JdbcShuffifyStore.postgres");
        assertThat(Files.exists(folder.resolve("data"))).isFalse();
    }
}
