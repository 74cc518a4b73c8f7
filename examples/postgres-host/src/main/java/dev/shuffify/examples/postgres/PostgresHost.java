package dev.shuffify.examples.postgres;

import dev.shuffify.Shuffify;
import dev.shuffify.model.Execution;
import dev.shuffify.model.JobSpec;
import dev.shuffify.model.Schedule;
import dev.shuffify.model.ScheduleDefinition;
import dev.shuffify.model.Trigger;
import dev.shuffify.spi.PlaylistServiceConnector;
import dev.shuffify.store.jdbc.JdbcShuffifyStore;
import javax.sql.DataSource;

/**
 * A host whose store is PostgreSQL: it depends on {@code shuffify-core}, {@code shuffify-executor-shuffle},
 * {@code shuffify-algorithms} and the PostgreSQL driver, and nothing brings H2 onto its class path.
 */
public final class PostgresHost {

    private PostgresHost() {
    }

    /**
     * Stores in PostgreSQL, creates a nightly shuffle of {@code playlistId} for {@code userId}, and runs it once.
     *
     * @param dataSource the host's PostgreSQL data source
     * @param music how to reach the user's music account
     * @param userId the user
     * @param playlistId the playlist to shuffle
     * @return the run
     */
    public static Execution shuffleOnce(DataSource dataSource, PlaylistServiceConnector music, String userId,
            String playlistId) {
        JdbcShuffifyStore store = JdbcShuffifyStore.postgres(dataSource);
        try (Shuffify shuffify = Shuffify.builder().store(store).connector(music).build()) {
            Schedule nightly = shuffify.schedules().create(userId, ScheduleDefinition.of(
                    JobSpec.builder("shuffle").target(playlistId, "Road trip").algorithm("basic").build(),
                    Trigger.cron("0 4 * * *", "UTC")));
            return shuffify.runs().runNow(userId, nightly.id());
        } finally {
            store.close();
        }
    }
}
