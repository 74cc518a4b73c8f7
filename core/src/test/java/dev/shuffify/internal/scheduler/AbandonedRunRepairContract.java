package dev.shuffify.internal.scheduler;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.shuffify.internal.engine.EngineConfig;
import dev.shuffify.internal.engine.ExecutionEngine;
import dev.shuffify.internal.engine.JobTypes;
import dev.shuffify.internal.plugins.PluginRegistry;
import dev.shuffify.memory.Fault;
import dev.shuffify.memory.InMemoryPlaylistService;
import dev.shuffify.memory.Operation;
import dev.shuffify.model.Activity;
import dev.shuffify.model.ActivityType;
import dev.shuffify.model.Execution;
import dev.shuffify.model.ExecutionStatus;
import dev.shuffify.model.JobResult;
import dev.shuffify.model.JobSpec;
import dev.shuffify.model.MisfirePolicy;
import dev.shuffify.model.Playlist;
import dev.shuffify.model.Schedule;
import dev.shuffify.model.Track;
import dev.shuffify.model.Trigger;
import dev.shuffify.model.UserSettings;
import dev.shuffify.spi.JobContext;
import dev.shuffify.spi.JobExecutor;
import dev.shuffify.spi.ParamSpec;
import dev.shuffify.spi.PlaylistService;
import dev.shuffify.spi.PlaylistServiceConnector;
import dev.shuffify.store.ShuffifyStore;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A node dies right after a write of a job (the process killed: nothing after the write runs, nothing is
 * recorded), and another node — or the same one restarted — finds the run abandoned. The run is repaired from
 * the intent it recorded before its first write before its schedule runs again. Runs against the in-memory
 * store and the embedded H2 database.
 */
abstract class AbandonedRunRepairContract {
    static final Instant T0 = Instant.parse("2026-03-02T10:00:00Z");
    static final String USER = "alice";
    static final String TARGET = "mix";
    static final String ARCHIVE = "archive";

    ShuffifyStore store;
    ManualClock clock;
    InMemoryPlaylistService music;
    List<String> original;

    abstract ShuffifyStore createStore();

    @BeforeEach
    void open() {
        store = createStore();
        clock = new ManualClock(T0);
        music = new InMemoryPlaylistService(clock).addUser(USER);
        List<Track> tracks = IntStream.range(0, 150).mapToObj(i -> Track.ofUri("spotify:track:t" + i)).toList();
        music.createPlaylist(USER, TARGET, "Mix", tracks);
        music.createPlaylist(USER, ARCHIVE, "Archive", List.of());
        original = music.uris(TARGET);
    }

    @AfterEach
    void closeStore() {
        store.close();
    }

    /** Stands for the death of the process: the engine and the scheduler rethrow it without recording. */
    static final class Killed extends VirtualMachineError {
        private static final long serialVersionUID = 1L;

        Killed() {
            super("kill -9");
        }
    }

    /** A replace shuffle as the shuffle job type writes it: reverse the order, replace in batches of 100. */
    static final class Reverse implements JobExecutor {
        @Override
        public String type() {
            return "reverse";
        }

        @Override
        public String description() {
            return "reverses the target by replace";
        }

        @Override
        public List<ParamSpec> parameters() {
            return List.of();
        }

        @Override
        public JobResult execute(JobContext context) {
            Playlist p = context.playlists().playlist(context.spec().target().id());
            List<String> reversed = new ArrayList<>(p.uris());
            Collections.reverse(reversed);
            context.playlists().replaceAll(p.id(), reversed);
            return JobResult.of(0, 0, reversed.size());
        }
    }

    /** A rotation as the rotate job type writes it: add the oldest 30 to the archive, then remove them. */
    static final class Move implements JobExecutor {
        @Override
        public String type() {
            return "move";
        }

        @Override
        public String description() {
            return "moves the first 30 tracks to the archive";
        }

        @Override
        public List<ParamSpec> parameters() {
            return List.of();
        }

        @Override
        public Set<String> otherPlaylistsWritten(JobSpec spec) {
            return Set.of(ARCHIVE);
        }

        @Override
        public JobResult execute(JobContext context) {
            List<String> out = context.playlists().playlist(TARGET).uris().subList(0, 30);
            context.playlists().addAll(ARCHIVE, out);
            context.playlists().removeAll(TARGET, out);
            return JobResult.of(0, 30, 120);
        }
    }

    /** One node: the real engine and scheduler; its music service kills the node after write {@code killAfter}. */
    final class Node {
        final ExecutionEngine engine;
        final Scheduler scheduler;
        final ManualExecutor workers = new ManualExecutor();
        final AtomicInteger writes = new AtomicInteger();
        volatile int killAfter;

        Node(String id) {
            PluginRegistry registry = PluginRegistry.build(List.of(), false, List.of(new Reverse(), new Move()),
                    List.of(), List.of());
            PlaylistServiceConnector connector = user -> killing(music.connect(user));
            AtomicInteger ids = new AtomicInteger();
            engine = new ExecutionEngine(new EngineConfig(store, connector, new JobTypes(registry, Map.of()), clock,
                    e -> new SplittableRandom(1), () -> id + "-" + ids.incrementAndGet(), List.of()));
            scheduler = new Scheduler(store, JobRunner.of(engine), TestNode.config(id, 2), clock,
                    new SplittableRandom(2), workers);
        }

        private PlaylistService killing(PlaylistService real) {
            return (PlaylistService) Proxy.newProxyInstance(getClass().getClassLoader(),
                    new Class<?>[] {PlaylistService.class}, (proxy, method, args) -> {
                        Object result;
                        try {
                            result = method.invoke(real, args);
                        } catch (InvocationTargetException e) {
                            throw e.getCause();
                        }
                        boolean write = Set.of("addTracks", "removeTracks", "replaceTracks", "reorderTracks")
                                .contains(method.getName());
                        if (write && writes.incrementAndGet() == killAfter) {
                            throw new Killed();
                        }
                        return result;
                    });
        }
    }

    Schedule schedule(String id, String jobType) {
        JobSpec job = JobSpec.builder(jobType).target(TARGET, "Mix").build();
        Schedule s = new Schedule(id, USER, job, Trigger.named("daily"), true, true, MisfirePolicy.RUN_ONCE, T0, T0,
                null, null, null, T0);
        store.schedules().save(s);
        return s;
    }

    List<Execution> history(String scheduleId) {
        return store.executions().listBySchedule(scheduleId, 10);
    }

    /** Node A claims the due schedule and dies right after write {@code k}. */
    void runAndKill(Node a, int k) {
        a.killAfter = k;
        assertThat(a.scheduler.runDueOnce()).isEqualTo(1);
        assertThatThrownBy(a.workers::runAll).isInstanceOf(Killed.class);
        assertThat(history("s1")).singleElement().extracting(Execution::status).isEqualTo(ExecutionStatus.RUNNING);
    }

    @Test
    void killedRightAfterTheReplaceOfA150TrackShuffleTheNextNodePutsThe50LostTracksBackBeforeRunningAgain() {
        schedule("s1", "reverse");
        Node a = new Node("node-a");
        Node b = new Node("node-b");
        runAndKill(a, 1);
        assertThat(music.uris(TARGET)).hasSize(100); // the replace of the first 100 landed; 50 are in no playlist
        assertThat(store.intents().listBySchedule("s1")).singleElement()
                .satisfies(i -> assertThat(i.before(TARGET).orElseThrow().uris()).isEqualTo(original));

        clock.advance(Duration.ofMinutes(6)); // past the 5-minute lease
        assertThat(b.scheduler.recoverExpiredLeases()).isEqualTo(1);

        assertThat(music.uris(TARGET)).isEqualTo(original);
        Execution abandoned = history("s1").get(0);
        assertThat(abandoned.status()).isEqualTo(ExecutionStatus.ABANDONED_RESTORED);
        assertThat(abandoned.errorMessage()).contains("node-a").contains("stopped renewing its lease")
                .contains("put back 50 of 50 lost entries in playlist 'mix' (Mix)");
        assertThat(abandoned.details()).containsEntry(ExecutionEngine.DETAIL_ENTRIES_PUT_BACK, 50);
        assertThat(store.intents().list(10)).isEmpty();
        assertThat(store.activity().listByUser(USER, 10)).anySatisfy(act -> {
            assertThat(act.type()).isEqualTo(ActivityType.SCHEDULE_RUN_ABANDONED);
            assertThat(act.description()).contains("abandoned_restored").contains("put back 50");
        });

        clock.set(store.schedules().find("s1").orElseThrow().nextRunAt());
        b.scheduler.runDueOnce();
        b.workers.runAll();
        assertThat(history("s1").get(0).status()).isEqualTo(ExecutionStatus.SUCCESS);
        assertThat(history("s1").get(0).tracksTotal()).isEqualTo(150);
        List<String> reversed = new ArrayList<>(original);
        Collections.reverse(reversed);
        assertThat(music.uris(TARGET)).isEqualTo(reversed);
    }

    @Test
    void theSameNodeRestartingFindsItsRunAndRepairsItAtStartUp() {
        schedule("s1", "reverse");
        runAndKill(new Node("node-a"), 1);

        Node restarted = new Node("node-a");
        assertThat(restarted.scheduler.reconcileStaleRuns()).isZero(); // its own lease: recovered, not counted

        assertThat(music.uris(TARGET)).isEqualTo(original);
        assertThat(history("s1").get(0).status()).isEqualTo(ExecutionStatus.ABANDONED_RESTORED);
        assertThat(history("s1").get(0).errorMessage()).contains("restarted while running it");
    }

    @Test
    void theIntentIsRecordedWithAutoSnapshotsOffAndTheRepairDoesNotNeedASnapshot() {
        store.settings().save(USER, new UserSettings(false, UserSettings.DEFAULTS.snapshotRetention()));
        schedule("s1", "reverse");
        runAndKill(new Node("node-a"), 1);
        assertThat(store.snapshots().listByPlaylist(USER, TARGET)).isEmpty();

        clock.advance(Duration.ofMinutes(6));
        new Node("node-b").scheduler.recoverExpiredLeases();

        assertThat(music.uris(TARGET)).isEqualTo(original);
        assertThat(history("s1").get(0).status()).isEqualTo(ExecutionStatus.ABANDONED_RESTORED);
    }

    @Test
    void aRunKilledAfterSafeMovesIsAbandonedWithNothingPutBackAndItsWritesKept() {
        schedule("s1", "move");
        runAndKill(new Node("node-a"), 2); // the add to the archive and the removal from the target both landed

        clock.advance(Duration.ofMinutes(6));
        new Node("node-b").scheduler.recoverExpiredLeases();

        assertThat(music.uris(TARGET)).isEqualTo(original.subList(30, 150));
        assertThat(music.uris(ARCHIVE)).isEqualTo(original.subList(0, 30));
        Execution abandoned = history("s1").get(0);
        assertThat(abandoned.status()).isEqualTo(ExecutionStatus.ABANDONED);
        assertThat(abandoned.errorMessage()).contains("nothing was lost").contains("checked 2 playlist(s)");
        assertThat(store.intents().list(10)).isEmpty();
    }

    @Test
    void aFailedRunWhoseOutcomeIsRecordedLeavesNoIntentBehind() {
        schedule("s1", "reverse");
        Node a = new Node("node-a");
        music.failOn(Operation.REPLACE, 1, Fault.SERVER_ERROR); // no write lands; the run fails and is recorded
        a.scheduler.runDueOnce();
        a.workers.runAll();
        assertThat(history("s1").get(0).status()).isEqualTo(ExecutionStatus.FAILED);
        assertThat(store.intents().list(10)).as("cleared with the recorded outcome").isEmpty();
    }

    @Test
    void aFailedRepairIsShownKeepsTheIntentBlocksTheNextRunAndIsRetried() {
        schedule("s1", "reverse");
        runAndKill(new Node("node-a"), 1);
        Node b = new Node("node-b");
        clock.advance(Duration.ofMinutes(6));
        music.failOn(Operation.READ_PLAYLIST, 1, Fault.SERVER_ERROR);

        b.scheduler.recoverExpiredLeases();

        Execution unrepaired = history("s1").get(0);
        assertThat(unrepaired.status()).isEqualTo(ExecutionStatus.ABANDONED_UNREPAIRED);
        assertThat(unrepaired.errorMessage()).contains("repair failed").contains("retried");
        assertThat(store.intents().list(10)).hasSize(1);
        assertThat(music.uris(TARGET)).hasSize(100);

        music.failOn(Operation.READ_PLAYLIST, 1, Fault.SERVER_ERROR); // still down at the next run
        clock.set(store.schedules().find("s1").orElseThrow().nextRunAt());
        b.scheduler.runDueOnce();
        b.workers.runAll();
        Execution blocked = history("s1").get(0);
        assertThat(blocked.status()).isEqualTo(ExecutionStatus.FAILED);
        assertThat(blocked.errorMessage()).contains("could not be repaired yet").contains("the job did not run");
        assertThat(blocked.details()).containsEntry(ExecutionEngine.DETAIL_TRANSIENT_FAILURE, true);
        assertThat(music.uris(TARGET)).hasSize(100);

        assertThat(b.engine.repairPending()).isEqualTo(1); // housekeeping, with the service back

        assertThat(music.uris(TARGET)).isEqualTo(original);
        Execution repaired = history("s1").get(1);
        assertThat(repaired.id()).isEqualTo(unrepaired.id());
        assertThat(repaired.status()).isEqualTo(ExecutionStatus.ABANDONED_RESTORED);
        assertThat(repaired.errorMessage()).contains("stopped renewing its lease").contains("put back 50")
                .doesNotContain("repair failed");
        assertThat(store.intents().list(10)).isEmpty();
        List<Activity> activity = store.activity().listByUser(USER, 10);
        assertThat(activity).filteredOn(act -> act.type() == ActivityType.SCHEDULE_RUN_ABANDONED)
                .extracting(act -> act.metadata().get("status"))
                .containsExactlyInAnyOrder("abandoned_unrepaired", "abandoned_restored");
    }

    @Test
    void aRunNowKilledHalfWayKeepsTheScheduleOffItsPlaylistUntilHousekeepingRepairsIt() {
        Schedule s = schedule("s1", "reverse");
        Node a = new Node("node-a");
        a.killAfter = 1;
        assertThatThrownBy(() -> a.engine.run(s, dev.shuffify.model.TriggerSource.MANUAL, 1))
                .isInstanceOf(Killed.class); // a "run now" has no lease
        Node b = new Node("node-b");

        b.scheduler.runDueOnce();
        b.workers.runAll();

        Execution skipped = history("s1").get(0);
        assertThat(skipped.status()).isEqualTo(ExecutionStatus.SKIPPED);
        assertThat(skipped.errorMessage()).contains("has written to its playlists and not finished");
        assertThat(music.uris(TARGET)).hasSize(100);

        clock.advance(Duration.ofHours(7)); // a run now is taken for dead after 6 hours
        b.scheduler.housekeeping();

        assertThat(music.uris(TARGET)).isEqualTo(original);
        assertThat(history("s1")).extracting(Execution::status).contains(ExecutionStatus.ABANDONED_RESTORED);
        assertThat(store.intents().list(10)).isEmpty();
    }

    @Test
    void aSuccessfulRunClearsItsIntent() {
        schedule("s1", "reverse");
        Node a = new Node("node-a");
        a.scheduler.runDueOnce();
        a.workers.runAll();

        assertThat(history("s1").get(0).status()).isEqualTo(ExecutionStatus.SUCCESS);
        assertThat(store.intents().list(10)).isEmpty();
    }
}
