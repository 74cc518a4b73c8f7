package dev.shuffify.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The JSON API's answers, through {@link Dashboard#handle} (no server). */
class DashboardApiTest {

    private final DemoWorld world = new DemoWorld();
    private final Dashboard dashboard = world.dashboard().authenticator(DemoWorld.cookieAuthenticator()).build();
    private final ObjectMapper json = new ObjectMapper();

    @AfterEach
    void close() {
        world.close();
    }

    private JsonNode get(String path, String query, String who) throws Exception {
        DashboardResponse r = dashboard.handle(DashboardRequest.of("GET", path, query, Map.of("Cookie", "who=" + who)));
        assertThat(r.status()).as(path + " " + r.text()).isEqualTo(200);
        return json.readTree(r.body());
    }

    private static List<String> ids(JsonNode list) {
        return list.findValuesAsText("id");
    }

    @Test
    void filtersNarrowTheScheduleList() throws Exception {
        assertThat(ids(get("/api/schedules", "state=paused", "ops").get("schedules")))
                .containsExactly(world.aliceRoadTrip.id());
        assertThat(ids(get("/api/schedules", "user=bob", "ops").get("schedules")))
                .containsExactly(world.bobShuffle.id());
        assertThat(ids(get("/api/schedules", "q=morning", "ops").get("schedules")))
                .containsExactly(world.aliceShuffle.id());
        assertThat(get("/api/schedules", "jobType=raid", "ops").get("schedules")).isEmpty();
        JsonNode all = get("/api/schedules", null, "ops");
        assertThat(all.get("users").toString()).isEqualTo("[\"alice\",\"bob\"]");
        assertThat(all.get("jobTypes").toString()).isEqualTo("[\"shuffle\"]");
    }

    @Test
    void aUserSeesTheirScheduleRunningOnTheNodeThatHoldsIt() throws Exception {
        world.shuffify.store().schedules().claim(world.aliceShuffle.id(), "node-7", world.clock.instant(),
                java.time.Duration.ofMinutes(5)).orElseThrow();
        JsonNode mine = get("/api/schedules", null, DemoWorld.ALICE).get("schedules");
        JsonNode running = null;
        for (JsonNode s : mine) {
            if (s.get("id").asText().equals(world.aliceShuffle.id())) {
                running = s;
            }
        }
        assertThat(running).isNotNull();
        assertThat(running.get("state").asText()).isEqualTo("running");
        assertThat(running.get("runningOn").asText()).isEqualTo("node-7");
        assertThat(mine.findValuesAsText("state")).containsOnlyOnce("running");
        assertThat(get("/api/schedules/" + world.aliceShuffle.id(), null, DemoWorld.ALICE).get("runningOn").asText())
                .isEqualTo("node-7");
    }

    @Test
    void aPreviewListsTheNewOrderAndWritesNothing() throws Exception {
        List<String> before = world.music.uris("morning-mix");
        int runs = world.shuffify.runs().history(DemoWorld.ALICE, world.aliceShuffle.id(), 100).size();
        JsonNode p = get("/api/schedules/" + world.aliceShuffle.id() + "/preview", null, DemoWorld.ALICE);
        assertThat(p.get("newOrder")).hasSize(before.size());
        assertThat(p.get("newOrder").findValuesAsText("uri")).containsExactlyInAnyOrderElementsOf(before);
        assertThat(world.music.uris("morning-mix")).isEqualTo(before);
        assertThat(world.shuffify.runs().history(DemoWorld.ALICE, world.aliceShuffle.id(), 100)).hasSize(runs);
    }

    @Test
    void theSpreadOfTheLastShuffleComparesBeforeAndAfter() throws Exception {
        JsonNode s = get("/api/schedules/" + world.aliceShuffle.id() + "/spread", null, DemoWorld.ALICE);
        assertThat(s.get("available").asBoolean()).isTrue();
        // the mix was in album order before: 6 artists, 5 tracks each side by side
        assertThat(s.get("before").get("sameArtistNeighbours").asInt()).isEqualTo(24);
        assertThat(s.get("after").get("sameArtistNeighbours").asInt())
                .isLessThan(s.get("before").get("sameArtistNeighbours").asInt());
        assertThat(s.get("after").get("entries")).hasSize(30);
    }

    @Test
    void withoutAConnectorTheRestoreIsComparedWithTheNewestSnapshot() throws Exception {
        Dashboard bare = Dashboard.builder(world.shuffify).authenticator(DemoWorld.cookieAuthenticator()).build();
        var snaps = world.shuffify.snapshots().list(DemoWorld.ALICE, "morning-mix");
        DashboardResponse r = bare.handle(DashboardRequest.of("GET", "/api/snapshots/" + snaps.get(0).id()
                + "/restore-plan", null, Map.of("Cookie", "who=alice")));
        assertThat(json.readTree(r.body()).get("basis").asText()).isEqualTo("newest_snapshot");
        DashboardResponse spread = bare.handle(DashboardRequest.of("GET", "/api/schedules/"
                + world.aliceShuffle.id() + "/spread", null, Map.of("Cookie", "who=alice")));
        assertThat(json.readTree(spread.body()).get("available").asBoolean()).isFalse();
    }
}
