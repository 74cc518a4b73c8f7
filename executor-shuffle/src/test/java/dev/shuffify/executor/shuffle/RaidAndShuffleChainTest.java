package dev.shuffify.executor.shuffle;

import static dev.shuffify.executor.shuffle.ShuffleJobTest.reversed;
import static dev.shuffify.executor.shuffle.ShuffleJobTest.tracks;
import static dev.shuffify.executor.shuffle.ShuffleJobTest.uris;
import static org.assertj.core.api.Assertions.assertThat;

import dev.shuffify.memory.Operation;
import dev.shuffify.model.ExecutionStatus;
import dev.shuffify.model.JobSpec;
import dev.shuffify.model.PlannedChange;
import dev.shuffify.model.Preview;
import dev.shuffify.model.SnapshotType;
import dev.shuffify.model.Track;
import dev.shuffify.testkit.ExecutorHarness;
import dev.shuffify.testkit.HarnessRun;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** {@code raid_and_shuffle}: the shuffle sees the raided tracks without reading the target a second time. */
class RaidAndShuffleChainTest {
    final ExecutorHarness harness = ExecutorHarness.builder().jobType(new TestRaid()).jobType(new ShuffleExecutor())
            .algorithm(new ReverseAlgorithm()).build();

    static final List<String> RAIDED = List.of("spotify:track:new1", "spotify:track:new2", "spotify:track:t0");

    JobSpec chain(String writeMode) {
        return JobSpec.builder("raid_and_shuffle").target("p1", "Mix").param("raid_uris", RAIDED)
                .algorithm("reverse").param("write_mode", writeMode).build();
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"replace", "reorder"})
    void shuffleSeesTheRaidedTracksFromOneRead(String mode) {
        List<Track> items = tracks(150);
        harness.playlist("p1", "Mix", items);
        HarnessRun run = harness.run(chain(mode));

        assertThat(run.status()).isEqualTo(ExecutionStatus.SUCCESS);
        List<String> expected = new ArrayList<>(uris(items));
        expected.addAll(List.of("spotify:track:new1", "spotify:track:new2"));
        assertThat(harness.music().uris("p1")).isEqualTo(reversed(expected));
        // the raid reads the target once; the shuffle reads the engine's model; verification re-reads once
        assertThat(run.count(Operation.READ_PLAYLIST)).isEqualTo(2);
        // replace: the raided tracks ride in the shuffle's replace (100) and its one append (52), each track
        // written once; reorder: the raid's add goes first, then the moves
        assertThat(run.count(Operation.ADD)).isEqualTo(1);
        assertThat(run.count(Operation.REPLACE)).isEqualTo(mode.equals("replace") ? 1 : 0);
        if (mode.equals("replace")) {
            assertThat(run.writes()).isEqualTo(2);
            assertThat(run.calls().stream().filter(c -> c.operation() != Operation.READ_PLAYLIST)
                    .mapToInt(c -> c.items()).sum()).isEqualTo(152);
        } else {
            assertThat(run.calls().stream().filter(c -> c.operation() != Operation.READ_PLAYLIST)
                    .findFirst().orElseThrow().operation()).isEqualTo(Operation.ADD);
        }
        assertThat(run.count(Operation.REORDER)).isEqualTo(mode.equals("reorder") ? 151 : 0);
        assertThat(run.execution().tracksAdded()).isEqualTo(2);
        assertThat(run.execution().tracksRemoved()).isZero();
        assertThat(run.execution().tracksTotal()).isEqualTo(152);
        assertThat(run.execution().details()).containsEntry("shuffle.algorithm", "reverse")
                .containsEntry("shuffle.writeMode", mode);
        // one snapshot, taken before the raid's first add, of the playlist as it was
        assertThat(run.snapshots()).singleElement().satisfies(s -> {
            assertThat(s.type()).isEqualTo(SnapshotType.AUTO_PRE_RAID);
            assertThat(s.uris()).isEqualTo(uris(items));
        });
        assertThat(harness.shuffify().runs().history(harness.userId(), run.schedule().id(), 10)).hasSize(1);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"replace", "reorder"})
    void previewOfTheChainListsItsWritesAndWritesNothing(String mode) {
        List<Track> items = tracks(5);
        harness.playlist("p1", "Mix", items);
        harness.music().resetCalls();
        Preview preview = harness.preview(chain(mode));

        assertThat(harness.music().writeCalls()).isZero();
        assertThat(harness.music().count(Operation.READ_PLAYLIST)).isEqualTo(1);
        assertThat(harness.music().uris("p1")).isEqualTo(uris(items));
        if (mode.equals("replace")) {
            // one replace writes the old tracks and the raided ones
            assertThat(preview.changes()).singleElement().satisfies(c -> {
                assertThat(c.operation()).isEqualTo(PlannedChange.Operation.REPLACE);
                assertThat(c.uris()).hasSize(7).contains("spotify:track:new1", "spotify:track:new2");
            });
        } else {
            assertThat(preview.adds("p1")).containsExactly("spotify:track:new1", "spotify:track:new2");
            assertThat(preview.changes().get(0).operation()).isEqualTo(PlannedChange.Operation.ADD);
            assertThat(preview.changes().subList(1, preview.changes().size())).extracting(PlannedChange::operation)
                    .containsOnly(PlannedChange.Operation.REORDER);
        }
        assertThat(preview.result().tracksAdded()).isEqualTo(2);
        assertThat(preview.result().tracksTotal()).isEqualTo(7);
    }

    @org.junit.jupiter.api.Test
    void whenTheShuffleWritesNothingTheRaidedTracksAreStillAddedAfterTheLastStep() {
        ExecutorHarness identity = ExecutorHarness.builder().jobType(new TestRaid()).jobType(new ShuffleExecutor())
                .algorithm(new FixedAlgorithm("keep", tracks -> tracks)).build();
        List<Track> items = tracks(150);
        identity.playlist("p1", "Mix", items);
        HarnessRun run = identity.run(JobSpec.builder("raid_and_shuffle").target("p1", "Mix")
                .param("raid_uris", RAIDED).algorithm("keep").build());

        assertThat(run.status()).isEqualTo(ExecutionStatus.SUCCESS);
        List<String> expected = new ArrayList<>(uris(items));
        expected.addAll(List.of("spotify:track:new1", "spotify:track:new2"));
        assertThat(identity.music().uris("p1")).isEqualTo(expected);
        assertThat(run.count(Operation.ADD)).isEqualTo(1);
        assertThat(run.writes()).isEqualTo(1);
        assertThat(run.execution().details()).containsEntry("shuffle.orderChanged", false);
    }

    @org.junit.jupiter.api.Test
    void aShuffleThatFailsBeforeWritingLeavesThePlaylistUntouchedAndTheRetryAddsOnce() {
        boolean[] fail = {true};
        ExecutorHarness failing = ExecutorHarness.builder().jobType(new TestRaid()).jobType(new ShuffleExecutor())
                .algorithm(new FixedAlgorithm("flaky", tracks -> {
                    if (fail[0]) {
                        throw new IllegalStateException("out of luck");
                    }
                    List<Track> out = new ArrayList<>(tracks);
                    java.util.Collections.reverse(out);
                    return out;
                })).build();
        List<Track> items = tracks(150);
        failing.playlist("p1", "Mix", items);
        JobSpec spec = JobSpec.builder("raid_and_shuffle").target("p1", "Mix").param("raid_uris", RAIDED)
                .algorithm("flaky").build();

        HarnessRun first = failing.run(spec);

        assertThat(first.status()).isEqualTo(ExecutionStatus.FAILED);
        assertThat(first.writes()).isZero();
        assertThat(failing.music().uris("p1")).isEqualTo(uris(items));

        fail[0] = false;
        HarnessRun retry = failing.run(first.schedule().id());
        assertThat(retry.status()).isEqualTo(ExecutionStatus.SUCCESS);
        List<String> expected = new ArrayList<>(uris(items));
        expected.addAll(List.of("spotify:track:new1", "spotify:track:new2"));
        assertThat(failing.music().uris("p1")).isEqualTo(reversed(expected));
        assertThat(retry.writes()).isEqualTo(2);
    }

    @org.junit.jupiter.params.ParameterizedTest(name = "{0}")
    @org.junit.jupiter.params.provider.EnumSource(value = dev.shuffify.memory.Fault.class,
            names = {"SERVER_ERROR", "PERMANENT_ERROR", "LOST_RESPONSE"})
    void aFaultAtAnyCallOfTheCarriedReplaceLosesNothingAndTheRetryConverges(dev.shuffify.memory.Fault fault) {
        List<Track> items = tracks(150);
        List<String> oneRun = new ArrayList<>(uris(items));
        oneRun.addAll(List.of("spotify:track:new1", "spotify:track:new2"));
        int calls = 4;   // read, replace, append, verifying read
        for (int k = 1; k <= calls; k++) {
            ExecutorHarness h = ExecutorHarness.builder().jobType(new TestRaid()).jobType(new ShuffleExecutor())
                    .algorithm(new ReverseAlgorithm()).build();
            h.playlist("p1", "Mix", items);
            h.music().failAtCall(k, fault);
            HarnessRun first = h.run(chain("replace"));   // the harness checks no entry was lost or duplicated
            h.music().clearFaults();
            HarnessRun retry = first.succeeded() ? first : h.run(first.schedule().id());

            assertThat(retry.status()).as("fault %s at call %d", fault, k).isEqualTo(ExecutionStatus.SUCCESS);
            assertThat(h.music().uris("p1")).as("fault %s at call %d", fault, k)
                    .containsExactlyInAnyOrderElementsOf(oneRun);
        }
    }
}
