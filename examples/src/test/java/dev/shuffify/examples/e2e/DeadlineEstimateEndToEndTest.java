package dev.shuffify.examples.e2e;

import static dev.shuffify.examples.e2e.TwoWorlds.USER;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.shuffify.error.JobExecutionException;
import dev.shuffify.model.Execution;
import dev.shuffify.model.ExecutionStatus;
import dev.shuffify.model.JobSpec;
import dev.shuffify.model.ScheduleDefinition;
import dev.shuffify.model.Trigger;
import dev.shuffify.spotify.ApiDialect;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The estimate before a job's first write, through the facade and the Spotify adapter against the fake Web API, at
 * the adapter's default budget (150 calls per rolling 30 s) on its manual clock: a reversal of 5,000 tracks in
 * {@code reorder} mode needs 4,999 moves, at least (4,999 − 150) × 0.2 s = 16.2 minutes, longer than the default
 * 15-minute job deadline.
 */
class DeadlineEstimateEndToEndTest {

    static final int N = 5_000;

    private static String reorderSchedule(TwoWorlds w, String playlist) {
        return w.spotify.schedules().create(USER, ScheduleDefinition.of(JobSpec.builder("shuffle")
                .target(playlist, "Big mix").algorithm("reverse").param("write_mode", "reorder").build(),
                Trigger.named("daily"))).id();
    }

    @Test
    void aReorderOf5000TracksIsRefusedAtTheDefaultDeadlineBeforeAnyWrite() {
        try (TwoWorlds w = new TwoWorlds(ApiDialect.ITEMS, new TestAlgorithms.Reverse())) {
            w.login(USER);
            List<String> uris = w.fake.addTracks("t", N);
            String mix = w.playlist(USER, "Big mix", uris);
            String schedule = reorderSchedule(w, mix);
            w.fake.resetLog();

            JobExecutionException e = catchThrowableOfType(JobExecutionException.class,
                    () -> w.spotify.runs().runNow(USER, schedule));

            assertThat(e).hasMessageStartingWith("shuffle refused before writing anything: its writes need 4,999 "
                    + "write calls (4,999 reorder moves), at least 16.2 minutes at the request budget of 150 calls "
                    + "per 30 s, longer than the ")
                    .hasMessageContaining("left before the job's deadline of 15 minutes")
                    .hasMessageContaining("write_mode replace (every track gets a new added date): 50 write calls")
                    .hasMessageContaining("a job deadline of at least 17 minutes "
                            + "(SpotifyConfig.Builder.jobDeadline(Duration))");
            assertThat(w.playlistWrites()).isZero();
            assertThat(w.playlistReads()).isEqualTo(w.readRequests(N)); // the job's one read, nothing to verify
            assertThat(w.fake.playlistUris(mix)).containsExactlyElementsOf(uris);
            assertThat(w.spotify.snapshots().list(USER, mix)).isEmpty();
            Execution failed = w.spotify.runs().history(USER, schedule, 1).get(0);
            assertThat(failed.status()).isEqualTo(ExecutionStatus.FAILED);
            assertThat(failed.errorMessage()).isEqualTo(e.getMessage());
        }
    }

    @Test
    void aReorderWithinTheDefaultDeadlineRuns() {
        try (TwoWorlds w = new TwoWorlds(ApiDialect.ITEMS, new TestAlgorithms.Reverse())) {
            w.login(USER);
            List<String> uris = w.fake.addTracks("t", 500);
            String mix = w.playlist(USER, "Big mix", uris);
            String schedule = reorderSchedule(w, mix);
            w.fake.resetLog();

            Execution run = w.spotify.runs().runNow(USER, schedule);

            assertThat(run.status()).isEqualTo(ExecutionStatus.SUCCESS);
            assertThat(w.count("PUT")).isEqualTo(499);
            assertThat(w.fake.playlistUris(mix)).containsExactlyElementsOf(reversed(uris));
        }
    }

    @Test
    void aLongerJobDeadlineLetsTheReorderOf5000TracksRun() {
        try (TwoWorlds w = new TwoWorlds(ApiDialect.ITEMS, b -> b.jobDeadline(Duration.ofMinutes(17)),
                new TestAlgorithms.Reverse())) {
            w.login(USER);
            List<String> uris = w.fake.addTracks("t", N);
            String mix = w.playlist(USER, "Big mix", uris);
            String schedule = reorderSchedule(w, mix);
            w.fake.resetLog();

            Execution run = w.spotify.runs().runNow(USER, schedule);

            assertThat(run.status()).isEqualTo(ExecutionStatus.SUCCESS);
            assertThat(w.count("PUT")).isEqualTo(N - 1);
            assertThat(w.fake.playlistUris(mix)).containsExactlyElementsOf(reversed(uris));
        }
    }

    private static List<String> reversed(List<String> uris) {
        List<String> out = new ArrayList<>(uris);
        Collections.reverse(out);
        return out;
    }
}
