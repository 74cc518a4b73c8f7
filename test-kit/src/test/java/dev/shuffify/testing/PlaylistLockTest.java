package dev.shuffify.testing;

import dev.shuffify.testkit.HarnessRun;
import dev.shuffify.testkit.ExecutorHarness;
import static org.assertj.core.api.Assertions.assertThat;

import dev.shuffify.model.ExecutionStatus;
import dev.shuffify.model.JobResult;
import dev.shuffify.model.JobSpec;
import dev.shuffify.model.Schedule;
import dev.shuffify.spi.JobContext;
import dev.shuffify.spi.JobExecutor;
import dev.shuffify.spi.ParamSpec;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * A job on a playlist blocks jobs that would write it: as target, as a pair's archive, or as a playlist its job
 * type names ({@code otherPlaylistsWritten}).
 */
class PlaylistLockTest {

    private final CountDownLatch entered = new CountDownLatch(1);
    private final CountDownLatch release = new CountDownLatch(1);

    private final class Hold implements JobExecutor {
        @Override
        public String type() {
            return "hold";
        }

        @Override
        public String description() {
            return "waits until released";
        }

        @Override
        public List<ParamSpec> parameters() {
            return List.of(ParamSpec.string("staging_playlist", "a playlist also written"));
        }

        @Override
        public Set<String> otherPlaylistsWritten(JobSpec spec) {
            return spec.params().get("staging_playlist") instanceof String staging ? Set.of(staging) : Set.of();
        }

        @Override
        public JobResult execute(JobContext context) {
            entered.countDown();
            try {
                if (!release.await(30, TimeUnit.SECONDS)) {
                    throw new IllegalStateException("never released");
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
            return JobResult.of(0, 0, 0);
        }
    }

    private final ExecutorHarness harness = ExecutorHarness.builder().jobType(new Hold())
            .jobType(new TestJobs.Reverse()).build();

    private ExecutionStatus whileHolding(JobSpec held, JobSpec other) throws Exception {
        Schedule holder = harness.schedule(held);
        Schedule second = harness.schedule(other);
        CompletableFuture<HarnessRun> first = CompletableFuture.supplyAsync(() -> harness.run(holder.id()));
        assertThat(entered.await(30, TimeUnit.SECONDS)).isTrue();
        try {
            return harness.run(second.id()).status();
        } finally {
            release.countDown();
            assertThat(first.get(30, TimeUnit.SECONDS).status()).isEqualTo(ExecutionStatus.SUCCESS);
        }
    }

    @Test
    void aJobOnTheArchiveBlocksARunOnItsProductionPlaylist() throws Exception {
        harness.playlist("prod", "Prod", EngineLifecycleTest.tracks(3));
        harness.playlist("arch", "Arch", EngineLifecycleTest.tracks(2));
        harness.pair("prod", "arch");
        ExecutionStatus status = whileHolding(JobSpec.builder("hold").target("arch", "Arch").build(),
                JobSpec.builder("reverse").target("prod", "Prod").build());
        assertThat(status).isEqualTo(ExecutionStatus.SKIPPED);
    }

    @Test
    void aJobWritingAStagingPlaylistBlocksARunTargetingIt() throws Exception {
        harness.playlist("target", "Target", EngineLifecycleTest.tracks(3));
        harness.playlist("staging", "Staging", EngineLifecycleTest.tracks(2));
        ExecutionStatus status = whileHolding(JobSpec.builder("hold").target("target", "Target")
                .param("staging_playlist", "staging").build(),
                JobSpec.builder("reverse").target("staging", "Staging").build());
        assertThat(status).isEqualTo(ExecutionStatus.SKIPPED);
    }

    @Test
    void unrelatedPlaylistsRunSideBySide() throws Exception {
        harness.playlist("a", "A", EngineLifecycleTest.tracks(3));
        harness.playlist("b", "B", EngineLifecycleTest.tracks(3));
        ExecutionStatus status = whileHolding(JobSpec.builder("hold").target("a", "A").build(),
                JobSpec.builder("reverse").target("b", "B").build());
        assertThat(status).isEqualTo(ExecutionStatus.SUCCESS);
    }
}
