package dev.shuffify;

import dev.shuffify.error.NotFoundException;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.shuffify.memory.InMemoryPlaylistService;
import dev.shuffify.model.Execution;
import dev.shuffify.model.ExecutionStatus;
import dev.shuffify.model.JobResult;
import dev.shuffify.model.JobSpec;
import dev.shuffify.model.Schedule;
import dev.shuffify.model.ScheduleDefinition;
import dev.shuffify.model.ScheduleState;
import dev.shuffify.model.Track;
import dev.shuffify.model.Trigger;
import dev.shuffify.model.TriggerSource;
import dev.shuffify.spi.JobContext;
import dev.shuffify.spi.JobExecutor;
import dev.shuffify.spi.ParamSpec;
import dev.shuffify.store.jdbc.JdbcShuffifyStore;
import dev.shuffify.testing.TestClock;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The scheduler through the facade: start, operator functions, close, and the options' validation. */
class ShuffifySchedulerTest {
    @TempDir
    Path dir;

    private final TestClock clock = TestClock.standard();

    /** Reads the target and reports its size. */
    static final class Count implements JobExecutor {
        @Override
        public String type() {
            return "count";
        }

        @Override
        public String description() {
            return "counts the target's tracks";
        }

        @Override
        public List<ParamSpec> parameters() {
            return List.of();
        }

        @Override
        public JobResult execute(JobContext context) {
            return JobResult.of(0, 0, context.playlists().playlist(context.spec().target().id()).items().size());
        }
    }

    private Shuffify shuffify(JdbcShuffifyStore store) {
        InMemoryPlaylistService music = new InMemoryPlaylistService(clock).addUser("alice");
        music.createPlaylist("alice", "pl-1", "Mix", List.of(Track.ofUri("spotify:track:1"),
                Track.ofUri("spotify:track:2")));
        return Shuffify.builder().store(store).connector(music).clock(clock).autoDiscovery(false)
                .jobType(new Count())
                .scheduler(SchedulerOptions.builder().nodeId("node-1").poolSize(2).pollInterval(Duration.ofHours(1))
                        .shutdownTimeout(Duration.ofSeconds(10)).build())
                .build();
    }

    @Test
    void startTriggerListAndCloseThroughTheFacade() throws Exception {
        try (JdbcShuffifyStore store = JdbcShuffifyStore.embedded(dir.resolve("db"))) {
            Shuffify shuffify = shuffify(store);
            Schedule s = shuffify.schedules().create("alice", ScheduleDefinition.of(
                    JobSpec.builder("count").target("pl-1", "Mix").build(), Trigger.named("daily")));

            shuffify.start();
            assertThat(shuffify.isStarted()).isTrue();
            assertThatThrownBy(shuffify::start).isInstanceOf(IllegalStateException.class);

            CompletableFuture<Execution> run = shuffify.operations().trigger(s.id()).orElseThrow();
            Execution done = run.get(30, TimeUnit.SECONDS);
            assertThat(done.status()).isEqualTo(ExecutionStatus.SUCCESS);
            assertThat(done.triggerSource()).isEqualTo(TriggerSource.MANUAL);
            assertThat(done.tracksTotal()).isEqualTo(2);

            List<ScheduleState> jobs = shuffify.operations().jobs();
            assertThat(jobs).singleElement().satisfies(j -> {
                assertThat(j.schedule().lastStatus()).isEqualTo(ExecutionStatus.SUCCESS);
                assertThat(j.schedule().nextRunAt()).isEqualTo(s.nextRunAt());
                assertThat(j.paused()).isFalse();
            });

            assertThat(shuffify.close(Duration.ofSeconds(10))).isTrue();
            assertThat(shuffify.isStarted()).isFalse();
            assertThat(store.executions().listByStatus(ExecutionStatus.RUNNING, 10)).isEmpty();
            assertThat(store.schedules().listLeases()).isEmpty();
            assertThatThrownBy(shuffify::start).isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("closed");
            assertThatThrownBy(() -> shuffify.operations().trigger(s.id())).isInstanceOf(IllegalStateException.class);
        }
    }

    @Test
    void aUserSeesWhichNodeRunsTheirScheduleAndNoOneElses() {
        try (JdbcShuffifyStore store = JdbcShuffifyStore.embedded(dir.resolve("db"))) {
            Shuffify shuffify = shuffify(store);
            Schedule mine = shuffify.schedules().create("alice", ScheduleDefinition.of(
                    JobSpec.builder("count").target("pl-1", "Mix").build(), Trigger.named("hourly")));
            Schedule idle = shuffify.schedules().create("alice", ScheduleDefinition.of(
                    JobSpec.builder("count").target("pl-2", "Other").build(), Trigger.named("hourly")));
            Schedule bobs = shuffify.schedules().create("bob", ScheduleDefinition.of(
                    JobSpec.builder("count").target("pl-3", "Bob's").build(), Trigger.named("hourly")));
            // another node claims alice's first schedule and bob's
            store.schedules().claim(mine.id(), "node-2", clock.instant(), Duration.ofMinutes(5)).orElseThrow();
            store.schedules().claim(bobs.id(), "node-2", clock.instant(), Duration.ofMinutes(5)).orElseThrow();

            List<ScheduleState> states = shuffify.schedules().states("alice");
            assertThat(states).extracting(st -> st.schedule().id()).containsExactly(mine.id(), idle.id());
            assertThat(states.get(0).runningOn()).isEqualTo("node-2");
            assertThat(states.get(0).leaseExpiresAt()).isEqualTo(clock.instant().plus(Duration.ofMinutes(5)));
            assertThat(states.get(1).runningOn()).isNull();
            assertThat(shuffify.schedules().states("carol")).isEmpty();
            assertThat(shuffify.schedules().states("alice")).extracting(ScheduleState::schedule)
                    .isEqualTo(shuffify.schedules().list("alice"));
            shuffify.close();
        }
    }

    @Test
    void operatorsPauseAndResumeAnyonesSchedule() {
        try (JdbcShuffifyStore store = JdbcShuffifyStore.embedded(dir.resolve("db"))) {
            Shuffify shuffify = shuffify(store);
            Schedule s = shuffify.schedules().create("alice", ScheduleDefinition.of(
                    JobSpec.builder("count").target("pl-1", "Mix").build(), Trigger.named("hourly")));

            assertThat(shuffify.operations().pause(s.id()).enabled()).isFalse();
            assertThat(shuffify.operations().jobs()).singleElement().satisfies(j -> assertThat(j.paused()).isTrue());
            clock.advance(Duration.ofHours(3));
            Schedule resumed = shuffify.operations().resume(s.id());
            assertThat(resumed.enabled()).isTrue();
            assertThat(resumed.nextRunAt()).isEqualTo(clock.instant().plus(Duration.ofHours(1)));
            assertThatThrownBy(() -> shuffify.operations().pause("missing")).isInstanceOf(NotFoundException.class);
            shuffify.close();
        }
    }

    @Test
    void closingWithoutStartingIsFineAndIdempotent() {
        Shuffify shuffify = Shuffify.builder().connector(new InMemoryPlaylistService()).autoDiscovery(false).build();

        assertThat(shuffify.close(Duration.ZERO)).isTrue();
        assertThat(shuffify.close(Duration.ZERO)).isTrue();
        shuffify.close();
    }

    @Test
    void schedulerOptionsRejectBadValuesNamingTheSetting() {
        assertThatThrownBy(() -> SchedulerOptions.builder().poolSize(0)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("poolSize");
        assertThatThrownBy(() -> SchedulerOptions.builder().leaseDuration(Duration.ZERO))
                .hasMessageContaining("leaseDuration");
        assertThatThrownBy(() -> SchedulerOptions.builder().jitter(Duration.ofSeconds(-1)))
                .hasMessageContaining("jitter");
        assertThatThrownBy(() -> SchedulerOptions.builder().nodeId(" ")).hasMessageContaining("nodeId");
        assertThatThrownBy(() -> SchedulerOptions.builder().retry(0, Duration.ofMinutes(1), Duration.ofMinutes(2)))
                .hasMessageContaining("maxAttempts");
        assertThatThrownBy(() -> SchedulerOptions.builder().leaseDuration(Duration.ofMinutes(1))
                .heartbeatInterval(Duration.ofMinutes(2)).build()).hasMessageContaining("heartbeatInterval");
        SchedulerOptions defaults = SchedulerOptions.defaults();
        assertThat(defaults.poolSize()).isEqualTo(4);
        assertThat(defaults.nodeId()).startsWith("node-");
        assertThat(defaults.shutdownTimeout()).isEqualTo(Duration.ofSeconds(30));
    }
}
