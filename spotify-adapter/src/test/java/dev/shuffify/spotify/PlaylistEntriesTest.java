package dev.shuffify.spotify;

import static org.assertj.core.api.Assertions.assertThat;

import dev.shuffify.model.Playlist;
import dev.shuffify.model.PlaylistSummary;
import dev.shuffify.model.Track;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Reads keep every entry of a playlist at the position the service counts it, in both dialects. */
class PlaylistEntriesTest {

    private record Mixed(String id, List<String> served, String episode, String other) { }

    private static Mixed mixed(SpotifyFixture f, int size) {
        List<String> tracks = f.fake.addTracks("t", size);
        String gone = tracks.get(3);
        f.fake.removeFromCatalogue(gone);
        String local = "spotify:local:Some+Band:Demo:Garage+Tape:201";
        String episode = f.fake.addEpisode("Pilot", "Talk Show");
        String other = f.fake.addOtherItem("chapter", "Chapter One");
        List<String> uris = new ArrayList<>(tracks);
        uris.add(1, local);
        uris.add(7, episode);
        uris.add(size - 2, other);
        String id = f.fake.createPlaylist("alice", "Mixed", uris);
        List<String> served = new ArrayList<>(uris);
        served.set(served.indexOf(gone), Track.UNAVAILABLE_URI);
        return new Mixed(id, served, episode, other);
    }

    @ParameterizedTest
    @EnumSource(ApiDialect.class)
    void unavailableLocalEpisodeAndUnknownEntriesKeepTheirPositionsOverSeveralPages(ApiDialect dialect) {
        try (SpotifyFixture f = new SpotifyFixture(dialect)) {
            f.login("alice");
            Mixed m = mixed(f, 230);

            Playlist playlist = f.connect("alice").playlist(m.id());

            assertThat(playlist.size()).isEqualTo(233);
            assertThat(playlist.uris()).containsExactlyElementsOf(m.served());
            assertThat(playlist.items()).extracting(Track::addedAt).containsExactlyElementsOf(f.fake.addedDates(m.id()));
            assertThat(playlist.items().get(1).kind()).isEqualTo(Track.Kind.LOCAL);
            assertThat(playlist.items().get(4).kind()).isEqualTo(Track.Kind.UNAVAILABLE);
            Track episode = playlist.items().get(7);
            assertThat(episode.kind()).isEqualTo(Track.Kind.EPISODE);
            assertThat(episode.writable()).isTrue();
            assertThat(episode.name()).isEqualTo("Pilot");
            assertThat(episode.album().name()).isEqualTo("Talk Show");
            assertThat(playlist.items().get(228).kind()).isEqualTo(Track.Kind.OTHER);
            assertThat(playlist.items().get(228).uri()).isEqualTo(m.other());
            assertThat(f.fake.exchanges()).filteredOn(e -> e.path().startsWith("/v1/playlists/"))
                    .allSatisfy(e -> assertThat(e.query()).contains("additional_types=episode"));
        }
    }

    @ParameterizedTest
    @EnumSource(ApiDialect.class)
    void anEpisodeInTheOlderTrackLikeShapeIsStillAnEpisode(ApiDialect dialect) {
        try (SpotifyFixture f = new SpotifyFixture(dialect)) {
            f.login("alice");
            f.fake.episodesAsTracks(true);
            String episode = f.fake.addEpisode("Pilot", "Talk Show");
            List<String> uris = new ArrayList<>(f.fake.addTracks("t", 2));
            uris.add(1, episode);
            String id = f.fake.createPlaylist("alice", "Old shape", uris);

            Playlist playlist = f.connect("alice").playlist(id);

            assertThat(playlist.uris()).containsExactlyElementsOf(uris);
            assertThat(playlist.items().get(1).kind()).isEqualTo(Track.Kind.EPISODE);
            assertThat(playlist.items().get(1).name()).isEqualTo("Pilot");
        }
    }

    @ParameterizedTest
    @EnumSource(ApiDialect.class)
    void aFirstPageEmbeddedInThePlaylistOfAnotherSizeThanThePageLimitLeavesNoGapAndNoRepeat(ApiDialect dialect) {
        for (int embedded : new int[] {30, 75, 100}) {
            try (SpotifyFixture f = new SpotifyFixture(dialect)) {
                f.login("alice");
                f.fake.embeddedPageSize(embedded);
                Mixed m = mixed(f, 230);

                assertThat(f.connect("alice").playlist(m.id()).uris()).as("embedded page of %d", embedded)
                        .containsExactlyElementsOf(m.served());
            }
        }
    }

    @ParameterizedTest
    @EnumSource(ApiDialect.class)
    void nullEntriesOfTheUsersPlaylistListAreSkipped(ApiDialect dialect) {
        try (SpotifyFixture f = new SpotifyFixture(dialect)) {
            f.login("alice");
            f.fake.nullPlaylistEntries("alice", 3);
            for (int i = 0; i < 60; i++) {
                f.fake.createPlaylist("alice", "P" + i, List.of());
            }

            List<PlaylistSummary> playlists = f.connect("alice").playlists();

            assertThat(playlists).hasSize(60).allSatisfy(p -> assertThat(p.id()).isNotBlank());
            assertThat(playlists).extracting(PlaylistSummary::name).startsWith("P0").endsWith("P59");
        }
    }
}
