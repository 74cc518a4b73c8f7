package dev.shuffify;

import dev.shuffify.error.ShuffifyException;
import static org.assertj.core.api.Assertions.assertThat;

import dev.shuffify.memory.InMemoryPlaylistService;
import dev.shuffify.model.Execution;
import dev.shuffify.model.ExecutionStatus;
import dev.shuffify.model.JobResult;
import dev.shuffify.model.JobSpec;
import dev.shuffify.model.ScheduleDefinition;
import dev.shuffify.model.Track;
import dev.shuffify.model.Trigger;
import dev.shuffify.spi.JobContext;
import dev.shuffify.spi.JobExecutor;
import dev.shuffify.store.InMemoryShuffifyStore;
import dev.shuffify.store.jdbc.JdbcShuffifyStore;
import dev.shuffify.store.ShuffifyStore;
import dev.shuffify.testing.TestClock;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Two nodes on one store never write one playlist at once, whichever playlist of a job it is: the target, or
 * one the job type names ({@link JobExecutor#otherPlaylistsWritten}, like a drip's staging playlist or a
 * rotation's archive). Node B's run starts while node A's run is inside its job (A's job starts it), so the
 * test needs no threads and no sleeps.
 */
class CrossNodePlaylistLeaseTest {
    static final String USER = "alice";

    @TempDir
    Path dir;

    /** Appends a track to its target and to the playlist named by {@code also}, running {@code during} between. */
    static final class Touch implements JobExecutor {
        Runnable during = () -> { };

        @Override
        public String type() {
            return "touch";
        }

        @Override
        public String description() {
            return "test job writing its target and another playlist";
        }

        @Override
        public Set<String> otherPlaylistsWritten(JobSpec spec) {
            Object also = spec.params().get("also");
            return also == null ? Set.of() : Set.of(also.toString());
        }

        @Override
        public List<dev.shuffify.spi.ParamSpec> parameters() {
            return List.of(dev.shuffify.spi.ParamSpec.string("also", "another playlist written"));
        }

        @Override
        public JobResult execute(JobContext context) {
            context.playlists().addAll(context.spec().target().id(), List.of("spotify:track:x"));
            Runnable r = during;
            during = () -> { };
            r.run();
            context.params().getString("also").ifPresent(p -> context.playlists().addAll(p,
                    List.of("spotify:track:x")));
            return JobResult.builder().tracksAdded(1).build();
        }
    }

    private ShuffifyStore store(String kind) {
        return kind.equals("jdbc") ? JdbcShuffifyStore.embedded(dir.resolve("db")) : new InMemoryShuffifyStore();
    }

    private static Shuffify node(ShuffifyStore store, InMemoryPlaylistService music, TestClock clock, Touch job,
            String prefix) {
        AtomicLong ids = new AtomicLong();
        Supplier<String> idGen = () -> prefix + ids.incrementAndGet();
        return Shuffify.builder().store(store).connector(music).clock(clock).jobType(job).idGenerator(idGen)
                .autoDiscovery(false).build();
    }

    private static Track track(String id) {
        return Track.ofUri("spotify:track:" + id);
    }

    private static Execution run(Shuffify node, String scheduleId) {
        try {
            return node.runs().runNow(USER, scheduleId);
        } catch (ShuffifyException e) {
            return node.runs().history(USER, scheduleId, 1).get(0);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"in-memory", "jdbc"})
    void aRunOnAnotherNodeThatWouldWriteAPlaylistARunningJobWritesIsSkippedAndRunsOnceItEnds(String kind) {
        TestClock clock = TestClock.standard();
        InMemoryPlaylistService music = new InMemoryPlaylistService(clock);
        music.addUser(USER);
        music.createPlaylist(USER, "target", "Target", List.of(track("a")));
        music.createPlaylist(USER, "staging", "Staging", List.of(track("b")));
        music.createPlaylist(USER, "other", "Other", List.of(track("c")));
        Touch jobA = new Touch();
        Touch jobB = new Touch();
        try (ShuffifyStore store = store(kind);
                Shuffify a = node(store, music, clock, jobA, "a-");
                Shuffify b = node(store, music, clock, jobB, "b-")) {
            String onA = a.schedules().create(USER, ScheduleDefinition.of(JobSpec.builder("touch")
                    .target("target", "Target").param("also", "staging").build(), Trigger.named("daily"))).id();
            String onB = b.schedules().create(USER, ScheduleDefinition.of(JobSpec.builder("touch")
                    .target("staging", "Staging").build(), Trigger.named("daily"))).id();
            String unrelated = b.schedules().create(USER, ScheduleDefinition.of(JobSpec.builder("touch")
                    .target("other", "Other").build(), Trigger.named("daily"))).id();
            List<Execution> duringA = new ArrayList<>();
            jobA.during = () -> {
                duringA.add(run(b, onB));
                duringA.add(run(b, unrelated));
            };

            Execution first = run(a, onA);

            assertThat(first.status()).isEqualTo(ExecutionStatus.SUCCESS);
            assertThat(duringA).extracting(Execution::status)
                    .containsExactly(ExecutionStatus.SKIPPED, ExecutionStatus.SUCCESS);
            assertThat(duringA.get(0).errorMessage())
                    .isEqualTo("another job is running on playlist 'staging' (on another node)");
            assertThat(music.uris("staging")).containsExactly("spotify:track:b", "spotify:track:x");

            clock.advance(Duration.ofMinutes(1));
            assertThat(run(b, onB).status()).as("the lease ended with A's run").isEqualTo(ExecutionStatus.SUCCESS);
            assertThat(music.uris("staging")).containsExactly("spotify:track:b", "spotify:track:x",
                    "spotify:track:x");
        }
    }
}
