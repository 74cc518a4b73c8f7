package dev.shuffify.executor.rotate;

import static dev.shuffify.executor.rotate.RotationFixture.ARCH;
import static dev.shuffify.executor.rotate.RotationFixture.PROD;
import static dev.shuffify.executor.rotate.RotationFixture.assertNoDuplicates;
import static dev.shuffify.executor.rotate.RotationFixture.assertNothingLost;
import static dev.shuffify.executor.rotate.RotationFixture.ids;
import static dev.shuffify.executor.rotate.RotationFixture.spec;
import static dev.shuffify.executor.rotate.RotationFixture.us;
import static org.assertj.core.api.Assertions.assertThat;

import dev.shuffify.memory.Call;
import dev.shuffify.model.ExecutionStatus;
import dev.shuffify.testkit.HarnessRun;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** {@code rotation_mode refresh} through the harness. */
class RefreshTest {

    final RotationFixture f = new RotationFixture();

    @Test
    void replacesTheOldestWithTheNewestArchiveTracksWhichStayInTheArchive() {
        f.production("p1", "p2", "p3", "p4").archive("a1", "a2", "a3").pair();

        HarnessRun run = f.run(spec("refresh", 2));

        assertThat(run.status()).isEqualTo(ExecutionStatus.SUCCESS);
        assertThat(f.prod()).isEqualTo(us("p3", "p4", "a3", "a2"));
        assertThat(f.arch()).isEqualTo(us("a1", "a2", "a3", "p1", "p2"));
        assertThat(run.execution().tracksAdded()).isEqualTo(2);
        assertThat(run.execution().tracksRemoved()).isEqualTo(2);
        assertThat(run.execution().tracksTotal()).isEqualTo(4);
        assertThat(run.execution().details()).containsEntry("brought_in", us("a3", "a2"))
                .containsEntry("moved_out", us("p1", "p2"));
    }

    @Test
    void archiveTracksAlreadyInProductionAreNeverBroughtIn() {
        f.production("p1", "p2", "a3").archive("a1", "a2", "a3").pair();

        HarnessRun run = f.run(spec("refresh", 1));

        assertThat(run.execution().details()).containsEntry("brought_in", us("a2"));
        assertNoDuplicates(f.prod());
    }

    @Test
    void removesOnlyAsManyAsItCanReplace() {
        f.production(ids("p", 5)).archive("a1", "p2").pair();

        HarnessRun run = f.run(spec("refresh", 4));

        assertThat(run.succeeded()).isTrue();
        assertThat(f.prod()).isEqualTo(us("p2", "p3", "p4", "p5", "a1"));
        assertThat(run.execution().tracksRemoved()).isEqualTo(1);
        assertThat(run.execution().warnings()).anySatisfy(w -> assertThat(w)
                .contains("the archive has only 1 track(s) that are not already in production"));
    }

    @Test
    void anArchiveWithNothingNewChangesNothing() {
        f.production("p1", "p2").archive("p1", "p2").pair();

        HarnessRun run = f.run(spec("refresh", 2));

        assertThat(run.succeeded()).isTrue();
        assertThat(run.writes()).isZero();
        assertThat(run.snapshots()).isEmpty();
        assertThat(run.execution().warnings()).isNotEmpty();
    }

    @Test
    void aTrackTakenOutIsNotAddedToAnArchiveThatHoldsItAlready() {
        f.production("p1", "p2", "p3").archive("p1", "a1").pair();

        f.run(spec("refresh", 1));

        assertThat(f.arch()).isEqualTo(us("p1", "a1"));
        assertThat(f.prod()).isEqualTo(us("p2", "p3", "a1"));
    }

    @Test
    void addsToProductionThenToTheArchiveThenRemoves() {
        f.production("p1", "p2", "p3").archive("a1", "a2").pair();

        HarnessRun run = f.run(spec("refresh", 1));

        List<String> writes = run.calls().stream().filter(c -> c.operation().isWrite())
                .map(c -> c.operation() + " " + c.playlistId()).toList();
        assertThat(writes).containsExactly("ADD " + PROD, "ADD " + ARCH, "REMOVE " + PROD);
    }

    @Test
    void newestInTheArchiveFollowsMembershipHistory() {
        f.production("p1", "p2").archive("a1", "a2", "a3").pair();
        // the engine saw a1 arrive last, although it sits at the top
        f.observedGrowing(ARCH, "a2", "a3", "a1");

        HarnessRun run = f.run(spec("refresh", 1));

        assertThat(run.execution().details()).containsEntry("brought_in", us("a1"));
    }

    @Test
    void aDuplicateInProductionKeepsItsOtherCopy() {
        f.harness.playlist(PROD, "Daily Mix", RotationFixture.tracks(0, "p1", "p2", "p1"));
        f.archive("a1").pair();

        HarnessRun run = f.run(spec("refresh", 1));

        assertThat(run.succeeded()).isTrue();
        assertThat(f.prod()).isEqualTo(us("p2", "p1", "a1"));
        assertThat(f.arch()).isEqualTo(us("a1", "p1"));
    }

    @Test
    void repeatedRefreshesNeverLoseATrackOrDuplicateOne() {
        f.production(ids("p", 6)).archive(ids("a", 9)).pair();
        List<String> before = f.both();
        String schedule = f.harness.schedule(spec("refresh", 2).build()).id();

        for (int day = 0; day < 12; day++) {
            f.harness.clock().advance(Duration.ofDays(1));
            HarnessRun run = f.harness.run(schedule);
            assertThat(run.succeeded()).isTrue();
            assertNothingLost(before, f.prod(), f.arch());
            assertNoDuplicates(f.prod());
            assertNoDuplicates(f.arch());
            assertThat(f.prod()).hasSize(6);
        }
    }

    @Test
    void productionAndArchiveAreSnapshotted() {
        f.production("p1", "p2").archive("a1").pair();

        HarnessRun run = f.run(spec("refresh", 1));

        assertThat(run.snapshots()).extracting(s -> s.playlistId()).containsExactlyInAnyOrder(PROD, ARCH);
        assertThat(run.calls()).filteredOn(Call::failed).isEmpty();
    }
}
