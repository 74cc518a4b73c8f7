package dev.shuffify.examples.docs;

import dev.shuffify.Shuffify;
import dev.shuffify.model.DiscoverySource;
import dev.shuffify.model.JobSpec;
import dev.shuffify.model.PlannedChange;
import dev.shuffify.model.Preview;
import dev.shuffify.model.RotationStatus;
import dev.shuffify.model.Schedule;
import dev.shuffify.model.ScheduleDefinition;
import dev.shuffify.model.Trigger;
import dev.shuffify.spi.PlaylistServiceConnector;
import dev.shuffify.store.ShuffifyStore;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** The code of {@code docs/job-types.md}: a job of each type, the discovery sources, and the chains. */
public final class JobTypes {

    private JobTypes() {
    }

    /**
     * A raid with three sources and every parameter.
     *
     * @return the job
     */
    public static JobSpec raid() {
        JobSpec raid = JobSpec.builder("raid")
                .target("37i9dQZF1DX0XUsuxWHRQd", "Road trip")
                .source(DiscoverySource.playlist("https://open.spotify.com/playlist/5ABHKGoOzxkaa28ttQV9sE?si=1f"))
                .source(DiscoverySource.of("liked", null))
                .source(new DiscoverySource("artist", "spotify:artist:0OdUWJ0sBjDrqHygGUXeCF",
                        Map.of("since", "2026-01-01")))
                .param("limit", 25)
                .param("max_per_artist", 3)
                .param("cooldown_days", 30)
                .param("excluded_tracks", List.of("spotify:track:6rqhFgbbKwnb9MLmUQDhG6",
                        "https://open.spotify.com/track/4uLU6hMCjMI75M1A2tKUQC"))
                .build();
        return raid;
    }

    /**
     * One source of each discovery strategy.
     *
     * @return the sources
     */
    public static List<DiscoverySource> sources() {
        DiscoverySource playlist = DiscoverySource.playlist("https://open.spotify.com/playlist/5ABHKGoOzxkaa28ttQV9sE");
        DiscoverySource liked = new DiscoverySource("liked", null, Map.of("limit", 100));
        DiscoverySource artist = new DiscoverySource("artist", "https://open.spotify.com/artist/0OdUWJ0sBjDrqHygGUXeCF",
                Map.of("since", "2026-01-01"));
        DiscoverySource albums = DiscoverySource.of("album_queue", """
                spotify:album:4aawyAB9vmqN3uQ7FjRGTy
                https://open.spotify.com/album/1A2GTWGtFfWp7KSQTwWOyo""");
        DiscoverySource search = new DiscoverySource("search", "genre:\"bossa nova\" year:1960-1969",
                Map.of("limit", 30));
        return List.of(playlist, liked, artist, albums, search);
    }

    /**
     * A drip with every parameter.
     *
     * @return the job
     */
    public static JobSpec drip() {
        JobSpec drip = JobSpec.builder("drip")
                .target("37i9dQZF1DX0XUsuxWHRQd", "Road trip")
                .param("staging_playlist", "https://open.spotify.com/playlist/3cEYpjA9oz9GiPac4AsH4n")
                .param("drip_count", 3)
                .param("drip_order", "oldest")
                .param("drip_position", "top")
                .build();
        return drip;
    }

    /**
     * A nightly shuffle that keeps added dates, with two pins.
     *
     * @param store the store
     * @param connector the music service
     * @return the facade, for the test to close
     */
    public static Shuffify nightlyShuffle(ShuffifyStore store, PlaylistServiceConnector connector) {
        Shuffify shuffify = Shuffify.builder().store(store).connector(connector).build();
        JobSpec spec = JobSpec.builder("shuffle")
                .target("37i9dQZF1DXcBWIGoYBM5M", "Morning mix")
                .algorithm("balanced")
                .algorithmParam("section_count", 4)
                .param("write_mode", "reorder")
                .build();
        Schedule schedule = shuffify.schedules().create("alice",
                ScheduleDefinition.of(spec, Trigger.cron("0 4 * * *", "Europe/Paris")));

        shuffify.pins().pinPositions("alice", "37i9dQZF1DXcBWIGoYBM5M", 0, 1);
        shuffify.pins().pinTrack("alice", "37i9dQZF1DXcBWIGoYBM5M", "spotify:track:4uLU6hMCjMI75M1A2tKUQC");

        List<String> moves = new ArrayList<>();
        Preview preview = shuffify.runs().preview("alice", schedule.id());
        for (PlannedChange change : preview.changes()) {   // REORDER: range start, length, insert before
            moves.add(change.operation() + " " + change.position() + " " + change.rangeLength() + " "
                    + change.insertBefore());
        }
        return shuffify;
    }

    /**
     * A rotation: the pair, a weekly swap schedule, its preview and status.
     *
     * @param shuffify the facade
     * @return the rotation status
     */
    public static RotationStatus rotate(Shuffify shuffify) {
        // 1. pair the production playlist with an archive (null creates a private "<name> (archive)")
        shuffify.pairs().create("alice", "37i9dQZF1DX0XUsuxWHRQd", "4rOoJ6Egrf8K2IrywzwOMk");

        // 2. a weekly schedule that swaps three tracks
        JobSpec job = JobSpec.builder("rotate")
                .target("37i9dQZF1DX0XUsuxWHRQd", "Morning mix")
                .param("rotation_mode", "swap")
                .param("rotation_count", 3)
                .build();
        Schedule schedule = shuffify.schedules().create("alice", ScheduleDefinition.of(job, Trigger.named("weekly")));

        // 3. see what the next run would do, without writing anything
        Preview preview = shuffify.runs().preview("alice", schedule.id());

        // 4. where the playlist stands: its pair, its rotate schedule, the last run
        RotationStatus status = shuffify.pairs().rotationStatus("alice", "37i9dQZF1DX0XUsuxWHRQd");
        return status;
    }

    /**
     * The two well-known chains.
     *
     * @return raid_and_shuffle, then raid_and_drip
     */
    public static List<JobSpec> chains() {
        JobSpec raidAndShuffle = JobSpec.builder("raid_and_shuffle")
                .target("37i9dQZF1DX0XUsuxWHRQd", "Road trip")
                .source(DiscoverySource.playlist("5ABHKGoOzxkaa28ttQV9sE"))
                .param("limit", 20)
                .algorithm("artist_spacing")
                .build();                    // write_mode defaults to replace

        JobSpec raidAndDrip = JobSpec.builder("raid_and_drip")
                .target("37i9dQZF1DX0XUsuxWHRQd", "Road trip")
                .source(DiscoverySource.of("artist", "spotify:artist:0OdUWJ0sBjDrqHygGUXeCF"))
                .param("staging_playlist", "3cEYpjA9oz9GiPac4AsH4n")
                .param("drip_count", 2)
                .build();
        return List.of(raidAndShuffle, raidAndDrip);
    }
}
