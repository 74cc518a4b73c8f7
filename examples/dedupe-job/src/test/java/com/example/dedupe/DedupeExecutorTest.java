package com.example.dedupe;

import static org.assertj.core.api.Assertions.assertThat;

import dev.shuffify.memory.Fault;
import dev.shuffify.memory.Operation;
import dev.shuffify.model.ExecutionStatus;
import dev.shuffify.model.JobSpec;
import dev.shuffify.model.Track;
import dev.shuffify.testkit.ExecutorHarness;
import dev.shuffify.testkit.HarnessRun;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The dedupe job type tested in isolation, the way any plugin author would. */
class DedupeExecutorTest {

    private final ExecutorHarness harness = ExecutorHarness.of(new DedupeExecutor());

    private static List<Track> tracks(String... ids) {
        return Stream.of(ids).map(id -> Track.ofUri("spotify:track:" + id)).toList();
    }

    private static List<String> uris(String... ids) {
        return Stream.of(ids).map(id -> "spotify:track:" + id).toList();
    }

    @Test
    void keepsTheFirstOccurrenceOfEachTrack() {
        harness.playlist("p", "Mix", tracks("a", "b", "a", "c", "b", "a"));
        HarnessRun run = harness.run(JobSpec.builder("dedupe").target("p", "Mix").build());

        assertThat(run.status()).isEqualTo(ExecutionStatus.SUCCESS);
        assertThat(harness.music().uris("p")).isEqualTo(uris("a", "b", "c"));
        assertThat(run.execution().tracksRemoved()).isEqualTo(3);
        assertThat(run.execution().tracksTotal()).isEqualTo(3);
        assertThat(run.snapshots()).hasSize(1);
    }

    @Test
    void neverTouchesLocalFilesOrUnavailableEntries() {
        Track local = new Track("spotify:local:Band:Record:Demo:200", null, "Demo", List.of(), null, null, 0, null,
                Track.Kind.LOCAL);
        List<Track> items = new ArrayList<>(tracks("a"));
        items.add(Track.unavailable(null));
        items.add(local);
        items.addAll(tracks("b", "a"));
        items.add(Track.unavailable(null));
        items.add(local);
        harness.playlist("p", "Mix", items);

        HarnessRun run = harness.run(JobSpec.builder("dedupe").target("p", "Mix").build());

        assertThat(run.status()).isEqualTo(ExecutionStatus.SUCCESS);
        assertThat(harness.music().uris("p")).containsExactly("spotify:track:a", Track.UNAVAILABLE_URI, local.uri(),
                "spotify:track:b", Track.UNAVAILABLE_URI, local.uri());
        assertThat(run.execution().tracksRemoved()).isEqualTo(1);
    }

    @Test
    void aPlaylistWithoutDuplicatesIsNotWritten() {
        harness.playlist("p", "Mix", tracks("a", "b", "c"));
        HarnessRun run = harness.run(JobSpec.builder("dedupe").target("p", "Mix").build());

        assertThat(run.succeeded()).isTrue();
        assertThat(run.writes()).isZero();
        assertThat(run.snapshots()).isEmpty();
    }

    @Test
    void dryReportCountsWithoutChanging() {
        harness.playlist("p", "Mix", tracks("a", "a", "b"));
        HarnessRun run = harness.run(JobSpec.builder("dedupe").target("p", "Mix").param("dry_report", true).build());

        assertThat(run.execution().details()).containsEntry("duplicates", 1);
        assertThat(harness.music().uris("p")).isEqualTo(uris("a", "a", "b"));
    }

    @Test
    void aFailureHalfwayLosesNoTrack() {
        List<Track> items = new ArrayList<>();
        for (int i = 0; i < 150; i++) {
            items.add(Track.ofUri("spotify:track:t" + (i % 120)));
        }
        harness.playlist("p", "Mix", items);
        List<String> before = harness.music().uris("p");
        harness.music().failOn(Operation.ADD, 1, Fault.SERVER_ERROR);

        HarnessRun run = harness.run(JobSpec.builder("dedupe").target("p", "Mix").build());

        assertThat(run.status()).isEqualTo(ExecutionStatus.FAILED_ROLLED_BACK);
        assertThat(harness.music().uris("p")).isEqualTo(before);
    }
}
