package dev.shuffify.examples.docs;

import dev.shuffify.Shuffify;
import dev.shuffify.memory.InMemoryPlaylistService;
import dev.shuffify.model.Artist;
import dev.shuffify.model.Execution;
import dev.shuffify.model.JobSpec;
import dev.shuffify.model.Schedule;
import dev.shuffify.model.ScheduleDefinition;
import dev.shuffify.model.Track;
import dev.shuffify.model.Trigger;
import dev.shuffify.spi.PlaylistServiceConnector;
import dev.shuffify.store.jdbc.JdbcShuffifyStore;
import java.nio.file.Path;
import java.util.List;

/** The code of {@code docs/getting-started.md}: embedding Shuffify in ten lines. */
public final class GettingStarted {

    private GettingStarted() {
    }

    /**
     * A music service held in memory with one user and one playlist, for trying Shuffify without Spotify.
     *
     * @return the service, a {@link PlaylistServiceConnector}
     */
    public static InMemoryPlaylistService music() {
        InMemoryPlaylistService music = new InMemoryPlaylistService();
        Artist ana = new Artist("ana", "Ana Lua");
        Artist bo = new Artist("bo", "Bo Ek");
        music.createPlaylist("alice", "road-trip", "Road trip", List.of(
                Track.of("t1", "First light", ana, null),
                Track.of("t2", "Open road", ana, null),
                Track.of("t3", "Harbour", bo, null),
                Track.of("t4", "Night bus", bo, null)));
        return music;
    }

    /**
     * Embeds Shuffify on a database file in {@code dataFolder}, creates a nightly shuffle, starts the scheduler,
     * runs the schedule once at once, and shuts down.
     *
     * @param dataFolder where the database file goes
     * @param music how to reach a user's music account
     * @return the run
     */
    public static Execution tenLines(Path dataFolder, PlaylistServiceConnector music) {
        JdbcShuffifyStore store = JdbcShuffifyStore.embedded(dataFolder.resolve("shuffify")); // one file
        Shuffify shuffify = Shuffify.builder()
                .store(store)
                .connector(music)            // a user's music account: the Spotify adapter, or in memory
                .build();
        Schedule nightly = shuffify.schedules().create("alice", ScheduleDefinition.of(
                JobSpec.builder("shuffle").target("road-trip", "Road trip").algorithm("balanced").build(),
                Trigger.cron("0 4 * * *", "Europe/Paris")));
        shuffify.start();                                            // runs due schedules until close()
        Execution now = shuffify.runs().runNow("alice", nightly.id());  // or one right away: a user's "run now"

        shuffify.close();   // stops the scheduler; waits for running jobs (30 s by default)
        store.close();      // a store given to the builder is the host's to close
        return now;
    }
}
