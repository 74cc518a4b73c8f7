package dev.shuffify.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Each security promise of the dashboard, over plain HTTP against the JDK server. */
class DashboardSecurityTest {

    private final HttpClient http = HttpClient.newHttpClient();
    private final ObjectMapper json = new ObjectMapper();
    private DemoWorld world;
    private DashboardServer server;

    @BeforeEach
    void start() {
        world = new DemoWorld();
        server = world.dashboard().authenticator(DemoWorld.cookieAuthenticator()).start(0);
    }

    @AfterEach
    void stop() {
        server.close();
        world.close();
    }

    private HttpResponse<String> send(String method, String path, String who, String csrf) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(server.uri().resolve(path))
                .method(method, HttpRequest.BodyPublishers.noBody());
        if (who != null) {
            b.header("Cookie", "who=" + who);
        }
        if (csrf != null) {
            b.header("X-CSRF-Token", csrf);
        }
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    private JsonNode getJson(String path, String who) throws Exception {
        HttpResponse<String> r = send("GET", path, who, null);
        assertThat(r.statusCode()).as(path + " " + r.body()).isEqualTo(200);
        return json.readTree(r.body());
    }

    private String csrf(String who) throws Exception {
        return getJson("api/session", who).get("csrfToken").asText();
    }

    @Test
    void withoutAnAuthenticatorNothingIsServed() throws Exception {
        try (DashboardServer bare = world.dashboard().start(0)) {
            for (String path : List.of("", "index.html", "app.js", "api/session", "api/schedules", "api/health")) {
                HttpResponse<String> r = http.send(HttpRequest.newBuilder(bare.uri().resolve(path))
                        .header("Cookie", "who=ops").build(), HttpResponse.BodyHandlers.ofString());
                assertThat(r.statusCode()).as(path).isEqualTo(401);
                assertThat(r.body()).doesNotContain("Morning Mix").doesNotContain("<script");
            }
        }
    }

    @Test
    void aRequestTheAuthenticatorRefusesAnswers401() throws Exception {
        assertThat(send("GET", "", null, null).statusCode()).isEqualTo(401);
        assertThat(send("GET", "api/schedules", null, null).statusCode()).isEqualTo(401);
        assertThat(send("GET", "api/schedules", "", null).statusCode()).isEqualTo(401);
        assertThat(send("GET", "", DemoWorld.ALICE, null).statusCode()).isEqualTo(200);
    }

    @Test
    void aUserSeesOnlyTheirOwnSchedules() throws Exception {
        JsonNode list = getJson("api/schedules", DemoWorld.ALICE).get("schedules");
        assertThat(list).hasSize(2);
        list.forEach(s -> assertThat(s.get("userId").asText()).isEqualTo(DemoWorld.ALICE));
        // a user's ?user= filter cannot widen the list
        assertThat(getJson("api/schedules?user=bob", DemoWorld.ALICE).get("schedules")).isEmpty();
        JsonNode all = getJson("api/schedules", "ops").get("schedules");
        assertThat(all).hasSize(3);
    }

    @Test
    void anotherUsersScheduleAnswers404OnEveryCall() throws Exception {
        String bobs = world.bobShuffle.id();
        String token = csrf(DemoWorld.ALICE);
        for (String path : List.of("api/schedules/" + bobs, "api/schedules/" + bobs + "/history",
                "api/schedules/" + bobs + "/preview", "api/schedules/" + bobs + "/spread")) {
            HttpResponse<String> r = send("GET", path, DemoWorld.ALICE, null);
            assertThat(r.statusCode()).as(path).isEqualTo(404);
            assertThat(r.body()).doesNotContain("Bob's secret mix");
        }
        for (String action : List.of("run", "pause", "resume")) {
            HttpResponse<String> r = send("POST", "api/schedules/" + bobs + "/" + action, DemoWorld.ALICE, token);
            assertThat(r.statusCode()).as(action).isEqualTo(404);
        }
        assertThat(world.shuffify.runs().history(DemoWorld.BOB, bobs, 10)).hasSize(1);
        assertThat(world.shuffify.schedules().get(DemoWorld.BOB, bobs).enabled()).isTrue();
        // the same answer as for an id nobody has
        assertThat(send("GET", "api/schedules/no-such-id", DemoWorld.ALICE, null).statusCode()).isEqualTo(404);
        // the operator sees it
        assertThat(getJson("api/schedules/" + bobs, "ops").get("targetName").asText()).isEqualTo("Bob's secret mix");
    }

    @Test
    void anotherUsersSnapshotsAnswer404() throws Exception {
        String bobSnapshot = world.shuffify.snapshots().list(DemoWorld.BOB, "bob-mix").get(0).id();
        assertThat(send("GET", "api/snapshots/" + bobSnapshot + "/restore-plan", DemoWorld.ALICE, null).statusCode())
                .isEqualTo(404);
        assertThat(send("POST", "api/snapshots/" + bobSnapshot + "/restore", DemoWorld.ALICE,
                csrf(DemoWorld.ALICE)).statusCode()).isEqualTo(404);
        assertThat(send("GET", "api/playlists/bob-mix/snapshots?user=bob", DemoWorld.ALICE, null).statusCode())
                .isEqualTo(404);
        assertThat(getJson("api/playlists/bob-mix/snapshots?user=bob", "ops").get("snapshots")).isNotEmpty();
    }

    @Test
    void stateChangingCallsNeedPost() throws Exception {
        String id = world.aliceShuffle.id();
        int before = world.shuffify.runs().history(DemoWorld.ALICE, id, 100).size();
        for (String action : List.of("run", "pause", "resume")) {
            HttpResponse<String> r = send("GET", "api/schedules/" + id + "/" + action, DemoWorld.ALICE, null);
            assertThat(r.statusCode()).as(action).isEqualTo(405);
            assertThat(r.headers().firstValue("Allow")).contains("POST");
        }
        String snapshot = world.shuffify.snapshots().list(DemoWorld.ALICE, "morning-mix").get(0).id();
        assertThat(send("GET", "api/snapshots/" + snapshot + "/restore", DemoWorld.ALICE, null).statusCode())
                .isEqualTo(405);
        assertThat(world.shuffify.runs().history(DemoWorld.ALICE, id, 100)).hasSize(before);
        assertThat(world.shuffify.schedules().get(DemoWorld.ALICE, id).enabled()).isTrue();
    }

    @Test
    void aPostWithoutTheRightCsrfTokenChangesNothing() throws Exception {
        String id = world.aliceShuffle.id();
        int before = world.shuffify.runs().history(DemoWorld.ALICE, id, 100).size();
        String bobsToken = csrf(DemoWorld.BOB);
        for (String token : new String[] {null, "", "forged", bobsToken}) {
            assertThat(send("POST", "api/schedules/" + id + "/run", DemoWorld.ALICE, token).statusCode())
                    .as(String.valueOf(token)).isEqualTo(403);
            assertThat(send("POST", "api/schedules/" + id + "/pause", DemoWorld.ALICE, token).statusCode())
                    .isEqualTo(403);
        }
        assertThat(world.shuffify.runs().history(DemoWorld.ALICE, id, 100)).hasSize(before);
        assertThat(world.shuffify.schedules().get(DemoWorld.ALICE, id).enabled()).isTrue();

        HttpResponse<String> ok = send("POST", "api/schedules/" + id + "/pause", DemoWorld.ALICE,
                csrf(DemoWorld.ALICE));
        assertThat(ok.statusCode()).isEqualTo(200);
        assertThat(world.shuffify.schedules().get(DemoWorld.ALICE, id).enabled()).isFalse();
    }

    @Test
    void userTypedTextIsDataAndThePageOnlyWritesText() throws Exception {
        HttpResponse<String> r = send("GET", "api/schedules", DemoWorld.ALICE, null);
        assertThat(r.headers().firstValue("Content-Type")).hasValueSatisfying(
                v -> assertThat(v).startsWith("application/json"));
        assertThat(r.headers().firstValue("X-Content-Type-Options")).contains("nosniff");
        assertThat(json.readTree(r.body()).findValuesAsText("targetName")).contains(DemoWorld.HOSTILE_NAME);
        HttpResponse<String> page = send("GET", "", DemoWorld.ALICE, null);
        assertThat(page.headers().firstValue("Content-Security-Policy")).hasValueSatisfying(v -> assertThat(v)
                .contains("script-src 'self'").doesNotContain("unsafe-inline").doesNotContain("unsafe-eval"));
        for (String asset : List.of("app.js", "charts.js")) {
            String js = send("GET", asset, DemoWorld.ALICE, null).body();
            assertThat(js).as(asset).contains("textContent")
                    .doesNotContain("innerHTML").doesNotContain("outerHTML").doesNotContain("insertAdjacentHTML")
                    .doesNotContain("document.write").doesNotContain("eval(");
        }
    }

    @Test
    void noTokenOrSecretReachesThePage() throws Exception {
        String secret = new String(DemoWorld.SECRET_TOKEN, StandardCharsets.UTF_8);
        String secret64 = Base64.getEncoder().encodeToString(DemoWorld.SECRET_TOKEN);
        StringBuilder everything = new StringBuilder();
        String mix = world.shuffify.snapshots().list(DemoWorld.ALICE, "morning-mix").get(0).id();
        for (String who : List.of(DemoWorld.ALICE, "ops")) {
            for (String path : List.of("", "app.js", "api/session", "api/schedules", "api/playlists", "api/health",
                    "api/schedules/" + world.aliceShuffle.id() + "/history",
                    "api/schedules/" + world.aliceShuffle.id() + "/preview",
                    "api/schedules/" + world.aliceShuffle.id() + "/spread",
                    "api/playlists/morning-mix/snapshots?user=alice", "api/snapshots/" + mix + "/restore-plan")) {
                everything.append(send("GET", path, who, null).body());
            }
        }
        assertThat(everything.toString()).contains("Morning Mix").doesNotContain(secret).doesNotContain(secret64)
                .doesNotContain("encryptedRefreshToken").doesNotContain("refreshToken");
    }

    @Test
    void healthIsForOperators() throws Exception {
        assertThat(send("GET", "api/health", DemoWorld.ALICE, null).statusCode()).isEqualTo(403);
        JsonNode h = getJson("api/health", "ops");
        assertThat(h.get("storeUp").asBoolean()).isTrue();
        assertThat(h.get("accounts").get("ok").asLong()).isEqualTo(1);
        assertThat(h.get("accounts").get("degraded").asLong()).isEqualTo(1);
        assertThat(h.get("executions").get("success").asLong()).isEqualTo(7);
    }

    @Test
    void historyCountsRunsPerDayByStatus() throws Exception {
        JsonNode h = getJson("api/schedules/" + world.aliceShuffle.id() + "/history", DemoWorld.ALICE);
        assertThat(h.get("executions")).hasSize(3);
        assertThat(h.get("runsPerDay")).hasSize(3);
        assertThat(h.get("runsPerDay").get(0).get("day").asText()).isEqualTo("2026-11-20");
        assertThat(h.get("runsPerDay").get(0).get("counts").get("success").asLong()).isEqualTo(1);
        assertThat(h.get("executions").get(0).get("durationMs").isNumber()).isTrue();
    }

    @Test
    void restorePlanSaysWhatTheRestoreWillDoAndTheRestoreDoesIt() throws Exception {
        var snaps = world.shuffify.snapshots().list(DemoWorld.ALICE, "morning-mix");
        var oldest = snaps.get(snaps.size() - 1);
        world.music.removeEntries("morning-mix", oldest.uris().get(0));
        JsonNode plan = getJson("api/snapshots/" + oldest.id() + "/restore-plan", DemoWorld.ALICE);
        assertThat(plan.get("basis").asText()).isEqualTo("playlist");
        assertThat(plan.get("adds")).hasSize(1);
        assertThat(plan.get("adds").get(0).get("uri").asText()).isEqualTo(oldest.uris().get(0));
        assertThat(plan.get("tracksAfter").asInt()).isEqualTo(oldest.size());
        assertThat(world.music.uris("morning-mix")).isNotEqualTo(oldest.uris());
        HttpResponse<String> r = send("POST", "api/snapshots/" + oldest.id() + "/restore", DemoWorld.ALICE,
                csrf(DemoWorld.ALICE));
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        assertThat(world.music.uris("morning-mix")).isEqualTo(oldest.uris());
        assertThat(world.shuffify.snapshots().list(DemoWorld.ALICE, "morning-mix")).hasSize(snaps.size() + 1);
    }

    @Test
    void unknownPathsAnswer404AndPagesTakeGetOnly() throws IOException, InterruptedException, Exception {
        assertThat(send("GET", "../pom.xml", DemoWorld.ALICE, null).statusCode()).isEqualTo(404);
        assertThat(send("GET", "api/nothing", DemoWorld.ALICE, null).statusCode()).isEqualTo(404);
        assertThat(send("POST", "", DemoWorld.ALICE, csrf(DemoWorld.ALICE)).statusCode()).isEqualTo(405);
        assertThat(send("POST", "api/schedules", DemoWorld.ALICE, csrf(DemoWorld.ALICE)).statusCode()).isEqualTo(405);
    }
}
