package dev.shuffify.executor.shuffle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.shuffify.error.ValidationException;
import dev.shuffify.error.ValidationException.FieldError;
import dev.shuffify.model.JobSpec;
import dev.shuffify.model.SnapshotType;
import dev.shuffify.spi.DiscoveryStrategy;
import dev.shuffify.spi.JobExecutor;
import dev.shuffify.spi.ParamSpec;
import dev.shuffify.spi.Params;
import dev.shuffify.spi.PluginLookup;
import dev.shuffify.spi.ShuffleAlgorithm;
import dev.shuffify.spi.ValidationContext;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.ServiceLoader;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/** The executor's own checks at schedule creation, seen without an engine. */
class ShuffleValidationTest {
    private final ShuffleExecutor executor = new ShuffleExecutor();

    private static PluginLookup lookup(ShuffleAlgorithm... algorithms) {
        return new PluginLookup() {
            @Override
            public Optional<JobExecutor> jobType(String type) {
                return Optional.empty();
            }

            @Override
            public Set<String> jobTypes() {
                return Set.of();
            }

            @Override
            public Optional<ShuffleAlgorithm> algorithm(String nameOrAlias) {
                for (ShuffleAlgorithm a : algorithms) {
                    if (a.name().equals(nameOrAlias) || a.aliases().contains(nameOrAlias)) {
                        return Optional.of(a);
                    }
                }
                return Optional.empty();
            }

            @Override
            public Set<String> algorithmNames() {
                Set<String> names = new TreeSet<>();
                for (ShuffleAlgorithm a : algorithms) {
                    names.add(a.name());
                }
                return names;
            }

            @Override
            public Optional<DiscoveryStrategy> strategy(String id) {
                return Optional.empty();
            }

            @Override
            public Set<String> strategyIds() {
                return Set.of();
            }
        };
    }

    private void validate(JobSpec spec, PluginLookup plugins) {
        Params params = Params.parse(executor.parameters(), spec.params(), "params");
        executor.validate(new ValidationContext() {
            @Override
            public JobSpec spec() {
                return spec;
            }

            @Override
            public Params params() {
                return params;
            }

            @Override
            public PluginLookup plugins() {
                return plugins;
            }
        });
    }

    private static JobSpec.Builder shuffle() {
        return JobSpec.builder("shuffle").target("p1", "Morning mix");
    }

    private static List<FieldError> errors(Runnable validation) {
        ValidationException e = catchThrowableOfType(ValidationException.class, validation::run);
        assertThat(e).as("validation must fail").isNotNull();
        return e.errors();
    }

    @Test
    void acceptsAKnownAlgorithmByNameOrAliasWithValidParameters() {
        assertThatCode(() -> validate(shuffle().algorithm("reverse").algorithmParam("keep_first", "3").build(),
                lookup(new ReverseAlgorithm()))).doesNotThrowAnyException();
        assertThatCode(() -> validate(shuffle().algorithm("ReverseShuffle").param("write_mode", "reorder").build(),
                lookup(new ReverseAlgorithm()))).doesNotThrowAnyException();
    }

    @Test
    void rejectsAMissingAlgorithmNamingTheKnownOnes() {
        assertThat(errors(() -> validate(shuffle().build(), lookup(new ReverseAlgorithm()))))
                .containsExactly(new FieldError("algorithm", "is required for job type 'shuffle'; known: reverse"));
    }

    @Test
    void rejectsAnUnknownAlgorithmNamingItAndTheKnownOnes() {
        assertThat(errors(() -> validate(shuffle().algorithm("chaos").build(), lookup(new ReverseAlgorithm()))))
                .containsExactly(new FieldError("algorithm", "unknown algorithm 'chaos'; known: reverse. Add the jar that "
                        + "provides it to the class path."));
    }

    @Test
    void saysWhatToAddWhenNoAlgorithmIsRegistered() {
        assertThat(errors(() -> validate(shuffle().algorithm("basic").build(), lookup())))
                .singleElement().satisfies(e -> assertThat(e.message())
                        .contains("known: none. Add the jar that provides it to the class path"));
    }

    @Test
    void rejectsOutOfRangeAndUnknownAlgorithmParametersNamingEach() {
        List<FieldError> errors = errors(() -> validate(shuffle().algorithm("reverse")
                .algorithmParam("keep_first", 11).algorithmParam("tempo", 3).build(), lookup(new ReverseAlgorithm())));
        assertThat(errors).extracting(FieldError::field)
                .containsExactlyInAnyOrder("algorithmParams.keep_first", "algorithmParams.tempo");
        assertThat(errors).filteredOn(e -> e.field().endsWith("keep_first")).singleElement()
                .satisfies(e -> assertThat(e.message()).contains("0..10").contains("11"));
        assertThat(errors).filteredOn(e -> e.field().endsWith("tempo")).singleElement()
                .satisfies(e -> assertThat(e.message()).contains("allowed: keep_first, keep_last"));
    }

    @Test
    void runsTheAlgorithmsOwnCrossParameterCheck() {
        assertThat(errors(() -> validate(shuffle().algorithm("reverse").algorithmParam("keep_first", 6)
                .algorithmParam("keep_last", 6).build(), lookup(new ReverseAlgorithm()))))
                .containsExactly(new FieldError("algorithmParams.keep_last",
                        "keep_first + keep_last must be at most 10"));
    }

    @Test
    void declaresWriteModeWithItsAllowedValuesAndDefault() {
        ParamSpec writeMode = executor.parameters().get(0);
        assertThat(writeMode.name()).isEqualTo("write_mode");
        assertThat(writeMode.allowedValues()).containsExactly("replace", "reorder");
        assertThat(writeMode.defaultValue()).isEqualTo("replace");
        assertThat(catchThrowableOfType(ValidationException.class,
                () -> Params.parse(executor.parameters(), Map.of("write_mode", "shuffle"), "params")).errors())
                .containsExactly(new FieldError("params.write_mode",
                        "must be one of replace, reorder, was 'shuffle'"));
    }

    @Test
    void isFoundThroughServiceLoaderAsTheShuffleJobType() {
        assertThat(ServiceLoader.load(JobExecutor.class).stream().map(ServiceLoader.Provider::get)
                .filter(e -> e.type().equals("shuffle")).toList())
                .singleElement().isInstanceOf(ShuffleExecutor.class)
                .satisfies(e -> assertThat(e.snapshotType()).isEqualTo(SnapshotType.AUTO_PRE_SHUFFLE));
    }
}
