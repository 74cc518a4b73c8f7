package dev.shuffify.examples.boot;

import static org.assertj.core.api.Assertions.assertThat;

import dev.shuffify.store.jdbc.JdbcShuffifyStore;
import dev.shuffify.store.ShuffifyStore;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The application with the {@code postgres} profile: Shuffify's tables in the application's PostgreSQL database,
 * through Spring Boot's {@code DataSource} (a real server started by the test from Maven Central binaries).
 */
@ActiveProfiles("postgres")
class ShuffifyBootAppPostgresTest extends ShuffifyBootAppContract {
    private static EmbeddedPostgres server;

    @DynamicPropertySource
    static void postgres(DynamicPropertyRegistry registry) throws IOException {
        server = EmbeddedPostgres.builder().start();
        registry.add("spring.datasource.url", () -> server.getJdbcUrl("postgres", "postgres"));
        registry.add("spring.datasource.username", () -> "postgres");
        registry.add("spring.datasource.password", () -> "");
    }

    @AfterAll
    static void stop() throws IOException {
        // the context (and its pool) stays cached until the JVM exits; the server goes with it
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try {
                server.close();
            } catch (IOException ignored) {
                // the JVM is exiting
            }
        }));
    }

    @Autowired
    ShuffifyStore store;

    @Autowired
    DataSource dataSource;

    @Test
    void theStoreIsTheApplicationsPostgresDatabase() throws SQLException {
        assertThat(store).isInstanceOf(JdbcShuffifyStore.class);
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM shuffify_schedules")) {
            assertThat(c.getMetaData().getDatabaseProductName()).isEqualTo("PostgreSQL");
            assertThat(rs.next()).isTrue();
            assertThat(rs.getLong(1)).as("the demo schedule, in the application's database").isEqualTo(1);
        }
    }
}
