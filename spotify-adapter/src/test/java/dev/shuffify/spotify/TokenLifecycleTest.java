package dev.shuffify.spotify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.shuffify.error.AuthenticationException;
import dev.shuffify.error.NotFoundException;
import dev.shuffify.model.Account;
import dev.shuffify.model.AccountHealth;
import dev.shuffify.spotify.fake.FakeSpotifyWebApi;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class TokenLifecycleTest {

    private static final String TOKEN = "POST /api/token";

    @Test
    void refreshesOnceAndReusesTheAccessTokenAcrossConnections() {
        try (SpotifyFixture f = new SpotifyFixture(ApiDialect.ITEMS)) {
            f.login("alice");
            String id = f.fake.createPlaylist("alice", "P", f.fake.addTracks("t", 3));

            f.connect("alice").playlist(id);
            f.connect("alice").playlist(id);

            assertThat(f.fake.count(TOKEN)).isEqualTo(1);
        }
    }

    @Test
    void refreshesAheadWhenTheTokenExpiresWithinFiveMinutes() {
        try (SpotifyFixture f = new SpotifyFixture(ApiDialect.ITEMS)) {
            f.login("alice");
            String id = f.fake.createPlaylist("alice", "P", f.fake.addTracks("t", 3));
            SpotifyPlaylistService service = f.connect("alice");

            f.clock.advance(Duration.ofMinutes(54));
            service.playlist(id);
            assertThat(f.fake.count(TOKEN)).isEqualTo(1);

            f.clock.advance(Duration.ofMinutes(1).plusSeconds(1));
            service.playlist(id);
            assertThat(f.fake.count(TOKEN)).isEqualTo(2);
            assertThat(f.fake.exchanges()).noneMatch(e -> e.status() == 401);
        }
    }

    @Test
    void anAccessTokenRevokedMidJobIsRefreshedOnceAndTheCallRetriedOnce() {
        try (SpotifyFixture f = new SpotifyFixture(ApiDialect.ITEMS)) {
            f.login("alice");
            List<String> uris = f.fake.addTracks("t", 120);
            String id = f.fake.createPlaylist("alice", "P", uris);
            SpotifyPlaylistService service = f.connect("alice");
            service.addTracks(id, uris.subList(0, 10), null);
            f.fake.resetLog();

            f.fake.expireAccessTokens();
            service.addTracks(id, uris.subList(10, 20), null);

            assertThat(f.fake.exchanges()).extracting(e -> e.endpoint() + " " + e.status()).containsExactly(
                    "POST /v1/playlists/{playlist_id}/items 401", TOKEN + " 200",
                    "POST /v1/playlists/{playlist_id}/items 201");
            assertThat(f.fake.playlistUris(id)).hasSize(140);
        }
    }

    @Test
    void aRotatedRefreshTokenIsStoredEncryptedAndUsedNextTime() {
        try (SpotifyFixture f = new SpotifyFixture(ApiDialect.ITEMS)) {
            f.fake.rotateRefreshTokens(true);
            f.login("alice");
            byte[] before = f.store.accounts().find("alice").orElseThrow().encryptedRefreshToken();

            f.connect("alice");

            Account after = f.store.accounts().find("alice").orElseThrow();
            String current = f.fake.currentRefreshToken("alice");
            assertThat(after.encryptedRefreshToken()).isNotEqualTo(before);
            assertThat(TokenCipher.ofKey(f.key).decrypt("alice", after.encryptedRefreshToken())).isEqualTo(current);
            assertThat(new String(after.encryptedRefreshToken(), java.nio.charset.StandardCharsets.ISO_8859_1))
                    .doesNotContain(current);

            f.clock.advance(Duration.ofHours(2));
            f.connect("alice").currentUserId();
            assertThat(f.fake.count(TOKEN)).isEqualTo(2);
            assertThat(f.fake.exchanges()).filteredOn(e -> e.path().equals("/api/token"))
                    .allSatisfy(e -> assertThat(e.status()).isEqualTo(200));
        }
    }

    @Test
    void aRevokedRefreshTokenMarksTheAccountNeedsLoginAndFailsItsJobsUntilANewLogin() {
        try (SpotifyFixture f = new SpotifyFixture(ApiDialect.ITEMS)) {
            f.login("alice");
            f.fake.revokeRefreshTokens("alice");

            assertThatThrownBy(() -> f.connect("alice")).isInstanceOf(AuthenticationException.class)
                    .hasMessageStartingWith(AuthenticationException.MUST_LOG_IN_AGAIN).hasMessageContaining("alice");
            assertThat(f.connector.account("alice").health()).isEqualTo(AccountHealth.NEEDS_LOGIN);

            f.fake.resetLog();
            assertThatThrownBy(() -> f.connect("alice")).isInstanceOf(AuthenticationException.class)
                    .hasMessageStartingWith(AuthenticationException.MUST_LOG_IN_AGAIN);
            assertThat(f.fake.count(TOKEN)).as("no refresh is tried for an account that needs login").isZero();

            f.connector.storeLogin("alice", f.fake.issueRefreshToken("alice"));
            assertThat(f.connector.account("alice").health()).isEqualTo(AccountHealth.OK);
            assertThat(f.connect("alice").currentUserId()).isEqualTo("alice");
        }
    }

    @Test
    void aWrongKeyOrTamperedCiphertextIsAClearErrorNotAGarbageToken() {
        try (SpotifyFixture f = new SpotifyFixture(ApiDialect.ITEMS)) {
            f.login("alice");
            SpotifyConnector wrongKey = new SpotifyConnector(f.config(b -> b), f.store.accounts(),
                    TokenCipher.ofKey(TokenCipher.newKey()));

            assertThatThrownBy(() -> wrongKey.connect("alice")).isInstanceOf(TokenCipherException.class)
                    .hasMessageContaining("alice").hasMessageContaining("token key");
            assertThat(f.fake.count(TOKEN)).isZero();

            Account account = f.store.accounts().find("alice").orElseThrow();
            byte[] tampered = account.encryptedRefreshToken();
            tampered[tampered.length - 3] ^= 1;
            f.store.accounts().save(new Account("alice", tampered, account.health(), 0, null, account.updatedAt()));
            assertThatThrownBy(() -> f.connect("alice")).isInstanceOf(TokenCipherException.class)
                    .hasMessageContaining("changed");

            TokenCipher cipher = TokenCipher.ofKey(f.key);
            byte[] bobs = cipher.encrypt("bob", "RT-secret");
            assertThatThrownBy(() -> cipher.decrypt("alice", bobs)).isInstanceOf(TokenCipherException.class);
            assertThatThrownBy(() -> cipher.decrypt("alice", new byte[] {9, 1, 2})).isInstanceOf(TokenCipherException.class)
                    .hasMessageContaining("format");
            assertThat(cipher.decrypt("bob", bobs)).isEqualTo("RT-secret");
            assertThat(cipher.toString()).doesNotContain(java.util.Base64.getEncoder().encodeToString(f.key));
        }
    }

    @Test
    void anUnknownUserIsNotFoundAndAUserWithoutTokenMustLogIn() {
        try (SpotifyFixture f = new SpotifyFixture(ApiDialect.ITEMS)) {
            assertThatThrownBy(() -> f.connect("ghost")).isInstanceOf(NotFoundException.class);
            f.store.accounts().save(new Account("carol", null, AccountHealth.OK, 0, null, f.clock.instant()));
            assertThatThrownBy(() -> f.connect("carol")).isInstanceOf(AuthenticationException.class)
                    .hasMessageStartingWith(AuthenticationException.MUST_LOG_IN_AGAIN);
            assertThatThrownBy(() -> f.connector.storeLogin("carol", " ")).isInstanceOf(
                    dev.shuffify.error.ValidationException.class).hasMessageContaining("refreshToken");
        }
    }

    @Test
    void aWrongClientSecretIsReportedAsTheApplicationsProblemNotTheUsers() {
        try (SpotifyFixture f = new SpotifyFixture(ApiDialect.ITEMS)) {
            f.login("alice");
            SpotifyConfig bad = SpotifyConfig.builder(FakeSpotifyWebApi.CLIENT_ID, "wrong-secret")
                    .apiBaseUri(f.fake.baseUri()).accountsBaseUri(f.fake.baseUri()).clock(f.clock)
                    .sleeper(f.clock.sleeper()).build();
            SpotifyConnector connector = new SpotifyConnector(bad, f.store.accounts(), TokenCipher.ofKey(f.key));

            assertThatThrownBy(() -> connector.connect("alice")).isInstanceOf(SpotifyConfigurationException.class)
                    .isNotInstanceOf(AuthenticationException.class)
                    .hasMessageContaining("client id and secret").hasMessageNotContaining("wrong-secret")
                    .hasMessageNotContaining(AuthenticationException.MUST_LOG_IN_AGAIN);
            assertThat(f.fake.exchanges()).filteredOn(e -> e.path().equals("/api/token"))
                    .extracting(e -> e.status()).containsOnly(400);
            assertThat(f.connector.account("alice").health()).isEqualTo(AccountHealth.OK);
        }
    }
}
