package dev.shuffify.examples.e2e;

import static dev.shuffify.examples.e2e.TwoWorlds.USER;
import static org.assertj.core.api.Assertions.assertThat;

import dev.shuffify.model.AccountHealth;
import dev.shuffify.model.DiscoverySource;
import dev.shuffify.model.Execution;
import dev.shuffify.model.ExecutionStatus;
import dev.shuffify.model.JobSpec;
import dev.shuffify.model.PlaylistPair;
import dev.shuffify.spotify.ApiDialect;
import dev.shuffify.spotify.fake.FakeSpotifyWebApi.ErrorBody;
import dev.shuffify.spotify.fake.FakeSpotifyWebApi.Forbidden;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The service's answers that the library once misread, each through the facade over the Spotify adapter and the
 * fake Web API, in both dialects: an add applied although its answer was a 502 HTML page, {@code null} entries in
 * {@code GET /me/playlists}, a grant without the write scopes, and a token endpoint that is down.
 */
class ServiceContractEndToEndTest {

    private static String raid(TwoWorlds w, String target, String source, int limit) {
        return w.spotify.schedules().create(USER, dev.shuffify.model.ScheduleDefinition.of(JobSpec.builder("raid")
                .target(target, "Mix").source(DiscoverySource.playlist(source)).param("limit", limit).build(),
                dev.shuffify.model.Trigger.named("daily"))).id();
    }

    /** Runs a schedule now; a failed run is read back from the history ({@code runs().runNow} throws). */
    private static Execution run(TwoWorlds w, String scheduleId) {
        try {
            return w.spotify.runs().runNow(USER, scheduleId);
        } catch (dev.shuffify.error.ShuffifyException e) {
            Execution last = w.spotify.runs().history(USER, scheduleId, 1).get(0);
            assertThat(e.getMessage()).contains(last.errorMessage());
            return last;
        }
    }

    /** Before: the adapter sent the POST again (12 duplicates) and the engine's rollback reset added dates. */
    @ParameterizedTest
    @EnumSource(ApiDialect.class)
    void aRaidWhoseAddWasAppliedButAnswered502WithAnHtmlPageAddsEachTrackOnceAndKeepsAddedDates(ApiDialect d) {
        try (TwoWorlds w = new TwoWorlds(d)) {
            w.login(USER);
            List<String> own = w.fake.addTracks("own", 30);
            List<String> fresh = w.fake.addTracks("new", 12);
            String mix = w.playlist(USER, "Mix", own);
            String source = w.playlist(USER, "Source", fresh);
            List<Instant> datesBefore = w.fake.addedDates(mix);
            w.fake.failAfterApplying("POST /v1/playlists/{playlist_id}/" + w.itemsPath(), 1, 502, ErrorBody.HTML);

            Execution run = run(w, raid(w, mix, source, 50));

            assertThat(run.status()).isEqualTo(ExecutionStatus.SUCCESS);
            assertThat(run.tracksAdded()).isEqualTo(12);
            assertThat(w.fake.playlistUris(mix)).doesNotHaveDuplicates()
                    .containsExactlyElementsOf(TwoWorlds.concat(own, fresh));
            assertThat(w.fake.addedDates(mix).subList(0, 30)).as("no rollback by replace")
                    .isEqualTo(datesBefore);
            assertThat(w.count("POST")).as("the add is never sent twice").isEqualTo(1);
            assertThat(w.count("PUT")).isZero();
        }
    }

    /** Before: TRACKS threw a NullPointerException in {@code playlists()}, ITEMS listed phantom playlists. */
    @ParameterizedTest
    @EnumSource(ApiDialect.class)
    void nullEntriesOfTheUsersPlaylistListNeitherBreakNorJoinAPairOrTheList(ApiDialect d) {
        try (TwoWorlds w = new TwoWorlds(d)) {
            w.login(USER);
            String production = w.playlist(USER, "Daily", w.fake.addTracks("p", 5));
            String archive = w.playlist(USER, "Daily archive", w.fake.addTracks("a", 3));
            w.fake.nullPlaylistEntries(USER, 2);

            PlaylistPair pair = w.spotify.pairs().create(USER, production, archive);

            assertThat(pair.archive().id()).isEqualTo(archive);
            assertThat(w.connector.connect(USER).playlists()).extracting(p -> p.id())
                    .containsExactlyInAnyOrder(production, archive);
        }
    }

    /** Before: the 403 read as a missing playlist; a raid would skip its source as "gone". */
    @ParameterizedTest
    @EnumSource(ApiDialect.class)
    void aGrantWithoutTheWriteScopesFailsTheRaidNamingTheScopeNotAMissingPlaylist(ApiDialect d) {
        try (TwoWorlds w = new TwoWorlds(d, b -> b.health(2, 3))) {
            w.login(USER);
            List<String> own = w.fake.addTracks("own", 4);
            String mix = w.playlist(USER, "Mix", own);
            String source = w.playlist(USER, "Source", w.fake.addTracks("new", 3));
            String schedule = raid(w, mix, source, 10);
            w.fake.forbid(USER, Forbidden.MISSING_WRITE_SCOPE);

            List<AccountHealth> health = new java.util.ArrayList<>();
            for (int i = 0; i < 3; i++) {
                Execution run = run(w, schedule);
                assertThat(run.status()).isEqualTo(ExecutionStatus.FAILED);
                assertThat(run.errorMessage()).contains("lacks the scope playlist-modify-public")
                        .doesNotContain("not found").doesNotContain("gone");
                health.add(w.connector.account(USER).health());
            }

            assertThat(health).as("the reads that succeed around the refused write do not clear it")
                    .containsExactly(AccountHealth.OK, AccountHealth.DEGRADED, AccountHealth.QUARANTINED);
            assertThat(w.connector.account(USER).reason()).contains("playlist-modify-public");
            assertThat(w.fake.playlistUris(mix)).containsExactlyElementsOf(own);
        }
    }

    /** Before: three 503s from the token endpoint read as "user must log in again". */
    @ParameterizedTest
    @EnumSource(ApiDialect.class)
    void aTokenEndpointDownIsATransientFailureAndTheNextRunSucceeds(ApiDialect d) {
        try (TwoWorlds w = new TwoWorlds(d, b -> b.maxAttempts(3))) {
            w.login(USER);
            List<String> own = w.fake.addTracks("own", 4);
            String mix = w.playlist(USER, "Mix", own);
            String schedule = raid(w, mix, w.playlist(USER, "Source", w.fake.addTracks("new", 3)), 10);
            w.fake.failNext("POST /api/token", 3, 503, ErrorBody.HTML);

            Execution run = run(w, schedule);

            assertThat(run.status()).isEqualTo(ExecutionStatus.FAILED);
            assertThat(run.errorMessage()).contains("unavailable").doesNotContain("log in again");
            assertThat(w.connector.account(USER).health()).isNotEqualTo(AccountHealth.NEEDS_LOGIN);
            assertThat(w.fake.playlistUris(mix)).containsExactlyElementsOf(own);

            assertThat(w.spotify.runs().runNow(USER, schedule).status()).isEqualTo(ExecutionStatus.SUCCESS);
            assertThat(w.fake.playlistUris(mix)).hasSize(7).doesNotHaveDuplicates();
        }
    }
}
