package dev.shuffify.examples.e2e;

import static dev.shuffify.examples.e2e.TwoWorlds.USER;
import static org.assertj.core.api.Assertions.assertThat;

import dev.shuffify.model.AccountHealth;
import dev.shuffify.model.Execution;
import dev.shuffify.model.ExecutionStatus;
import dev.shuffify.model.JobSpec;
import dev.shuffify.model.ScheduleDefinition;
import dev.shuffify.model.Trigger;
import dev.shuffify.spotify.ApiDialect;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Runs of an account that must log in again, and of one the adapter quarantined, through the engine. */
class AccountHealthEndToEndTest {

    @Test
    void aRunWhoseLoginWasRevokedFailsWithUserMustLogInAgainAndWritesNothing() {
        try (TwoWorlds w = new TwoWorlds(ApiDialect.ITEMS)) {
            w.login(USER);
            List<String> uris = w.fake.addTracks("t", 40);
            String mix = w.playlist(USER, "Mix", uris);
            String schedule = shuffle(w, mix);
            w.fake.revokeRefreshTokens(USER);
            w.advance(Duration.ofHours(2)); // the cached access token has expired: the run must refresh it

            Execution run = w.spotify.operations().execute(schedule).orElseThrow();

            assertThat(run.status()).isEqualTo(ExecutionStatus.FAILED);
            assertThat(run.errorMessage()).startsWith("user must log in again");
            assertThat(w.connector.account(USER).health()).isEqualTo(AccountHealth.NEEDS_LOGIN);
            assertThat(w.fake.playlistUris(mix)).containsExactlyElementsOf(uris);
            assertThat(w.fake.apiRequests()).isZero();
            assertThat(w.fake.count("POST /api/token")).isEqualTo(1);

            int tokenRequests = w.fake.count("POST /api/token");
            Execution again = w.spotify.operations().execute(schedule).orElseThrow();
            assertThat(again.status()).isEqualTo(ExecutionStatus.FAILED);
            assertThat(again.errorMessage()).startsWith("user must log in again");
            assertThat(w.fake.count("POST /api/token")).as("no refresh is tried until a new login")
                    .isEqualTo(tokenRequests);

            w.connector.storeLogin(USER, w.fake.issueRefreshToken(USER));
            assertThat(w.spotify.operations().execute(schedule).orElseThrow().status()).isEqualTo(ExecutionStatus.SUCCESS);
            assertThat(w.connector.account(USER).health()).isEqualTo(AccountHealth.OK);
        }
    }

    @Test
    void anAccessTokenRevokedMidJobIsRefreshedOnceAndTheRunSucceeds() {
        try (TwoWorlds w = new TwoWorlds(ApiDialect.ITEMS)) {
            w.login(USER);
            List<String> uris = w.fake.addTracks("t", 40);
            String mix = w.playlist(USER, "Mix", uris);
            String schedule = shuffle(w, mix);
            w.connector.connect(USER);
            w.fake.resetLog();
            w.fake.expireAccessTokens();

            Execution run = w.spotify.operations().execute(schedule).orElseThrow();

            assertThat(run.status()).isEqualTo(ExecutionStatus.SUCCESS);
            assertThat(w.fake.count("POST /api/token")).isEqualTo(1);
            assertThat(w.fake.exchanges().stream().filter(e -> e.status() == 401)).hasSize(1);
        }
    }

    @Test
    void aQuarantinedAccountsScheduledRunIsSkippedWithTheReasonAndAManualRunHealsIt() {
        try (TwoWorlds w = new TwoWorlds(ApiDialect.ITEMS, b -> b.maxAttempts(2).health(2, 3))) {
            w.login(USER);
            List<String> uris = w.fake.addTracks("t", 40);
            String mix = w.playlist(USER, "Mix", uris);
            String schedule = shuffle(w, mix);
            w.fake.failNext(null, 6, 503); // three runs, each failing its first call twice

            List<AccountHealth> health = new java.util.ArrayList<>();
            for (int i = 0; i < 3; i++) {
                Execution failed = w.spotify.operations().execute(schedule).orElseThrow();
                assertThat(failed.status()).isEqualTo(ExecutionStatus.FAILED);
                assertThat(failed.errorMessage()).contains("503");
                health.add(w.connector.account(USER).health());
            }
            assertThat(health).containsExactly(AccountHealth.OK, AccountHealth.DEGRADED, AccountHealth.QUARANTINED);
            w.fake.resetLog();

            Execution skipped = w.spotify.operations().execute(schedule).orElseThrow();

            assertThat(skipped.status()).isEqualTo(ExecutionStatus.SKIPPED);
            assertThat(skipped.errorMessage()).startsWith("account of user 'alice' is quarantined after 3 "
                    + "consecutive failures").contains("503");
            assertThat(w.fake.exchanges()).as("a skipped run sends nothing").isEmpty();
            assertThat(w.spotify.runs().history(USER, schedule, 1).get(0).status()).isEqualTo(ExecutionStatus.SKIPPED);

            Execution manual = w.spotify.runs().runNow(USER, schedule);
            assertThat(manual.status()).isEqualTo(ExecutionStatus.SUCCESS);
            assertThat(w.connector.account(USER).health()).isEqualTo(AccountHealth.OK);
            assertThat(w.spotify.operations().execute(schedule).orElseThrow().status()).isEqualTo(ExecutionStatus.SUCCESS);
        }
    }

    @Test
    void aUserNotOnTheAllowListFailsItsRunsAsAnAccountProblemNotAMissingPlaylistUntilQuarantined() {
        try (TwoWorlds w = new TwoWorlds(ApiDialect.ITEMS, b -> b.health(2, 3))) {
            w.login(USER);
            List<String> uris = w.fake.addTracks("t", 40);
            String mix = w.playlist(USER, "Mix", uris);
            String schedule = shuffle(w, mix);
            w.fake.forbid(USER, dev.shuffify.spotify.fake.FakeSpotifyWebApi.Forbidden.NOT_ON_ALLOW_LIST);

            List<AccountHealth> health = new java.util.ArrayList<>();
            for (int i = 0; i < 3; i++) {
                Execution run = w.spotify.operations().execute(schedule).orElseThrow();
                assertThat(run.status()).isEqualTo(ExecutionStatus.FAILED);
                assertThat(run.errorMessage()).contains("allow-list").contains("Developer Dashboard")
                        .doesNotContain("not found");
                health.add(w.connector.account(USER).health());
            }

            assertThat(health).containsExactly(AccountHealth.OK, AccountHealth.DEGRADED, AccountHealth.QUARANTINED);
            assertThat(w.spotify.operations().execute(schedule).orElseThrow().status()).isEqualTo(ExecutionStatus.SKIPPED);
            assertThat(w.fake.playlistUris(mix)).containsExactlyElementsOf(uris);
        }
    }

    private static String shuffle(TwoWorlds w, String playlistId) {
        return w.spotify.schedules().create(USER, ScheduleDefinition.of(JobSpec.builder("shuffle")
                .target(playlistId, "Mix").algorithm("basic").build(), Trigger.named("daily"))).id();
    }
}
