package dev.shuffify.spotify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.shuffify.error.PlaylistServiceException;
import dev.shuffify.spotify.fake.FakeSpotifyWebApi.ErrorBody;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** A write whose answer is lost after the service applied it is never applied twice. */
class LostAnswerTest {

    private static String endpoint(String method, ApiDialect dialect) {
        return method + " /v1/playlists/{playlist_id}/" + dialect.itemsSegment();
    }

    @ParameterizedTest
    @EnumSource(ApiDialect.class)
    void anAddAppliedThenAnswered502WithAnHtmlPageIsNotSentAgain(ApiDialect dialect) {
        try (SpotifyFixture f = new SpotifyFixture(dialect)) {
            f.login("alice");
            List<String> uris = f.fake.addTracks("t", 40);
            String id = f.fake.createPlaylist("alice", "Target", uris.subList(0, 28));
            SpotifyPlaylistService service = f.connect("alice");
            service.playlist(id);
            f.fake.resetLog();
            f.fake.failAfterApplying(endpoint("POST", dialect), 1, 502, ErrorBody.HTML);

            String snapshot = service.addTracks(id, uris.subList(28, 40), null);

            assertThat(f.fake.playlistUris(id)).containsExactlyElementsOf(uris);
            assertThat(f.fake.count(endpoint("POST", dialect))).isEqualTo(1);
            assertThat(snapshot).isEqualTo(f.fake.snapshotId(id));
        }
    }

    @ParameterizedTest
    @EnumSource(ApiDialect.class)
    void anAddAtAPositionAppliedThenLostIsNotRepeatedEvenWithoutAnEarlierRead(ApiDialect dialect) {
        try (SpotifyFixture f = new SpotifyFixture(dialect)) {
            f.login("alice");
            List<String> uris = f.fake.addTracks("t", 20);
            String id = f.fake.createPlaylist("alice", "Target", uris.subList(0, 15));
            SpotifyPlaylistService service = f.connect("alice");
            f.fake.failAfterApplying(endpoint("POST", dialect), 1, 504, ErrorBody.EMPTY);

            service.addTracks(id, uris.subList(15, 20), 2);

            List<String> expected = new ArrayList<>(uris.subList(0, 15));
            expected.addAll(2, uris.subList(15, 20));
            assertThat(f.fake.playlistUris(id)).containsExactlyElementsOf(expected);
        }
    }

    @ParameterizedTest
    @EnumSource(ApiDialect.class)
    void anAddNotAppliedIsSentAgainOnceTheReReadShowsThePlaylistUnchanged(ApiDialect dialect) {
        try (SpotifyFixture f = new SpotifyFixture(dialect)) {
            f.login("alice");
            List<String> uris = f.fake.addTracks("t", 12);
            String id = f.fake.createPlaylist("alice", "Target", uris.subList(0, 10));
            SpotifyPlaylistService service = f.connect("alice");
            service.playlist(id);
            f.fake.resetLog();
            f.fake.failNext(endpoint("POST", dialect), 1, 503, ErrorBody.HTML);

            service.addTracks(id, uris.subList(10, 12), null);

            assertThat(f.fake.playlistUris(id)).containsExactlyElementsOf(uris);
            assertThat(f.fake.count(endpoint("POST", dialect))).isEqualTo(2);
        }
    }

    @ParameterizedTest
    @EnumSource(ApiDialect.class)
    void aRemoveAReplaceAndAReorderAppliedThenLostAreEachSentOnce(ApiDialect dialect) {
        try (SpotifyFixture f = new SpotifyFixture(dialect)) {
            f.login("alice");
            List<String> uris = f.fake.addTracks("t", 10);
            String id = f.fake.createPlaylist("alice", "Target", uris);
            SpotifyPlaylistService service = f.connect("alice");
            service.playlist(id);
            f.fake.resetLog();

            f.fake.failAfterApplying(endpoint("DELETE", dialect), 1, 502, ErrorBody.HTML);
            service.removeTracks(id, List.of(uris.get(0)));
            assertThat(f.fake.playlistUris(id)).containsExactlyElementsOf(uris.subList(1, 10));

            // a reorder is not idempotent: sending it twice would move the range twice
            f.fake.failAfterApplying(endpoint("PUT", dialect), 1, 500, ErrorBody.JSON);
            service.reorderTracks(id, 0, 2, 9);
            List<String> expected = new ArrayList<>(uris.subList(3, 10));
            expected.addAll(uris.subList(1, 3));
            assertThat(f.fake.playlistUris(id)).containsExactlyElementsOf(expected);

            List<String> replacement = uris.subList(4, 8);
            f.fake.failAfterApplying(endpoint("PUT", dialect), 1, 502, ErrorBody.EMPTY);
            service.replaceTracks(id, replacement);
            assertThat(f.fake.playlistUris(id)).containsExactlyElementsOf(replacement);

            assertThat(f.fake.count(endpoint("DELETE", dialect))).isEqualTo(1);
            assertThat(f.fake.count(endpoint("PUT", dialect))).isEqualTo(2);
        }
    }

    @ParameterizedTest
    @EnumSource(ApiDialect.class)
    void aWriteThatNeverGoesThroughFailsTransientlyWithAClearMessageAboutTheHtmlAnswer(ApiDialect dialect) {
        try (SpotifyFixture f = new SpotifyFixture(dialect, b -> b.maxAttempts(3))) {
            f.login("alice");
            List<String> uris = f.fake.addTracks("t", 4);
            String id = f.fake.createPlaylist("alice", "Target", uris.subList(0, 3));
            SpotifyPlaylistService service = f.connect("alice");
            service.playlist(id);
            f.fake.failNext(endpoint("POST", dialect), 3, 502, ErrorBody.HTML);

            assertThatThrownBy(() -> service.addTracks(id, List.of(uris.get(3)), null))
                    .isInstanceOfSatisfying(PlaylistServiceException.class, e -> assertThat(e.isTransient()).isTrue())
                    .hasMessageContaining(id).hasMessageContaining("HTML").hasMessageContaining("502")
                    .hasMessageContaining("not applied");
            assertThat(f.fake.playlistUris(id)).containsExactlyElementsOf(uris.subList(0, 3));
            assertThat(f.fake.count(endpoint("POST", dialect))).isEqualTo(3);
        }
    }
}
