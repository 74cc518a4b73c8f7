package dev.shuffify.guide;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.shuffify.error.ValidationException;
import dev.shuffify.memory.Fault;
import dev.shuffify.memory.Operation;
import dev.shuffify.model.ExecutionStatus;
import dev.shuffify.model.JobSpec;
import dev.shuffify.model.Preview;
import dev.shuffify.model.Track;
import dev.shuffify.testkit.ExecutorHarness;
import dev.shuffify.testkit.HarnessRun;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class DedupeExecutorTest {

    final ExecutorHarness harness = ExecutorHarness.of(new DedupeExecutor());

    static List<Track> tracks(String... ids) {
        return List.of(ids).stream().map(id -> Track.ofUri("spotify:track:" + id)).toList();
    }

    static JobSpec dedupe(String keep) {
        return JobSpec.builder("dedupe").target("mix", "Mix").param("keep", keep).build();
    }

    @Test
    void keepsTheFirstCopyOfEachTrack() {
        harness.playlist("mix", "Mix", tracks("a", "b", "a", "c", "b"));

        HarnessRun run = harness.run(dedupe("first"));

        assertThat(run.succeeded()).isTrue();
        assertThat(harness.music().uris("mix"))
                .containsExactly("spotify:track:a", "spotify:track:b", "spotify:track:c");
        assertThat(run.execution().tracksRemoved()).isEqualTo(2);
        assertThat(run.snapshots()).singleElement().satisfies(s -> assertThat(s.size()).isEqualTo(5));
        assertThat(run.count(Operation.REMOVE)).isEqualTo(1);
        assertThat(run.count(Operation.ADD)).isEqualTo(1);
    }

    @Test
    void leavesLocalFilesAndUnavailableEntriesAloneAndKeepsTheOthersAddedDates() {
        Track local = new Track("spotify:local:Band:Record:Demo:200", null, "Demo", List.of(), null, null, 0,
                null, Track.Kind.LOCAL);
        List<Track> items = new ArrayList<>(tracks("a", "b"));
        items.add(Track.unavailable(null));
        items.add(local);
        items.addAll(tracks("a", "c"));
        items.add(Track.unavailable(null));
        items.add(local);
        harness.playlist("mix", "Mix", items);
        Instant cDate = harness.music().playlist("mix").items().get(5).addedAt();
        harness.clock().advance(Duration.ofDays(1));

        HarnessRun run = harness.run(dedupe("first"));

        assertThat(run.succeeded()).isTrue();
        assertThat(harness.music().uris("mix")).containsExactly("spotify:track:a", "spotify:track:b",
                Track.UNAVAILABLE_URI, local.uri(), "spotify:track:c", Track.UNAVAILABLE_URI, local.uri());
        assertThat(run.execution().tracksRemoved()).isEqualTo(1);
        assertThat(harness.music().playlist("mix").items().get(4).addedAt()).isEqualTo(cDate);
    }

    @Test
    void keepLastKeepsTheLastCopy() {
        harness.playlist("mix", "Mix", tracks("a", "b", "a", "c", "b"));
        harness.run(dedupe("last"));
        assertThat(harness.music().uris("mix"))
                .containsExactly("spotify:track:a", "spotify:track:c", "spotify:track:b");
    }

    @Test
    void aPlaylistWithoutDuplicatesIsNotWritten() {
        harness.playlist("mix", "Mix", tracks("a", "b"));
        HarnessRun run = harness.run(dedupe("first"));
        assertThat(run.writes()).isZero();
        assertThat(run.snapshots()).isEmpty();
    }

    @Test
    void badParametersAreRejectedBeforeAnythingRuns() {
        harness.playlist("mix", "Mix", tracks("a", "a"));
        assertThatThrownBy(() -> harness.run(dedupe("middle")))
                .isInstanceOf(ValidationException.class)
                .hasMessageContaining("job.params.keep")
                .hasMessageContaining("one of first, last");
        assertThat(harness.music().uris("mix")).hasSize(2);
    }

    @Test
    void aPreviewListsTheWritesAndChangesNothing() {
        harness.playlist("mix", "Mix", tracks("a", "a"));
        Preview preview = harness.preview(dedupe("first"));
        assertThat(preview.result().tracksRemoved()).isEqualTo(1);
        assertThat(preview.changes()).extracting(c -> c.operation().name()).containsExactly("REMOVE", "ADD");
        assertThat(harness.music().uris("mix")).hasSize(2);
    }

    @Test
    void aFailureHalfwayIsRolledBack() {
        List<Track> items = new ArrayList<>(IntStream.range(0, 150).mapToObj(i -> "t" + i)
                .map(id -> Track.ofUri("spotify:track:" + id)).toList());
        items.addAll(tracks("t0", "t1"));
        harness.playlist("mix", "Mix", items);
        harness.music().failOn(Operation.ADD, 1, Fault.SERVER_ERROR); // putting t0 and t1 back

        HarnessRun run = harness.run(dedupe("first"));

        assertThat(run.status()).isEqualTo(ExecutionStatus.FAILED_ROLLED_BACK);
        assertThat(harness.music().uris("mix")).hasSize(152);
    }
}
