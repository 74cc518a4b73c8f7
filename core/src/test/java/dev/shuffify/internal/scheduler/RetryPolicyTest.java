package dev.shuffify.internal.scheduler;

import static org.assertj.core.api.Assertions.assertThat;

import dev.shuffify.internal.engine.ExecutionEngine;
import dev.shuffify.internal.engine.FailureKind;
import dev.shuffify.model.Execution;
import dev.shuffify.model.ExecutionStatus;
import dev.shuffify.model.TriggerSource;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The retry decision reads the typed failure class the engine hands over, never an execution detail. */
class RetryPolicyTest {
    private static final Instant T0 = Instant.parse("2026-05-01T12:00:00Z");

    @Test
    void aTransientFailureIsRetriedAndAPermanentOneIsNot() {
        Execution failed = execution(ExecutionStatus.FAILED, 1, Map.of());
        assertThat(RetryPolicy.DEFAULT.shouldRetry(failed, FailureKind.TRANSIENT)).isTrue();
        assertThat(RetryPolicy.DEFAULT.shouldRetry(failed, FailureKind.PERMANENT)).isFalse();
        assertThat(RetryPolicy.DEFAULT.shouldRetry(execution(ExecutionStatus.FAILED_ROLLED_BACK, 2, Map.of()),
                FailureKind.TRANSIENT)).isTrue();
    }

    @Test
    void theStoredDetailDoesNotDecide() {
        Execution marked = execution(ExecutionStatus.FAILED, 1,
                Map.of(ExecutionEngine.DETAIL_TRANSIENT_FAILURE, true));
        assertThat(RetryPolicy.DEFAULT.shouldRetry(marked, FailureKind.PERMANENT)).isFalse();
    }

    @Test
    void noRetryAfterTheLastAttemptOrForARunThatDidNotFail() {
        assertThat(RetryPolicy.DEFAULT.shouldRetry(execution(ExecutionStatus.FAILED, 3, Map.of()),
                FailureKind.TRANSIENT)).isFalse();
        assertThat(RetryPolicy.DEFAULT.shouldRetry(execution(ExecutionStatus.SKIPPED, 1, Map.of()),
                FailureKind.TRANSIENT)).isFalse();
        RetryPolicy all = new RetryPolicy(3, java.time.Duration.ofMinutes(1), 2.0, java.time.Duration.ofMinutes(30),
                true);
        assertThat(all.shouldRetry(execution(ExecutionStatus.FAILED, 1, Map.of()), FailureKind.PERMANENT)).isTrue();
    }

    private static Execution execution(ExecutionStatus status, int attempt, Map<String, Object> details) {
        return new Execution("e", "s", "u", "shuffle", T0, T0.plusSeconds(1), status, 0, 0, 0, "x",
                TriggerSource.SCHEDULER, attempt, details, List.of());
    }
}
