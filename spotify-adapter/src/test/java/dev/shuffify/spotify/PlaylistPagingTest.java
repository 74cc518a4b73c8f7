package dev.shuffify.spotify;

import static org.assertj.core.api.Assertions.assertThat;

import dev.shuffify.model.Playlist;
import dev.shuffify.model.Track;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class PlaylistPagingTest {

    static Stream<Arguments> sizes() {
        // items, requests in the ITEMS dialect (pages of 50), requests in the TRACKS dialect (pages of 100):
        // one GET /playlists/{id} with the first page embedded, then one request per further page
        return Stream.of(
                Arguments.of(0, 1, 1),
                Arguments.of(1, 1, 1),
                Arguments.of(50, 1, 1),
                Arguments.of(51, 2, 1),
                Arguments.of(100, 2, 1),
                Arguments.of(101, 3, 2),
                Arguments.of(1000, 20, 10));
    }

    @ParameterizedTest(name = "{0} items: {1} requests (items), {2} requests (tracks)")
    @MethodSource("sizes")
    void readsEveryPageWithTheFewestRequestsInBothDialects(int size, int itemsRequests, int tracksRequests) {
        for (ApiDialect dialect : ApiDialect.values()) {
            try (SpotifyFixture f = new SpotifyFixture(dialect)) {
                f.login("alice");
                List<String> uris = f.fake.addTracks("song", size);
                String id = f.fake.createPlaylist("alice", "Big", uris);
                SpotifyPlaylistService service = f.connect("alice");
                f.fake.resetLog();

                Playlist playlist = service.playlist(id);

                assertThat(playlist.uris()).containsExactlyElementsOf(uris);
                assertThat(playlist.items()).extracting(Track::addedAt).containsExactlyElementsOf(f.fake.addedDates(id));
                assertThat(playlist.snapshotId()).isEqualTo(f.fake.snapshotId(id));
                assertThat(playlist.ownerId()).isEqualTo("alice");
                assertThat(playlist.name()).isEqualTo("Big");
                int expected = dialect == ApiDialect.ITEMS ? itemsRequests : tracksRequests;
                assertThat(f.fake.apiRequests()).as("requests for %d items in %s", size, dialect).isEqualTo(expected);
                String pages = "GET /v1/playlists/{playlist_id}/" + dialect.itemsSegment();
                assertThat(f.fake.count(pages)).isEqualTo(expected - 1);
            }
        }
    }

    @ParameterizedTest
    @MethodSource("dialects")
    void keepsLocalAndUnplayableItemsInPlaceAndTheirMetadata(ApiDialect dialect) {
        try (SpotifyFixture f = new SpotifyFixture(dialect)) {
            f.login("alice");
            String a = f.fake.addTrack("Alpha", "Ann", "First");
            String b = f.fake.addTrack("Beta", "Bob", "Second");
            String c = f.fake.addTrack("Gamma", "Cid", "Third");
            String local = "spotify:local:Some+Band:Demo:Garage+Tape:201";
            f.fake.markUnavailable(b);
            String id = f.fake.createPlaylist("alice", "Mixed", List.of(a, local, b, c));

            Playlist playlist = f.connect("alice").playlist(id);

            assertThat(playlist.uris()).containsExactly(a, local, b, c);
            Track localTrack = playlist.items().get(1);
            assertThat(localTrack.local()).isTrue();
            assertThat(localTrack.id()).isNull();
            assertThat(localTrack.name()).isEqualTo("Garage Tape");
            assertThat(localTrack.addedAt()).isEqualTo(f.fake.addedDates(id).get(1));
            Track alpha = playlist.items().get(0);
            assertThat(alpha.local()).isFalse();
            assertThat(alpha.name()).isEqualTo("Alpha");
            assertThat(alpha.artists()).singleElement().satisfies(ar -> assertThat(ar.name()).isEqualTo("Ann"));
            assertThat(alpha.album().name()).isEqualTo("First");
            assertThat(alpha.album().releaseDate()).isEqualTo("2020-01-01");
            assertThat(alpha.duration().toMillis()).isPositive();
        }
    }

    @ParameterizedTest
    @MethodSource("dialects")
    void keepsAnEntryWhoseItemTheServiceNoLongerReturnsAsUnavailableAtItsPosition(ApiDialect dialect) {
        try (SpotifyFixture f = new SpotifyFixture(dialect)) {
            f.login("alice");
            List<String> uris = f.fake.addTracks("t", 3);
            f.fake.removeFromCatalogue(uris.get(1));
            String id = f.fake.createPlaylist("alice", "Gone", uris);

            Playlist playlist = f.connect("alice").playlist(id);

            assertThat(playlist.uris()).containsExactly(uris.get(0), Track.UNAVAILABLE_URI, uris.get(2));
            assertThat(playlist.items().get(1).kind()).isEqualTo(Track.Kind.UNAVAILABLE);
            assertThat(playlist.items().get(1).addedAt()).isEqualTo(f.fake.addedDates(id).get(1));
        }
    }

    @ParameterizedTest
    @MethodSource("dialects")
    void listsOwnedAndFollowedPlaylistsOverSeveralPages(ApiDialect dialect) {
        try (SpotifyFixture f = new SpotifyFixture(dialect)) {
            f.login("alice");
            f.fake.addUser("bob");
            for (int i = 0; i < 60; i++) {
                f.fake.createPlaylist("alice", "P" + i, List.of());
            }
            String followed = f.fake.createPlaylist("bob", "Bob's", f.fake.addTracks("b", 3));
            f.fake.follow("alice", followed);
            SpotifyPlaylistService service = f.connect("alice");
            f.fake.resetLog();

            var playlists = service.playlists();

            assertThat(playlists).hasSize(61);
            assertThat(playlists.get(60).ownerId()).isEqualTo("bob");
            assertThat(playlists.get(60).total()).isEqualTo(3);
            assertThat(f.fake.count("GET /v1/me/playlists")).isEqualTo(2);
        }
    }

    static Stream<ApiDialect> dialects() {
        return Stream.of(ApiDialect.values());
    }
}
