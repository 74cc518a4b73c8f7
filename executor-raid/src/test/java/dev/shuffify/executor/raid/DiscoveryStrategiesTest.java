package dev.shuffify.executor.raid;

import static dev.shuffify.executor.raid.Fixtures.track;
import static dev.shuffify.executor.raid.Fixtures.uris;
import static org.assertj.core.api.Assertions.assertThat;

import dev.shuffify.executor.raid.discovery.AlbumQueueDiscovery;
import dev.shuffify.executor.raid.discovery.ArtistDiscovery;
import dev.shuffify.memory.Operation;
import dev.shuffify.model.Album;
import dev.shuffify.model.Artist;
import dev.shuffify.model.DiscoverySource;
import dev.shuffify.model.ExecutionStatus;
import dev.shuffify.model.JobSpec;
import dev.shuffify.model.Track;
import dev.shuffify.spi.DiscoveryRequest;
import dev.shuffify.spi.Params;
import dev.shuffify.spi.PlaylistService;
import dev.shuffify.testkit.ExecutorHarness;
import dev.shuffify.testkit.HarnessRun;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DiscoveryStrategiesTest {
    final ExecutorHarness harness = Fixtures.harness().build();
    static final Artist NINA = new Artist("nina", "Nina");
    static final Artist GUEST = new Artist("guest", "Guest");

    private HarnessRun raidFrom(DiscoverySource source) {
        return harness.run(JobSpec.builder("raid").target("target", "Target").source(source).build());
    }

    private static Track albumTrack(String id, Artist artist) {
        // as an album listing gives it: no album on the track
        return new Track("spotify:track:" + id, id, "Song " + id, List.of(artist), null, Duration.ofMinutes(3), 0,
                null, false);
    }

    @Test
    void playlistSourceAcceptsALinkAndLeavesLocalFilesOut() {
        harness.playlist("target", "Target", List.of());
        Track local = new Track("spotify:local:Me:Demo:Tape:120", null, "Tape", List.of(), null, Duration.ZERO, 0,
                null, true);
        harness.playlist("src", "Source", List.of(track("a", "x"), local, track("b", "y")));

        HarnessRun run = raidFrom(DiscoverySource.playlist("https://open.spotify.com/playlist/src?si=abc"));

        assertThat(harness.music().uris("target")).isEqualTo(uris("a", "b"));
        assertThat(run.execution().details().get("skipped")).isEqualTo(Map.of());
    }

    @Test
    void likedTakesTheNewestLikedSongsUpToItsLimit() {
        harness.playlist("target", "Target", List.of(track("l1", "x")));
        harness.music().setLikedTracks(harness.userId(), List.of(track("l0", "x"), track("l1", "x"),
                track("l2", "y"), track("l3", "z")));

        HarnessRun run = raidFrom(new DiscoverySource("liked", null, Map.of("limit", 3)));

        assertThat(run.status()).isEqualTo(ExecutionStatus.SUCCESS);
        assertThat(harness.music().uris("target")).isEqualTo(uris("l1", "l0", "l2"));
    }

    @Test
    void artistTakesReleasesSinceTheGivenDateOnTheFirstRunAndSinceTheLastSuccessAfter() {
        harness.playlist("target", "Target", List.of());
        harness.music().addAlbum(NINA, new Album("old", "Old", "2025-06-01"), List.of(albumTrack("o1", NINA)));
        harness.music().addAlbum(NINA, new Album("recent", "Recent", "2025-12-20"),
                List.of(albumTrack("r1", NINA), albumTrack("r2", GUEST), albumTrack("r3", NINA)));
        harness.music().addAlbum(NINA, new Album("single", "Single", "2025-12"), List.of(albumTrack("s1", NINA)));

        HarnessRun first = raidFrom(new DiscoverySource("artist", "spotify:artist:nina",
                Map.of("since", "2025-12-01")));

        // newest release first ("2025-12" counts as its last day), each in album order, guests left out
        assertThat(harness.music().uris("target")).isEqualTo(uris("s1", "r1", "r3"));

        harness.clock().advance(Duration.ofDays(10));
        harness.music().addAlbum(NINA, new Album("fresh", "Fresh", "2026-01-05"), List.of(albumTrack("f1", NINA)));
        harness.music().addAlbum(NINA, new Album("backdated", "Backdated", "2025-12-28"),
                List.of(albumTrack("b1", NINA)));
        HarnessRun second = harness.run(first.schedule().id());

        // the window now starts at the last successful run (2026-01-01): the back-dated release is out
        assertThat(second.execution().tracksAdded()).isEqualTo(1);
        assertThat(harness.music().uris("target")).endsWith("spotify:track:f1").doesNotContain("spotify:track:b1");
    }

    @Test
    void artistWithoutSinceLooksThirtyDaysBackOnTheFirstRun() {
        harness.playlist("target", "Target", List.of());
        Instant now = harness.clock().instant(); // 2026-01-01
        assertThat(now).isEqualTo(Instant.parse("2026-01-01T00:00:00Z"));
        harness.music().addAlbum(NINA, new Album("in", "In", "2025-12-02"), List.of(albumTrack("in1", NINA)));
        harness.music().addAlbum(NINA, new Album("out", "Out", "2025-12-01"), List.of(albumTrack("out1", NINA)));

        raidFrom(DiscoverySource.of("artist", "https://open.spotify.com/artist/nina"));

        assertThat(harness.music().uris("target")).isEqualTo(uris("in1"));
    }

    @Test
    void albumQueueTakesEveryTrackOfEachAlbumInQueueOrderAndDrainsWithALimit() {
        harness.playlist("target", "Target", List.of());
        harness.music().addAlbum(NINA, new Album("al1", "First", "2020"), List.of(albumTrack("a", NINA),
                albumTrack("b", NINA)));
        harness.music().addAlbum(NINA, new Album("al2", "Second", "2021"), List.of(albumTrack("c", NINA),
                albumTrack("d", NINA), albumTrack("e", NINA)));
        JobSpec spec = JobSpec.builder("raid").target("target", "Target").param("limit", 3)
                .source(DiscoverySource.of("album_queue", "spotify:album:al2, https://open.spotify.com/album/al1"))
                .build();

        HarnessRun first = harness.run(spec);
        assertThat(harness.music().uris("target")).isEqualTo(uris("c", "d", "e"));

        harness.run(first.schedule().id());
        assertThat(harness.music().uris("target")).isEqualTo(uris("c", "d", "e", "a", "b"));
    }

    @Test
    void anAlbumThatIsGoneIsASkippedSource() {
        harness.playlist("target", "Target", List.of());

        HarnessRun run = raidFrom(DiscoverySource.of("album_queue", "missing"));

        assertThat(run.status()).isEqualTo(ExecutionStatus.SUCCESS);
        assertThat(run.execution().warnings()).anySatisfy(w -> assertThat(w).contains("album_queue 'missing'")
                .contains("gone"));
    }

    @Test
    void searchTakesTheTopResultsUpToItsLimit() {
        harness.playlist("target", "Target", List.of());
        List<Track> named = List.of(
                Track.of("jazz1", "Jazz One", NINA, null), Track.of("rock", "Rock", NINA, null),
                Track.of("jazz2", "Jazz Two", NINA, null), Track.of("jazz3", "Jazz Three", NINA, null));
        harness.music().addToCatalog(named);

        HarnessRun run = raidFrom(new DiscoverySource("search", "jazz", Map.of("limit", 2)));

        assertThat(run.count(Operation.SEARCH)).isEqualTo(1);
        assertThat(harness.music().uris("target")).isEqualTo(uris("jazz1", "jazz2"));
    }

    @Test
    void discoveredAlbumTracksCarryTheirArtistsAndAlbum() {
        Album recent = new Album("recent", "Recent", "2025-12-20");
        harness.music().addAlbum(NINA, recent, List.of(albumTrack("r1", NINA)));
        PlaylistService service = harness.music().forUser(harness.userId());

        List<Track> byArtist = new ArtistDiscovery().discover(new DiscoveryRequest(DiscoverySource.of("artist",
                "nina"), Params.of(Map.of("since", LocalDate.of(2025, 12, 1))), service, null, harness.clock()));
        List<Track> queued = new AlbumQueueDiscovery().discover(new DiscoveryRequest(DiscoverySource.of(
                "album_queue", "recent"), Params.empty(), service, null, harness.clock()));

        assertThat(byArtist).singleElement().satisfies(t -> {
            assertThat(t.album()).isEqualTo(recent);
            assertThat(t.artists()).containsExactly(NINA);
        });
        assertThat(queued).singleElement().satisfies(t -> assertThat(t.album().id()).isEqualTo("recent"));
    }

    @Test
    void strategiesAreFoundOnTheClassPathWithTheJobTypes() {
        ExecutorHarness discovered = ExecutorHarness.builder().discoverPlugins(true).build();
        assertThat(discovered.shuffify().plugins().jobTypes()).contains("raid", "drip", "raid_and_drip");
        assertThat(discovered.shuffify().plugins().list()).extracting(p -> p.id())
                .contains("playlist", "liked", "artist", "album_queue", "search");
    }
}
