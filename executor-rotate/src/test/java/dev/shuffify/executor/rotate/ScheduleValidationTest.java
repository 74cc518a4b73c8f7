package dev.shuffify.executor.rotate;

import static dev.shuffify.executor.rotate.RotationFixture.PROD;
import static dev.shuffify.executor.rotate.RotationFixture.PROD_NAME;
import static dev.shuffify.executor.rotate.RotationFixture.spec;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.shuffify.error.ValidationException;
import dev.shuffify.error.ValidationException.FieldError;
import dev.shuffify.model.JobSpec;
import dev.shuffify.model.Schedule;
import dev.shuffify.model.ScheduleDefinition;
import dev.shuffify.model.Trigger;
import dev.shuffify.spi.ParamSpec;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** What schedule creation and update accept and reject for the rotate job type. */
class ScheduleValidationTest {

    final RotationFixture f = new RotationFixture();

    private ValidationException rejected(JobSpec spec) {
        ValidationException e = catchThrowableOfType(ValidationException.class, () -> f.harness.schedule(spec));
        assertThat(e).as("expected a validation error").isNotNull();
        assertThat(f.harness.shuffify().schedules().list(f.harness.userId())).as("nothing is stored").isEmpty();
        return e;
    }

    private static JobSpec withParams(Map<String, Object> params) {
        return new JobSpec("rotate", new dev.shuffify.model.PlaylistRef(PROD, PROD_NAME), List.of(), null, Map.of(),
                params);
    }

    private static Map<String, Object> params(Object... keyValues) {
        Map<String, Object> m = new HashMap<>();
        for (int i = 0; i < keyValues.length; i += 2) {
            m.put((String) keyValues[i], keyValues[i + 1]);
        }
        return m;
    }

    static Stream<Arguments> rejectedSpecs() {
        return Stream.of(
                Arguments.of("no parameters at all", params(), "job.params.rotation_mode",
                        "is required: one of archive_oldest, refresh, swap"),
                Arguments.of("mode missing", params("rotation_count", 3), "job.params.rotation_mode",
                        "archive_oldest, refresh, swap"),
                Arguments.of("mode null", params("rotation_mode", null), "job.params.rotation_mode",
                        "archive_oldest, refresh, swap"),
                Arguments.of("unknown mode", params("rotation_mode", "shuffle"), "job.params.rotation_mode",
                        "must be one of archive_oldest, refresh, swap, was 'shuffle'"),
                Arguments.of("blank mode", params("rotation_mode", " "), "job.params.rotation_mode",
                        "must be one of archive_oldest, refresh, swap"),
                Arguments.of("count zero", params("rotation_mode", "swap", "rotation_count", 0),
                        "job.params.rotation_count", "must be a positive integer (1 or more, default 5), was 0"),
                Arguments.of("count negative", params("rotation_mode", "swap", "rotation_count", -3),
                        "job.params.rotation_count", "must be a positive integer (1 or more, default 5), was -3"),
                Arguments.of("count negative string", params("rotation_mode", "refresh", "rotation_count", "-1"),
                        "job.params.rotation_count", "positive integer"),
                Arguments.of("count not a number", params("rotation_mode", "refresh", "rotation_count", "five"),
                        "job.params.rotation_count", "must be an integer"),
                Arguments.of("count a fraction", params("rotation_mode", "refresh", "rotation_count", 2.5),
                        "job.params.rotation_count", "must be an integer"),
                Arguments.of("count a boolean", params("rotation_mode", "refresh", "rotation_count", true),
                        "job.params.rotation_count", "must be an integer"),
                Arguments.of("count null", params("rotation_mode", "archive_oldest", "rotation_count", null),
                        "job.params.rotation_count", "must be a positive integer (1 or more, default 5), was null"),
                Arguments.of("unknown parameter", params("rotation_mode", "swap", "rotation_size", 3),
                        "job.params.rotation_size", "unknown parameter; allowed: rotation_mode, rotation_count"),
                Arguments.of("unknown return order", params("rotation_mode", "swap", "return_order", "random"),
                        "job.params.return_order", "must be one of longest_archived, most_recently_archived"),
                Arguments.of("return order outside swap",
                        params("rotation_mode", "refresh", "return_order", "longest_archived"),
                        "job.params.return_order", "only applies to rotation_mode swap"),
                Arguments.of("target size outside swap", params("rotation_mode", "archive_oldest", "target_size", 9),
                        "job.params.target_size", "only applies to rotation_mode swap"),
                Arguments.of("target size zero", params("rotation_mode", "swap", "target_size", 0),
                        "job.params.target_size", "must be an integer >= 1"),
                Arguments.of("protect count negative", params("rotation_mode", "swap", "protect_count", -1),
                        "job.params.protect_count", "must be an integer >= 0"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("rejectedSpecs")
    void rejectsNamingTheFieldAndWhatIsAllowed(String label, Map<String, Object> params, String field,
            String message) {
        ValidationException e = rejected(withParams(params));

        assertThat(e.errors()).anySatisfy(err -> {
            assertThat(err.field()).isEqualTo(field);
            assertThat(err.message()).contains(message);
        });
    }

    @Test
    void aScheduleWithoutATargetIsRejected() {
        ValidationException e = rejected(JobSpec.builder("rotate").param("rotation_mode", "swap").build());

        assertThat(e.errors()).extracting(FieldError::field).contains("job.target");
    }

    @Test
    void everyOffendingFieldIsReportedAtOnce() {
        ValidationException e = rejected(withParams(params("rotation_mode", "refresh", "rotation_count", 0,
                "target_size", 3)));

        assertThat(e.errors()).extracting(FieldError::field)
                .containsExactlyInAnyOrder("job.params.rotation_count", "job.params.target_size");
    }

    @Test
    void needsNeitherAnAlgorithmNorSourcesNorAPairYet() {
        Schedule s = f.harness.schedule(spec("archive_oldest", 3).build());

        assertThat(s.job().algorithm()).isNull();
        assertThat(s.job().sources()).isEmpty();
        assertThat(f.harness.shuffify().pairs().find(f.harness.userId(), PROD)).isEmpty();
    }

    @Test
    void acceptsANumericStringCountAndAnyCaseOfTheMode() {
        Schedule s = f.harness.schedule(spec("SWAP", "7").param("return_order", "Most_Recently_Archived")
                .param("target_size", "20").param("protect_count", "2").build());

        assertThat(s.job().params()).containsEntry("rotation_count", "7");
    }

    @Test
    void acceptsEveryModeWithTheDefaultCount() {
        for (String mode : List.of("archive_oldest", "refresh", "swap")) {
            assertThat(f.harness.schedule(spec(mode, null).build()).jobType()).isEqualTo("rotate");
        }
    }

    @Test
    void anUpdateIsValidatedTooAndLeavesTheScheduleUnchanged() {
        Schedule s = f.harness.schedule(spec("swap", 2).build());

        assertThatThrownBy(() -> f.harness.shuffify().schedules().update(f.harness.userId(), s.id(),
                ScheduleDefinition.of(spec("swap", 0).build(), Trigger.named("daily"))))
                .isInstanceOf(ValidationException.class)
                .hasMessageContaining("job.params.rotation_count");
        assertThat(f.harness.shuffify().schedules().get(f.harness.userId(), s.id()).job().params())
                .containsEntry("rotation_count", 2);
    }

    @Test
    void declaresItsParametersForListings() {
        List<ParamSpec> declared = new RotateExecutor().parameters();

        assertThat(declared).extracting(ParamSpec::name).containsExactly("rotation_mode", "rotation_count",
                "return_order", "target_size", "protect_count");
        assertThat(declared.get(0).allowed()).isEqualTo("one of archive_oldest, refresh, swap");
        assertThat(declared.get(1).defaultValue()).isEqualTo(5);
        assertThat(new RotateExecutor().requiresTarget()).isTrue();
    }
}
