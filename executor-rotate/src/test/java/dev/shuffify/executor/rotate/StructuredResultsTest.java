package dev.shuffify.executor.rotate;

import static dev.shuffify.executor.rotate.RotationFixture.spec;
import static org.assertj.core.api.Assertions.assertThat;

import dev.shuffify.model.ExecutionStatus;
import dev.shuffify.model.JobSpec;
import dev.shuffify.model.Notice;
import dev.shuffify.model.RotationStatus;
import dev.shuffify.spi.JobContext;
import dev.shuffify.spi.JobExecutor;
import dev.shuffify.spi.ParamSpec;
import dev.shuffify.model.JobResult;
import dev.shuffify.testkit.ExecutorHarness;
import dev.shuffify.testkit.HarnessRun;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Rotation's codes, the mode named in its snapshots, and the pair as a capability of the job type. */
class StructuredResultsTest {
    final RotationFixture f = new RotationFixture();

    @Test
    void everyTrackProtectedIsACodedWarningAndTheSkipReason() {
        f.production("p1", "p2", "p3").archive("a1").pair();
        HarnessRun run = f.run(spec("archive_oldest", 2).param("protect_count", 3));

        assertThat(run.status()).isEqualTo(ExecutionStatus.SUCCESS);
        assertThat(run.writes()).isZero();
        assertThat(run.execution().skipReason()).map(Notice::code).contains(RotateExecutor.ALL_TRACKS_PROTECTED);
        assertThat(run.execution().notices()).extracting(Notice::code)
                .containsExactly(RotateExecutor.ALL_TRACKS_PROTECTED);
    }

    @Test
    void aPartialRotationIsACodedWarningAndNoSkip() {
        f.production("p1", "p2", "p3").archive("a1").pair();
        HarnessRun run = f.run(spec("swap", 2));
        assertThat(run.execution().notices()).extracting(Notice::code)
                .containsExactly(RotateExecutor.ARCHIVE_EXHAUSTED);
        assertThat(run.execution().skipReason()).isEmpty();
        assertThat(run.execution().tracksAdded()).isEqualTo(1);
    }

    @Test
    void anEmptyProductionHasItsCode() {
        f.production().archive("a1").pair();
        assertThat(f.run(spec("swap", 1)).execution().skipReason()).map(Notice::code)
                .contains(RotateExecutor.EMPTY_PLAYLIST);
    }

    @Test
    void theSnapshotsNameTheRotationMode() {
        f.production("p1", "p2", "p3").archive("a1", "a2").pair();
        HarnessRun run = f.run(spec("swap", 1));
        assertThat(run.snapshots()).hasSize(2)
                .allSatisfy(s -> assertThat(s.trigger()).endsWith("(rotate: swap)"));
    }

    /** Another job type that works on the pair: the facade reports it as the playlist's rotation. */
    static final class PairJob implements JobExecutor {
        @Override
        public String type() {
            return "cycle";
        }

        @Override
        public String description() {
            return "a third-party job type on the pair";
        }

        @Override
        public List<ParamSpec> parameters() {
            return List.of();
        }

        @Override
        public boolean usesPair() {
            return true;
        }

        @Override
        public JobResult execute(JobContext context) {
            return JobResult.of(0, 0, 0);
        }
    }

    @Test
    void rotationStatusFindsAnyJobTypeThatUsesThePairAndNoOther() {
        ExecutorHarness harness = ExecutorHarness.builder().jobType(new PairJob()).jobType(new Lambda()).build();
        RotationFixture g = new RotationFixture(harness);
        g.production("p1").archive("a1").pair();
        harness.schedule(JobSpec.builder("look").target(RotationFixture.PROD, "Production").build());
        assertThat(harness.shuffify().pairs().rotationStatus(harness.userId(), RotationFixture.PROD).schedule()).isEmpty();
        harness.schedule(JobSpec.builder("cycle").target(RotationFixture.PROD, "Production").build());
        RotationStatus status = harness.shuffify().pairs().rotationStatus(harness.userId(), RotationFixture.PROD);
        assertThat(status.schedule()).hasValueSatisfying(s -> assertThat(s.jobType()).isEqualTo("cycle"));
        assertThat(new RotateExecutor().usesPair()).isTrue();
    }

    /** A job type that does not use the pair. */
    static final class Lambda implements JobExecutor {
        @Override
        public String type() {
            return "look";
        }

        @Override
        public String description() {
            return "looks";
        }

        @Override
        public List<ParamSpec> parameters() {
            return List.of();
        }

        @Override
        public JobResult execute(JobContext context) {
            return JobResult.of(0, 0, 0);
        }
    }
}
