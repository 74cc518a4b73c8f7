package dev.shuffify.spotify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.shuffify.error.AuthenticationException;
import dev.shuffify.error.PlaylistNotFoundException;
import dev.shuffify.error.PlaylistServiceException;
import dev.shuffify.model.AccountHealth;
import dev.shuffify.spotify.fake.FakeSpotifyWebApi.ErrorBody;
import dev.shuffify.spotify.fake.FakeSpotifyWebApi.Forbidden;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Answers about the account, not a playlist, get their own exception and count toward the account's health. */
class AccountRefusalTest {

    @ParameterizedTest
    @EnumSource(ApiDialect.class)
    void aUserNotOnTheAllowListIsNeverAMissingPlaylistAndDegradesTheAccount(ApiDialect dialect) {
        try (SpotifyFixture f = new SpotifyFixture(dialect, b -> b.health(2, 3))) {
            f.login("alice");
            String id = f.fake.createPlaylist("alice", "Mine", f.fake.addTracks("t", 3));
            SpotifyPlaylistService service = f.connect("alice");
            f.fake.forbid("alice", Forbidden.NOT_ON_ALLOW_LIST);

            for (int i = 0; i < 2; i++) {
                assertThatThrownBy(() -> service.playlist(id))
                        .isInstanceOfSatisfying(SpotifyAccountException.class,
                                e -> assertThat(e.reason()).isEqualTo(SpotifyAccountException.Reason.NOT_ON_ALLOW_LIST))
                        .isNotInstanceOf(PlaylistNotFoundException.class)
                        .hasMessageContaining("allow-list").hasMessageContaining("Developer Dashboard")
                        .hasMessageContaining("alice");
            }
            assertThat(f.connector.account("alice").health()).isEqualTo(AccountHealth.DEGRADED);
            assertThatThrownBy(service::playlists).isInstanceOf(SpotifyAccountException.class);
            assertThat(f.connector.account("alice").health()).isEqualTo(AccountHealth.QUARANTINED);
        }
    }

    @ParameterizedTest
    @EnumSource(ApiDialect.class)
    void aMissingWriteScopeNamesTheScopeAndIsNotAMissingPlaylist(ApiDialect dialect) {
        try (SpotifyFixture f = new SpotifyFixture(dialect)) {
            f.login("alice");
            List<String> uris = f.fake.addTracks("t", 3);
            String id = f.fake.createPlaylist("alice", "Mine", uris.subList(0, 2));
            f.fake.forbid("alice", Forbidden.MISSING_WRITE_SCOPE);
            SpotifyPlaylistService service = f.connect("alice");

            assertThat(service.playlist(id).size()).isEqualTo(2);
            assertThatThrownBy(() -> service.addTracks(id, List.of(uris.get(2)), null))
                    .isInstanceOfSatisfying(SpotifyAccountException.class, e -> {
                        assertThat(e.reason()).isEqualTo(SpotifyAccountException.Reason.MISSING_SCOPE);
                        assertThat(e.requiredScope()).contains("playlist-modify-public");
                        assertThat(e.isTransient()).isFalse();
                    })
                    .isNotInstanceOf(PlaylistNotFoundException.class)
                    .hasMessageContaining("playlist-modify-private").hasMessageContaining("Insufficient client scope");
            assertThat(f.connector.account("alice").consecutiveFailures()).isEqualTo(1);
            assertThat(f.fake.playlistUris(id)).containsExactlyElementsOf(uris.subList(0, 2));
        }
    }

    @Test
    void aForbiddenPlaylistOfAnotherUserStaysAnUnavailableSourceAndDoesNotCount() {
        try (SpotifyFixture f = new SpotifyFixture(ApiDialect.ITEMS)) {
            f.login("alice");
            f.fake.addUser("bob");
            String bobs = f.fake.createPlaylist("bob", "Bob's", f.fake.addTracks("b", 3));

            assertThatThrownBy(() -> f.connect("alice").playlist(bobs)).isInstanceOf(PlaylistNotFoundException.class);
            assertThat(f.connector.account("alice").consecutiveFailures()).isZero();
        }
    }

    @Test
    void aTokenEndpointAnswering503ThreeTimesIsATransientOutageNotALostLogin() {
        try (SpotifyFixture f = new SpotifyFixture(ApiDialect.ITEMS, b -> b.maxAttempts(3))) {
            f.login("alice");
            f.fake.failNext("POST /api/token", 3, 503, ErrorBody.HTML);

            assertThatThrownBy(() -> f.connect("alice"))
                    .isInstanceOfSatisfying(PlaylistServiceException.class, e -> assertThat(e.isTransient()).isTrue())
                    .isNotInstanceOf(AuthenticationException.class)
                    .hasMessageContaining("music service is unavailable")
                    .hasMessageNotContaining(AuthenticationException.MUST_LOG_IN_AGAIN);
            assertThat(f.connector.account("alice").health()).isNotEqualTo(AccountHealth.NEEDS_LOGIN);
            assertThat(f.connector.account("alice").consecutiveFailures()).isEqualTo(1);

            assertThat(f.connect("alice").currentUserId()).isEqualTo("alice");
        }
    }

    @Test
    void aSecondNodeRefreshingWithTheTokenTheFirstJustRotatedUsesTheStoredOneAndStaysOk() {
        try (SpotifyFixture f = new SpotifyFixture(ApiDialect.ITEMS)) {
            f.fake.rotateRefreshTokens(true);
            f.login("alice");
            // node B read the account just before node A stored the rotated token
            StaleOnceAccounts staleView = new StaleOnceAccounts(f.store.accounts(), "alice");
            SpotifyConnector nodeB = new SpotifyConnector(f.config(b -> b), staleView, TokenCipher.ofKey(f.key));

            f.connect("alice");
            SpotifyPlaylistService service = nodeB.connect("alice");

            assertThat(service.currentUserId()).isEqualTo("alice");
            assertThat(f.connector.account("alice").health()).isEqualTo(AccountHealth.OK);
            assertThat(f.fake.exchanges()).filteredOn(e -> e.path().equals("/api/token"))
                    .extracting(e -> e.status()).containsExactly(200, 400, 200);
            String stored = TokenCipher.ofKey(f.key).decrypt("alice",
                    f.store.accounts().find("alice").orElseThrow().encryptedRefreshToken());
            assertThat(stored).isEqualTo(f.fake.currentRefreshToken("alice"));
        }
    }

    @Test
    void anInvalidGrantWithTheStoredTokenItselfStillMeansNeedsLogin() {
        try (SpotifyFixture f = new SpotifyFixture(ApiDialect.ITEMS)) {
            f.login("alice");
            f.fake.revokeRefreshTokens("alice");

            assertThatThrownBy(() -> f.connect("alice")).isInstanceOf(AuthenticationException.class);
            assertThat(f.connector.account("alice").health()).isEqualTo(AccountHealth.NEEDS_LOGIN);
            assertThat(f.fake.count("POST /api/token")).isEqualTo(1);
        }
    }

    /** An account store whose first read of one user returns what was stored when it was made. */
    private static final class StaleOnceAccounts implements dev.shuffify.store.AccountStore {
        private final dev.shuffify.store.AccountStore delegate;
        private final String userId;
        private dev.shuffify.model.Account stale;

        StaleOnceAccounts(dev.shuffify.store.AccountStore delegate, String userId) {
            this.delegate = delegate;
            this.userId = userId;
            this.stale = delegate.find(userId).orElseThrow();
        }

        @Override
        public void save(dev.shuffify.model.Account account) {
            delegate.save(account);
        }

        @Override
        public java.util.Optional<dev.shuffify.model.Account> find(String id) {
            if (id.equals(userId) && stale != null) {
                dev.shuffify.model.Account a = stale;
                stale = null;
                return java.util.Optional.of(a);
            }
            return delegate.find(id);
        }

        @Override
        public List<dev.shuffify.model.Account> listAll() {
            return delegate.listAll();
        }
    }
}
