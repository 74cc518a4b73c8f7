package dev.shuffify.spotify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.shuffify.error.PlaylistServiceException;
import dev.shuffify.error.RateLimitedException;
import dev.shuffify.model.AccountHealth;
import dev.shuffify.spotify.fake.Exchange;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class RetryPolicyTest {

    private static final String ITEMS = "GET /v1/playlists/{playlist_id}";

    @Test
    void aStormOf429sIsWaitedOutAndNoCallIsSentBeforeRetryAfter() {
        try (SpotifyFixture f = new SpotifyFixture(ApiDialect.ITEMS)) {
            f.login("alice");
            String id = f.fake.createPlaylist("alice", "P", f.fake.addTracks("t", 3));
            SpotifyPlaylistService service = f.connect("alice");
            f.fake.resetLog();
            f.clock.clearSleeps();
            f.fake.rateLimitNext(4, 7);

            assertThat(service.playlist(id).size()).isEqualTo(3);

            List<Exchange> log = f.fake.exchanges();
            assertThat(log).extracting(Exchange::status).containsExactly(429, 429, 429, 429, 200);
            for (int i = 1; i < log.size(); i++) {
                assertThat(Duration.between(log.get(i - 1).at(), log.get(i).at()))
                        .as("gap before call %d", i).isGreaterThanOrEqualTo(Duration.ofSeconds(7));
            }
            assertThat(f.fake.earlyRequests()).isZero();
            assertThat(f.clock.sleeps()).contains(Duration.ofSeconds(7));
        }
    }

    @Test
    void aRetryAfterLongerThanTheCapFailsAtOnceAsRateLimited() {
        try (SpotifyFixture f = new SpotifyFixture(ApiDialect.ITEMS, b -> b.maxRetryAfter(Duration.ofSeconds(60)))) {
            f.login("alice");
            String id = f.fake.createPlaylist("alice", "P", f.fake.addTracks("t", 3));
            SpotifyPlaylistService service = f.connect("alice");
            f.fake.resetLog();
            f.fake.rateLimitNext(1, 3600);

            assertThatThrownBy(() -> service.playlist(id)).isInstanceOfSatisfying(RateLimitedException.class,
                    e -> assertThat(e.retryAfter()).isEqualTo(Duration.ofHours(1)))
                    .hasMessageContaining(id).hasMessageContaining("cap");
            assertThat(f.fake.apiRequests()).isEqualTo(1);
        }
    }

    @Test
    void waitingForRetryAfterCountsAgainstTheJobDeadline() {
        try (SpotifyFixture f = new SpotifyFixture(ApiDialect.ITEMS, b -> b.jobDeadline(Duration.ofSeconds(20)))) {
            f.login("alice");
            String id = f.fake.createPlaylist("alice", "P", f.fake.addTracks("t", 3));
            SpotifyPlaylistService service = f.connect("alice");
            f.fake.resetLog();
            f.fake.rateLimitNext(3, 8);

            assertThatThrownBy(() -> service.playlist(id)).isInstanceOf(RateLimitedException.class)
                    .hasMessageContaining("deadline");
            assertThat(f.fake.apiRequests()).isEqualTo(3);
            assertThat(f.fake.earlyRequests()).isZero();
        }
    }

    @Test
    void aBurstOf5xxShorterThanTheBudgetIsRetriedWithCappedJitteredBackoff() {
        try (SpotifyFixture f = new SpotifyFixture(ApiDialect.ITEMS)) {
            f.login("alice");
            String id = f.fake.createPlaylist("alice", "P", f.fake.addTracks("t", 3));
            SpotifyPlaylistService service = f.connect("alice");
            f.fake.resetLog();
            f.clock.clearSleeps();
            f.fake.failNext(ITEMS, 3, 503);
            f.fake.failNext(ITEMS, 2, 500);

            assertThat(service.playlist(id).size()).isEqualTo(3);

            assertThat(f.fake.exchanges()).extracting(Exchange::status).containsExactly(503, 503, 503, 500, 500, 200);
            List<Duration> sleeps = f.clock.sleeps();
            assertThat(sleeps).hasSize(5);
            for (int i = 0; i < sleeps.size(); i++) {
                assertThat(sleeps.get(i)).isLessThanOrEqualTo(Duration.ofMillis(500L << i));
            }
        }
    }

    @Test
    void aBurstOf5xxLongerThanTheBudgetStopsAfterSixAttempts() {
        try (SpotifyFixture f = new SpotifyFixture(ApiDialect.ITEMS)) {
            f.login("alice");
            String id = f.fake.createPlaylist("alice", "P", f.fake.addTracks("t", 3));
            SpotifyPlaylistService service = f.connect("alice");
            f.fake.resetLog();
            f.fake.failNext(ITEMS, 10, 502);

            assertThatThrownBy(() -> service.playlist(id)).isInstanceOfSatisfying(PlaylistServiceException.class,
                    e -> assertThat(e.isTransient()).isTrue())
                    .hasMessageContaining(id).hasMessageContaining("6 times").hasMessageContaining("502");
            assertThat(f.fake.apiRequests()).isEqualTo(6);
        }
    }

    @Test
    void aBadRequestIsNotRetried() {
        try (SpotifyFixture f = new SpotifyFixture(ApiDialect.ITEMS)) {
            f.login("alice");
            String id = f.fake.createPlaylist("alice", "P", List.of());
            SpotifyPlaylistService service = f.connect("alice");
            f.fake.resetLog();

            assertThatThrownBy(() -> service.addTracks(id, List.of("spotify:track:doesnotexist"), null))
                    .isInstanceOfSatisfying(PlaylistServiceException.class, e -> assertThat(e.isTransient()).isFalse())
                    .hasMessageContaining("400");
            assertThat(f.fake.apiRequests()).isEqualTo(1);
            assertThat(f.connector.account("alice").consecutiveFailures()).isZero();
        }
    }

    @Test
    void anAccountDegradesThenIsQuarantinedAfterConsecutiveFailuresAndRecoversOnSuccess() {
        try (SpotifyFixture f = new SpotifyFixture(ApiDialect.ITEMS, b -> b.maxAttempts(2).health(2, 4))) {
            f.login("alice");
            String id = f.fake.createPlaylist("alice", "P", f.fake.addTracks("t", 3));
            SpotifyPlaylistService service = f.connect("alice");
            List<AccountHealth> seen = new java.util.ArrayList<>();
            for (int i = 0; i < 4; i++) {
                f.fake.failNext(ITEMS, 2, 500);
                assertThatThrownBy(() -> service.playlist(id)).isInstanceOf(PlaylistServiceException.class);
                seen.add(f.connector.account("alice").health());
            }
            assertThat(seen).containsExactly(AccountHealth.OK, AccountHealth.DEGRADED, AccountHealth.DEGRADED,
                    AccountHealth.QUARANTINED);
            assertThat(f.connector.account("alice").consecutiveFailures()).isEqualTo(4);
            assertThat(f.connector.account("alice").reason()).contains("500");

            service.playlist(id);
            assertThat(f.connector.account("alice").health()).isEqualTo(AccountHealth.OK);
            assertThat(f.connector.account("alice").consecutiveFailures()).isZero();
            assertThat(f.connector.account("alice").encryptedRefreshToken()).isNotNull();
        }
    }

    @Test
    void aSlowAnswerWithinTheTimeoutStillSucceeds() {
        try (SpotifyFixture f = new SpotifyFixture(ApiDialect.ITEMS)) {
            f.login("alice");
            String id = f.fake.createPlaylist("alice", "P", f.fake.addTracks("t", 3));
            SpotifyPlaylistService service = f.connect("alice");
            f.fake.resetLog();
            f.fake.delayNext(1, Duration.ofMillis(50));

            assertThat(service.playlist(id).size()).isEqualTo(3);
            assertThat(f.fake.apiRequests()).isEqualTo(1);
        }
    }

    @Test
    void aSlowAnswerPastTheRequestTimeoutIsAnIoErrorThatIsRetried() {
        try (SpotifyFixture f = new SpotifyFixture(ApiDialect.ITEMS, b -> b.requestTimeout(Duration.ofMillis(200)))) {
            f.login("alice");
            String id = f.fake.createPlaylist("alice", "P", f.fake.addTracks("t", 3));
            SpotifyPlaylistService service = f.connect("alice");
            f.fake.resetLog();
            f.clock.clearSleeps();
            f.fake.delayNext(1, Duration.ofMillis(1500));

            assertThat(service.playlist(id).size()).isEqualTo(3);
            assertThat(f.fake.apiRequests()).isEqualTo(2);
            assertThat(f.clock.sleeps()).hasSize(1);
        }
    }
}
