package dev.shuffify.spotify.contract;

import dev.shuffify.model.Track;
import dev.shuffify.spotify.ApiDialect;
import dev.shuffify.spotify.SpotifyConfig;
import dev.shuffify.spotify.SpotifyConnector;
import dev.shuffify.spotify.TokenCipher;
import dev.shuffify.spotify.fake.FakeSpotifyWebApi;
import dev.shuffify.spotify.fake.FakeSpotifyWebApi.ErrorBody;
import dev.shuffify.spotify.fake.ManualClock;
import dev.shuffify.store.InMemoryShuffifyStore;
import dev.shuffify.testkit.PlaylistServiceContract;
import java.time.Instant;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.AfterEach;

/**
 * The Spotify adapter, over the real client and real HTTP against the fake Web API, passes the music service's
 * playlist contract from the test kit; one subclass per dialect.
 */
abstract class SpotifyContract extends PlaylistServiceContract {
    private static final String OWNER = "owner";

    private final ApiDialect dialect;
    private final ManualClock clock = new ManualClock(Instant.parse("2026-06-01T10:00:00Z"));
    private final FakeSpotifyWebApi fake;
    private final SpotifyConnector connector;

    SpotifyContract(ApiDialect dialect) {
        this.dialect = dialect;
        this.fake = FakeSpotifyWebApi.start(clock,
                dialect == ApiDialect.ITEMS ? FakeSpotifyWebApi.Mode.ITEMS : FakeSpotifyWebApi.Mode.TRACKS);
        this.connector = new SpotifyConnector(SpotifyConfig.builder(FakeSpotifyWebApi.CLIENT_ID,
                FakeSpotifyWebApi.CLIENT_SECRET)
                .apiBaseUri(fake.baseUri()).accountsBaseUri(fake.baseUri()).dialect(dialect)
                .clock(clock).sleeper(clock.sleeper()).random(new Random(42)).build(),
                new InMemoryShuffifyStore().accounts(), TokenCipher.ofKey(TokenCipher.newKey()));
    }

    @AfterEach
    void stopTheFake() {
        fake.close();
    }

    @Override
    protected Seeded seed(List<Track> entries, List<Track> addable) {
        fake.addUser(OWNER);
        connector.storeLogin(OWNER, fake.issueRefreshToken(OWNER));
        String id = fake.seedPlaylist(OWNER, "Contract", entries, addable);
        return new Seeded(connector.connect(OWNER), id);
    }

    @Override
    protected List<Track> entriesOf(String playlistId) {
        return fake.entries(playlistId);
    }

    @Override
    protected void loseAnswerOfNextWrite(Write write) {
        String method = switch (write) {
            case ADD -> "POST";
            case REMOVE -> "DELETE";
            case REPLACE, REORDER -> "PUT";
        };
        fake.failAfterApplying(method + " /v1/playlists/{playlist_id}/" + dialect.itemsSegment(), 1, 502,
                ErrorBody.HTML);
    }
}
