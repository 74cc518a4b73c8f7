package dev.shuffify.spotify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.shuffify.spotify.fake.Exchange;
import dev.shuffify.spotify.fake.FakeSpotifyWebApi.ErrorBody;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The fake fails the n-th API request from now, whatever its endpoint, done or not, never counting token calls. */
class NumberedFaultTest {

    private static List<Exchange> apiExchanges(SpotifyFixture f) {
        return f.fake.exchanges().stream().filter(e -> e.path().startsWith("/v1/")).toList();
    }

    @Test
    void theNthApiRequestIsAnsweredWithTheFaultAndNotDoneAndTokenCallsDoNotCount() {
        try (SpotifyFixture f = new SpotifyFixture(ApiDialect.ITEMS, b -> b.maxAttempts(1))) {
            f.login("alice");
            List<String> uris = f.fake.addTracks("t", 4);
            String id = f.fake.createPlaylist("alice", "Mix", uris.subList(0, 3));
            SpotifyPlaylistService service = f.connect("alice");
            f.fake.failRequest(2, 400, ErrorBody.JSON, false);

            service.playlist(id);
            assertThatThrownBy(() -> service.addTracks(id, uris.subList(3, 4), null)).isInstanceOf(
                    RuntimeException.class);

            assertThat(f.fake.exchanges()).anyMatch(e -> e.path().equals("/api/token"));
            List<Exchange> api = apiExchanges(f);
            assertThat(api.get(0).status()).isEqualTo(200);
            assertThat(api.get(1).method()).isEqualTo("POST");
            assertThat(api.get(1).status()).isEqualTo(400);
            assertThat(f.fake.playlistUris(id)).containsExactlyElementsOf(uris.subList(0, 3));
        }
    }

    @Test
    void aFaultAfterApplyingDoesTheRequestAndLosesItsAnswer() {
        try (SpotifyFixture f = new SpotifyFixture(ApiDialect.TRACKS, b -> b.maxAttempts(1))) {
            f.login("alice");
            List<String> uris = f.fake.addTracks("t", 4);
            String id = f.fake.createPlaylist("alice", "Mix", uris.subList(0, 3));
            SpotifyPlaylistService service = f.connect("alice");
            service.playlist(id);
            int before = f.fake.apiRequests();
            f.fake.failRequest(1, 502, ErrorBody.HTML, true);

            try {
                service.addTracks(id, uris.subList(3, 4), null);
            } catch (RuntimeException expected) {
                // the adapter may or may not find out that the add was done; the fake's side is what is checked
            }

            Exchange lost = apiExchanges(f).get(before);
            assertThat(lost.method()).isEqualTo("POST");
            assertThat(lost.status()).isEqualTo(502);
            assertThat(lost.responseBody()).contains("<html>");
            assertThat(f.fake.playlistUris(id)).containsExactlyElementsOf(uris);
        }
    }

    @Test
    void onlyTheNumberedRequestFailsAndTheCountStartsFromNow() {
        try (SpotifyFixture f = new SpotifyFixture(ApiDialect.ITEMS, b -> b.maxAttempts(1))) {
            f.login("alice");
            String id = f.fake.createPlaylist("alice", "Mix", f.fake.addTracks("t", 2));
            SpotifyPlaylistService service = f.connect("alice");
            service.playlist(id);
            service.playlist(id);
            int before = f.fake.apiRequests();
            f.fake.failRequest(3, 503, ErrorBody.EMPTY, false);

            service.playlist(id);
            service.playlist(id);
            assertThatThrownBy(() -> service.playlist(id)).isInstanceOf(RuntimeException.class);
            service.playlist(id);

            assertThat(apiExchanges(f).subList(before, before + 4)).extracting(Exchange::status)
                    .containsExactly(200, 200, 503, 200);
            assertThatThrownBy(() -> f.fake.failRequest(0, 502, ErrorBody.HTML, false))
                    .isInstanceOf(IllegalArgumentException.class);
        }
    }
}
