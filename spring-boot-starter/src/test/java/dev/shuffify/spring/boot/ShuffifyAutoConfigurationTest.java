package dev.shuffify.spring.boot;

import static org.assertj.core.api.Assertions.assertThat;

import dev.shuffify.event.JobEvent;
import dev.shuffify.event.JobListener;
import dev.shuffify.SchedulerOptions;
import dev.shuffify.Shuffify;
import dev.shuffify.memory.InMemoryPlaylistService;
import dev.shuffify.micrometer.ShuffifyMetrics;
import dev.shuffify.model.JobSpec;
import dev.shuffify.model.Schedule;
import dev.shuffify.model.ScheduleDefinition;
import dev.shuffify.model.Track;
import dev.shuffify.model.Trigger;
import dev.shuffify.spi.PlaylistServiceConnector;
import dev.shuffify.spotify.ApiDialect;
import dev.shuffify.spotify.SpotifyConnector;
import dev.shuffify.spotify.TokenCipher;
import dev.shuffify.store.InMemoryShuffifyStore;
import dev.shuffify.store.jdbc.JdbcShuffifyStore;
import dev.shuffify.store.ShuffifyStore;
import dev.shuffify.testkit.TestClock;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.actuate.endpoint.SanitizableData;
import org.springframework.boot.actuate.endpoint.SanitizingFunction;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.health.contributor.Status;
import org.springframework.boot.micrometer.metrics.autoconfigure.MetricsAutoConfiguration;
import org.springframework.boot.micrometer.metrics.autoconfigure.export.simple.SimpleMetricsExportAutoConfiguration;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The starter's auto-configuration: each property, each condition, start-up failures, lifecycle. */
class ShuffifyAutoConfigurationTest {
    private static final String SECRET = "s3cr3t-client-secret-value";
    private static final String KEY = Base64.getEncoder().encodeToString(new byte[32]);

    /**
     * Each test's folder for the embedded store, under target/ (not a JUnit temporary folder: H2 may still be
     * finishing its file when the context has closed, and the folder's deletion would then fail the test).
     */
    private Path dir;

    @BeforeEach
    void newFolder() throws IOException {
        Path root = Files.createDirectories(Path.of("target", "boot-test-stores"));
        dir = Files.createTempDirectory(root, "store");
    }

    private ApplicationContextRunner runner() {
        return new ApplicationContextRunner()
                .withConfiguration(AutoConfigurations.of(ShuffifyAutoConfiguration.class,
                        ShuffifyHealthAutoConfiguration.class, ShuffifyMetricsAutoConfiguration.class,
                        ShuffifySanitizingAutoConfiguration.class))
                .withPropertyValues("shuffify.store.path=" + dir.resolve("db"));
    }

    /** A music service in memory, as a demo host would define it. */
    @Configuration(proxyBeanMethods = false)
    static class Music {
        @Bean
        InMemoryPlaylistService music() {
            InMemoryPlaylistService music = new InMemoryPlaylistService().addUser("alice");
            music.createPlaylist("alice", "pl-1", "Mix", List.of(Track.ofUri("spotify:track:1"),
                    Track.ofUri("spotify:track:2"), Track.ofUri("spotify:track:3")));
            return music;
        }
    }

    /** A clock the test moves, and a listener that counts finished runs. */
    @Configuration(proxyBeanMethods = false)
    static class ClockAndListener {
        final CountDownLatch succeeded = new CountDownLatch(1);
        final List<JobEvent> events = new CopyOnWriteArrayList<>();

        @Bean
        TestClock clock() {
            return TestClock.standard();
        }

        @Bean
        JobListener recorder() {
            return event -> {
                events.add(event);
                if (event.type() == JobEvent.Type.SUCCEEDED) {
                    succeeded.countDown();
                }
            };
        }
    }

    // ---- the acceptance case: the starter, two properties, a schedule run by the scheduler ------------------

    @Test
    void theStarterAndTwoPropertiesRunSchedulesOnTheEmbeddedStoreAndStopCleanlyWithTheContext() throws Exception {
        ClockAndListener probe = new ClockAndListener();
        Shuffify[] seen = new Shuffify[1];
        runner().withUserConfiguration(Music.class).withBean(TestClock.class, probe::clock)
                .withBean(JobListener.class, probe::recorder)
                .withPropertyValues("shuffify.scheduler.poll-interval=50ms").run(context -> {
                    assertThat(context).hasNotFailed();
                    Shuffify shuffify = context.getBean(Shuffify.class);
                    seen[0] = shuffify;
                    assertThat(context.getBean(ShuffifyStore.class)).isInstanceOf(JdbcShuffifyStore.class);
                    assertThat(Files.exists(dir.resolve("db.mv.db"))).isTrue();
                    assertThat(shuffify.isStarted()).as("started with the context").isTrue();
                    Schedule s = shuffify.schedules().create("alice", ScheduleDefinition.of(
                            JobSpec.builder("shuffle").target("pl-1", "Mix").algorithm("basic").build(),
                            Trigger.named("hourly")));

                    context.getBean(TestClock.class).advance(Duration.ofMinutes(61));

                    assertThat(probe.succeeded.await(30, TimeUnit.SECONDS)).as("the scheduler ran it").isTrue();
                    assertThat(shuffify.runs().history("alice", s.id(), 5)).hasSize(1);
                });
        assertThat(seen[0].isStarted()).as("closed with the context").isFalse();
        assertThat(seen[0].operations().health().storeUp()).as("the embedded store was closed with the context").isFalse();
        try (JdbcShuffifyStore reopened = JdbcShuffifyStore.embedded(dir.resolve("db"))) {
            assertThat(reopened.executions().countByStatus()).as("no run left running")
                    .containsOnlyKeys(dev.shuffify.model.ExecutionStatus.SUCCESS);
        }
    }

    // ---- properties ----------------------------------------------------------------------------------------

    @Test
    void everySchedulerPropertyReachesTheOptions() {
        runner().withUserConfiguration(Music.class).withPropertyValues("shuffify.scheduler.enabled=false",
                "shuffify.scheduler.node-id=web-7", "shuffify.scheduler.pool-size=6",
                "shuffify.scheduler.batch-size=9", "shuffify.scheduler.claim-ahead=3",
                "shuffify.scheduler.poll-interval=2s", "shuffify.scheduler.lease-duration=10m",
                "shuffify.scheduler.heartbeat-interval=30s", "shuffify.scheduler.misfire-threshold=5m",
                "shuffify.scheduler.jitter=15s", "shuffify.scheduler.shutdown-timeout=12s",
                "shuffify.scheduler.retry-max-attempts=5", "shuffify.scheduler.retry-initial-backoff=2m",
                "shuffify.scheduler.retry-max-backoff=1h", "shuffify.scheduler.retry-all-failures=true")
                .run(context -> {
                    SchedulerOptions expected = SchedulerOptions.builder().nodeId("web-7").poolSize(6).batchSize(9)
                            .claimAhead(3).pollInterval(Duration.ofSeconds(2)).leaseDuration(Duration.ofMinutes(10))
                            .heartbeatInterval(Duration.ofSeconds(30)).misfireThreshold(Duration.ofMinutes(5))
                            .jitter(Duration.ofSeconds(15)).shutdownTimeout(Duration.ofSeconds(12))
                            .retry(5, Duration.ofMinutes(2), Duration.ofHours(1)).retryAllFailures(true).build();
                    assertThat(context.getBean(SchedulerOptions.class)).hasToString(expected.toString());
                    assertThat(context.getBean(Shuffify.class).isStarted()).as("scheduler.enabled=false")
                            .isFalse();
                    assertThat(context.getBean(ShuffifyLifecycle.class).closeTimeout())
                            .isEqualTo(Duration.ofSeconds(12));
                });
    }

    @Test
    void unsetSchedulerPropertiesKeepTheLibraryDefaults() {
        runner().withUserConfiguration(Music.class).withPropertyValues("shuffify.scheduler.node-id=n1")
                .run(context -> assertThat(context.getBean(SchedulerOptions.class))
                        .hasToString(SchedulerOptions.builder().nodeId("n1").build().toString()));
    }

    @Test
    void closingNeverWaitsLongerThanTheShutdownPhase() {
        runner().withUserConfiguration(Music.class)
                .withPropertyValues("spring.lifecycle.timeout-per-shutdown-phase=10s")
                .run(context -> assertThat(context.getBean(ShuffifyLifecycle.class).closeTimeout())
                        .as("30 s by default, bounded by the phase less a second").isEqualTo(Duration.ofSeconds(9)));
    }

    @Test
    void theStoreTypeChoosesTheStore() {
        runner().withUserConfiguration(Music.class).withPropertyValues("shuffify.store.type=memory")
                .run(context -> assertThat(context.getBean(ShuffifyStore.class))
                        .isInstanceOf(InMemoryShuffifyStore.class));
        JdbcDataSource h2 = new JdbcDataSource();
        h2.setURL("jdbc:h2:mem:host;DB_CLOSE_DELAY=-1");
        runner().withUserConfiguration(Music.class).withBean(javax.sql.DataSource.class, () -> h2)
                .withPropertyValues("shuffify.store.type=datasource").run(context -> {
                    assertThat(context.getBean(ShuffifyStore.class)).isInstanceOf(JdbcShuffifyStore.class);
                    try (var c = h2.getConnection(); var rs = c.getMetaData().getTables(null, null,
                            "SHUFFIFY_SCHEDULES", null)) {
                        assertThat(rs.next()).as("the tables are in the application's database").isTrue();
                    }
                    assertThat(Files.exists(dir.resolve("db.mv.db"))).isFalse();
                });
    }

    @Test
    void theDatasourceStoreWithoutADataSourceFailsNamingTheProperty() {
        runner().withUserConfiguration(Music.class).withPropertyValues("shuffify.store.type=datasource")
                .run(context -> assertThat(context).getFailure().rootCause()
                        .hasMessageContaining("shuffify.store.type").hasMessageContaining("DataSource"));
    }

    @Test
    void pluginPropertiesChooseHowPluginsAreFound() {
        runner().withUserConfiguration(Music.class).run(context -> assertThat(context.getBean(Shuffify.class)
                .plugins().jobTypes()).contains("raid", "shuffle", "rotate", "raid_and_shuffle"));
        runner().withUserConfiguration(Music.class).withPropertyValues("shuffify.plugins.auto-discovery=false")
                .withBean(dev.shuffify.spi.JobExecutor.class, dev.shuffify.executor.shuffle.ShuffleExecutor::new)
                .run(context -> assertThat(context.getBean(Shuffify.class).plugins().jobTypes()).containsExactly("shuffle"));
        runner().withUserConfiguration(Music.class)
                .withPropertyValues("shuffify.plugins.jars=" + dir.resolve("missing.jar"))
                .run(context -> assertThat(context).getFailure().rootCause()
                        .hasMessageContaining("shuffify.plugins.jars").hasMessageContaining("no such jar file"));
    }

    @Test
    void spotifyPropertiesMakeTheSpotifyConnector() {
        runner().withPropertyValues("shuffify.spotify.client-id=app-1", "shuffify.spotify.client-secret=" + SECRET,
                "shuffify.spotify.token-key=" + KEY, "shuffify.spotify.dialect=tracks",
                "shuffify.spotify.requests-per-window=77", "shuffify.spotify.job-deadline=40m").run(context -> {
                    assertThat(context).hasNotFailed();
                    SpotifyConnector connector = context.getBean(SpotifyConnector.class);
                    assertThat(connector.config().clientId()).isEqualTo("app-1");
                    assertThat(connector.config().dialect()).isEqualTo(ApiDialect.TRACKS);
                    assertThat(connector.config().requestsPerWindow()).isEqualTo(77);
                    assertThat(connector.config().jobDeadline()).isEqualTo(java.time.Duration.ofMinutes(40));
                    assertThat(context.getBean(Shuffify.class).operations().rateBudget()).isPresent();
                    assertThat(context.getBean(ShuffifyProperties.class).toString()).doesNotContain(SECRET, KEY)
                            .contains("app-1");
                    assertThat(connector.toString()).doesNotContain(SECRET);
                });
    }

    // ---- start-up failures -----------------------------------------------------------------------------------

    @Test
    void aBadPropertyValueFailsStartUpNamingTheProperty() {
        runner().withUserConfiguration(Music.class).withPropertyValues("shuffify.scheduler.pool-size=0")
                .run(context -> assertThat(context).getFailure().rootCause()
                        .hasMessageContaining("shuffify.scheduler.pool-size")
                        .hasMessageContaining("poolSize must be at least 1, was 0"));
        runner().withUserConfiguration(Music.class).withPropertyValues("shuffify.scheduler.poll-interval=0s")
                .run(context -> assertThat(context).getFailure().rootCause()
                        .hasMessageContaining("shuffify.scheduler.poll-interval"));
        runner().withUserConfiguration(Music.class).withPropertyValues("shuffify.scheduler.pool-size=many")
                .run(context -> assertThat(messages(context.getStartupFailure()))
                        .contains("Failed to bind properties under 'shuffify.scheduler.pool-size'"));
        runner().withUserConfiguration(Music.class).withPropertyValues("shuffify.store.type=cloud")
                .run(context -> assertThat(messages(context.getStartupFailure()))
                        .contains("Failed to bind properties under 'shuffify.store.type'"));
        runner().withPropertyValues("shuffify.spotify.client-id=app-1", "shuffify.spotify.client-secret=" + SECRET,
                "shuffify.spotify.token-key=" + KEY, "shuffify.spotify.job-deadline=-5m")
                .run(context -> assertThat(context).getFailure().rootCause()
                        .hasMessageContaining("shuffify.spotify.job-deadline").hasMessageContaining("jobDeadline"));
    }

    @Test
    void aBadTokenKeyFailsNamingThePropertyWithoutShowingTheKey() {
        String badKey = Base64.getEncoder().encodeToString("too-short-key".getBytes());
        runner().withPropertyValues("shuffify.spotify.client-id=app-1", "shuffify.spotify.client-secret=" + SECRET,
                "shuffify.spotify.token-key=" + badKey).run(context -> {
                    Throwable failure = context.getStartupFailure();
                    assertThat(failure).isNotNull();
                    assertThat(failure).rootCause().hasMessageContaining("shuffify.spotify.token-key");
                    for (Throwable t = failure; t != null; t = t.getCause()) {
                        assertThat(String.valueOf(t.getMessage())).doesNotContain(badKey, SECRET);
                    }
                });
        runner().withPropertyValues("shuffify.spotify.client-id=app-1", "shuffify.spotify.token-key=" + KEY)
                .run(context -> assertThat(context).getFailure().rootCause()
                        .hasMessageContaining("shuffify.spotify.client-secret"));
    }

    @Test
    void withoutAConnectorStartUpSaysWhatToConfigure() {
        runner().run(context -> assertThat(context).getFailure().rootCause()
                .hasMessageContaining("shuffify.spotify.client-id")
                .hasMessageContaining("PlaylistServiceConnector bean"));
    }

    // ---- conditions ------------------------------------------------------------------------------------------

    @Test
    void everyBeanGivesWayToTheApplicationsOwn() {
        InMemoryShuffifyStore store = new InMemoryShuffifyStore();
        SchedulerOptions options = SchedulerOptions.builder().nodeId("mine").build();
        runner().withUserConfiguration(Music.class).withBean(ShuffifyStore.class, () -> store)
                .withBean(SchedulerOptions.class, () -> options).run(context -> {
                    assertThat(context.getBean(Shuffify.class).store()).isSameAs(store);
                    assertThat(context.getBean(SchedulerOptions.class)).isSameAs(options);
                    assertThat(Files.exists(dir.resolve("db.mv.db"))).isFalse();
                });
        InMemoryPlaylistService music = new InMemoryPlaylistService();
        Shuffify own = Shuffify.builder().connector(music).build();
        ShuffifyLifecycle lifecycle = new ShuffifyLifecycle(own, false, Duration.ZERO, Duration.ofSeconds(5));
        HealthIndicator indicator = () -> org.springframework.boot.health.contributor.Health.unknown().build();
        runner().withBean(Shuffify.class, () -> own).withBean(ShuffifyLifecycle.class, () -> lifecycle)
                .withBean("shuffifyHealthIndicator", HealthIndicator.class, () -> indicator)
                .withBean(SimpleMeterRegistry.class, SimpleMeterRegistry::new)
                .withBean(ShuffifyMetrics.class, () -> new ShuffifyMetrics(own)).run(context -> {
                    assertThat(context).hasNotFailed();
                    assertThat(context.getBean(Shuffify.class)).isSameAs(own);
                    assertThat(context.getBean(ShuffifyLifecycle.class)).isSameAs(lifecycle);
                    assertThat(context.getBean("shuffifyHealthIndicator")).isSameAs(indicator);
                    assertThat(context).hasSingleBean(ShuffifyMetrics.class);
                    assertThat(context).doesNotHaveBean(SpotifyConnector.class);
                });
        TokenCipher cipher = TokenCipher.ofKey(new byte[16]);
        runner().withBean(TokenCipher.class, () -> cipher).withPropertyValues("shuffify.spotify.client-id=app-1",
                "shuffify.spotify.client-secret=" + SECRET).run(context -> {
                    assertThat(context).hasNotFailed();
                    assertThat(context.getBean(TokenCipher.class)).isSameAs(cipher);
                    assertThat(context).hasSingleBean(SpotifyConnector.class);
                });
        runner().withUserConfiguration(Music.class).withPropertyValues("shuffify.spotify.client-id=app-1",
                "shuffify.spotify.client-secret=" + SECRET, "shuffify.spotify.token-key=" + KEY).run(context -> {
                    assertThat(context).doesNotHaveBean(SpotifyConnector.class);
                    assertThat(context).getBean(PlaylistServiceConnector.class)
                            .isInstanceOf(InMemoryPlaylistService.class);
                });
    }

    @Test
    void theHealthIndicatorReportsTheFacadesHealthUnlessTurnedOff() {
        runner().withUserConfiguration(Music.class).run(context -> {
            org.springframework.boot.health.contributor.Health health = context
                    .getBean("shuffifyHealthIndicator", HealthIndicator.class).health();
            assertThat(health.getStatus()).isEqualTo(Status.UP);
            assertThat(health.getDetails()).containsEntry("dueSchedules", 0L).containsEntry("schedulerRunning", true)
                    .containsKeys("storeLatency", "claimsHeld", "accounts", "oldestDueAge");
            context.getBean(JdbcShuffifyStore.class).close();
            org.springframework.boot.health.contributor.Health down = context
                    .getBean("shuffifyHealthIndicator", HealthIndicator.class).health();
            assertThat(down.getStatus()).isEqualTo(Status.DOWN);
            assertThat(down.getDetails()).containsKey("storeError");
        });
        runner().withUserConfiguration(Music.class).withPropertyValues("management.health.shuffify.enabled=false")
                .run(context -> assertThat(context).doesNotHaveBean(ShuffifyHealthIndicator.class));
        runner().withUserConfiguration(Music.class).withClassLoader(new FilteredClassLoader(HealthIndicator.class))
                .run(context -> {
                    assertThat(context).hasNotFailed();
                    assertThat(context).doesNotHaveBean("shuffifyHealthIndicator");
                });
    }

    @Test
    void theBinderIsRegisteredOnlyWhenAMeterRegistryExistsAndBoundByBootsMetrics() {
        runner().withUserConfiguration(Music.class)
                .run(context -> assertThat(context).doesNotHaveBean(ShuffifyMetrics.class));
        runner().withUserConfiguration(Music.class).withClassLoader(new FilteredClassLoader(MeterRegistry.class))
                .run(context -> {
                    assertThat(context).hasNotFailed();
                    assertThat(context).doesNotHaveBean(ShuffifyMetrics.class);
                });
        new ApplicationContextRunner()
                .withConfiguration(AutoConfigurations.of(MetricsAutoConfiguration.class,
                        SimpleMetricsExportAutoConfiguration.class, ShuffifyAutoConfiguration.class,
                        ShuffifyMetricsAutoConfiguration.class))
                .withUserConfiguration(Music.class).withPropertyValues("shuffify.store.type=memory")
                .run(context -> {
                    assertThat(context).hasSingleBean(ShuffifyMetrics.class);
                    MeterRegistry registry = context.getBean(MeterRegistry.class);
                    assertThat(registry.find(ShuffifyMetrics.BACKLOG).gauge()).isNotNull();
                    Shuffify shuffify = context.getBean(Shuffify.class);
                    Schedule s = shuffify.schedules().create("alice", ScheduleDefinition.of(
                            JobSpec.builder("shuffle").target("pl-1", "Mix").algorithm("basic").build(),
                            Trigger.named("daily")));
                    shuffify.runs().runNow("alice", s.id());
                    assertThat(registry.get(ShuffifyMetrics.EXECUTIONS).tags("job.type", "shuffle", "status",
                            "success").timer().count()).isEqualTo(1);
                });
    }

    @Test
    void actuatorNeverShowsTheSecretOrTheKey() {
        runner().withUserConfiguration(Music.class).run(context -> {
            SanitizingFunction sanitizer = context.getBean("shuffifySecretsSanitizer", SanitizingFunction.class);
            for (String key : List.of("shuffify.spotify.client-secret", "shuffify.spotify.token-key",
                    "SHUFFIFY_SPOTIFY_CLIENT_SECRET", "spotify.clientSecret", "spotify.tokenKey")) {
                SanitizableData data = sanitizer.apply(new SanitizableData(null, key, SECRET));
                assertThat(data.getValue()).as(key).isEqualTo(SanitizableData.SANITIZED_VALUE);
            }
            SanitizableData id = sanitizer.apply(new SanitizableData(null, "shuffify.spotify.client-id", "app-1"));
            assertThat(id.getValue()).isEqualTo("app-1");
        });
    }

    /** The messages of a failure and its causes. */
    private static String messages(Throwable failure) {
        assertThat(failure).as("start-up failed").isNotNull();
        StringBuilder all = new StringBuilder();
        for (Throwable t = failure; t != null; t = t.getCause()) {
            all.append(t.getMessage()).append('\n');
        }
        return all.toString();
    }

    @Test
    void aClockBeanIsTheFacadesClock() {
        TestClock clock = TestClock.standard();
        runner().withUserConfiguration(Music.class).withBean(Clock.class, () -> clock)
                .run(context -> assertThat(context.getBean(Shuffify.class).clock()).isSameAs(clock));
    }
}
