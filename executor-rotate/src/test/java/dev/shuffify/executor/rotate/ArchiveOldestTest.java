package dev.shuffify.executor.rotate;

import static dev.shuffify.executor.rotate.RotationFixture.ARCH;
import static dev.shuffify.executor.rotate.RotationFixture.PROD;
import static dev.shuffify.executor.rotate.RotationFixture.ids;
import static dev.shuffify.executor.rotate.RotationFixture.spec;
import static dev.shuffify.executor.rotate.RotationFixture.u;
import static dev.shuffify.executor.rotate.RotationFixture.us;
import static org.assertj.core.api.Assertions.assertThat;

import dev.shuffify.memory.Call;
import dev.shuffify.memory.Fault;
import dev.shuffify.memory.Operation;
import dev.shuffify.model.ExecutionStatus;
import dev.shuffify.model.Preview;
import dev.shuffify.model.Snapshot;
import dev.shuffify.model.SnapshotType;
import dev.shuffify.model.UserSettings;
import dev.shuffify.spi.PlaylistService;
import dev.shuffify.testkit.HarnessRun;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** {@code rotation_mode archive_oldest} through the harness. */
class ArchiveOldestTest {

    final RotationFixture f = new RotationFixture();

    @Test
    void movesTheOldestTracksToTheEndOfTheArchive() {
        f.production("p1", "p2", "p3", "p4", "p5").archive("a1").pair();

        HarnessRun run = f.run(spec("archive_oldest", 2));

        assertThat(run.status()).isEqualTo(ExecutionStatus.SUCCESS);
        assertThat(f.prod()).isEqualTo(us("p3", "p4", "p5"));
        assertThat(f.arch()).isEqualTo(us("a1", "p1", "p2"));
        assertThat(run.execution().tracksAdded()).isZero();
        assertThat(run.execution().tracksRemoved()).isEqualTo(2);
        assertThat(run.execution().tracksTotal()).isEqualTo(3);
        assertThat(run.execution().details()).containsEntry("mode", "archive_oldest")
                .containsEntry("moved_out", us("p1", "p2")).containsEntry("archive_total", 3);
    }

    @Test
    void theDefaultCountIsFive() {
        f.production(ids("p", 8)).archive().pair();

        HarnessRun run = f.run(spec("archive_oldest", null));

        assertThat(run.execution().tracksRemoved()).isEqualTo(5);
        assertThat(f.prod()).isEqualTo(us("p6", "p7", "p8"));
    }

    @Test
    void theCountIsClampedToTheProductionSize() {
        f.production("p1", "p2", "p3").archive("a1").pair();

        HarnessRun run = f.run(spec("archive_oldest", 50));

        assertThat(run.succeeded()).isTrue();
        assertThat(f.prod()).isEmpty();
        assertThat(f.arch()).isEqualTo(us("a1", "p1", "p2", "p3"));
        assertThat(run.execution().tracksRemoved()).isEqualTo(3);
        assertThat(run.execution().tracksTotal()).isZero();
        assertThat(run.execution().details()).containsEntry("rotation_count", 3);
    }

    @Test
    void anEmptyProductionPlaylistSucceedsWithoutWriting() {
        f.production().archive("a1").pair();

        HarnessRun run = f.run(spec("archive_oldest", 3));

        assertThat(run.succeeded()).isTrue();
        assertThat(run.writes()).isZero();
        assertThat(run.snapshots()).isEmpty();
        assertThat(run.execution().tracksTotal()).isZero();
        assertThat(f.arch()).isEqualTo(us("a1"));
    }

    @Test
    void movesMoreThanOneHundredTracksInBatchesAddingBeforeRemoving() {
        f.production(ids("p", 260)).archive("a1").pair();

        HarnessRun run = f.run(spec("archive_oldest", 150));

        assertThat(run.succeeded()).isTrue();
        assertThat(run.count(Operation.ADD)).isEqualTo(2);
        assertThat(run.count(Operation.REMOVE)).isEqualTo(2);
        List<String> expectedArchive = new ArrayList<>(us("a1"));
        expectedArchive.addAll(us(ids("p", 150)));
        assertThat(f.arch()).isEqualTo(expectedArchive);
        assertThat(f.prod()).hasSize(110).startsWith(u("p151")).endsWith(u("p260"));
        assertThat(run.calls().stream().filter(c -> c.operation().isWrite()).allMatch(c -> c.items() <= 100))
                .isTrue();
    }

    @Test
    void everyAddComesBeforeTheFirstRemove() {
        f.production(ids("p", 6)).archive("a1").pair();

        HarnessRun run = f.run(spec("archive_oldest", 3));

        List<Operation> writes = run.calls().stream().map(Call::operation).filter(Operation::isWrite).toList();
        assertThat(writes).containsExactly(Operation.ADD, Operation.REMOVE);
        Call add = run.calls().stream().filter(c -> c.operation() == Operation.ADD).findFirst().orElseThrow();
        assertThat(add.playlistId()).isEqualTo(ARCH);
    }

    @Test
    void snapshotsProductionAndArchiveBeforeTheFirstWrite() {
        f.production("p1", "p2", "p3").archive("a1").pair();

        HarnessRun run = f.run(spec("archive_oldest", 1));

        assertThat(run.snapshots()).hasSize(2).allMatch(s -> s.type() == SnapshotType.AUTO_PRE_ROTATE);
        assertThat(run.snapshots()).filteredOn(s -> s.playlistId().equals(PROD)).singleElement()
                .extracting(Snapshot::uris).isEqualTo(us("p1", "p2", "p3"));
        assertThat(run.snapshots()).filteredOn(s -> s.playlistId().equals(ARCH)).singleElement()
                .extracting(Snapshot::uris).isEqualTo(us("a1"));
    }

    @Test
    void takesNoSnapshotWhenTheUserTurnedThemOff() {
        f.production("p1", "p2", "p3").archive("a1").pair();
        f.harness.shuffify().users().updateSettings(f.harness.userId(), new UserSettings(false, 10));

        HarnessRun run = f.run(spec("archive_oldest", 1));

        assertThat(run.succeeded()).isTrue();
        assertThat(run.snapshots()).isEmpty();
        assertThat(f.arch()).isEqualTo(us("a1", "p1"));
    }

    @Test
    void aTrackTheArchiveHoldsAlreadyIsNotAddedTwice() {
        f.production("p1", "p2", "p3").archive("p1", "a1").pair();

        HarnessRun run = f.run(spec("archive_oldest", 2));

        assertThat(run.succeeded()).isTrue();
        assertThat(f.arch()).isEqualTo(us("p1", "a1", "p2"));
        assertThat(f.prod()).isEqualTo(us("p3"));
    }

    @Test
    void theOldestByMembershipHistoryLeavesEvenAfterAReplaceShuffleResetAddedDates() {
        // the engine watched production grow p1 (oldest) .. p6; then a shuffle in replace mode gave every item
        // a fresh added date and put the newest tracks on top
        f.production(ids("p", 6)).archive("a1").pair();
        f.observedGrowing(PROD, ids("p", 6));
        f.harness.clock().advance(Duration.ofDays(1));
        PlaylistService service = f.harness.music().forUser(f.harness.userId());
        service.replaceTracks(PROD, us("p6", "p5", "p4", "p3", "p2", "p1"));
        f.harness.clock().advance(Duration.ofDays(1));

        HarnessRun run = f.run(spec("archive_oldest", 2));

        assertThat(run.succeeded()).isTrue();
        assertThat(f.arch()).isEqualTo(us("a1", "p1", "p2"));
        assertThat(f.prod()).isEqualTo(us("p6", "p5", "p4", "p3"));
    }

    @Test
    void withoutHistoryTheEarliestAddedDateDecidesNotThePosition() {
        f.production("p1", "p2", "p3", "p4").archive().pair();
        // reorder keeps the added dates, so only the order on the service changes
        PlaylistService service = f.harness.music().forUser(f.harness.userId());
        service.reorderTracks(PROD, 3, 1, 0);

        HarnessRun run = f.run(spec("archive_oldest", 1));

        assertThat(run.succeeded()).isTrue();
        assertThat(f.arch()).isEqualTo(us("p1"));
        assertThat(f.prod()).isEqualTo(us("p4", "p2", "p3"));
    }

    @Test
    void aServiceErrorOnTheRemoveThatPersistsUndoesTheAddAndFails() {
        f.production("p1", "p2", "p3").archive("a1").pair();
        f.harness.music().failOn(Operation.REMOVE, 1, Fault.SERVER_ERROR).failOn(Operation.REMOVE, 2,
                Fault.SERVER_ERROR);

        HarnessRun run = f.run(spec("archive_oldest", 2));

        assertThat(run.status()).isEqualTo(ExecutionStatus.FAILED);
        assertThat(run.execution().errorMessage()).contains("removing 2 track(s) from production")
                .contains("injected server error").contains("undone");
        assertThat(f.prod()).isEqualTo(us("p1", "p2", "p3"));
        assertThat(f.arch()).isEqualTo(us("a1"));
    }

    @Test
    void aServiceErrorOnTheRemoveThatClearsSucceedsWithAWarning() {
        f.production("p1", "p2", "p3").archive("a1").pair();
        f.harness.music().failOn(Operation.REMOVE, 1, Fault.SERVER_ERROR);

        HarnessRun run = f.run(spec("archive_oldest", 2));

        assertThat(run.succeeded()).isTrue();
        assertThat(run.execution().warnings()).singleElement().asString().contains("sent again and succeeded");
        assertThat(f.prod()).isEqualTo(us("p3"));
        assertThat(f.arch()).isEqualTo(us("a1", "p1", "p2"));
    }

    @Test
    void aRateLimitOnTheAddFailsWithoutChangingAnything() {
        f.production("p1", "p2", "p3").archive("a1").pair();
        f.harness.music().failOn(Operation.ADD, 1, Fault.RATE_LIMITED);

        HarnessRun run = f.run(spec("archive_oldest", 2));

        assertThat(run.status()).isEqualTo(ExecutionStatus.FAILED);
        assertThat(run.execution().errorMessage()).contains("adding 2 track(s) to archive")
                .contains("nothing was changed");
        assertThat(run.count(Operation.REMOVE)).isZero();
        assertThat(f.prod()).isEqualTo(us("p1", "p2", "p3"));
        assertThat(f.arch()).isEqualTo(us("a1"));
    }

    @Test
    void aDuplicateOfARotatedTrackStaysInProduction() {
        f.harness.playlist(PROD, "Daily Mix", RotationFixture.tracks(0, "p1", "p2", "p1", "p3"));
        f.archive("a1").pair();

        HarnessRun run = f.run(spec("archive_oldest", 1));

        assertThat(run.succeeded()).isTrue();
        assertThat(f.prod()).isEqualTo(us("p2", "p1", "p3"));
        assertThat(f.arch()).isEqualTo(us("a1", "p1"));
        assertThat(run.execution().tracksTotal()).isEqualTo(3);
    }

    @Test
    void pinnedAndProtectedTracksAreNeverRotatedOut() {
        f.production(ids("p", 6)).archive().pair();
        f.harness.shuffify().pins().pinTrack(f.harness.userId(), PROD, u("p3"));
        f.harness.shuffify().pins().pinPositions(f.harness.userId(), PROD, 5, 5);

        HarnessRun run = f.run(spec("archive_oldest", 3).param("protect_count", 1));

        assertThat(run.succeeded()).isTrue();
        assertThat(f.arch()).isEqualTo(us("p2", "p4", "p5"));
        assertThat(f.prod()).isEqualTo(us("p1", "p3", "p6"));
    }

    @Test
    void aPreviewListsTheMovesAndWritesNothing() {
        f.production("p1", "p2", "p3").archive("a1").pair();

        Preview preview = f.harness.preview(spec("archive_oldest", 2).build());

        assertThat(preview.adds(ARCH)).isEqualTo(us("p1", "p2"));
        assertThat(preview.removes(PROD)).isEqualTo(us("p1", "p2"));
        assertThat(preview.result().tracksRemoved()).isEqualTo(2);
        assertThat(f.prod()).isEqualTo(us("p1", "p2", "p3"));
        assertThat(f.arch()).isEqualTo(us("a1"));
        assertThat(f.harness.music().writeCalls()).isZero();
    }
}
