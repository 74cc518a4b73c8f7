package dev.shuffify;

import dev.shuffify.event.JobEvent;
import dev.shuffify.event.JobListener;
import dev.shuffify.model.Health;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.shuffify.memory.InMemoryPlaylistService;
import dev.shuffify.model.Account;
import dev.shuffify.model.AccountHealth;
import dev.shuffify.model.Execution;
import dev.shuffify.model.JobResult;
import dev.shuffify.model.JobSpec;
import dev.shuffify.model.Schedule;
import dev.shuffify.model.ScheduleDefinition;
import dev.shuffify.model.Track;
import dev.shuffify.model.Trigger;
import dev.shuffify.spi.JobContext;
import dev.shuffify.spi.JobExecutor;
import dev.shuffify.spi.ParamSpec;
import dev.shuffify.spi.PlaylistService;
import dev.shuffify.spi.PlaylistServiceConnector;
import dev.shuffify.spi.RateBudgetUsage;
import dev.shuffify.store.InMemoryShuffifyStore;
import dev.shuffify.store.jdbc.JdbcShuffifyStore;
import dev.shuffify.store.ScheduleStore;
import dev.shuffify.store.ShuffifyStore;
import dev.shuffify.store.StoreException;
import dev.shuffify.testing.TestClock;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@link dev.shuffify.service.OperationsService#health() Shuffify.operations().health()}, {@link dev.shuffify.service.OperationsService#rateBudget() Shuffify.operations().rateBudget()} and listeners added after the build. */
class HealthTest {
    @TempDir
    Path dir;

    private final TestClock clock = TestClock.standard();
    private final InMemoryPlaylistService music = new InMemoryPlaylistService(clock).addUser("alice");

    private Shuffify shuffify(ShuffifyStore store, PlaylistServiceConnector connector) {
        return Shuffify.builder().store(store).connector(connector).clock(clock).autoDiscovery(false)
                .jobType(new ShuffifySchedulerTest.Count()).build();
    }

    private Schedule hourly(Shuffify shuffify) {
        return shuffify.schedules().create("alice", ScheduleDefinition.of(
                JobSpec.builder("count").target("pl-1", "Mix").build(), Trigger.named("hourly")));
    }

    @Test
    void aFreshInstanceIsHealthyWithNothingDueAndNoPollYet() {
        Shuffify shuffify = shuffify(new InMemoryShuffifyStore(), music);

        Health health = shuffify.operations().health();

        assertThat(health.checkedAt()).isEqualTo(clock.instant());
        assertThat(health.storeUp()).isTrue();
        assertThat(health.storeError()).isNull();
        assertThat(health.storeLatency().isNegative()).isFalse();
        assertThat(health.schedulerRunning()).isFalse();
        assertThat(health.lastPollAt()).isNull();
        assertThat(health.lastPollAge()).isNull();
        assertThat(health.dueSchedules()).isZero();
        assertThat(health.oldestDueAt()).isNull();
        assertThat(health.oldestDueAge()).isEqualTo(Duration.ZERO);
        assertThat(health.claimsHeld()).isZero();
        assertThat(health.accounts()).containsOnlyKeys(AccountHealth.values()).allSatisfy((k, v) ->
                assertThat(v).isZero());
    }

    @Test
    void reportsTheDueBacklogAndTheAgeOfItsOldestScheduleOnEveryStore() {
        try (JdbcShuffifyStore h2 = JdbcShuffifyStore.embedded(dir.resolve("db"))) {
            for (ShuffifyStore store : List.of(new InMemoryShuffifyStore(), h2)) {
                Shuffify shuffify = shuffify(store, music);
                Schedule first = hourly(shuffify);
                clock.advance(Duration.ofMinutes(10));
                hourly(shuffify);
                clock.advance(Duration.ofMinutes(80));

                Health health = shuffify.operations().health();

                assertThat(health.dueSchedules()).isEqualTo(2);
                assertThat(health.oldestDueAt()).isEqualTo(first.nextRunAt());
                assertThat(health.oldestDueAge()).isEqualTo(Duration.ofMinutes(30));
            }
        }
    }

    @Test
    void countsAccountsByHealth() {
        ShuffifyStore store = new InMemoryShuffifyStore();
        store.accounts().save(new Account("a", null, AccountHealth.QUARANTINED, 9, "503s", clock.instant()));
        store.accounts().save(new Account("b", null, AccountHealth.NEEDS_LOGIN, 0, "revoked", clock.instant()));
        store.accounts().save(new Account("c", null, AccountHealth.NEEDS_LOGIN, 0, "revoked", clock.instant()));
        store.accounts().save(new Account("d", null, AccountHealth.DEGRADED, 2, "429", clock.instant()));

        Health health = shuffify(store, music).operations().health();

        assertThat(health.quarantinedAccounts()).isEqualTo(1);
        assertThat(health.accountsNeedingLogin()).isEqualTo(2);
        assertThat(health.accounts()).containsEntry(AccountHealth.DEGRADED, 1L).containsEntry(AccountHealth.OK, 0L);
    }

    @Test
    void aStoreThatFailsIsReportedDownWithTheErrorAndNothingIsThrown() {
        ShuffifyStore failing = withFailingSchedules(new InMemoryShuffifyStore(),
                new StoreException("could not measure the due backlog: Connection refused (SQL state 08001)"));
        Shuffify shuffify = shuffify(failing, music);

        Health health = shuffify.operations().health();

        assertThat(health.storeUp()).isFalse();
        assertThat(health.storeError()).isEqualTo("dev.shuffify.store.StoreException: could not measure the due"
                + " backlog: Connection refused (SQL state 08001)");
        assertThat(health.storeLatency().isNegative()).isFalse();
        assertThat(health.dueSchedules()).isZero();
        assertThat(health.oldestDueAge()).as("unknown").isNull();
        assertThat(health.accounts()).isEmpty();
        assertThat(health.quarantinedAccounts()).isZero();
    }

    @Test
    void aClosedDatabaseIsReportedDown() {
        JdbcShuffifyStore store = JdbcShuffifyStore.embedded(dir.resolve("closed"));
        Shuffify shuffify = shuffify(store, music);
        assertThat(shuffify.operations().health().storeUp()).isTrue();

        store.close();

        Health health = shuffify.operations().health();
        assertThat(health.storeUp()).isFalse();
        assertThat(health.storeError()).as("whatever the store throws, named by its class")
                .isEqualTo("java.lang.IllegalStateException: Connection pool has been disposed.");
    }

    @Test
    void theSchedulerIsReportedRunningBetweenStartAndClose() {
        Shuffify shuffify = Shuffify.builder().connector(music).clock(clock).autoDiscovery(false)
                .jobType(new ShuffifySchedulerTest.Count()).scheduler(SchedulerOptions.builder().pollInterval(Duration.ofHours(1))
                        .build()).build();
        shuffify.start();
        assertThat(shuffify.operations().health().schedulerRunning()).isTrue();

        shuffify.close();

        assertThat(shuffify.operations().health().schedulerRunning()).isFalse();
    }

    @Test
    void healthValuesAreValidated() {
        assertThatThrownBy(() -> new Health(clock.instant(), true, Duration.ZERO, "boom", false, null, 0, null, 0,
                Map.of())).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("storeError");
        assertThatThrownBy(() -> new Health(clock.instant(), true, Duration.ofMillis(-1), null, false, null, 0, null,
                0, Map.of())).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("storeLatency");
        assertThatThrownBy(() -> new Health(clock.instant(), true, Duration.ZERO, null, false, null, -1, null, 0,
                Map.of())).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("dueSchedules");
    }

    @Test
    void theRateBudgetComesFromTheConnectorWithoutCallingTheService() {
        assertThat(shuffify(new InMemoryShuffifyStore(), music).operations().rateBudget()).isEmpty();

        RateBudgetUsage usage = new RateBudgetUsage(40, 90, 180, 3);
        PlaylistServiceConnector metered = new PlaylistServiceConnector() {
            @Override
            public PlaylistService connect(String userId) {
                throw new AssertionError("the rate budget must not connect to the service");
            }

            @Override
            public Optional<RateBudgetUsage> rateBudget() {
                return Optional.of(usage);
            }
        };
        assertThat(shuffify(new InMemoryShuffifyStore(), metered).operations().rateBudget()).contains(usage);
        assertThat(usage.utilisation()).isEqualTo(40.0 / 90);
        assertThatThrownBy(() -> new RateBudgetUsage(1, 0, 1, 0)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aListenerAddedAfterTheBuildGetsTheEventsOfLaterRunsUntilRemoved() {
        music.createPlaylist("alice", "pl-1", "Mix", List.of(Track.ofUri("spotify:track:1")));
        Shuffify shuffify = shuffify(new InMemoryShuffifyStore(), music);
        Schedule s = hourly(shuffify);
        List<JobEvent.Type> seen = new ArrayList<>();
        JobListener listener = event -> seen.add(event.type());

        shuffify.operations().addListener(listener);
        Execution run = shuffify.runs().runNow("alice", s.id());

        assertThat(run.tracksTotal()).isEqualTo(1);
        assertThat(seen).containsExactly(JobEvent.Type.STARTED, JobEvent.Type.SUCCEEDED);
        assertThat(shuffify.operations().removeListener(listener)).isTrue();
        shuffify.runs().runNow("alice", s.id());
        assertThat(seen).hasSize(2);
        assertThat(shuffify.operations().removeListener(listener)).isFalse();
    }

    /** A store whose schedule part throws {@code failure} from every call. */
    private static ShuffifyStore withFailingSchedules(ShuffifyStore delegate, RuntimeException failure) {
        ScheduleStore schedules = (ScheduleStore) Proxy.newProxyInstance(HealthTest.class.getClassLoader(),
                new Class<?>[] {ScheduleStore.class}, (proxy, method, args) -> {
                    throw failure;
                });
        return (ShuffifyStore) Proxy.newProxyInstance(HealthTest.class.getClassLoader(),
                new Class<?>[] {ShuffifyStore.class}, (proxy, method, args) -> {
                    if (method.getName().equals("schedules")) {
                        return schedules;
                    }
                    try {
                        return method.invoke(delegate, args);
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    }
                });
    }
}
