package dev.shuffify.algorithms;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.shuffify.error.ValidationException;
import dev.shuffify.spi.ParamSpec;
import dev.shuffify.spi.ParamType;
import dev.shuffify.spi.Params;
import dev.shuffify.spi.ShuffleAlgorithm;
import dev.shuffify.spi.ShuffleRequest;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The declared parameters are those of the specification, and out-of-range values are rejected clearly. */
class AlgorithmParametersTest {

    /** Every declared parameter as the specification lists it: type, default, minimum, maximum, choices. */
    static Stream<Arguments> specification() {
        return Stream.of(
                Arguments.of(new BasicShuffle(), "keep_first", ParamType.INTEGER, 0, 0, null, List.of()),
                Arguments.of(new PercentageShuffle(), "shuffle_percentage", ParamType.INTEGER, 50, 0, 100, List.of()),
                Arguments.of(new PercentageShuffle(), "shuffle_location", ParamType.ENUM, "front", null, null,
                        List.of("front", "back")),
                Arguments.of(new BalancedShuffle(), "keep_first", ParamType.INTEGER, 0, 0, null, List.of()),
                Arguments.of(new BalancedShuffle(), "section_count", ParamType.INTEGER, 4, 2, 10, List.of()),
                Arguments.of(new StratifiedShuffle(), "keep_first", ParamType.INTEGER, 0, 0, null, List.of()),
                Arguments.of(new StratifiedShuffle(), "section_count", ParamType.INTEGER, 5, 1, 20, List.of()),
                Arguments.of(new ArtistSpacingShuffle(), "min_spacing", ParamType.INTEGER, 1, 1, 10, List.of()),
                Arguments.of(new AlbumSequenceShuffle(), "shuffle_within_albums", ParamType.BOOLEAN, false, null,
                        null, List.of()),
                Arguments.of(new NewestFirstShuffle(), "jitter", ParamType.INTEGER, 5, 1, 50, List.of()));
    }

    @ParameterizedTest(name = "{0}.{1}")
    @MethodSource("specification")
    void declaresTheParameterAsSpecified(ShuffleAlgorithm algorithm, String name, ParamType type, Object defaultValue,
            Integer min, Integer max, List<String> allowed) {
        ParamSpec spec = spec(algorithm, name);

        assertThat(spec.type()).isEqualTo(type);
        assertThat(spec.defaultValue()).isEqualTo(defaultValue);
        assertThat(spec.min()).isEqualTo(min);
        assertThat(spec.max()).isEqualTo(max);
        assertThat(spec.allowedValues()).isEqualTo(allowed);
        assertThat(spec.required()).isFalse();
    }

    @Test
    void declaresNoOtherParameters() {
        long declared = Algorithms.ALL.stream().mapToLong(a -> a.parameters().size()).sum();

        assertThat(declared).isEqualTo(specification().count());
    }

    @ParameterizedTest(name = "{0}.{1}")
    @MethodSource("specification")
    void rejectsValuesOutsideTheRangeNamingTheParameterAndTheRange(ShuffleAlgorithm algorithm, String name,
            ParamType type, Object defaultValue, Integer min, Integer max) {
        ParamSpec spec = spec(algorithm, name);
        if (type == ParamType.INTEGER) {
            String range = max == null ? ">= " + min : min + ".." + max;
            assertRejected(algorithm, name, min - 1, range);
            if (max != null) {
                assertRejected(algorithm, name, max + 1, range);
            }
            assertRejected(algorithm, name, "many", range);
        } else if (type == ParamType.ENUM) {
            assertRejected(algorithm, name, "middle", String.join(", ", spec.allowedValues()));
        } else {
            assertRejected(algorithm, name, "maybe", "true or false");
        }
    }

    @ParameterizedTest(name = "{0}.{1}")
    @MethodSource("specification")
    void acceptsTheBoundsOfTheRange(ShuffleAlgorithm algorithm, String name, ParamType type, Object defaultValue,
            Integer min, Integer max) {
        if (type == ParamType.INTEGER) {
            assertThat(Params.parse(algorithm.parameters(), Map.of(name, min), "params").getInt(name))
                    .isEqualTo(min);
            if (max != null) {
                assertThat(Params.parse(algorithm.parameters(), Map.of(name, String.valueOf(max)), "params")
                        .getInt(name)).isEqualTo(max);
            }
        }
    }

    @ParameterizedTest(name = "{0}.{1}")
    @MethodSource("specification")
    void shuffleRejectsUncheckedOutOfRangeValuesTooNamingTheParameter(ShuffleAlgorithm algorithm, String name,
            ParamType type, Object defaultValue, Integer min) {
        Object bad = type == ParamType.INTEGER ? (Object) (min - 1) : "neither";
        ShuffleRequest request = new ShuffleRequest(Playlists.ofArtists(1, 2, 3), Params.of(Map.of(name, bad)),
                new SplittableRandom(1));

        assertThatThrownBy(() -> algorithm.shuffle(request))
                .isInstanceOfSatisfying(ValidationException.class,
                        e -> assertThat(e.errors()).singleElement()
                                .satisfies(err -> assertThat(err.field()).isEqualTo(name)));
    }

    @Test
    void rejectsUnknownParametersListingTheAllowedOnes() {
        assertThatThrownBy(() -> Params.parse(new BalancedShuffle().parameters(), Map.of("sections", 3), "params"))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.errors()).singleElement()
                        .satisfies(err -> {
                            assertThat(err.field()).isEqualTo("params.sections");
                            assertThat(err.message()).contains("keep_first", "section_count");
                        }));
    }

    @Test
    void everyAlgorithmAcceptsItsDefaults() {
        for (ShuffleAlgorithm algorithm : Algorithms.ALL) {
            Params defaults = Params.parse(algorithm.parameters(), Map.of(), "params");
            algorithm.validate(defaults);
            assertThat(defaults.asMap()).as(algorithm.name()).hasSize(algorithm.parameters().size());
        }
    }

    private static void assertRejected(ShuffleAlgorithm algorithm, String name, Object value, String allowed) {
        assertThatThrownBy(() -> Params.parse(algorithm.parameters(), Map.of(name, value), "params"))
                .as("%s.%s = %s", algorithm.name(), name, value)
                .isInstanceOfSatisfying(ValidationException.class, e -> {
                    assertThat(e.errors()).singleElement().satisfies(err -> {
                        assertThat(err.field()).isEqualTo("params." + name);
                        assertThat(err.message()).contains(allowed);
                    });
                    assertThat(e.getMessage()).contains("params." + name, allowed);
                });
    }

    private static ParamSpec spec(ShuffleAlgorithm algorithm, String name) {
        return algorithm.parameters().stream().filter(s -> s.name().equals(name)).findFirst()
                .orElseThrow(() -> new AssertionError(algorithm.name() + " does not declare " + name));
    }
}
