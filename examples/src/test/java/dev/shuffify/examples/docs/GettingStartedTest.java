package dev.shuffify.examples.docs;

import static org.assertj.core.api.Assertions.assertThat;

import dev.shuffify.model.Execution;
import dev.shuffify.model.ExecutionStatus;
import dev.shuffify.store.JdbcShuffifyStore;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Runs the ten lines of {@code docs/getting-started.md}. */
class GettingStartedTest {

    @TempDir
    Path data;

    @Test
    void theTenLinesRunAShuffleAndKeepTheScheduleInTheDatabaseFile() {
        Execution run = GettingStarted.tenLines(data, GettingStarted.music());

        assertThat(run.status()).isEqualTo(ExecutionStatus.SUCCESS);
        assertThat(run.tracksTotal()).isEqualTo(4);
        assertThat(Files.exists(data.resolve("shuffify.mv.db"))).isTrue();
        try (JdbcShuffifyStore reopened = JdbcShuffifyStore.embedded(data.resolve("shuffify"))) {
            assertThat(reopened.schedules().listByUser("alice")).singleElement().satisfies(s -> {
                assertThat(s.trigger().describe()).isEqualTo("cron '0 4 * * *' Europe/Paris");
                assertThat(s.lastStatus()).isEqualTo(ExecutionStatus.SUCCESS);
            });
            assertThat(reopened.executions().listBySchedule(run.scheduleId(), 10)).hasSize(1);
        }
    }
}
