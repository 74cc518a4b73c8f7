package dev.shuffify.executor.shuffle;

import static dev.shuffify.executor.shuffle.ShuffleJobTest.reversed;
import static dev.shuffify.executor.shuffle.ShuffleJobTest.shuffle;
import static dev.shuffify.executor.shuffle.ShuffleJobTest.tracks;
import static dev.shuffify.executor.shuffle.ShuffleJobTest.uris;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.shuffify.error.JobExecutionException;
import dev.shuffify.memory.Operation;
import dev.shuffify.model.ExecutionStatus;
import dev.shuffify.model.Track;
import dev.shuffify.testkit.ExecutorHarness;
import dev.shuffify.testkit.HarnessRun;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/**
 * The engine's estimate before a shuffle's first write, on a service that reports Spotify's default budget (150
 * calls per rolling 30 s) and a job deadline. A reversal of N tracks in reorder mode needs exactly N − 1 moves, one
 * call each; its least time is (calls − 150) × 30 s ÷ 150, a first window's calls at once and then 5 a second.
 */
class ShuffleDeadlineEstimateTest {

    static final int BUDGET = 150;
    static final Duration WINDOW = Duration.ofSeconds(30);

    final ExecutorHarness harness = ExecutorHarness.builder().jobType(new ShuffleExecutor())
            .algorithm(new ReverseAlgorithm()).build();

    private List<Track> seed(int n, Duration deadline) {
        List<Track> items = tracks(n);
        harness.playlist("p1", "Mix", items);
        harness.music().requestBudget(BUDGET, WINDOW, deadline);
        return items;
    }

    /** The least time of {@code calls} at the budget, in tenths of a minute rounded up, as the message puts it. */
    static String leastMinutes(int calls) {
        long millis = Math.max(0, calls - BUDGET) * WINDOW.toMillis() / BUDGET;
        long tenths = (millis + 5_999) / 6_000;
        return String.format(Locale.ROOT, "%d.%d minutes", tenths / 10, tenths % 10);
    }

    @Test
    void aReorderOf5000TracksIsRefusedBeforeAnyWriteWithTheEstimateAndTheChoices() {
        List<Track> items = seed(5_000, Duration.ofMinutes(15));

        HarnessRun run = harness.run(shuffle("reverse", "reorder").build());

        assertThat(run.status()).isEqualTo(ExecutionStatus.FAILED);
        assertThat(run.writes()).isZero();
        assertThat(run.count(Operation.READ_PLAYLIST)).isEqualTo(1); // the job's read; nothing to verify
        assertThat(harness.music().uris("p1")).isEqualTo(uris(items));
        assertThat(run.snapshots()).isEmpty();
        int moves = 5_000 - 1;
        int replaceCalls = 50;
        assertThat(leastMinutes(moves)).isEqualTo("16.2 minutes"); // 4,849 × 0.2 s = 969.8 s
        assertThat(run.execution().errorMessage())
                .startsWith("shuffle refused before writing anything: ")
                .contains("its writes need 4,999 write calls (4,999 reorder moves), at least "
                        + leastMinutes(moves) + " at the request budget of 150 calls per 30 s")
                .contains("longer than the 15 minutes left before the job's deadline of 15 minutes")
                .contains("Choices: write_mode replace (every track gets a new added date): " + replaceCalls
                        + " write calls, at least 0 s")
                .contains("; or a job deadline of at least 17 minutes");
    }

    @Test
    void aReorderWithinTheDeadlineIsNotRefused() {
        List<Track> items = seed(500, Duration.ofMinutes(15));

        HarnessRun run = harness.run(shuffle("reverse", "reorder").build());

        assertThat(run.status()).isEqualTo(ExecutionStatus.SUCCESS);
        assertThat(run.count(Operation.REORDER)).isEqualTo(499);
        assertThat(harness.music().uris("p1")).isEqualTo(reversed(uris(items)));
    }

    @Test
    void aLongerDeadlineLetsTheReorderOf5000TracksRun() {
        List<Track> items = seed(5_000, Duration.ofMinutes(17));

        HarnessRun run = harness.run(shuffle("reverse", "reorder").build());

        assertThat(run.status()).isEqualTo(ExecutionStatus.SUCCESS);
        assertThat(run.count(Operation.REORDER)).isEqualTo(4_999);
        assertThat(harness.music().uris("p1")).isEqualTo(reversed(uris(items)));
    }

    @Test
    void theReplaceOf5000TracksFitsTheDefaultDeadline() {
        List<Track> items = seed(5_000, Duration.ofMinutes(15));

        HarnessRun run = harness.run(shuffle("reverse", "replace").build());

        assertThat(run.status()).isEqualTo(ExecutionStatus.SUCCESS);
        assertThat(run.writes()).isEqualTo(50);
        assertThat(harness.music().uris("p1")).isEqualTo(reversed(uris(items)));
    }

    @Test
    void aReplaceThatCannotFitOffersOnlyALongerDeadline() {
        List<Track> items = tracks(500);
        harness.playlist("p1", "Mix", items);
        harness.music().requestBudget(1, WINDOW, Duration.ofMinutes(1)); // 5 calls: at least 4 × 30 s

        HarnessRun run = harness.run(shuffle("reverse", "replace").build());

        assertThat(run.status()).isEqualTo(ExecutionStatus.FAILED);
        assertThat(run.writes()).isZero();
        assertThat(harness.music().uris("p1")).isEqualTo(uris(items));
        assertThat(run.execution().errorMessage())
                .contains("5 write calls (a replace of 500 tracks in 5 calls), at least 2 minutes at the request "
                        + "budget of 1 calls per 30 s")
                .contains("Choices: a job deadline of at least 2 minutes")
                .doesNotContain("write_mode");
    }

    @Test
    void aPlaylistWithLocalFilesIsNotOfferedAReplace() {
        List<Track> items = new ArrayList<>(tracks(400));
        items.add(7, Track.ofUri("spotify:local:Artist:Album:Home+recording:180").withAddedAt(ShuffleJobTest.FIRST_ADDED));
        harness.playlist("p1", "Mix", items);
        harness.music().requestBudget(BUDGET, WINDOW, Duration.ofSeconds(30));

        HarnessRun run = harness.run(shuffle("reverse", "reorder").build());

        assertThat(run.status()).isEqualTo(ExecutionStatus.FAILED);
        assertThat(run.writes()).isZero();
        assertThat(run.execution().errorMessage()).contains("400 write calls (400 reorder moves)")
                .doesNotContain("write_mode replace");
    }

    @Test
    void aPreviewOfARefusedJobFailsTheSameWay() {
        seed(5_000, Duration.ofMinutes(15));

        JobExecutionException e = catchThrowableOfType(JobExecutionException.class,
                () -> harness.preview(shuffle("reverse", "reorder").build()));

        assertThat(e).hasMessageStartingWith("shuffle refused before writing anything")
                .hasMessageContaining("write_mode replace");
        assertThat(harness.music().count(Operation.REORDER)).isZero();
    }

    @Test
    void aServiceWithoutABudgetNeverRefuses() {
        List<Track> items = tracks(5_000);
        harness.playlist("p1", "Mix", items);

        HarnessRun run = harness.run(shuffle("reverse", "reorder").build());

        assertThat(run.status()).isEqualTo(ExecutionStatus.SUCCESS);
        assertThat(run.count(Operation.REORDER)).isEqualTo(4_999);
    }
}
