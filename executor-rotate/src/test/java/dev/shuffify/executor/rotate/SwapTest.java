package dev.shuffify.executor.rotate;

import static dev.shuffify.executor.rotate.RotationFixture.ARCH;
import static dev.shuffify.executor.rotate.RotationFixture.PROD;
import static dev.shuffify.executor.rotate.RotationFixture.assertNoDuplicates;
import static dev.shuffify.executor.rotate.RotationFixture.assertNothingLost;
import static dev.shuffify.executor.rotate.RotationFixture.ids;
import static dev.shuffify.executor.rotate.RotationFixture.spec;
import static dev.shuffify.executor.rotate.RotationFixture.u;
import static dev.shuffify.executor.rotate.RotationFixture.us;
import static org.assertj.core.api.Assertions.assertThat;

import dev.shuffify.model.ExecutionStatus;
import dev.shuffify.testkit.HarnessRun;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/** {@code rotation_mode swap} through the harness. */
class SwapTest {

    final RotationFixture f = new RotationFixture();

    @Test
    void exchangesTheOldestProductionTracksWithTheLongestArchivedOnes() {
        f.production("p1", "p2", "p3", "p4").archive("a1", "a2", "a3").pair();

        HarnessRun run = f.run(spec("swap", 2));

        assertThat(run.status()).isEqualTo(ExecutionStatus.SUCCESS);
        assertThat(f.prod()).isEqualTo(us("p3", "p4", "a1", "a2"));
        assertThat(f.arch()).isEqualTo(us("a3", "p1", "p2"));
        assertThat(run.execution().tracksAdded()).isEqualTo(2);
        assertThat(run.execution().tracksRemoved()).isEqualTo(2);
        assertThat(run.execution().tracksTotal()).isEqualTo(4);
        assertThat(run.execution().details()).containsEntry("return_order", "longest_archived");
    }

    @Test
    void allAddsComeBeforeAllRemoves() {
        f.production("p1", "p2", "p3").archive("a1", "a2").pair();

        HarnessRun run = f.run(spec("swap", 1));

        List<String> writes = run.calls().stream().filter(c -> c.operation().isWrite())
                .map(c -> c.operation() + " " + c.playlistId()).toList();
        assertThat(writes).containsExactly("ADD " + PROD, "ADD " + ARCH, "REMOVE " + ARCH, "REMOVE " + PROD);
    }

    @Test
    void aPartialSwapExchangesTheSmallerOfOutAndIn() {
        f.production("p1", "p2", "p3").archive("a1", "p3").pair();

        HarnessRun run = f.run(spec("swap", 3));

        assertThat(run.succeeded()).isTrue();
        assertThat(f.prod()).isEqualTo(us("p2", "p3", "a1"));
        assertThat(f.arch()).isEqualTo(us("p3", "p1"));
        assertThat(run.execution().warnings()).anySatisfy(w -> assertThat(w).contains("swapped 1 instead of 3"));
    }

    @Test
    void archiveTracksAlreadyInProductionStayWhereTheyAre() {
        f.production("p1", "p2", "a1").archive("a1", "a2").pair();

        f.run(spec("swap", 1));

        assertThat(f.prod()).isEqualTo(us("p2", "a1", "a2"));
        assertThat(f.arch()).isEqualTo(us("a1", "p1"));
    }

    @Test
    void theTargetSizeArchivesTheOverflowFirstAndNeverLeavesProductionAboveIt() {
        f.production(ids("p", 7)).archive("a1", "a2").pair();

        HarnessRun run = f.run(spec("swap", 1).param("target_size", 4));

        assertThat(run.succeeded()).isTrue();
        assertThat(f.prod()).isEqualTo(us("p5", "p6", "p7", "a1"));
        assertThat(f.arch()).isEqualTo(us("a2", "p1", "p2", "p3", "p4"));
        assertThat(run.execution().tracksRemoved()).isEqualTo(4);
        assertThat(run.execution().tracksAdded()).isEqualTo(1);
    }

    @Test
    void theTargetSizeFillsAShortProductionFromTheArchive() {
        f.production("p1", "p2").archive(ids("a", 5)).pair();

        HarnessRun run = f.run(spec("swap", 1).param("target_size", "4"));

        assertThat(run.succeeded()).isTrue();
        assertThat(f.prod()).isEqualTo(us("p2", "a1", "a2", "a3"));
        assertThat(run.execution().tracksTotal()).isEqualTo(4);
    }

    @Test
    void theProtectedTopAndPinnedTracksAreNeverSwappedOut() {
        f.production(ids("p", 5)).archive(ids("a", 5)).pair();
        f.harness.shuffify().pins().pinTrack(f.harness.userId(), PROD, u("p3"));

        f.run(spec("swap", 3).param("protect_count", 2));

        assertThat(f.prod()).startsWith(us("p1", "p2", "p3").toArray(String[]::new));
        assertThat(f.arch()).contains(u("p4"), u("p5")).doesNotContain(u("p1"), u("p2"), u("p3"));
    }

    @Test
    void aTrackPinnedInTheArchiveIsNotTakenOut() {
        f.production("p1", "p2").archive("a1", "a2").pair();
        f.harness.shuffify().pins().pinTrack(f.harness.userId(), ARCH, u("a1"));

        f.run(spec("swap", 1));

        assertThat(f.prod()).isEqualTo(us("p2", "a2"));
        assertThat(f.arch()).isEqualTo(us("a1", "p1"));
    }

    @Test
    void aDuplicateInTheArchiveKeepsItsOtherCopyThere() {
        f.production("p1", "p2");
        f.harness.playlist(ARCH, RotationFixture.ARCH_NAME, RotationFixture.tracks(100, "a1", "a2", "a1"));
        f.pair();

        HarnessRun run = f.run(spec("swap", 1));

        assertThat(run.succeeded()).isTrue();
        assertThat(f.prod()).isEqualTo(us("p2", "a1"));
        assertThat(f.arch()).isEqualTo(us("a2", "a1", "p1"));
    }

    @Test
    void longestArchivedBringsEveryArchivedTrackBackWithinTheArchiveSize() {
        Map<String, Integer> archivedAt = runSwapCycles("longest_archived", 20);

        assertThat(returned).containsAll(us("a1", "a2", "a3", "a4"));
        assertThat(maxWait).as("cycles a track waited in the archive").isLessThanOrEqualTo(4);
        assertThat(archivedAt).as("tracks still waiting at the end have waited at most 4 cycles")
                .allSatisfy((uri, cycle) -> assertThat(20 - cycle).isLessThanOrEqualTo(4));
    }

    @Test
    void mostRecentlyArchivedMakesTheSameTracksBounce() {
        runSwapCycles("most_recently_archived", 20);

        assertThat(returned).doesNotContain(u("a1"), u("a2"), u("a3"));
        assertThat(returned).containsExactlyInAnyOrderElementsOf(us("a4", "p1", "p2", "p3"));
        assertThat(maxWait).isEqualTo(1);
    }

    private final Set<String> returned = new TreeSet<>();
    private int maxWait;

    /** Production [p1,p2,p3], archive [a1..a4], count 1, a day apart; returns uri → cycle it was archived. */
    private Map<String, Integer> runSwapCycles(String returnOrder, int cycles) {
        f.production("p1", "p2", "p3").archive("a1", "a2", "a3", "a4").pair();
        List<String> before = f.both();
        String schedule = f.harness.schedule(spec("swap", 1).param("return_order", returnOrder).build()).id();
        Map<String, Integer> archivedAt = new HashMap<>();
        us("a1", "a2", "a3", "a4").forEach(uri -> archivedAt.put(uri, 0));
        for (int cycle = 1; cycle <= cycles; cycle++) {
            f.harness.clock().advance(Duration.ofDays(1));
            HarnessRun run = f.harness.run(schedule);
            assertThat(run.succeeded()).isTrue();
            List<String> in = brought(run);
            List<String> out = moved(run);
            assertThat(in).hasSize(1);
            assertThat(out).hasSize(1);
            returned.addAll(in);
            maxWait = Math.max(maxWait, cycle - archivedAt.remove(in.get(0)));
            archivedAt.put(out.get(0), cycle);
            assertThat(f.prod()).hasSize(3);
            assertThat(f.arch()).hasSize(4);
            assertNothingLost(before, f.prod(), f.arch());
            assertNoDuplicates(f.both());
        }
        return archivedAt;
    }

    @SuppressWarnings("unchecked")
    private static List<String> brought(HarnessRun run) {
        return new ArrayList<>((List<String>) run.execution().details().get("brought_in"));
    }

    @SuppressWarnings("unchecked")
    private static List<String> moved(HarnessRun run) {
        return new ArrayList<>((List<String>) run.execution().details().get("moved_out"));
    }
}
