package dev.shuffify.internal.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.shuffify.error.JobExecutionException;
import dev.shuffify.spi.RequestBudget;
import dev.shuffify.spi.WritePlan;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The arithmetic of the estimate before a job's first write. */
class WriteEstimateTest {

    static final Instant START = Instant.parse("2026-06-01T10:00:00Z");
    static final RequestBudget SPOTIFY = new RequestBudget(150, Duration.ofSeconds(30), START,
            Duration.ofMinutes(15), "SpotifyConfig.Builder.jobDeadline(Duration)");

    @ParameterizedTest(name = "{0} of {1} -> {2} calls")
    @CsvSource({"ADD, 0, 0", "ADD, 1, 1", "ADD, 100, 1", "ADD, 101, 2", "REMOVE, 250, 3", "REPLACE, 0, 1",
            "REPLACE, 100, 1", "REPLACE, 5000, 50", "REPLACE, 5001, 51", "REORDER, 0, 0", "REORDER, 4859, 4859"})
    void eachEditNeedsTheCallsTheServiceTakesForIt(WritePlan.Kind kind, int count, int calls) {
        assertThat(WriteEstimate.calls(new WritePlan.Edit(kind, "p", count))).isEqualTo(calls);
    }

    @Test
    void aPlanNeedsTheSumOfItsEdits() {
        WritePlan plan = WritePlan.builder().add("p", 10).add("a", 230).remove("a", 10).remove("p", 101).build();
        assertThat(WriteEstimate.calls(plan)).isEqualTo(1 + 3 + 1 + 2);
    }

    @Test
    void theLeastTimeGivesAFreeWindowAtOnceThenTheSteadyRate() {
        assertThat(WriteEstimate.leastTime(150, SPOTIFY)).isZero();
        assertThat(WriteEstimate.leastTime(151, SPOTIFY)).isEqualTo(Duration.ofMillis(200));
        assertThat(WriteEstimate.leastTime(4_859, SPOTIFY)).isEqualTo(Duration.ofMillis(941_800));
    }

    @Test
    void timesAreRoundedUpForEstimatesAndDownForWhatIsLeft() {
        assertThat(WriteEstimate.time(Duration.ofMillis(941_800))).isEqualTo("15.7 minutes");
        assertThat(WriteEstimate.time(Duration.ofMillis(900_001))).isEqualTo("15.1 minutes");
        assertThat(WriteEstimate.timeLeft(Duration.ofMillis(899_999))).isEqualTo("14.9 minutes");
        assertThat(WriteEstimate.time(Duration.ofMinutes(1))).isEqualTo("1 minute");
        assertThat(WriteEstimate.time(Duration.ofMillis(1_200))).isEqualTo("2 s");
        assertThat(WriteEstimate.timeLeft(Duration.ofSeconds(-3))).isEqualTo("0 s");
    }

    @Test
    void aPlanThatFitsIsLetThroughWithAProgressLine() {
        WritePlan plan = WritePlan.builder().reorder("p", 4_000).build(); // 770 s
        assertThat(WriteEstimate.check("shuffle", plan, 0, SPOTIFY, START, 0)).hasValueSatisfying(line ->
                assertThat(line).startsWith("shuffle: 4,000 write calls (4,000 reorder moves), at least 12.9 minutes"));
    }

    @Test
    void appendsHeldFromAnEarlierStepCountTowardsTheEstimate() {
        WritePlan plan = WritePlan.builder().reorder("p", 4_640).build(); // 898 s: fits 15 minutes
        assertThat(WriteEstimate.check("raid_and_shuffle", plan, 0, SPOTIFY, START, 0)).isPresent();
        assertThatThrownBy(() -> WriteEstimate.check("raid_and_shuffle", plan, 15, SPOTIFY, START, 0)) // 901 s
                .isInstanceOf(JobExecutionException.class)
                .hasMessageContaining("4,655 write calls (4,640 reorder moves, 15 calls for tracks appended earlier)");
    }

    @Test
    void timeAlreadySpentCountsAgainstTheDeadlineAndTowardsTheLongerOneSuggested() {
        WritePlan plan = WritePlan.builder().reorder("p", 1_000).build(); // 170 s
        Instant late = START.plus(Duration.ofMinutes(13));

        assertThatThrownBy(() -> WriteEstimate.check("shuffle", plan, 0, SPOTIFY, late, 3))
                .hasMessageStartingWith("shuffle stopped before its remaining writes (3 write calls already made): ")
                .hasMessageContaining("longer than the 2 minutes left before the job's deadline of 15 minutes")
                .hasMessageContaining("Choices: a job deadline of at least 16 minutes "
                        + "(SpotifyConfig.Builder.jobDeadline(Duration))");
    }

    @Test
    void onlyAlternativesThatFitAreOffered() {
        WritePlan plan = WritePlan.builder().reorder("p", 5_000)
                .instead("write_mode slow", WritePlan.builder().reorder("p", 4_900).build())
                .instead("write_mode replace", WritePlan.builder().replace("p", 5_000).build()).build();

        assertThatThrownBy(() -> WriteEstimate.check("shuffle", plan, 0, SPOTIFY, START, 0))
                .hasMessageContaining("Choices: write_mode replace: 50 write calls, at least 0 s; or a job deadline")
                .hasMessageNotContaining("write_mode slow");
    }

    @Test
    void noDeadlineOrNothingToWriteNeverRefuses() {
        WritePlan huge = WritePlan.builder().reorder("p", 1_000_000).build();
        assertThat(WriteEstimate.check("shuffle", huge, 0, RequestBudget.withoutDeadline(150, Duration.ofSeconds(30)),
                START, 0)).isEmpty();
        assertThat(WriteEstimate.check("shuffle", WritePlan.builder().build(), 0, SPOTIFY, START.plus(
                Duration.ofHours(1)), 0)).isEmpty();
    }
}
