package dev.shuffify.testing;

import dev.shuffify.testkit.TestClock;
import dev.shuffify.testkit.HarnessRun;
import dev.shuffify.testkit.ExecutorHarness;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.IThrowableProxy;
import ch.qos.logback.core.read.ListAppender;
import dev.shuffify.event.JobEvent;
import dev.shuffify.error.JobExecutionException;
import dev.shuffify.error.NotFoundException;
import dev.shuffify.error.PlaylistServiceException;
import dev.shuffify.Shuffify;
import dev.shuffify.ShuffifyBuilder;
import dev.shuffify.error.ShuffifyException;
import dev.shuffify.memory.Fault;
import dev.shuffify.memory.InMemoryPlaylistService;
import dev.shuffify.memory.Operation;
import dev.shuffify.model.Account;
import dev.shuffify.model.AccountHealth;
import dev.shuffify.model.Activity;
import dev.shuffify.model.ActivityType;
import dev.shuffify.model.Execution;
import dev.shuffify.model.ExecutionStatus;
import dev.shuffify.model.JobResult;
import dev.shuffify.model.JobSpec;
import dev.shuffify.model.Membership;
import dev.shuffify.model.Schedule;
import dev.shuffify.model.ScheduleDefinition;
import dev.shuffify.model.Snapshot;
import dev.shuffify.model.SnapshotType;
import dev.shuffify.model.Track;
import dev.shuffify.model.Trigger;
import dev.shuffify.model.TriggerSource;
import dev.shuffify.model.UserSettings;
import dev.shuffify.spi.JobContext;
import dev.shuffify.spi.JobExecutor;
import dev.shuffify.spi.ParamSpec;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

/** Branches of the execution lifecycle (SPEC §4) beyond the basic ones in {@link EngineLifecycleTest}. */
class EngineBranchesTest {

    static final String USER = "alice";

    final TestClock clock = TestClock.standard();
    final InMemoryPlaylistService music = new InMemoryPlaylistService(clock);
    final FailingStore failing = new FailingStore();
    final List<JobEvent> events = new CopyOnWriteArrayList<>();

    static List<Track> tracks(int n) {
        return EngineLifecycleTest.tracks(n);
    }

    static List<String> uris(List<Track> tracks) {
        return EngineLifecycleTest.uris(tracks);
    }

    Shuffify facade(JobExecutor... jobs) {
        ShuffifyBuilder b = Shuffify.builder().connector(music).clock(clock).store(failing.store())
                .autoDiscovery(false).seed(7).listener(events::add);
        for (JobExecutor job : jobs) {
            b.jobType(job);
        }
        return b.build();
    }

    static Schedule schedule(Shuffify shuffify, JobSpec spec) {
        return shuffify.schedules().create(USER, ScheduleDefinition.of(spec, Trigger.named("daily")));
    }

    static JobSpec on(String type, String playlistId) {
        return JobSpec.builder(type).target(playlistId, "Mix").build();
    }

    List<JobEvent.Type> eventTypes() {
        return events.stream().map(JobEvent::type).toList();
    }

    /** A job type made of a function. */
    static final class Lambda implements JobExecutor {
        private final String type;
        private final Function<JobContext, JobResult> work;
        private final List<ParamSpec> parameters;

        Lambda(String type, Function<JobContext, JobResult> work, ParamSpec... parameters) {
            this.type = type;
            this.work = work;
            this.parameters = List.of(parameters);
        }

        @Override
        public String type() {
            return type;
        }

        @Override
        public String description() {
            return "test job " + type;
        }

        @Override
        public List<ParamSpec> parameters() {
            return parameters;
        }

        @Override
        public JobResult execute(JobContext context) {
            return work.apply(context);
        }
    }

    /** Another job type's behaviour under a new name and snapshot type. */
    static final class Renamed implements JobExecutor {
        private final String type;
        private final SnapshotType snapshotType;
        private final JobExecutor delegate;

        Renamed(String type, SnapshotType snapshotType, JobExecutor delegate) {
            this.type = type;
            this.snapshotType = snapshotType;
            this.delegate = delegate;
        }

        @Override
        public String type() {
            return type;
        }

        @Override
        public String description() {
            return delegate.description();
        }

        @Override
        public List<ParamSpec> parameters() {
            return delegate.parameters();
        }

        @Override
        public SnapshotType snapshotType() {
            return snapshotType;
        }

        @Override
        public JobResult execute(JobContext context) {
            return delegate.execute(context);
        }
    }

    /** Removes the tracks named by {@code uris}. */
    static final Lambda DROP = new Lambda("drop", c -> {
        String id = c.spec().target().id();
        List<String> doomed = c.params().getList("uris");
        c.playlists().removeAll(id, doomed);
        return JobResult.of(0, doomed.size(), c.playlists().playlist(id).size());
    }, ParamSpec.list("uris", "tracks to remove").asRequired());

    /** Appends {@code uris}, retrying once on a transient failure: naive about lost responses. */
    static final Lambda RETRYING_APPEND = new Lambda("retrying_append", c -> {
        String id = c.spec().target().id();
        List<String> uris = c.params().getList("uris");
        try {
            c.playlists().addTracks(id, uris, null);
        } catch (PlaylistServiceException e) {
            if (!e.isTransient()) {
                throw e;
            }
            c.playlists().addTracks(id, uris, null);
        }
        return JobResult.of(uris.size(), 0, c.playlists().playlist(id).size());
    }, ParamSpec.list("uris", "tracks to add").asRequired());

    @Nested
    class Quarantine {
        final ExecutorHarness harness = ExecutorHarness.builder().jobType(new TestJobs.Reverse()).build();

        void account(AccountHealth health) {
            harness.store().accounts().save(new Account(harness.userId(), null, health, 7, "HTTP 503 storm",
                    harness.clock().instant()));
        }

        @Test
        void aQuarantinedAccountIsSkippedForScheduledRunsButNotForManualOnes() {
            harness.playlist("p1", "Mix", tracks(4));
            Schedule s = harness.schedule(on("reverse", "p1"));
            account(AccountHealth.QUARANTINED);

            Execution skipped = harness.shuffify().operations().execute(s.id()).orElseThrow();
            assertThat(skipped.status()).isEqualTo(ExecutionStatus.SKIPPED);
            assertThat(skipped.errorMessage()).contains("quarantined").contains("7 consecutive failures")
                    .contains("HTTP 503 storm");
            assertThat(harness.music().uris("p1")).isEqualTo(uris(tracks(4)));
            assertThat(harness.music().writeCalls()).isZero();
            Schedule after = harness.shuffify().schedules().get(harness.userId(), s.id());
            assertThat(after.lastStatus()).isEqualTo(ExecutionStatus.SKIPPED);
            assertThat(after.nextRunAt()).isAfter(harness.clock().instant());

            HarnessRun manual = harness.run(s.id());
            assertThat(manual.status()).isEqualTo(ExecutionStatus.SUCCESS);
            assertThat(manual.execution().triggerSource()).isEqualTo(TriggerSource.MANUAL);
        }

        @Test
        void aDegradedAccountStillRuns() {
            harness.playlist("p1", "Mix", tracks(4));
            Schedule s = harness.schedule(on("reverse", "p1"));
            account(AccountHealth.DEGRADED);
            assertThat(harness.shuffify().operations().execute(s.id()).orElseThrow().status()).isEqualTo(ExecutionStatus.SUCCESS);
        }
    }

    @Test
    void aSecondJobOnABusyPlaylistIsSkippedAndOtherPlaylistsRun() throws Exception {
        CountDownLatch started = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        Lambda block = new Lambda("block", c -> {
            started.countDown();
            try {
                if (!release.await(60, TimeUnit.SECONDS)) {
                    throw new JobExecutionException("never released");
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new JobExecutionException("interrupted", e);
            }
            return JobResult.of(0, 0, 0);
        });
        music.createPlaylist(USER, "p1", "Mix", tracks(3));
        music.createPlaylist(USER, "p2", "Other", tracks(3));
        Shuffify shuffify = facade(block, new TestJobs.Reverse());
        Schedule blocking = schedule(shuffify, on("block", "p1"));
        Schedule sameTarget = schedule(shuffify, on("reverse", "p1"));
        Schedule otherTarget = schedule(shuffify, on("reverse", "p2"));
        Snapshot manual = shuffify.snapshots().take(USER, "p1");

        ExecutorService pool = Executors.newSingleThreadExecutor();
        try {
            CompletableFuture<Execution> running = CompletableFuture.supplyAsync(
                    () -> shuffify.runs().runNow(USER, blocking.id()), pool);
            assertThat(started.await(60, TimeUnit.SECONDS)).as("the blocking job started").isTrue();

            Execution skipped = shuffify.operations().execute(sameTarget.id()).orElseThrow();
            assertThat(skipped.status()).isEqualTo(ExecutionStatus.SKIPPED);
            assertThat(skipped.errorMessage()).isEqualTo("another job is running on playlist 'p1'");
            assertThat(events).anySatisfy(e -> {
                assertThat(e.type()).isEqualTo(JobEvent.Type.SKIPPED);
                assertThat(e.scheduleId()).isEqualTo(sameTarget.id());
            });
            assertThatThrownBy(() -> shuffify.runs().runNow(USER, sameTarget.id()))
                    .isInstanceOf(JobExecutionException.class).hasMessageContaining("another job is running");
            assertThatThrownBy(() -> shuffify.snapshots().restore(USER, manual.id()))
                    .isInstanceOf(ShuffifyException.class).hasMessageContaining("a job is running on playlist 'p1'");
            assertThat(music.uris("p1")).isEqualTo(uris(tracks(3)));

            assertThat(shuffify.operations().execute(otherTarget.id()).orElseThrow().status()).isEqualTo(ExecutionStatus.SUCCESS);

            release.countDown();
            assertThat(running.get(60, TimeUnit.SECONDS).status()).isEqualTo(ExecutionStatus.SUCCESS);
        } finally {
            release.countDown();
            pool.shutdownNow();
        }
        assertThat(shuffify.operations().execute(sameTarget.id()).orElseThrow().status()).isEqualTo(ExecutionStatus.SUCCESS);
    }

    @Nested
    class Chains {
        final ExecutorHarness harness = ExecutorHarness.builder().jobType(new TestJobs.Append())
                .jobType(new TestJobs.Reverse())
                .jobType(new Renamed("raid", SnapshotType.AUTO_PRE_RAID, new TestJobs.Append()))
                .jobType(new Renamed("shuffle", SnapshotType.AUTO_PRE_SHUFFLE, new TestJobs.Reverse()))
                .jobType(new Lambda("look", c -> JobResult.of(0, 0, c.playlists().playlist(
                        c.spec().target().id()).size())))
                .build();
        final List<String> added = List.of("spotify:track:new1", "spotify:track:new2");

        List<String> expected() {
            List<String> all = new ArrayList<>(uris(tracks(5)));
            all.addAll(added);
            Collections.reverse(all);
            return all;
        }

        @Test
        void aPlusChainRunsAsOneExecutionWithOneSnapshotAndOneRead() {
            harness.playlist("p1", "Mix", tracks(5));
            HarnessRun run = harness.run(JobSpec.builder("append+reverse").target("p1", "Mix")
                    .param("uris", added).build());

            assertThat(run.status()).isEqualTo(ExecutionStatus.SUCCESS);
            assertThat(harness.music().uris("p1")).isEqualTo(expected());
            assertThat(run.execution().jobType()).isEqualTo("append+reverse");
            assertThat(run.execution().tracksAdded()).isEqualTo(2);
            assertThat(run.execution().tracksTotal()).isEqualTo(7);
            assertThat(run.snapshots()).singleElement().satisfies(s -> {
                assertThat(s.uris()).isEqualTo(uris(tracks(5)));
                assertThat(s.type()).isEqualTo(SnapshotType.SCHEDULED_PRE_EXECUTION);
            });
            assertThat(run.count(Operation.READ_PLAYLIST)).as("one read by the chain, one by verification")
                    .isEqualTo(2);
            assertThat(harness.shuffify().runs().history(harness.userId(), run.schedule().id(), 10)).hasSize(1);
        }

        @Test
        void raidPlusShuffleSnapshotsAsARaid() {
            harness.playlist("p1", "Mix", tracks(5));
            assertThat(harness.shuffify().plugins().jobTypes()).as("core names no chain").doesNotContain("raid_and_shuffle");
            HarnessRun run = harness.run(JobSpec.builder("raid+shuffle").target("p1", "Mix")
                    .param("uris", added).build());

            assertThat(run.status()).isEqualTo(ExecutionStatus.SUCCESS);
            assertThat(harness.music().uris("p1")).isEqualTo(expected());
            assertThat(run.snapshots()).singleElement()
                    .satisfies(s -> assertThat(s.type()).isEqualTo(SnapshotType.AUTO_PRE_RAID));
            assertThat(run.execution().tracksAdded()).isEqualTo(2);
        }

        @Test
        void theSnapshotTypeIsThatOfTheFirstStepThatWrites() {
            harness.playlist("p1", "Mix", tracks(5));
            HarnessRun run = harness.run(on("look+shuffle", "p1"));
            assertThat(run.snapshots()).singleElement()
                    .satisfies(s -> assertThat(s.type()).isEqualTo(SnapshotType.AUTO_PRE_SHUFFLE));
        }

        @Test
        void aStepThatReturnsNoResultFailsTheChain() {
            ExecutorHarness h = ExecutorHarness.builder().jobType(new TestJobs.Reverse())
                    .jobType(new Lambda("nothing", c -> null)).build();
            h.playlist("p1", "Mix", tracks(3));
            HarnessRun run = h.run(on("nothing+reverse", "p1"));
            assertThat(run.status()).isEqualTo(ExecutionStatus.FAILED);
            assertThat(run.execution().errorMessage()).contains("'nothing' returned no result");
            HarnessRun alone = h.run(on("nothing", "p1"));
            assertThat(alone.status()).isEqualTo(ExecutionStatus.FAILED);
            assertThat(alone.execution().errorMessage()).isEqualTo("job type 'nothing' returned no result");
        }
    }

    @Nested
    class Verification {
        final ExecutorHarness harness = ExecutorHarness.builder().jobType(RETRYING_APPEND).build();
        final JobSpec spec = JobSpec.builder("retrying_append").target("p1", "Mix")
                .param("uris", List.of("spotify:track:x", "spotify:track:y")).build();

        @Test
        void aSuccessfulJobWhoseWritesDoNotMatchItsIntentIsRolledBack() {
            harness.playlist("p1", "Mix", tracks(3));
            harness.music().failOn(Operation.ADD, 1, Fault.LOST_RESPONSE);

            HarnessRun run = harness.run(spec);

            assertThat(run.status()).isEqualTo(ExecutionStatus.FAILED_ROLLED_BACK);
            assertThat(run.execution().errorMessage()).contains("verification failed after retrying_append")
                    .contains("playlist 'p1' (Mix): expected 5 tracks, found 7")
                    .contains("unexpected 2: spotify:track:x, spotify:track:y")
                    .contains("restored the playlists as they were before the job");
            assertThat(harness.music().uris("p1")).isEqualTo(uris(tracks(3)));
            assertThat(run.schedule().lastStatus()).isEqualTo(ExecutionStatus.FAILED_ROLLED_BACK);
            assertThat(run.snapshots()).hasSize(1);
        }

        @Test
        void withVerificationOffTheHarnessCatchesTheDuplicatesOfABlindRetry() {
            harness.playlist("p1", "Mix", tracks(3));
            harness.music().failOn(Operation.ADD, 1, Fault.LOST_RESPONSE);
            Schedule s = harness.shuffify().schedules().create(harness.userId(),
                    ScheduleDefinition.of(spec, Trigger.named("daily")).withVerifyWrites(false));

            assertThatThrownBy(() -> harness.run(s.id())).isInstanceOf(AssertionError.class)
                    .hasMessageContaining("broke \"no entry lost, none duplicated\"")
                    .hasMessageContaining("spotify:track:x x2 in playlist 'p1' (was x0)")
                    .hasMessageContaining("4 entries more than before")
                    .hasMessageContaining("the result says 2 were added");
        }

        @Test
        void withVerificationOffTheJobSucceedsWithoutAReRead() {
            ExecutorHarness unchecked = ExecutorHarness.builder().jobType(RETRYING_APPEND).checkEntries(false).build();
            unchecked.playlist("p1", "Mix", tracks(3));
            unchecked.music().failOn(Operation.ADD, 1, Fault.LOST_RESPONSE);
            Schedule s = unchecked.shuffify().schedules().create(unchecked.userId(),
                    ScheduleDefinition.of(spec, Trigger.named("daily")).withVerifyWrites(false));

            HarnessRun run = unchecked.run(s.id());

            assertThat(run.status()).isEqualTo(ExecutionStatus.SUCCESS);
            assertThat(unchecked.music().uris("p1")).hasSize(7);
            assertThat(run.count(Operation.READ_PLAYLIST)).isEqualTo(1);
        }

        @Test
        void aJobWhoseWritesLandAsIntendedIsNotRolledBack() {
            harness.playlist("p1", "Mix", tracks(3));
            harness.music().failOn(Operation.ADD, 1, Fault.SERVER_ERROR);
            HarnessRun run = harness.run(spec);
            assertThat(run.status()).isEqualTo(ExecutionStatus.SUCCESS);
            assertThat(harness.music().uris("p1")).hasSize(5);
            assertThat(run.count(Operation.READ_PLAYLIST)).isEqualTo(2);
        }
    }

    @Test
    void aLongErrorIsCutToOneThousandCharacters() {
        music.createPlaylist(USER, "p1", "Mix", tracks(2));
        String longMessage = "boom ".repeat(400);
        Shuffify shuffify = facade(new Lambda("explode", c -> {
            throw new JobExecutionException(longMessage);
        }));
        Schedule s = schedule(shuffify, on("explode", "p1"));

        Execution done = shuffify.operations().execute(s.id()).orElseThrow();
        assertThat(done.status()).isEqualTo(ExecutionStatus.FAILED);
        assertThat(done.errorMessage()).hasSize(Execution.MAX_ERROR_LENGTH).startsWith("boom boom").endsWith("…");
        assertThat(shuffify.schedules().get(USER, s.id()).lastError()).isEqualTo(done.errorMessage());
        assertThat(failing.healthy().executions().find(done.id())).get()
                .satisfies(e -> assertThat(e.errorMessage()).hasSize(1000));
        assertThatThrownBy(() -> shuffify.runs().runNow(USER, s.id()))
                .isInstanceOfSatisfying(JobExecutionException.class, e -> {
                    assertThat(e.getMessage()).hasSize(1000);
                    assertThat(e.executionId()).isNotNull().isNotEqualTo(done.id());
                });
    }

    @Nested
    class StoreFailures {
        @Test
        void aFailingActivityLogNeverFailsAJobOrAScheduleChange() {
            music.createPlaylist(USER, "p1", "Mix", tracks(3));
            failing.fail("activity.append");
            Shuffify shuffify = facade(new TestJobs.Reverse());
            Schedule s = schedule(shuffify, on("reverse", "p1"));

            Execution done = shuffify.runs().runNow(USER, s.id());
            assertThat(done.status()).isEqualTo(ExecutionStatus.SUCCESS);
            assertThat(shuffify.runs().history(USER, s.id(), 5)).extracting(Execution::status)
                    .containsExactly(ExecutionStatus.SUCCESS);
            failing.heal();
            // the run's entry is written with its end, in the transaction that records it (completeRuns)
            assertThat(shuffify.users().activity(USER, 10)).extracting(Activity::type)
                    .containsExactly(ActivityType.SCHEDULE_RUN_SUCCEEDED);
        }

        @Test
        void aFailingSnapshotIsAWarningAndTheJobGoesOn() {
            music.createPlaylist(USER, "p1", "Mix", tracks(3));
            failing.fail("snapshots.save");
            Shuffify shuffify = facade(new TestJobs.Reverse());
            Schedule s = schedule(shuffify, on("reverse", "p1"));

            Execution done = shuffify.runs().runNow(USER, s.id());
            assertThat(done.status()).isEqualTo(ExecutionStatus.SUCCESS);
            assertThat(done.warnings()).anySatisfy(w -> assertThat(w).contains("snapshot of playlist 'p1' failed"));
            List<String> reversed = new ArrayList<>(uris(tracks(3)));
            Collections.reverse(reversed);
            assertThat(music.uris("p1")).isEqualTo(reversed);
        }

        @Test
        void aStoreThatBreaksDuringTheRunDoesNotHideTheErrorOrEscapeExecute() {
            music.createPlaylist(USER, "p1", "Mix", tracks(3));
            Shuffify shuffify = facade(new Lambda("explode", c -> {
                failing.fail("completeRuns").fail("executions.save").fail("activity.append");
                throw new IllegalStateException("the original error");
            }));
            Schedule s = schedule(shuffify, on("explode", "p1"));

            Optional<Execution> done = shuffify.operations().execute(s.id());

            assertThat(done).get().satisfies(e -> {
                assertThat(e.status()).isEqualTo(ExecutionStatus.FAILED);
                assertThat(e.errorMessage()).isEqualTo("explode failed: IllegalStateException: the original error");
            });
            assertThat(events).last().satisfies(e -> {
                assertThat(e.type()).isEqualTo(JobEvent.Type.FAILED);
                assertThat(e.message()).contains("the original error");
            });
            assertThat(failing.healthy().executions().find(done.orElseThrow().id())).get()
                    .satisfies(e -> assertThat(e.status()).as("only the start was stored")
                            .isEqualTo(ExecutionStatus.RUNNING));
        }

        @Test
        void whenOnlyTheOutcomeCannotBeStoredTheOriginalErrorIsReturned() {
            music.createPlaylist(USER, "p1", "Mix", tracks(3));
            Shuffify shuffify = facade(new Lambda("explode", c -> {
                throw new JobExecutionException("the original error");
            }));
            Schedule s = schedule(shuffify, on("explode", "p1"));
            failing.fail("completeRuns");

            Execution done = shuffify.operations().execute(s.id()).orElseThrow();
            assertThat(done.status()).isEqualTo(ExecutionStatus.FAILED);
            assertThat(done.errorMessage()).isEqualTo("the original error");
            assertThatThrownBy(() -> shuffify.runs().runNow(USER, s.id())).isInstanceOf(JobExecutionException.class)
                    .hasMessage("the original error");
            assertThat(eventTypes()).containsSubsequence(JobEvent.Type.STARTED, JobEvent.Type.FAILED);
        }

        @Test
        void anExecutionWhoseStartCannotBeRecordedIsNotRun() {
            music.createPlaylist(USER, "p1", "Mix", tracks(3));
            AtomicInteger runs = new AtomicInteger();
            Shuffify shuffify = facade(new Lambda("count", c -> {
                runs.incrementAndGet();
                return JobResult.of(0, 0, 0);
            }));
            Schedule s = schedule(shuffify, on("count", "p1"));
            failing.fail("executions.save");

            Execution done = shuffify.operations().execute(s.id()).orElseThrow();
            assertThat(done.status()).isEqualTo(ExecutionStatus.FAILED);
            assertThat(done.errorMessage()).contains("could not record the execution").contains("store down");
            assertThat(runs).hasValue(0);
        }

        @Test
        void aListenerThatThrowsDoesNotFailTheJob() {
            music.createPlaylist(USER, "p1", "Mix", tracks(3));
            Shuffify shuffify = Shuffify.builder().connector(music).clock(clock).autoDiscovery(false)
                    .jobType(new TestJobs.Reverse()).listener(e -> {
                        throw new IllegalStateException("listener broke");
                    }).build();
            Schedule s = schedule(shuffify, on("reverse", "p1"));
            assertThat(shuffify.runs().runNow(USER, s.id()).status()).isEqualTo(ExecutionStatus.SUCCESS);
        }
    }

    @Nested
    class FailureKinds {
        @Test
        void anOwnerUnknownToTheMusicServiceFailsTheRunSayingSo() {
            Shuffify shuffify = Shuffify.builder().connector(user -> {
                throw new NotFoundException("user", user);
            }).clock(clock).autoDiscovery(false).jobType(new TestJobs.Reverse()).build();
            Schedule s = schedule(shuffify, on("reverse", "p1"));
            Execution done = shuffify.operations().execute(s.id()).orElseThrow();
            assertThat(done.status()).isEqualTo(ExecutionStatus.FAILED);
            assertThat(done.errorMessage()).contains("owner of schedule '" + s.id() + "' is unknown");
        }

        @Test
        void aConnectorThatFailsOtherwiseMeansTheUserMustLogInAgain() {
            Shuffify shuffify = Shuffify.builder().connector(user -> {
                throw new IllegalStateException("token endpoint said no");
            }).clock(clock).autoDiscovery(false).jobType(new TestJobs.Reverse()).build();
            Schedule s = schedule(shuffify, on("reverse", "p1"));
            assertThat(shuffify.operations().execute(s.id()).orElseThrow().errorMessage()).startsWith("user must log in again");
        }

        @Test
        void aConnectorsOwnClassificationIsKeptSoAnOutageNeverReadsAsLogInAgain() {
            Shuffify shuffify = Shuffify.builder().connector(user -> {
                throw new dev.shuffify.error.PlaylistServiceException(
                        "the music service is unavailable: the token endpoint answered HTTP 503", true);
            }).clock(clock).autoDiscovery(false).jobType(new TestJobs.Reverse()).build();
            Schedule s = schedule(shuffify, on("reverse", "p1"));
            Execution done = shuffify.operations().execute(s.id()).orElseThrow();
            assertThat(done.status()).isEqualTo(ExecutionStatus.FAILED);
            assertThat(done.errorMessage()).contains("the music service is unavailable")
                    .doesNotContain("log in again");
        }

        @Test
        void anUnexpectedExceptionIsRecordedWithItsType() {
            music.createPlaylist(USER, "p1", "Mix", tracks(3));
            Shuffify shuffify = facade(new Lambda("kaput", c -> {
                throw new IllegalStateException("wheels came off");
            }));
            Schedule s = schedule(shuffify, on("kaput", "p1"));
            Execution done = shuffify.operations().execute(s.id()).orElseThrow();
            assertThat(done.status()).isEqualTo(ExecutionStatus.FAILED);
            assertThat(done.errorMessage()).isEqualTo("kaput failed: IllegalStateException: wheels came off");
            assertThat(done.completedAt()).isEqualTo(clock.instant());
        }

        @Test
        void aJobTypeThatDisappearedFailsTheRunClearly() {
            music.createPlaylist(USER, "p1", "Mix", tracks(3));
            Schedule s = schedule(facade(new TestJobs.Reverse()), on("reverse", "p1"));
            Shuffify without = facade(new TestJobs.Append());

            Execution done = without.operations().execute(s.id()).orElseThrow();
            assertThat(done.status()).isEqualTo(ExecutionStatus.FAILED);
            assertThat(done.errorMessage()).contains("is no longer valid").contains("unknown job type 'reverse'");
            assertThat(music.uris("p1")).isEqualTo(uris(tracks(3)));
        }
    }

    @Nested
    class ManualRuns {
        @Test
        void aManualRunKeepsTheNextScheduledSlot() {
            music.createPlaylist(USER, "p1", "Mix", tracks(3));
            Shuffify shuffify = facade(new TestJobs.Reverse());
            Schedule s = schedule(shuffify, on("reverse", "p1"));
            clock.advance(Duration.ofHours(5));
            shuffify.runs().runNow(USER, s.id());
            Schedule after = shuffify.schedules().get(USER, s.id());
            assertThat(after.nextRunAt()).isEqualTo(s.nextRunAt());
            assertThat(after.lastRunAt()).isEqualTo(clock.instant());
        }

        @Test
        void aManualRunOfAPausedScheduleLeavesItPaused() {
            music.createPlaylist(USER, "p1", "Mix", tracks(3));
            Shuffify shuffify = facade(new TestJobs.Reverse());
            Schedule s = schedule(shuffify, on("reverse", "p1"));
            shuffify.schedules().setEnabled(USER, s.id(), false);

            assertThat(shuffify.runs().runNow(USER, s.id()).status()).isEqualTo(ExecutionStatus.SUCCESS);
            Schedule after = shuffify.schedules().get(USER, s.id());
            assertThat(after.enabled()).isFalse();
            assertThat(after.nextRunAt()).as("a paused schedule has no next run").isNull();
            assertThat(after.lastStatus()).isEqualTo(ExecutionStatus.SUCCESS);
        }

        @Test
        void aScheduledRunOfAPausedScheduleIsSkippedWithAnEvent() {
            music.createPlaylist(USER, "p1", "Mix", tracks(3));
            Shuffify shuffify = facade(new TestJobs.Reverse());
            Schedule s = schedule(shuffify, on("reverse", "p1"));
            shuffify.schedules().setEnabled(USER, s.id(), false);
            assertThat(shuffify.operations().execute(s.id())).isEmpty();
            assertThat(events).singleElement().satisfies(e -> {
                assertThat(e.type()).isEqualTo(JobEvent.Type.SKIPPED);
                assertThat(e.message()).contains("disabled");
            });
        }
    }

    @Nested
    class Logging {
        static final String TOKEN = "sekrit-refresh-token-0123";
        final Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        final Logger library = (Logger) LoggerFactory.getLogger("dev.shuffify");
        final Level previous = library.getLevel();
        final ListAppender<ILoggingEvent> appender = new ListAppender<>();

        Logging() {
            appender.start();
            root.addAppender(appender);
            library.setLevel(Level.DEBUG);
        }

        @AfterEach
        void detach() {
            root.detachAppender(appender);
            library.setLevel(previous);
        }

        @Test
        void everyLineOfAnExecutionCarriesTheMdcKeysAndTheyAreClearedAfterwards() {
            music.createPlaylist(USER, "p1", "Mix", tracks(3));
            org.slf4j.Logger pluginLog = LoggerFactory.getLogger("acme.plugin");
            Shuffify shuffify = facade(new Lambda("chatty", c -> {
                c.progress("halfway there");
                pluginLog.warn("plugin line");
                return JobResult.of(0, 0, 3);
            }));
            Schedule s = schedule(shuffify, on("chatty", "p1"));

            Execution done = shuffify.runs().runNow(USER, s.id());

            Map<String, String> expected = Map.of("shuffify.scheduleId", s.id(), "shuffify.executionId", done.id(),
                    "shuffify.jobType", "chatty", "shuffify.userId", USER);
            assertThat(appender.list).filteredOn(e -> e.getFormattedMessage().equals("halfway there"))
                    .singleElement().satisfies(e -> assertThat(e.getMDCPropertyMap()).containsAllEntriesOf(expected));
            assertThat(appender.list).filteredOn(e -> e.getFormattedMessage().equals("plugin line"))
                    .singleElement().satisfies(e -> assertThat(e.getMDCPropertyMap()).containsAllEntriesOf(expected));
            assertThat(MDC.get("shuffify.executionId")).isNull();
            assertThat(events).filteredOn(e -> e.type() == JobEvent.Type.PROGRESS).singleElement()
                    .satisfies(e -> assertThat(e.message()).isEqualTo("halfway there"));
        }

        @Test
        void callerMdcIsRestoredAfterARun() {
            music.createPlaylist(USER, "p1", "Mix", tracks(3));
            Shuffify shuffify = facade(new TestJobs.Reverse());
            Schedule s = schedule(shuffify, on("reverse", "p1"));
            MDC.put("request", "r-1");
            try {
                shuffify.runs().runNow(USER, s.id());
                assertThat(MDC.getCopyOfContextMap()).containsExactly(Map.entry("request", "r-1"));
            } finally {
                MDC.clear();
            }
        }

        @Test
        void noCredentialAppearsInLogsOrMessages() {
            music.createPlaylist(USER, "p1", "Mix", tracks(3));
            Shuffify shuffify = facade(new TestJobs.Reverse(), new Lambda("explode", c -> {
                throw new IllegalStateException("failed");
            }));
            Account account = new Account(USER, TOKEN.getBytes(StandardCharsets.UTF_8), AccountHealth.QUARANTINED, 9,
                    "HTTP 503", clock.instant());
            failing.store().accounts().save(account);
            Schedule ok = schedule(shuffify, on("reverse", "p1"));
            Schedule bad = schedule(shuffify, on("explode", "p1"));

            shuffify.operations().execute(ok.id());
            shuffify.runs().runNow(USER, ok.id());
            assertThatThrownBy(() -> shuffify.runs().runNow(USER, bad.id())).isInstanceOf(JobExecutionException.class);

            assertThat(appender.list).isNotEmpty();
            for (ILoggingEvent e : appender.list) {
                assertThat(e.getFormattedMessage()).doesNotContain(TOKEN);
                for (IThrowableProxy t = e.getThrowableProxy(); t != null; t = t.getCause()) {
                    assertThat(String.valueOf(t.getMessage())).doesNotContain(TOKEN);
                }
            }
            assertThat(account.toString()).doesNotContain(TOKEN).contains("<encrypted>");
            assertThat(failing.healthy().executions().listBySchedule(ok.id(), 10))
                    .allSatisfy(e -> assertThat(String.valueOf(e.errorMessage())).doesNotContain(TOKEN));
        }
    }

    @Nested
    class History {
        final List<Map<String, Instant>> seen = new ArrayList<>();
        final List<Optional<Instant>> leftAt = new ArrayList<>();
        final Lambda probe = new Lambda("probe", c -> {
            seen.add(c.membership().firstSeen("p1"));
            leftAt.add(c.membership().leftAt("p1", "spotify:track:t1"));
            leftAt.add(c.membership().leftAt("p1", "spotify:track:t0"));
            return JobResult.of(0, 0, 0);
        });
        final ExecutorHarness harness = ExecutorHarness.builder().jobType(new TestJobs.Append()).jobType(DROP)
                .jobType(new TestJobs.Reverse()).jobType(probe).build();

        @Test
        void membershipKeepsFirstSeenAcrossRunsAndRecordsWhenATrackLeft() {
            harness.playlist("p1", "Mix", tracks(3));
            Instant t0 = harness.music().playlist("p1").items().get(0).addedAt();
            Instant t1 = harness.clock().advance(Duration.ofHours(1));
            harness.run(JobSpec.builder("append").target("p1", "Mix").param("uris", List.of("spotify:track:x"))
                    .build());
            Map<String, Membership> first = harness.store().membership().find("p1");
            assertThat(first).containsOnlyKeys("spotify:track:t0", "spotify:track:t1", "spotify:track:t2",
                    "spotify:track:x");
            assertThat(first.get("spotify:track:x").firstSeenAt()).as("added by the run").isEqualTo(t1);
            assertThat(first.get("spotify:track:t0").firstSeenAt())
                    .as("first seen at its added date: the service knew it was there before the first look")
                    .isEqualTo(t0).isBefore(t1);
            assertThat(List.of(first.get("spotify:track:t1").firstSeenAt(), first.get("spotify:track:t2")
                    .firstSeenAt())).containsOnly(t0);

            Instant t2 = harness.clock().advance(Duration.ofDays(1));
            harness.run(on("reverse", "p1"));
            assertThat(harness.store().membership().find("p1").values()).extracting(Membership::firstSeenAt)
                    .as("a shuffle resets the service's addedAt but not first-seen").containsOnly(t0, t1);
            assertThat(harness.music().playlist("p1").items()).extracting(Track::addedAt).containsOnly(t2);

            Instant t3 = harness.clock().advance(Duration.ofDays(1));
            harness.run(JobSpec.builder("drop").target("p1", "Mix").param("uris", List.of("spotify:track:t1"))
                    .build());
            Membership left = harness.store().membership().find("p1").get("spotify:track:t1");
            assertThat(left.leftAt()).isEqualTo(t3);
            assertThat(left.isPresent()).isFalse();

            Instant t4 = harness.clock().advance(Duration.ofDays(1));
            harness.run(on("probe", "p1"));
            assertThat(seen).singleElement().satisfies(firstSeen -> assertThat(firstSeen)
                    .as("only tracks present count").doesNotContainKey("spotify:track:t1")
                    .containsEntry("spotify:track:t0", t0).containsEntry("spotify:track:x", t1));
            assertThat(leftAt).containsExactly(Optional.of(t3), Optional.empty());

            harness.run(JobSpec.builder("append").target("p1", "Mix").param("uris", List.of("spotify:track:t1"))
                    .build());
            Membership back = harness.store().membership().find("p1").get("spotify:track:t1");
            assertThat(back.firstSeenAt()).as("a track that re-enters starts afresh").isEqualTo(t4);
            assertThat(back.isPresent()).isTrue();
        }

        @Test
        void snapshotsArePrunedToTheUsersRetention() {
            harness.playlist("p1", "Mix", tracks(4));
            harness.shuffify().users().updateSettings(harness.userId(), new UserSettings(true, 2));
            Schedule s = harness.schedule(on("reverse", "p1"));
            List<Instant> times = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                times.add(harness.clock().advance(Duration.ofHours(1)));
                assertThat(harness.run(s.id()).snapshots()).hasSize(1);
            }
            assertThat(harness.shuffify().snapshots().list(harness.userId(), "p1")).extracting(Snapshot::createdAt)
                    .containsExactly(times.get(3), times.get(2));
            harness.clock().advance(Duration.ofHours(1));
            Snapshot manual = harness.shuffify().snapshots().take(harness.userId(), "p1");
            assertThat(harness.shuffify().snapshots().list(harness.userId(), "p1")).extracting(Snapshot::id)
                    .hasSize(2).startsWith(manual.id());
        }
    }

    @Nested
    class ContextContract {
        @Test
        void snapshotBeforeMutationSnapshotsOnceAndOnlyWhenAsked() {
            ExecutorHarness harness = ExecutorHarness.builder().jobType(new Lambda("careful", c -> {
                String id = c.spec().target().id();
                c.snapshotBeforeMutation(id);
                c.snapshotBeforeMutation(id);
                c.playlists().addTracks(id, List.of("spotify:track:z"), 0);
                return JobResult.of(1, 0, c.playlists().playlist(id).size());
            })).build();
            harness.playlist("p1", "Mix", tracks(2));
            HarnessRun run = harness.run(on("careful", "p1"));
            assertThat(run.snapshots()).singleElement().satisfies(s -> assertThat(s.uris())
                    .isEqualTo(uris(tracks(2))));
            assertThat(harness.music().uris("p1")).startsWith("spotify:track:z");
        }

        @Test
        void aPreviewReadsOnceWritesNothingAndSeesItsOwnWrites() {
            List<Object> seen = new ArrayList<>();
            ExecutorHarness harness = ExecutorHarness.builder().jobType(new Lambda("planner", c -> {
                String id = c.spec().target().id();
                seen.add(c.isDryRun());
                c.playlists().addTracks(id, List.of("spotify:track:z"), null);
                seen.add(c.playlists().playlist(id).size());
                c.playlists().removeTracks(id, List.of("spotify:track:t0"));
                seen.add(c.playlists().playlist(id).uris());
                seen.add(c.playlists().createPlaylist("Archive", null, false).id());
                return JobResult.of(1, 1, c.playlists().playlist(id).size());
            })).build();
            harness.playlist("p1", "Mix", tracks(2));
            harness.music().resetCalls();

            var preview = harness.preview(on("planner", "p1"));

            assertThat(seen.get(0)).isEqualTo(true);
            assertThat(seen.get(1)).isEqualTo(3);
            assertThat(seen.get(2)).isEqualTo(List.of("spotify:track:t1", "spotify:track:z"));
            assertThat((String) seen.get(3)).startsWith("preview-");
            assertThat(harness.music().count(Operation.READ_PLAYLIST)).isEqualTo(1);
            assertThat(harness.music().writeCalls()).isZero();
            assertThat(harness.music().uris("p1")).isEqualTo(uris(tracks(2)));
            assertThat(preview.adds("p1")).containsExactly("spotify:track:z");
            assertThat(preview.removes("p1")).containsExactly("spotify:track:t0");
            assertThat(harness.shuffify().snapshots().list(harness.userId(), "p1")).isEmpty();
            assertThat(preview.result().tracksTotal()).isEqualTo(2);
        }

        @Test
        void lastSuccessComesFromTheScheduleHistory() {
            List<Optional<Instant>> seen = new ArrayList<>();
            ExecutorHarness harness = ExecutorHarness.builder().jobType(new Lambda("remember", c -> {
                seen.add(c.lastSuccessAt());
                return JobResult.of(0, 0, 0);
            })).build();
            harness.playlist("p1", "Mix", tracks(1));
            Schedule s = harness.schedule(on("remember", "p1"));
            harness.run(s.id());
            Instant later = harness.clock().advance(Duration.ofDays(1));
            harness.run(s.id());
            assertThat(seen).containsExactly(Optional.empty(), Optional.of(TestClock.standard().instant()));
            assertThat(later).isAfter(seen.get(1).orElseThrow());
        }

        @Test
        void eachExecutionGetsItsOwnDeterministicRandomSource() {
            List<Long> draws = new ArrayList<>();
            Lambda dice = new Lambda("dice", c -> {
                draws.add(c.random().nextLong());
                return JobResult.of(0, 0, 0);
            });
            for (int i = 0; i < 2; i++) {
                ExecutorHarness harness = ExecutorHarness.builder().jobType(dice).seed(99).build();
                harness.playlist("p1", "Mix", tracks(1));
                Schedule s = harness.schedule(on("dice", "p1"));
                harness.run(s.id());
                harness.run(s.id());
            }
            assertThat(draws.get(0)).isEqualTo(draws.get(2));
            assertThat(draws.get(1)).isEqualTo(draws.get(3)).isNotEqualTo(draws.get(0));
        }
    }

    @Test
    void itemsReadAreTheSameAcrossStepsOfAChain() {
        List<Integer> sizes = new ArrayList<>();
        ExecutorHarness harness = ExecutorHarness.builder().jobType(new TestJobs.Append())
                .jobType(new Lambda("count", c -> {
                    sizes.add(c.playlists().playlist(c.spec().target().id()).size());
                    return JobResult.of(0, 0, sizes.get(0));
                })).build();
        harness.playlist("p1", "Mix", tracks(3));
        harness.run(JobSpec.builder("append+count").target("p1", "Mix").param("uris",
                IntStream.range(0, 150).mapToObj(i -> "spotify:track:n" + i).toList()).build());
        assertThat(sizes).containsExactly(153);
    }
}
