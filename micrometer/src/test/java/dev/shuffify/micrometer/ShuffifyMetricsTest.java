package dev.shuffify.micrometer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.shuffify.error.JobExecutionException;
import dev.shuffify.Shuffify;
import dev.shuffify.memory.InMemoryPlaylistService;
import dev.shuffify.model.Account;
import dev.shuffify.model.AccountHealth;
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
import dev.shuffify.testkit.TestClock;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.Tag;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The binder in a plain Java host: a facade, a {@link SimpleMeterRegistry}, no Spring. */
class ShuffifyMetricsTest {
    @TempDir
    Path dir;

    private final TestClock clock = TestClock.standard();
    private final InMemoryPlaylistService music = new InMemoryPlaylistService(clock).addUser("alice");
    private final InMemoryShuffifyStore store = new InMemoryShuffifyStore();
    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();

    /** Adds and removes what it is told, taking the time it is told on the test clock; fails when told to. */
    final class Edit implements JobExecutor {
        @Override
        public String type() {
            return "edit";
        }

        @Override
        public String description() {
            return "reports the edits it is given";
        }

        @Override
        public List<ParamSpec> parameters() {
            return List.of(ParamSpec.integer("added", "tracks added"), ParamSpec.integer("removed", "tracks removed"),
                    ParamSpec.integer("seconds", "how long it runs"), ParamSpec.bool("fail", "fail instead"));
        }

        @Override
        public JobResult execute(JobContext context) {
            clock.advance(Duration.ofSeconds(context.params().getInt("seconds", 0)));
            if (context.params().getBoolean("fail", false)) {
                throw new JobExecutionException("told to fail", null, null);
            }
            return JobResult.of(context.params().getInt("added", 0), context.params().getInt("removed", 0), 10);
        }
    }

    private Shuffify shuffify(PlaylistServiceConnector connector) {
        return Shuffify.builder().store(store).connector(connector).clock(clock).autoDiscovery(false)
                .jobType(new Edit()).build();
    }

    private Schedule edit(Shuffify shuffify, String type, int added, int removed, int seconds, boolean fail) {
        music.createPlaylist("alice", "pl-" + added + removed + seconds + fail + type.length(), "Mix",
                List.of(Track.ofUri("spotify:track:1")));
        return shuffify.schedules().create("alice", ScheduleDefinition.of(JobSpec.builder(type)
                .target("pl-" + added + removed + seconds + fail + type.length(), "Mix")
                .param("added", added).param("removed", removed).param("seconds", seconds).param("fail", fail)
                .build(), Trigger.named("hourly")));
    }

    @Test
    void timesExecutionsByJobTypeStatusAndTriggerAndCountsTracks() throws Exception {
        Shuffify shuffify = shuffify(music);
        new ShuffifyMetrics(shuffify).bindTo(registry);

        shuffify.runs().runNow("alice", edit(shuffify, "edit", 3, 1, 4, false).id());
        shuffify.runs().runNow("alice", edit(shuffify, "edit", 2, 0, 6, false).id());
        Schedule failing = edit(shuffify, "edit", 0, 0, 1, true);
        assertThatThrownBy(() -> shuffify.runs().runNow("alice", failing.id()))
                .isInstanceOf(JobExecutionException.class);
        shuffify.operations().trigger(edit(shuffify, "edit", 1, 1, 2, false).id()).orElseThrow().get(10,
                TimeUnit.SECONDS);

        Timer manual = registry.get(ShuffifyMetrics.EXECUTIONS)
                .tags("job.type", "edit", "status", "success", "trigger", "manual").timer();
        assertThat(manual.count()).isEqualTo(3);
        assertThat(manual.totalTime(TimeUnit.SECONDS)).isEqualTo(12.0);
        assertThat(registry.get(ShuffifyMetrics.EXECUTIONS).tags("status", "failed").timer().count()).isEqualTo(1);
        assertThat(registry.get(ShuffifyMetrics.TRACKS_ADDED).tags("job.type", "edit").counter().count())
                .isEqualTo(6.0);
        assertThat(registry.get(ShuffifyMetrics.TRACKS_REMOVED).tags("job.type", "edit").counter().count())
                .isEqualTo(2.0);
    }

    @Test
    void tagValuesAreBoundedNoIdsAndUnknownJobTypesAreOther() {
        Shuffify shuffify = shuffify(music);
        new ShuffifyMetrics(shuffify).bindTo(registry);
        Schedule chain = edit(shuffify, "edit+edit", 1, 0, 0, false);

        shuffify.runs().runNow("alice", chain.id());

        assertThat(registry.get(ShuffifyMetrics.EXECUTIONS).tags("job.type", "other").timer().count())
                .as("an ad-hoc chain is not one of the facade's job types").isEqualTo(1);
        String target = chain.job().target().id();
        for (Meter meter : registry.getMeters()) {
            assertThat(meter.getId().getName()).startsWith("shuffify.");
            for (Tag tag : meter.getId().getTags()) {
                assertThat(tag.getValue()).isNotIn("alice", chain.id(), target);
                assertThat(tag.getKey()).isIn("job.type", "status", "trigger", "health");
            }
        }
    }

    @Test
    void gaugesReadOneHealthCheckPerRefreshOnTheFacadesClock() {
        Shuffify shuffify = shuffify(music);
        new ShuffifyMetrics(shuffify, Tags.of("node", "web-1"), Duration.ofSeconds(10)).bindTo(registry);
        edit(shuffify, "edit", 0, 0, 0, false);
        edit(shuffify, "edit", 1, 0, 0, false);
        store.accounts().save(new Account("alice", null, AccountHealth.QUARANTINED, 9, "503s", clock.instant()));

        assertThat(gauge(ShuffifyMetrics.BACKLOG)).isZero();
        assertThat(gauge(ShuffifyMetrics.STORE_UP)).isEqualTo(1.0);
        assertThat(registry.get(ShuffifyMetrics.ACCOUNTS).tags("health", "quarantined", "node", "web-1").gauge()
                .value()).isEqualTo(1.0);
        assertThat(registry.get(ShuffifyMetrics.ACCOUNTS).tags("health", "ok").gauge().value()).isZero();
        assertThat(gauge(ShuffifyMetrics.LEASES_HELD)).isZero();
        assertThat(gauge(ShuffifyMetrics.LAST_POLL_AGE)).as("never polled").isNaN();

        clock.advance(Duration.ofMinutes(90));
        store.accounts().save(new Account("bob", null, AccountHealth.NEEDS_LOGIN, 0, "revoked", clock.instant()));

        assertThat(gauge(ShuffifyMetrics.BACKLOG)).isEqualTo(2.0);
        assertThat(registry.get(ShuffifyMetrics.BACKLOG_AGE).timeGauge().value(TimeUnit.MINUTES)).isEqualTo(30.0);
        assertThat(registry.get(ShuffifyMetrics.ACCOUNTS).tags("health", "needs_login").gauge().value())
                .isEqualTo(1.0);
        store.accounts().save(new Account("carol", null, AccountHealth.NEEDS_LOGIN, 0, "revoked", clock.instant()));
        clock.advance(Duration.ofSeconds(9));
        assertThat(registry.get(ShuffifyMetrics.ACCOUNTS).tags("health", "needs_login").gauge().value())
                .as("within the refresh interval the last check serves").isEqualTo(1.0);
        clock.advance(Duration.ofSeconds(1));
        assertThat(registry.get(ShuffifyMetrics.ACCOUNTS).tags("health", "needs_login").gauge().value())
                .isEqualTo(2.0);
    }

    @Test
    void whileTheStoreIsDownItsGaugesReadNaN() {
        JdbcShuffifyStore db = JdbcShuffifyStore.embedded(dir.resolve("db"));
        Shuffify shuffify = Shuffify.builder().store(db).connector(music).clock(clock).autoDiscovery(false)
                .jobType(new Edit()).build();
        new ShuffifyMetrics(shuffify, Tags.empty(), Duration.ZERO).bindTo(registry);
        assertThat(gauge(ShuffifyMetrics.STORE_UP)).isEqualTo(1.0);

        db.close();

        assertThat(gauge(ShuffifyMetrics.STORE_UP)).isZero();
        assertThat(gauge(ShuffifyMetrics.BACKLOG)).isNaN();
        assertThat(registry.get(ShuffifyMetrics.BACKLOG_AGE).timeGauge().value()).isNaN();
        assertThat(registry.get(ShuffifyMetrics.ACCOUNTS).tags("health", "ok").gauge().value()).isNaN();
        assertThat(registry.get(ShuffifyMetrics.STORE_LATENCY).timeGauge().value()).isNotNegative();
    }

    @Test
    void theRateBudgetIsMeteredWhenTheConnectorKeepsOne() {
        new ShuffifyMetrics(shuffify(music)).bindTo(registry);
        assertThat(registry.find(ShuffifyMetrics.RATE_BUDGET_IN_USE).gauge()).as("the in-memory service has none")
                .isNull();

        AtomicReference<RateBudgetUsage> usage = new AtomicReference<>(new RateBudgetUsage(12, 90, 180, 2));
        PlaylistServiceConnector metered = new PlaylistServiceConnector() {
            @Override
            public PlaylistService connect(String userId) {
                return music.connect(userId);
            }

            @Override
            public Optional<RateBudgetUsage> rateBudget() {
                return Optional.of(usage.get());
            }
        };
        SimpleMeterRegistry other = new SimpleMeterRegistry();
        new ShuffifyMetrics(shuffify(metered)).bindTo(other);

        assertThat(other.get(ShuffifyMetrics.RATE_BUDGET_IN_USE).gauge().value()).isEqualTo(12.0);
        assertThat(other.get(ShuffifyMetrics.RATE_BUDGET_LIMIT).gauge().value()).isEqualTo(90.0);
        assertThat(other.get(ShuffifyMetrics.RATE_LIMITED).functionCounter().count()).isEqualTo(2.0);
        usage.set(new RateBudgetUsage(30, 45, 180, 5));
        assertThat(other.get(ShuffifyMetrics.RATE_BUDGET_LIMIT).gauge().value()).isEqualTo(45.0);
        assertThat(other.get(ShuffifyMetrics.RATE_LIMITED).functionCounter().count()).isEqualTo(5.0);
    }

    @Test
    void closeStopsCountingRuns() {
        Shuffify shuffify = shuffify(music);
        ShuffifyMetrics metrics = new ShuffifyMetrics(shuffify);
        metrics.bindTo(registry);
        Schedule s = edit(shuffify, "edit", 1, 0, 0, false);
        shuffify.runs().runNow("alice", s.id());

        metrics.close();
        shuffify.runs().runNow("alice", s.id());

        assertThat(registry.get(ShuffifyMetrics.EXECUTIONS).timer().count()).isEqualTo(1);
        assertThatThrownBy(() -> metrics.bindTo(new SimpleMeterRegistry())).isInstanceOf(IllegalStateException.class);
    }

    private double gauge(String name) {
        Meter meter = registry.get(name).meter();
        return meter.measure().iterator().next().getValue();
    }
}
