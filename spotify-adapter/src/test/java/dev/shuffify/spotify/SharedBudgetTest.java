package dev.shuffify.spotify;

import static org.assertj.core.api.Assertions.assertThat;

import dev.shuffify.spi.RateBudgetUsage;
import dev.shuffify.spotify.fake.Exchange;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class SharedBudgetTest {

    @Test
    void accountsOfOneApplicationShareOneRollingWindowBudget() {
        try (SpotifyFixture f = new SpotifyFixture(ApiDialect.ITEMS, b -> b.requestsPerWindow(4))) {
            f.login("alice");
            f.login("bob");
            String a = f.fake.createPlaylist("alice", "A", f.fake.addTracks("a", 2));
            String b = f.fake.createPlaylist("bob", "B", f.fake.addTracks("b", 2));
            SpotifyPlaylistService alice = f.connect("alice");
            SpotifyPlaylistService bob = f.connect("bob");
            f.fake.resetLog();

            for (int i = 0; i < 4; i++) {
                alice.playlist(a);
            }
            assertThat(f.connector.requestsInWindow()).isEqualTo(4);
            assertThat(f.connector.rateBudget()).contains(new RateBudgetUsage(4, 4, 4, 0));
            bob.playlist(b);

            List<Exchange> log = f.fake.exchanges();
            assertThat(log).hasSize(5);
            assertThat(Duration.between(log.get(0).at(), log.get(4).at())).isGreaterThanOrEqualTo(Duration.ofSeconds(30));
        }
    }

    @Test
    void a429ForOneAccountSlowsEveryAccountOfTheApplication() {
        try (SpotifyFixture f = new SpotifyFixture(ApiDialect.ITEMS, b -> b.requestsPerWindow(100))) {
            f.login("alice");
            f.login("bob");
            String a = f.fake.createPlaylist("alice", "A", f.fake.addTracks("a", 2));
            String b = f.fake.createPlaylist("bob", "B", f.fake.addTracks("b", 2));
            SpotifyPlaylistService alice = f.connect("alice");
            SpotifyPlaylistService bob = f.connect("bob");
            f.fake.resetLog();
            f.fake.rateLimitNext(1, 9);

            alice.playlist(a);
            bob.playlist(b);

            assertThat(f.fake.earlyRequests()).isZero();
            // an isolated 429 pauses every account but does not lower the budget
            assertThat(f.connector.currentBudget()).isEqualTo(100);
            RateBudgetUsage usage = f.connector.rateBudget().orElseThrow();
            assertThat(usage.rateLimitedResponses()).as("the 429s met, for metrics").isEqualTo(1);
            assertThat(usage.budget()).isEqualTo(100);
            assertThat(usage.configuredBudget()).isEqualTo(100);
            assertThat(usage.inWindow()).as("alice's 429, her retry and bob's call").isEqualTo(3);
            List<Exchange> log = f.fake.exchanges();
            assertThat(log).hasSize(3);
            assertThat(log.get(0).status()).isEqualTo(429);
            // alice's retry goes when the hint runs out; bob's call, asked during the pause, one steady step
            // (30 s / 100) later: the budget refills at its rate after a pause instead of bursting
            assertThat(log.get(1).at()).isEqualTo(log.get(0).at().plusSeconds(9));
            assertThat(log.get(2).at()).isEqualTo(log.get(0).at().plusSeconds(9).plusMillis(300));
        }
    }
}
