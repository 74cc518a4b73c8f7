package dev.shuffify.spotify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.shuffify.error.PlaylistNotFoundException;
import dev.shuffify.model.AccountHealth;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class UnavailableSourceTest {

    @ParameterizedTest
    @EnumSource(ApiDialect.class)
    void aMissingPlaylistIsNotFoundNamingItAndIsNotRetried(ApiDialect dialect) {
        try (SpotifyFixture f = new SpotifyFixture(dialect)) {
            f.login("alice");
            SpotifyPlaylistService service = f.connect("alice");
            f.fake.resetLog();

            assertThatThrownBy(() -> service.playlist("nope"))
                    .isInstanceOfSatisfying(PlaylistNotFoundException.class,
                            e -> assertThat(e.playlistId()).isEqualTo("nope"))
                    .hasMessageContaining("'nope'").hasMessageContaining("404");
            assertThat(f.fake.apiRequests()).isEqualTo(1);
            assertThat(f.connector.account("alice").health()).isEqualTo(AccountHealth.OK);
            assertThat(f.connector.account("alice").consecutiveFailures()).isZero();
        }
    }

    @Test
    void anotherUsersPlaylistAnswers403InTheItemsDialectAndIsAnUnavailableSource() {
        try (SpotifyFixture f = new SpotifyFixture(ApiDialect.ITEMS)) {
            f.login("alice");
            f.fake.addUser("bob");
            String bobs = f.fake.createPlaylist("bob", "Bob's", f.fake.addTracks("b", 3));
            SpotifyPlaylistService service = f.connect("alice");
            f.fake.resetLog();

            assertThatThrownBy(() -> service.playlist(bobs))
                    .isInstanceOfSatisfying(PlaylistNotFoundException.class,
                            e -> assertThat(e.playlistId()).isEqualTo(bobs))
                    .hasMessageContaining("403");
            assertThat(f.fake.count("GET /v1/playlists/{playlist_id}")).isEqualTo(1);
            assertThat(f.fake.count("GET /v1/playlists/{playlist_id}/items")).isEqualTo(1);
        }
    }

    @Test
    void anotherUsersPrivatePlaylistIsNotFoundButAPublicOneIsReadableInTheTracksDialect() {
        try (SpotifyFixture f = new SpotifyFixture(ApiDialect.TRACKS)) {
            f.login("alice");
            f.fake.addUser("bob");
            List<String> uris = f.fake.addTracks("b", 3);
            String open = f.fake.createPlaylist("bob", "Open", uris);
            String closed = f.fake.createPlaylist("bob", "Closed", uris);
            f.fake.makePrivate(closed);
            SpotifyPlaylistService service = f.connect("alice");

            assertThat(service.playlist(open).uris()).containsExactlyElementsOf(uris);
            assertThatThrownBy(() -> service.playlist(closed)).isInstanceOf(PlaylistNotFoundException.class);
        }
    }

    @ParameterizedTest
    @EnumSource(ApiDialect.class)
    void writingToAPlaylistOfAnotherUserIsNotFoundForThatPlaylist(ApiDialect dialect) {
        try (SpotifyFixture f = new SpotifyFixture(dialect)) {
            f.login("alice");
            f.fake.addUser("bob");
            List<String> uris = f.fake.addTracks("b", 2);
            String bobs = f.fake.createPlaylist("bob", "Bob's", uris);

            assertThatThrownBy(() -> f.connect("alice").addTracks(bobs, uris, null))
                    .isInstanceOf(PlaylistNotFoundException.class).hasMessageContaining(bobs);
            assertThat(f.fake.playlistUris(bobs)).containsExactlyElementsOf(uris);
        }
    }
}
