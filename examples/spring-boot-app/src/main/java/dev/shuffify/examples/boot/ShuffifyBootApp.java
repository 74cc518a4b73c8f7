package dev.shuffify.examples.boot;

import dev.shuffify.Shuffify;
import dev.shuffify.memory.InMemoryPlaylistService;
import dev.shuffify.model.JobSpec;
import dev.shuffify.model.ScheduleDefinition;
import dev.shuffify.model.Track;
import dev.shuffify.model.Trigger;
import java.util.ArrayList;
import java.util.List;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Profile;

/**
 * A Spring Boot application with the Shuffify starter: the facade, its embedded store and its scheduler come
 * from {@code application.properties}; Actuator shows Shuffify's health and metrics. The music service is the
 * in-memory one, so the application runs with no credentials; with the {@code spotify} profile the starter makes
 * the Spotify connector from {@code application-spotify.properties} instead.
 */
@SpringBootApplication
public class ShuffifyBootApp {

    /** The demo user. */
    static final String USER = "alice";
    /** The demo playlist. */
    static final String PLAYLIST = "road-trip";

    /**
     * Runs the application.
     *
     * @param args Spring Boot's arguments
     */
    public static void main(String[] args) {
        SpringApplication.run(ShuffifyBootApp.class, args);
    }

    /**
     * The music service: one user with one playlist of 20 tracks, in memory (not with the {@code spotify}
     * profile).
     *
     * @return the service, which the starter takes as the facade's connector
     */
    @Bean
    @Profile("!spotify")
    InMemoryPlaylistService music() {
        InMemoryPlaylistService music = new InMemoryPlaylistService().addUser(USER);
        List<Track> tracks = new ArrayList<>();
        for (int i = 1; i <= 20; i++) {
            tracks.add(Track.ofUri("spotify:track:road" + i));
        }
        music.createPlaylist(USER, PLAYLIST, "Road trip", tracks);
        return music;
    }

    /**
     * Gives the demo user an hourly shuffle the first time the application starts.
     *
     * @param shuffify the facade the starter made
     * @return the runner
     */
    @Bean
    @Profile("!spotify")
    ApplicationRunner hourlyShuffle(Shuffify shuffify) {
        return args -> {
            if (shuffify.schedules().list(USER).isEmpty()) {
                shuffify.schedules().create(USER, ScheduleDefinition.of(JobSpec.builder("shuffle")
                        .target(PLAYLIST, "Road trip").algorithm("balanced").build(), Trigger.named("hourly")));
            }
        };
    }
}
