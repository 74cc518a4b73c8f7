package dev.shuffify.examples.docs;

import static org.assertj.core.api.Assertions.assertThat;

import dev.shuffify.Shuffify;
import dev.shuffify.memory.Fault;
import dev.shuffify.memory.Operation;
import dev.shuffify.model.Execution;
import dev.shuffify.model.ExecutionStatus;
import dev.shuffify.model.JobSpec;
import dev.shuffify.model.Schedule;
import dev.shuffify.model.ScheduleDefinition;
import dev.shuffify.model.Trigger;
import dev.shuffify.model.TriggerSource;
import dev.shuffify.store.jdbc.JdbcShuffifyStore;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.h2.jdbcx.JdbcConnectionPool;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.MDC;

/** Runs the code of {@code docs/operations.md}. */
class OperationsTest {

    @TempDir
    Path data;

    final DocsWorld world = new DocsWorld();

    static ScheduleDefinition shuffleGym() {
        return ScheduleDefinition.of(JobSpec.builder("shuffle").target("gym", "Gym").algorithm("basic").build(),
                Trigger.named("daily"));
    }

    @Test
    void twoNodesShareOneDatabaseAndAnOperatorRunsASchedule() {
        try (JdbcShuffifyStore store = JdbcShuffifyStore.embedded(data.resolve("shuffify"));
                Shuffify a = Operations.startNode(store, world.music, "node-a");
                Shuffify b = Operations.startNode(store, world.music, "node-b")) {
            Schedule schedule = a.schedules().create("alice", shuffleGym());

            Execution run = Operations.pauseResumeTrigger(b, schedule.id());

            assertThat(run.status()).isEqualTo(ExecutionStatus.SUCCESS);
            assertThat(run.triggerSource()).isEqualTo(TriggerSource.MANUAL);
            assertThat(Operations.jobs(a)).singleElement().asString()
                    .startsWith(schedule.id() + " shuffle next ").contains(" last success");
            assertThat(a.isStarted()).isTrue();
        }
    }

    @Test
    void theBinderMetersRunsByStatus() {
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        try (Shuffify shuffify = Operations.withMetrics(world.store, world.music, registry)) {
            Schedule schedule = shuffify.schedules().create("alice", shuffleGym());
            shuffify.operations().execute(schedule.id());
            world.music.failOn(Operation.READ_PLAYLIST, 1, Fault.NOT_FOUND);
            shuffify.operations().execute(schedule.id());
        }
        assertThat(registry.get("shuffify.executions").tags("job.type", "shuffle", "status", "success").timer()
                .count()).isEqualTo(1);
        assertThat(registry.get("shuffify.executions").tags("job.type", "shuffle", "status", "failed").timer()
                .count()).isEqualTo(1);
        assertThat(registry.get("shuffify.backlog").gauge().value()).isZero();
    }

    @Test
    void theHealthCheckSaysWhatIsWrong() {
        try (Shuffify shuffify = Shuffify.builder().store(world.store).connector(world.music).build()) {
            assertThat(Operations.check(shuffify)).isEqualTo("ok");
        }
        JdbcShuffifyStore closed = JdbcShuffifyStore.embedded(data.resolve("closed"));
        try (Shuffify shuffify = Shuffify.builder().store(closed).connector(world.music).build()) {
            closed.close();
            assertThat(Operations.check(shuffify)).startsWith("store down: ");
        }
    }

    @Test
    void everyEventOfARunCarriesTheMdcKeys() {
        List<String> seen = new ArrayList<>();
        try (Shuffify shuffify = Shuffify.builder().store(world.store).connector(world.music).listener(event ->
                seen.add(event.type() + " " + MDC.get("shuffify.scheduleId") + " " + MDC.get("shuffify.executionId")
                        + " " + MDC.get("shuffify.jobType") + " " + MDC.get("shuffify.userId"))).build()) {
            Schedule schedule = shuffify.schedules().create("alice", shuffleGym());
            Execution run = shuffify.runs().runNow("alice", schedule.id());

            String keys = schedule.id() + " " + run.id() + " shuffle alice";
            assertThat(seen).containsExactly("STARTED " + keys, "PROGRESS " + keys, "SUCCEEDED " + keys);
            assertThat(MDC.get("shuffify.executionId")).isNull();
        }
    }

    @Test
    void aMigrationIsLoggedOnce() {
        try (JdbcShuffifyStore fresh = JdbcShuffifyStore.embedded(data.resolve("shuffify"))) {
            assertThat(Operations.logMigration(fresh)).isTrue();
        }
        try (JdbcShuffifyStore again = JdbcShuffifyStore.embedded(data.resolve("shuffify"))) {
            assertThat(Operations.logMigration(again)).isFalse();
        }
    }

    @Test
    void anOnlineBackupOfTheEmbeddedDatabaseOpensAsADatabase() throws Exception {
        JdbcConnectionPool pool = Operations.ownPool(data);
        Path zip = data.resolve("backup").resolve("shuffify-backup.zip");
        Files.createDirectories(zip.getParent());
        String id;
        try (JdbcShuffifyStore store = JdbcShuffifyStore.create(pool);
                Shuffify shuffify = Shuffify.builder().store(store).connector(world.music).build()) {
            id = shuffify.schedules().create("alice", shuffleGym()).id();
            Operations.backup(pool, zip);
        } finally {
            pool.dispose();
        }

        Path restored = data.resolve("restored");
        unzip(zip, restored);
        assertThat(restored.resolve("shuffify.mv.db")).exists();
        try (JdbcShuffifyStore store = JdbcShuffifyStore.embedded(restored.resolve("shuffify"))) {
            assertThat(store.schedules().find(id)).isPresent();
        }
    }

    private static void unzip(Path zip, Path folder) throws IOException {
        Files.createDirectories(folder);
        try (InputStream in = Files.newInputStream(zip); ZipInputStream entries = new ZipInputStream(in)) {
            for (ZipEntry e = entries.getNextEntry(); e != null; e = entries.getNextEntry()) {
                Files.copy(entries, folder.resolve(Path.of(e.getName()).getFileName()));
            }
        }
    }
}
