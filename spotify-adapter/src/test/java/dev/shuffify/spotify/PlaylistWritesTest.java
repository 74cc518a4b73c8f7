package dev.shuffify.spotify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.shuffify.model.PlaylistSummary;
import dev.shuffify.model.Track;
import dev.shuffify.spotify.fake.Exchange;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class PlaylistWritesTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private static List<Integer> batchSizes(SpotifyFixture f, String method, ApiDialect dialect, String field) {
        String endpoint = method + " /v1/playlists/{playlist_id}/" + dialect.itemsSegment();
        List<Integer> sizes = new ArrayList<>();
        for (Exchange e : f.fake.exchanges()) {
            if (e.endpoint().equals(endpoint)) {
                try {
                    JsonNode body = JSON.readTree(e.requestBody());
                    sizes.add(body.path(field).size());
                } catch (java.io.IOException ex) {
                    throw new AssertionError(ex);
                }
            }
        }
        return sizes;
    }

    @ParameterizedTest
    @EnumSource(ApiDialect.class)
    void addsInBatchesOfAtMostOneHundred(ApiDialect dialect) {
        try (SpotifyFixture f = new SpotifyFixture(dialect)) {
            f.login("alice");
            String id = f.fake.createPlaylist("alice", "Target", List.of());
            List<String> uris = f.fake.addTracks("n", 250);
            SpotifyPlaylistService service = f.connect("alice");
            f.fake.resetLog();

            assertThat(service.addAll(id, uris)).isEqualTo(3);

            assertThat(batchSizes(f, "POST", dialect, "uris")).containsExactly(100, 100, 50);
            assertThat(f.fake.playlistUris(id)).containsExactlyElementsOf(uris);
        }
    }

    @ParameterizedTest
    @EnumSource(ApiDialect.class)
    void sendsExactlyOneHundredInOneCallAndRejectsOneHundredAndOne(ApiDialect dialect) {
        try (SpotifyFixture f = new SpotifyFixture(dialect)) {
            f.login("alice");
            String id = f.fake.createPlaylist("alice", "Target", List.of());
            List<String> uris = f.fake.addTracks("n", 101);
            SpotifyPlaylistService service = f.connect("alice");
            f.fake.resetLog();

            String snapshot = service.addTracks(id, uris.subList(0, 100), null);

            assertThat(snapshot).isEqualTo(f.fake.snapshotId(id));
            assertThat(batchSizes(f, "POST", dialect, "uris")).containsExactly(100);
            assertThatThrownBy(() -> service.addTracks(id, uris, null)).isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("1 to 100");
            assertThatThrownBy(() -> service.removeTracks(id, uris)).isInstanceOf(IllegalArgumentException.class);
            assertThatThrownBy(() -> service.replaceTracks(id, uris)).isInstanceOf(IllegalArgumentException.class);
            assertThat(f.fake.apiRequests()).isEqualTo(1);
        }
    }

    @ParameterizedTest
    @EnumSource(ApiDialect.class)
    void insertsAtAPositionReplacesRemovesEveryOccurrenceAndReorders(ApiDialect dialect) {
        try (SpotifyFixture f = new SpotifyFixture(dialect)) {
            f.login("alice");
            List<String> t = f.fake.addTracks("x", 6);
            String id = f.fake.createPlaylist("alice", "Target", List.of(t.get(0), t.get(1), t.get(0), t.get(2)));
            SpotifyPlaylistService service = f.connect("alice");

            service.addTracks(id, List.of(t.get(3)), 1);
            assertThat(f.fake.playlistUris(id)).containsExactly(t.get(0), t.get(3), t.get(1), t.get(0), t.get(2));

            service.removeTracks(id, List.of(t.get(0)));
            assertThat(f.fake.playlistUris(id)).containsExactly(t.get(3), t.get(1), t.get(2));

            var before = f.fake.addedDates(id);
            service.reorderTracks(id, 2, 1, 0);
            assertThat(f.fake.playlistUris(id)).containsExactly(t.get(2), t.get(3), t.get(1));
            assertThat(f.fake.addedDates(id)).containsExactly(before.get(2), before.get(0), before.get(1));

            String snapshot = service.replaceTracks(id, List.of(t.get(4), t.get(5)));
            assertThat(f.fake.playlistUris(id)).containsExactly(t.get(4), t.get(5));
            assertThat(snapshot).isEqualTo(f.fake.snapshotId(id));

            service.replaceTracks(id, List.of());
            assertThat(f.fake.playlistUris(id)).isEmpty();
        }
    }

    @ParameterizedTest
    @EnumSource(ApiDialect.class)
    void replacesALongPlaylistWithOneReplaceThenAppendsAndRemovesInBatches(ApiDialect dialect) {
        try (SpotifyFixture f = new SpotifyFixture(dialect)) {
            f.login("alice");
            List<String> old = f.fake.addTracks("old", 150);
            String id = f.fake.createPlaylist("alice", "Target", old);
            List<String> fresh = f.fake.addTracks("new", 230);
            SpotifyPlaylistService service = f.connect("alice");
            f.fake.resetLog();

            assertThat(service.replaceAll(id, fresh)).isEqualTo(3);
            assertThat(batchSizes(f, "PUT", dialect, "uris")).containsExactly(100);
            assertThat(batchSizes(f, "POST", dialect, "uris")).containsExactly(100, 30);
            assertThat(f.fake.playlistUris(id)).containsExactlyElementsOf(fresh);

            f.fake.resetLog();
            List<String> doomed = new ArrayList<>(fresh.subList(0, 150));
            doomed.add(fresh.get(0));
            assertThat(service.removeAll(id, doomed)).isEqualTo(2);
            assertThat(batchSizes(f, "DELETE", dialect, dialect == ApiDialect.ITEMS ? "items" : "tracks"))
                    .containsExactly(100, 50);
            assertThat(f.fake.playlistUris(id)).containsExactlyElementsOf(fresh.subList(150, 230));
        }
    }

    @ParameterizedTest
    @EnumSource(ApiDialect.class)
    void createsAPlaylistThroughTheDialectsEndpoint(ApiDialect dialect) {
        try (SpotifyFixture f = new SpotifyFixture(dialect)) {
            f.login("alice");
            SpotifyPlaylistService service = f.connect("alice");
            f.fake.resetLog();

            PlaylistSummary created = service.createPlaylist("Archive", "rotated out", false);

            assertThat(created.name()).isEqualTo("Archive");
            assertThat(created.ownerId()).isEqualTo("alice");
            assertThat(created.total()).isZero();
            assertThat(f.fake.playlistsOwnedBy("alice")).containsExactly(created.id());
            String endpoint = dialect == ApiDialect.ITEMS ? "POST /v1/me/playlists" : "POST /v1/users/{user_id}/playlists";
            assertThat(f.fake.count(endpoint)).isEqualTo(1);
        }
    }

    @ParameterizedTest
    @EnumSource(ApiDialect.class)
    void readsLikedSongsArtistAlbumsAlbumTracksAndSearchWithTheDialectsPageSizes(ApiDialect dialect) {
        try (SpotifyFixture f = new SpotifyFixture(dialect)) {
            f.login("alice");
            List<String> songs = f.fake.addTracks("liked", 120);
            f.fake.like("alice", songs);
            IntStream.range(0, 23).forEach(i -> f.fake.addAlbum("Solo", "Record " + i, "2024-0" + (1 + i % 9) + "-01",
                    i % 2 == 0 ? "album" : "single"));
            f.fake.addAlbum("Solo", "Guest spot", "2024-01-01", "appears_on");
            String albumUri = f.fake.addTrack("Opening", "Band", "Concept");
            f.fake.addTrack("Closing", "Band", "Concept");
            f.fake.addTracks("searchable", 25);
            SpotifyPlaylistService service = f.connect("alice");
            f.fake.resetLog();

            List<Track> liked = service.likedTracks(75);
            List<String> newestFirst = new ArrayList<>(songs);
            java.util.Collections.reverse(newestFirst);
            assertThat(liked).extracting(Track::uri).containsExactlyElementsOf(newestFirst.subList(0, 75));
            assertThat(liked.get(0).addedAt()).isAfter(liked.get(1).addedAt());
            assertThat(f.fake.count("GET /v1/me/tracks")).isEqualTo(2);

            var albums = service.artistAlbums(dev.shuffify.spotify.fake.FakeSpotifyWebApi.artistId("Solo"));
            assertThat(albums).hasSize(23).allSatisfy(a -> assertThat(a.releaseDate()).startsWith("2024-"));
            assertThat(f.fake.count("GET /v1/artists/{id}/albums")).isEqualTo(3);

            String albumId = f.connect("alice").searchTracks("Opening", 1).get(0).album().id();
            List<Track> tracks = service.albumTracks(albumId);
            assertThat(tracks).extracting(Track::name).containsExactly("Opening", "Closing");
            assertThat(tracks.get(0).uri()).isEqualTo(albumUri);

            f.fake.resetLog();
            List<Track> found = service.searchTracks("searchable", 25);
            assertThat(found).hasSize(25).allSatisfy(t -> assertThat(t.name()).startsWith("searchable-"));
            assertThat(f.fake.count("GET /v1/search")).isEqualTo(3);
        }
    }
}
