package dev.shuffify.examples.e2e;

import static dev.shuffify.examples.e2e.TwoWorlds.USER;
import static dev.shuffify.examples.e2e.TwoWorlds.ceil;
import static org.assertj.core.api.Assertions.assertThat;

import dev.shuffify.model.Execution;
import dev.shuffify.model.ExecutionStatus;
import dev.shuffify.model.JobSpec;
import dev.shuffify.model.ScheduleDefinition;
import dev.shuffify.model.SnapshotType;
import dev.shuffify.model.Trigger;
import dev.shuffify.spotify.ApiDialect;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The shuffle job type through the Spotify adapter against the fake Web API, in both write modes. */
class ShuffleEndToEndTest {

    private static final int N = 230;

    @ParameterizedTest
    @EnumSource(ApiDialect.class)
    void replaceWritesTheAlgorithmsOrderInCeilNOver100CallsAfterReadingCeilNOverPageSize(ApiDialect dialect) {
        try (TwoWorlds w = new TwoWorlds(dialect, new TestAlgorithms.Reverse())) {
            w.login(USER);
            List<String> uris = w.fake.addTracks("t", N);
            String mix = w.playlist(USER, "Mix", uris);
            w.fake.resetLog();
            String schedule = w.spotify.schedules().create(USER, ScheduleDefinition.of(JobSpec.builder("shuffle")
                    .target(mix, "Mix").algorithm("reverse").build(), Trigger.named("daily"))
                    .withVerifyWrites(false)).id();

            Execution run = w.spotify.runs().runNow(USER, schedule);

            List<String> reversed = new ArrayList<>(uris);
            Collections.reverse(reversed);
            assertThat(w.fake.playlistUris(mix)).containsExactlyElementsOf(reversed);
            assertThat(run.details()).containsEntry("writeMode", "replace").containsEntry("writeCalls", 3);
            assertThat(w.playlistReads()).isEqualTo(ceil(N, w.pageSize()));
            assertThat(w.count("PUT")).isEqualTo(1);
            assertThat(w.count("POST")).isEqualTo(ceil(N - 100, 100));
            assertThat(w.playlistWrites()).isEqualTo(ceil(N, 100));
        }
    }

    @ParameterizedTest
    @EnumSource(ApiDialect.class)
    void replaceWithBalancedLeavesTheSameOrderAsOnTheInMemoryServiceAndVerifiesWithOneMoreRead(
            ApiDialect dialect) {
        try (TwoWorlds w = new TwoWorlds(dialect)) {
            w.login(USER);
            List<String> uris = w.fake.addTracks("t", N);
            String mix = w.playlist(USER, "Mix", uris);
            w.mirror(USER, mix);
            w.fake.resetLog();
            String schedule = w.schedule(JobSpec.builder("shuffle").target(mix, "Mix").algorithm("balanced")
                    .build());

            TwoWorlds.Runs runs = w.runNow(schedule);

            List<String> after = w.fake.playlistUris(mix);
            assertThat(after).containsExactlyElementsOf(w.memory.uris(mix))
                    .containsExactlyInAnyOrderElementsOf(uris).isNotEqualTo(uris);
            assertThat(runs.spotify().details()).isEqualTo(runs.memory().details());
            assertThat(w.playlistReads()).isEqualTo(2 * ceil(N, w.pageSize()));
            assertThat(w.playlistWrites()).isEqualTo(ceil(N, 100));
            assertThat(w.spotify.snapshots().list(USER, mix)).singleElement()
                    .satisfies(s -> assertThat(s.type()).isEqualTo(SnapshotType.AUTO_PRE_SHUFFLE))
                    .satisfies(s -> assertThat(s.uris()).containsExactlyElementsOf(uris));
        }
    }

    @ParameterizedTest
    @EnumSource(ApiDialect.class)
    void reorderWithBalancedKeepsEveryAddedDateAndMatchesTheInMemoryService(ApiDialect dialect) {
        try (TwoWorlds w = new TwoWorlds(dialect)) {
            w.login(USER);
            List<String> uris = w.fake.addTracks("t", 120);
            String mix = w.playlist(USER, "Mix", uris);
            Map<String, Instant> addedBefore = addedDates(w, mix);
            w.mirror(USER, mix);
            w.fake.resetLog();
            String schedule = w.schedule(JobSpec.builder("shuffle").target(mix, "Mix").algorithm("balanced")
                    .param("write_mode", "reorder").build());

            TwoWorlds.Runs runs = w.runNow(schedule);

            assertThat(w.fake.playlistUris(mix)).containsExactlyElementsOf(w.memory.uris(mix))
                    .containsExactlyInAnyOrderElementsOf(uris).isNotEqualTo(uris);
            assertThat(addedDates(w, mix)).isEqualTo(addedBefore);
            int calls = (Integer) runs.spotify().details().get("writeCalls");
            assertThat(runs.spotify().details()).containsEntry("writeMode", "reorder")
                    .isEqualTo(runs.memory().details());
            assertThat(calls).isPositive().isLessThanOrEqualTo((Integer) runs.spotify().details().get("tracksMoved"));
            assertThat(w.count("PUT")).isEqualTo(calls);
            assertThat(w.playlistWrites()).isEqualTo(calls);
            assertThat(w.playlistReads()).isEqualTo(2 * w.readRequests(120));
        }
    }

    @Test
    void reorderMovesABlockOfTracksInOneCall() {
        try (TwoWorlds w = new TwoWorlds(ApiDialect.ITEMS, new TestAlgorithms.TailFirst(7))) {
            w.login(USER);
            List<String> uris = w.fake.addTracks("t", N);
            String mix = w.playlist(USER, "Mix", uris);
            Map<String, Instant> addedBefore = addedDates(w, mix);
            w.fake.resetLog();
            String schedule = w.spotify.schedules().create(USER, ScheduleDefinition.of(JobSpec.builder("shuffle")
                    .target(mix, "Mix").algorithm("tail_first").param("write_mode", "reorder").build(),
                    Trigger.named("daily"))).id();

            Execution run = w.spotify.runs().runNow(USER, schedule);

            List<String> intended = new ArrayList<>(uris.subList(N - 7, N));
            intended.addAll(uris.subList(0, N - 7));
            assertThat(w.fake.playlistUris(mix)).containsExactlyElementsOf(intended);
            assertThat(addedDates(w, mix)).isEqualTo(addedBefore);
            assertThat(run.details()).containsEntry("tracksMoved", 7).containsEntry("writeCalls", 1);
            assertThat(w.count("PUT")).isEqualTo(1);
            assertThat(w.playlistWrites()).isEqualTo(1);
            assertThat(w.playlistReads()).isEqualTo(2 * ceil(N, w.pageSize()));
        }
    }

    @Test
    void aShuffleWhoseReplaceIsCutShortIsRolledBackToTheSnapshot() {
        try (TwoWorlds w = new TwoWorlds(ApiDialect.ITEMS, b -> b.maxAttempts(1))) {
            w.login(USER);
            List<String> uris = w.fake.addTracks("t", N);
            String mix = w.playlist(USER, "Mix", uris);
            String schedule = w.spotify.schedules().create(USER, ScheduleDefinition.of(JobSpec.builder("shuffle")
                    .target(mix, "Mix").algorithm("balanced").build(), Trigger.named("daily"))).id();
            w.fake.resetLog();
            w.fake.failNext("POST /v1/playlists/{playlist_id}/items", 1, 503);

            Execution run = w.spotify.operations().execute(schedule).orElseThrow();

            assertThat(run.status()).isEqualTo(ExecutionStatus.FAILED_ROLLED_BACK);
            assertThat(run.errorMessage()).contains("failed at write call 2 of 3")
                    .contains("restored the playlists as they were before the job");
            assertThat(w.fake.playlistUris(mix)).containsExactlyElementsOf(uris);
            // the job: its read, the replace and the refused append, which the adapter does not send again
            // blindly: it re-reads the 100 tracks to learn the append was not applied (and, with maxAttempts(1),
            // gives up); the engine: a re-read of the 100 tracks left, then the pre-job order written back in one
            // replace and two appends
            assertThat(w.playlistReads()).isEqualTo(ceil(N, 50) + ceil(100, 50) + ceil(100, 50));
            assertThat(w.count("PUT")).isEqualTo(1 + 1);
            assertThat(w.count("POST")).isEqualTo(1 + 2);
        }
    }

    private static Map<String, Instant> addedDates(TwoWorlds w, String playlistId) {
        Map<String, Instant> dates = new HashMap<>();
        List<String> uris = w.fake.playlistUris(playlistId);
        List<Instant> added = w.fake.addedDates(playlistId);
        for (int i = 0; i < uris.size(); i++) {
            dates.put(uris.get(i), added.get(i));
        }
        return dates;
    }
}
