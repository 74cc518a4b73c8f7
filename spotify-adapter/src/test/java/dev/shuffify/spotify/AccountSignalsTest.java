package dev.shuffify.spotify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.shuffify.model.Account;
import dev.shuffify.model.AccountHealth;
import dev.shuffify.spi.AccountSignal;
import dev.shuffify.spotify.fake.FakeSpotifyWebApi.Forbidden;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

/** The adapter reports typed account signals; health is core's to record, and the adapter never writes it. */
class AccountSignalsTest {

    @Test
    void signalsGoToTheSinkAndTheAdapterLeavesHealthAlone() {
        try (SpotifyFixture f = new SpotifyFixture(ApiDialect.ITEMS, b -> b.health(1, 2))) {
            List<AccountSignal> seen = new CopyOnWriteArrayList<>();
            SpotifyConnector connector = new SpotifyConnector(f.config(b -> b.health(1, 2)), f.store.accounts(),
                    TokenCipher.ofKey(f.key), seen::add);
            f.fake.addUser("alice");
            connector.storeLogin("alice", f.fake.issueRefreshToken("alice"));
            String id = f.fake.createPlaylist("alice", "Mine", f.fake.addTracks("t", 3));

            assertThat(connector.connect("alice").playlist(id).size()).isEqualTo(3);
            f.fake.forbid("alice", Forbidden.NOT_ON_ALLOW_LIST);
            assertThatThrownBy(() -> connector.connect("alice").playlist(id))
                    .isInstanceOf(SpotifyAccountException.class);

            assertThat(seen).extracting(AccountSignal::kind).startsWith(AccountSignal.Kind.LOGGED_IN)
                    .contains(AccountSignal.Kind.READ_SUCCEEDED).endsWith(AccountSignal.Kind.CALL_FAILED);
            assertThat(seen).allSatisfy(s -> assertThat(s.userId()).isEqualTo("alice"));
            Account stored = f.store.accounts().find("alice").orElseThrow();
            assertThat(stored.health()).as("nothing recorded health but the sink").isEqualTo(AccountHealth.OK);
            assertThat(stored.consecutiveFailures()).isZero();
            assertThat(stored.encryptedRefreshToken()).as("the adapter still stores the token").isNotEmpty();
        }
    }

    @Test
    void coresRecorderKeepsHealthFromTheSignals() {
        try (SpotifyFixture f = new SpotifyFixture(ApiDialect.ITEMS, b -> b.health(1, 2))) {
            f.login("alice");
            String id = f.fake.createPlaylist("alice", "Mine", f.fake.addTracks("t", 3));
            f.fake.forbid("alice", Forbidden.NOT_ON_ALLOW_LIST);
            assertThatThrownBy(() -> f.connect("alice").playlist(id)).isInstanceOf(SpotifyAccountException.class);
            assertThat(f.store.accounts().find("alice").orElseThrow().health()).isEqualTo(AccountHealth.DEGRADED);
        }
    }
}
