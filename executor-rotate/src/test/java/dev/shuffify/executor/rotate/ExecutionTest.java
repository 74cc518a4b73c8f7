package dev.shuffify.executor.rotate;

import static dev.shuffify.executor.rotate.RotationFixture.ARCH;
import static dev.shuffify.executor.rotate.RotationFixture.PROD;
import static dev.shuffify.executor.rotate.RotationFixture.PROD_NAME;
import static dev.shuffify.executor.rotate.RotationFixture.ids;
import static dev.shuffify.executor.rotate.RotationFixture.spec;
import static dev.shuffify.executor.rotate.RotationFixture.us;
import static org.assertj.core.api.Assertions.assertThat;

import dev.shuffify.model.ExecutionStatus;
import dev.shuffify.model.JobSpec;
import dev.shuffify.model.MisfirePolicy;
import dev.shuffify.model.PlaylistRef;
import dev.shuffify.model.RotationStatus;
import dev.shuffify.model.Schedule;
import dev.shuffify.model.Trigger;
import dev.shuffify.testkit.HarnessRun;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Execution-time behaviour: schedules stored before today's validation (defaults and clamps), missing pair,
 * missing playlists, and the rotation status of a playlist.
 */
class ExecutionTest {

    final RotationFixture f = new RotationFixture();

    /** A schedule written straight to the store, as an older version or an import could have left it. */
    private String stored(Object... keyValues) {
        Map<String, Object> params = new HashMap<>();
        for (int i = 0; i < keyValues.length; i += 2) {
            params.put((String) keyValues[i], keyValues[i + 1]);
        }
        JobSpec spec = new JobSpec("rotate", new PlaylistRef(PROD, PROD_NAME), List.of(), null, Map.of(), params);
        Instant now = f.harness.clock().instant();
        Schedule s = new Schedule("legacy", f.harness.userId(), spec, Trigger.named("daily"), true, true,
                MisfirePolicy.RUN_ONCE, now, now, null, null, null, null);
        f.harness.store().schedules().save(s);
        return s.id();
    }

    @Test
    void aStoredScheduleWithoutAModeArchivesTheOldest() {
        f.production(ids("p", 4)).archive("a1").pair();

        HarnessRun run = f.harness.run(stored("rotation_count", 1));

        assertThat(run.succeeded()).isTrue();
        assertThat(run.execution().details()).containsEntry("mode", "archive_oldest");
        assertThat(f.arch()).isEqualTo(us("a1", "p1"));
    }

    @Test
    void aStoredCountOfZeroIsClampedToOne() {
        f.production(ids("p", 4)).archive().pair();

        HarnessRun run = f.harness.run(stored("rotation_mode", "archive_oldest", "rotation_count", 0));

        assertThat(run.succeeded()).isTrue();
        assertThat(run.execution().tracksRemoved()).isEqualTo(1);
    }

    @Test
    void aStoredNegativeCountIsClampedToOne() {
        f.production(ids("p", 4)).archive("a1").pair();

        HarnessRun run = f.harness.run(stored("rotation_mode", "swap", "rotation_count", -4));

        assertThat(run.succeeded()).isTrue();
        assertThat(run.execution().tracksRemoved()).isEqualTo(1);
        assertThat(run.execution().tracksAdded()).isEqualTo(1);
    }

    @Test
    void aStoredNumericStringCountIsUsed() {
        f.production(ids("p", 6)).archive().pair();

        HarnessRun run = f.harness.run(stored("rotation_mode", "archive_oldest", "rotation_count", "3"));

        assertThat(run.execution().tracksRemoved()).isEqualTo(3);
        assertThat(f.prod()).isEqualTo(us("p4", "p5", "p6"));
    }

    @Test
    void aStoredUnknownModeFailsNamingTheFieldAndTheAllowedValues() {
        f.production(ids("p", 3)).archive().pair();

        HarnessRun run = f.harness.run(stored("rotation_mode", "shuffle"));

        assertThat(run.status()).isEqualTo(ExecutionStatus.FAILED);
        assertThat(run.execution().errorMessage()).contains("rotation_mode")
                .contains("archive_oldest, refresh, swap");
        assertThat(run.writes()).isZero();
    }

    @Test
    void aStoredNonNumericCountFailsNamingTheField() {
        f.production(ids("p", 3)).archive().pair();

        HarnessRun run = f.harness.run(stored("rotation_mode", "swap", "rotation_count", "lots"));

        assertThat(run.status()).isEqualTo(ExecutionStatus.FAILED);
        assertThat(run.execution().errorMessage()).contains("rotation_count");
        assertThat(run.writes()).isZero();
    }

    @Test
    void aStoredSwapOnlyParameterOutsideSwapIsIgnoredWithAWarning() {
        f.production(ids("p", 5)).archive().pair();

        HarnessRun run = f.harness.run(stored("rotation_mode", "archive_oldest", "rotation_count", 1,
                "target_size", 1));

        assertThat(run.succeeded()).isTrue();
        assertThat(f.prod()).hasSize(4);
        assertThat(run.execution().warnings()).contains("target_size only applies to rotation_mode swap; ignored");
    }

    @Test
    void withoutAPairTheRunFailsAndSaysToCreateOne() {
        f.production(ids("p", 3)).archive("a1");

        HarnessRun run = f.run(spec("swap", 1));

        assertThat(run.status()).isEqualTo(ExecutionStatus.FAILED);
        assertThat(run.execution().errorMessage()).contains("'Daily Mix' (prod)").contains("create a playlist pair");
        assertThat(run.calls()).noneMatch(c -> c.operation().isWrite());
        assertThat(f.prod()).isEqualTo(us("p1", "p2", "p3"));
    }

    @Test
    void aPairCreatedAfterTheScheduleIsUsedByTheNextRun() {
        f.production(ids("p", 3)).archive("a1");
        String schedule = f.harness.schedule(spec("swap", 1).build()).id();
        assertThat(f.harness.run(schedule).succeeded()).isFalse();

        f.pair();
        HarnessRun run = f.harness.run(schedule);

        assertThat(run.succeeded()).isTrue();
        assertThat(f.prod()).isEqualTo(us("p2", "p3", "a1"));
    }

    @Test
    void aDeletedProductionPlaylistFailsNamingIt() {
        f.production(ids("p", 3)).archive("a1").pair();
        String schedule = f.harness.schedule(spec("archive_oldest", 1).build()).id();
        f.harness.music().deletePlaylist(PROD);

        HarnessRun run = f.harness.run(schedule);

        assertThat(run.status()).isEqualTo(ExecutionStatus.FAILED);
        assertThat(run.execution().errorMessage()).contains("production playlist 'Daily Mix' (prod)")
                .contains("no longer exists");
        assertThat(f.arch()).isEqualTo(us("a1"));
    }

    @Test
    void aDeletedArchiveFailsNamingItAndChangesNothing() {
        f.production(ids("p", 3)).archive("a1").pair();
        String schedule = f.harness.schedule(spec("archive_oldest", 1).build()).id();
        f.harness.music().deletePlaylist(ARCH);

        HarnessRun run = f.harness.run(schedule);

        assertThat(run.status()).isEqualTo(ExecutionStatus.FAILED);
        assertThat(run.execution().errorMessage()).contains("archive playlist 'Daily Mix archive' (arch)")
                .contains("no longer exists");
        assertThat(run.writes()).isZero();
        assertThat(f.prod()).isEqualTo(us("p1", "p2", "p3"));
    }

    @Test
    void theRotationStatusShowsThePairTheScheduleAndItsLastRun() {
        f.production(ids("p", 3)).archive("a1");
        RotationStatus none = f.harness.shuffify().pairs().rotationStatus(f.harness.userId(), PROD);
        assertThat(none.isReady()).isFalse();
        assertThat(none.schedule()).isEmpty();

        f.pair();
        HarnessRun run = f.run(spec("refresh", 1));
        RotationStatus status = f.harness.shuffify().pairs().rotationStatus(f.harness.userId(), PROD);

        assertThat(status.isReady()).isTrue();
        assertThat(status.pair()).get().extracting(p -> p.archive().id()).isEqualTo(ARCH);
        assertThat(status.schedule()).get().extracting(Schedule::id).isEqualTo(run.schedule().id());
        assertThat(status.lastExecution()).get().extracting(e -> e.id()).isEqualTo(run.execution().id());
    }
}
