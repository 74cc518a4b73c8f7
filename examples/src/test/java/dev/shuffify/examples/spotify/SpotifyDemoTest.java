package dev.shuffify.examples.spotify;

import static org.assertj.core.api.Assertions.assertThat;

import dev.shuffify.spotify.fake.FakeSpotifyWebApi;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The Spotify demo's wiring, run end to end against the local fake of the Web API. */
class SpotifyDemoTest {

    private DemoFixture f;
    private List<String> mixUris;
    private String mix;

    @BeforeEach
    void start() {
        f = new DemoFixture(FakeSpotifyWebApi.Mode.ITEMS);
        mixUris = f.fake.addTracks("m", 60);
        mix = f.fake.createPlaylist("alice", "Mix", mixUris);
    }

    @AfterEach
    void stop() {
        f.close();
    }

    @Test
    void aDryRunShufflePreviewsTheNewOrderAndWritesNothing() {
        String snapshotBefore = f.fake.snapshotId(mix);

        DemoFixture.Result r = f.run("--playlist", mix, "--job", "shuffle", "--algorithm", "balanced", "--seed", "7");

        assertThat(r.code()).as(r.all()).isZero();
        assertThat(f.writeRequests()).isZero();
        assertThat(f.fake.playlistUris(mix)).containsExactlyElementsOf(mixUris);
        assertThat(f.fake.snapshotId(mix)).isEqualTo(snapshotBefore);
        assertThat(r.out()).contains("dry run, nothing is written")
                .contains("Signed in to Spotify as user 'alice'")
                .contains("REPLACE the items of 'Mix' (" + mix + ") with the first 60 track(s) of the new order")
                .contains("same-artist neighbours:")
                .contains("0 write(s); a dry run writes nothing");
        assertThat(r.err()).isEmpty();
    }

    @Test
    void anAppliedShuffleWritesANewOrderOfTheSameTracksInOneReplace() {
        DemoFixture.Result r = f.run("--apply", "--playlist", mix, "--job", "shuffle", "--algorithm", "balanced");

        assertThat(r.code()).as(r.all()).isZero();
        List<String> after = f.fake.playlistUris(mix);
        assertThat(after).containsExactlyInAnyOrderElementsOf(mixUris).isNotEqualTo(mixUris);
        assertThat(f.fake.count("PUT /v1/playlists/{playlist_id}/items")).isEqualTo(1);
        assertThat(f.writeRequests()).isEqualTo(1);
        assertThat(r.out()).contains("Ran shuffle: success").contains("auto_pre_shuffle, 60 tracks")
                .contains("1 write(s).");
    }

    @Test
    void aDryRunRaidNamesTheTracksItWouldAddAndWarnsAboutAGoneSource() {
        List<String> other = f.fake.addTracks("new", 8);
        String source = f.fake.createPlaylist("alice", "Fresh finds", other);

        DemoFixture.Result r = f.run("--job", "raid", "--playlist", mix, "--source", source, "--source",
                "playlist=https://open.spotify.com/playlist/gone404?si=x", "--limit", "5");

        assertThat(r.code()).as(r.all()).isZero();
        assertThat(f.writeRequests()).isZero();
        assertThat(f.fake.playlistUris(mix)).containsExactlyElementsOf(mixUris);
        assertThat(r.out()).contains("ADD 5 track(s) to 'Mix' (" + mix + ") at the end:")
                .contains("+ Artist 1 – new-1").contains("+ Artist 5 – new-5").doesNotContain("new-6")
                .contains("warning: source 2 (playlist 'https://open.spotify.com/playlist/gone404?si=x') is gone or no "
                        + "longer readable")
                .contains("result: 5 added, 0 removed, 65 in total");
    }

    @Test
    void anAppliedRaidAddsTheNewTracksAtTheEnd() {
        List<String> other = f.fake.addTracks("new", 8);
        String source = f.fake.createPlaylist("alice", "Fresh finds", other);

        DemoFixture.Result r = f.run("--apply", "--job", "raid", "--playlist", mix, "--source", source, "--limit", "5");

        assertThat(r.code()).as(r.all()).isZero();
        assertThat(f.fake.playlistUris(mix)).startsWith(mixUris.toArray(String[]::new)).hasSize(65)
                .endsWith(other.subList(0, 5).toArray(String[]::new));
        assertThat(f.fake.count("POST /v1/playlists/{playlist_id}/items")).isEqualTo(1);
        assertThat(r.out()).contains("Ran raid: success").contains("5 added, 0 removed, 65 in total");
    }

    @Test
    void aDryRunRotationShowsBothPlaylistsAfterTheSwapAndWritesNothing() {
        List<String> archived = f.fake.addTracks("old", 4);
        String archive = f.fake.createPlaylist("alice", "Mix archive", archived);

        DemoFixture.Result r = f.run("--job", "rotate", "--playlist", mix, "--archive", archive, "--count", "2");

        assertThat(r.code()).as(r.all()).isZero();
        assertThat(f.writeRequests()).isZero();
        assertThat(f.fake.playlistUris(archive)).containsExactlyElementsOf(archived);
        assertThat(r.out()).contains("Paired 'Mix' (" + mix + ") with the archive 'Mix archive' (" + archive + ")")
                .contains("ADD 2 track(s) to 'Mix' (" + mix + ") at the end:")
                .contains("+ Artist 1 – old-1").contains("+ Artist 2 – old-2")
                .contains("ADD 2 track(s) to 'Mix archive' (" + archive + ") at the end:")
                .contains("+ Artist 1 – m-1").contains("+ Artist 2 – m-2")
                .contains("The archive 'Mix archive' (" + archive + ") now and after the run");
    }

    @Test
    void anAppliedRotationWithoutAnArchiveCreatesOneAndSwaps() {
        DemoFixture.Result r = f.run("--apply", "--job", "rotate", "--playlist", mix, "--rotation-mode",
                "archive_oldest", "--count", "3");

        assertThat(r.code()).as(r.all()).isZero();
        List<String> owned = f.fake.playlistsOwnedBy("alice");
        assertThat(owned).hasSize(2);
        String archive = owned.get(1);
        assertThat(f.fake.playlistUris(archive)).containsExactlyElementsOf(mixUris.subList(0, 3));
        assertThat(f.fake.playlistUris(mix)).containsExactlyElementsOf(mixUris.subList(3, 60));
        assertThat(r.out()).contains("'Mix (archive)' (" + archive + "), created just now")
                .contains("Ran rotate: success").contains("0 added, 3 removed, 57 in total");
    }

    @Test
    void withoutAPlaylistADryRunPicksTheFirstOwnPlaylistWithTracks() {
        f.fake.addUser("bob");
        String bobs = f.fake.createPlaylist("bob", "Bob's", f.fake.addTracks("b", 3));
        f.fake.follow("alice", bobs);

        DemoFixture.Result r = f.run();

        assertThat(r.code()).as(r.all()).isZero();
        assertThat(r.out()).contains("Your playlists (2):").contains("(followed; owner bob)")
                .contains("working on your first playlist with tracks, 'Mix'")
                .contains("shuffle of 'Mix' (" + mix + "), algorithm balanced, write_mode replace, daily");
        assertThat(f.writeRequests()).isZero();
    }

    @Test
    void aLongPlaylistListIsCutAfterTwentyLines() {
        for (int i = 1; i <= 21; i++) {
            f.fake.createPlaylist("alice", "List " + i, List.of());
        }

        DemoFixture.Result r = f.run("--playlist", mix);

        assertThat(r.code()).as(r.all()).isZero();
        assertThat(r.out()).contains("Your playlists (22):").contains("List 19").doesNotContain("List 20")
                .contains("  … and 2 more");
    }

    @Test
    void applyWithoutAPlaylistIsRefusedBeforeAnyCall() {
        DemoFixture.Result r = f.run("--apply");

        assertThat(r.code()).isEqualTo(SpotifyDemo.USAGE);
        assertThat(r.err()).contains("--apply needs --playlist");
        assertThat(f.fake.exchanges()).isEmpty();
    }

    @Test
    void aDryRunRotationWithoutAnArchiveSaysWhatToPass() {
        DemoFixture.Result r = f.run("--job", "rotate", "--playlist", mix);

        assertThat(r.code()).isEqualTo(SpotifyDemo.USAGE);
        assertThat(r.out()).contains("rotate needs --archive ID");
        assertThat(f.writeRequests()).isZero();
    }

    @Test
    void aJobTheLibraryRejectsIsReportedWithTheFieldAndExitCode2() {
        DemoFixture.Result r = f.run("--playlist", mix, "--algorithm", "chaos");

        assertThat(r.code()).isEqualTo(SpotifyDemo.USAGE);
        assertThat(r.err()).contains("job.algorithm").contains("unknown algorithm 'chaos'");
    }

    @Test
    void aPlaylistTheAccountCannotReadFailsNamingIt() {
        DemoFixture.Result r = f.run("--playlist", "nosuchplaylist");

        assertThat(r.code()).isEqualTo(SpotifyDemo.FAILED);
        assertThat(r.err()).contains("nosuchplaylist");
    }

    @Test
    void aRevokedRefreshTokenFailsWithUserMustLogInAgainAndPrintsNoSecret() {
        f.fake.revokeRefreshTokens("alice");

        DemoFixture.Result r = f.run("--playlist", mix);

        assertThat(r.code()).isEqualTo(SpotifyDemo.FAILED);
        assertThat(r.err()).contains("Spotify did not accept the login: user must log in again")
                .contains("log in again for a new SPOTIFY_REFRESH_TOKEN");
        assertThat(r.all()).doesNotContain(f.secrets());
    }

    @ParameterizedTest
    @EnumSource(FakeSpotifyWebApi.Mode.class)
    void noRunPrintsASecret(FakeSpotifyWebApi.Mode mode) {
        f.fake.mode(mode);
        f.fake.rotateRefreshTokens(true);
        String dialect = mode.name().toLowerCase(java.util.Locale.ROOT);
        List<DemoFixture.Result> runs = List.of(
                f.run("--playlist", mix, "--dialect", dialect),
                // the rotation retired the first token: a second run needs a new login, as with the real service
                f.runWith(loggedInAgain(), "--apply", "--playlist", mix, "--write-mode", "reorder", "--dialect",
                        dialect));

        for (DemoFixture.Result r : runs) {
            assertThat(r.code()).as(r.all()).isZero();
            for (String secret : f.secrets()) {
                assertThat(r.all()).doesNotContain(secret);
            }
            assertThat(r.out()).contains("Spotify issued a new refresh token during this run");
        }
        assertThat(f.fake.issuedTokens()).hasSizeGreaterThan(3);
    }

    @Test
    void aRetiredRefreshTokenFailsTheNextRun() {
        f.fake.rotateRefreshTokens(true);
        assertThat(f.run("--playlist", mix).code()).isZero();

        DemoFixture.Result second = f.run("--playlist", mix);

        assertThat(second.code()).isEqualTo(SpotifyDemo.FAILED);
        assertThat(second.err()).contains("user must log in again");
    }

    private java.util.Map<String, String> loggedInAgain() {
        java.util.Map<String, String> env = f.env();
        env.put("SPOTIFY_REFRESH_TOKEN", f.fake.issueRefreshToken("alice"));
        return env;
    }

    @Test
    void aBadApiBaseIsAUsageErrorNamingTheField() {
        DemoFixture.Result r = DemoFixture.runRaw(f.env(), "--api-base", "ftp://example.org/v1");

        assertThat(r.code()).isEqualTo(SpotifyDemo.USAGE);
        assertThat(r.err()).contains("apiBaseUri").contains("ftp://example.org/v1");
    }

    @Test
    void helpNeedsNoCredentials() {
        DemoFixture.Result r = DemoFixture.runRaw(java.util.Map.of(), "--help");

        assertThat(r.code()).isZero();
        assertThat(r.out()).contains("--dry-run").contains("--apply").contains("--api-base")
                .contains("SPOTIFY_REFRESH_TOKEN");
    }
}
