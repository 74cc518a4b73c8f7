package dev.shuffify.spi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.shuffify.error.ValidationException;
import dev.shuffify.error.ValidationException.FieldError;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class ParamSpecTest {

    static final ParamSpec SECTIONS = ParamSpec.integer("section_count", "How many sections").range(2, 10)
            .withDefault(4);
    static final ParamSpec LOCATION = ParamSpec.choice("shuffle_location", "Which end", "front", "back")
            .withDefault("front");
    static final ParamSpec ALBUMS = ParamSpec.bool("shuffle_within_albums", "Shuffle inside albums")
            .withDefault(false);
    static final ParamSpec LABEL = ParamSpec.string("label", "A label");
    static final ParamSpec ARTISTS = ParamSpec.list("artists", "Artist ids");
    static final ParamSpec UNTIL = ParamSpec.date("until", "Last day");
    static final List<ParamSpec> ALL = List.of(SECTIONS, LOCATION, ALBUMS, LABEL, ARTISTS, UNTIL);

    static Map<String, Object> raw(Object... pairs) {
        Map<String, Object> map = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            map.put((String) pairs[i], pairs[i + 1]);
        }
        return map;
    }

    static ValidationException rejected(Map<String, Object> raw) {
        try {
            Params.parse(ALL, raw, "job.params");
        } catch (ValidationException e) {
            return e;
        }
        throw new AssertionError("expected " + raw + " to be rejected");
    }

    @Test
    void defaultsFillTheGapsAndAbsentOptionalValuesStayAbsent() {
        Params p = Params.parse(ALL, Map.of(), "job.params");
        assertThat(p.getInt("section_count")).isEqualTo(4);
        assertThat(p.getString("shuffle_location")).contains("front");
        assertThat(p.getBoolean("shuffle_within_albums", true)).isFalse();
        assertThat(p.has("label")).isFalse();
        assertThat(p.getString("label")).isEmpty();
        assertThat(p.getList("artists")).isEmpty();
        assertThat(p.getDate("until")).isEmpty();
        assertThat(p.asMap()).containsOnlyKeys("section_count", "shuffle_location", "shuffle_within_albums");
    }

    @Test
    void aNullMapIsTheSameAsAnEmptyOne() {
        assertThat(Params.parse(ALL, null, "params").asMap()).isEqualTo(Params.parse(ALL, Map.of(), "params").asMap());
    }

    @Test
    void everyTypeIsCoercedToItsJavaType() {
        Params p = Params.parse(ALL, raw("section_count", "6", "shuffle_location", "BACK",
                "shuffle_within_albums", "yes", "label", 42, "artists", "a1, a2,,a3", "until", "2026-01-31"),
                "params");
        assertThat(p.asMap()).containsEntry("section_count", 6).containsEntry("shuffle_location", "back")
                .containsEntry("shuffle_within_albums", true).containsEntry("label", "42")
                .containsEntry("artists", List.of("a1", "a2", "a3"))
                .containsEntry("until", LocalDate.of(2026, 1, 31));
    }

    @Test
    void theResultIsUnmodifiable() {
        Params p = Params.parse(ALL, Map.of(), "params");
        assertThatThrownBy(() -> p.asMap().put("section_count", 9)).isInstanceOf(UnsupportedOperationException.class);
    }

    @Nested
    class Integers {
        @ParameterizedTest
        @ValueSource(strings = {"2", " 7 ", "+10", "0004"})
        void numericStringsInRangeAreAccepted(String value) {
            assertThat(SECTIONS.coerce(value, "f")).isEqualTo(Integer.parseInt(value.trim()));
        }

        @Test
        void wholeNumbersOfAnyNumericTypeAreAccepted() {
            assertThat(SECTIONS.coerce(5L, "f")).isEqualTo(5);
            assertThat(SECTIONS.coerce(5.0, "f")).isEqualTo(5);
            assertThat(SECTIONS.coerce((short) 3, "f")).isEqualTo(3);
        }

        @Test
        void outOfRangeNamesTheFieldWithPrefixAndTheRange() {
            ValidationException e = rejected(raw("section_count", 11));
            assertThat(e.errors()).singleElement().satisfies(err -> {
                assertThat(err.field()).isEqualTo("job.params.section_count");
                assertThat(err.message()).contains("2..10").contains("11");
            });
        }

        @ParameterizedTest
        @ValueSource(strings = {"five", "5.5", "", "1e3", "99999999999"})
        void nonIntegersAreRejectedNamingWhatIsAllowed(String value) {
            assertThatThrownBy(() -> SECTIONS.coerce(value, "job.params.section_count"))
                    .isInstanceOfSatisfying(ValidationException.class, e -> {
                        assertThat(e.errors()).extracting(FieldError::field)
                                .containsExactly("job.params.section_count");
                        assertThat(e.getMessage()).contains("an integer 2..10");
                    });
        }

        @Test
        void fractionsAndValuesBeyondIntAreRejected() {
            assertThatThrownBy(() -> SECTIONS.coerce(4.5, "f")).isInstanceOf(ValidationException.class);
            ParamSpec unbounded = ParamSpec.integer("n", "");
            assertThatThrownBy(() -> unbounded.coerce(Long.MAX_VALUE, "f")).isInstanceOf(ValidationException.class);
            assertThatThrownBy(() -> unbounded.coerce(Double.NaN, "f")).isInstanceOf(ValidationException.class);
            assertThat(unbounded.coerce(Integer.MIN_VALUE, "f")).isEqualTo(Integer.MIN_VALUE);
        }

        @Test
        void aLowerBoundAloneIsDescribedAndEnforced() {
            ParamSpec count = ParamSpec.integer("rotation_count", "").atLeast(1).withDefault(5);
            assertThat(count.allowed()).isEqualTo("an integer >= 1, default 5");
            assertThatThrownBy(() -> count.coerce(0, "params.rotation_count"))
                    .hasMessageContaining("params.rotation_count").hasMessageContaining(">= 1");
            assertThat(count.coerce(Integer.MAX_VALUE, "f")).isEqualTo(Integer.MAX_VALUE);
        }

        @Test
        void aRangeAddedAfterTheDefaultStillChecksTheDefault() {
            assertThatThrownBy(() -> ParamSpec.integer("n", "").withDefault(50).range(1, 10))
                    .isInstanceOf(ParamDeclarationException.class).hasMessageContaining("1..10");
            assertThatThrownBy(() -> ParamSpec.integer("n", "").withDefault(0).atLeast(1))
                    .isInstanceOf(ParamDeclarationException.class).hasMessageContaining(">= 1");
        }
    }

    @Nested
    class Booleans {
        @ParameterizedTest
        @ValueSource(strings = {"true", "TRUE", "yes", "Yes", "on", "1", " true "})
        void truthyStrings(String value) {
            assertThat(ALBUMS.coerce(value, "f")).isEqualTo(true);
        }

        @ParameterizedTest
        @ValueSource(strings = {"false", "no", "NO", "off", "0"})
        void falsyStrings(String value) {
            assertThat(ALBUMS.coerce(value, "f")).isEqualTo(false);
        }

        @Test
        void anythingElseIsRejectedNamingTheField() {
            ValidationException e = rejected(raw("shuffle_within_albums", "maybe"));
            assertThat(e.errors()).singleElement().satisfies(err -> {
                assertThat(err.field()).isEqualTo("job.params.shuffle_within_albums");
                assertThat(err.message()).contains("true or false").contains("maybe");
            });
        }

        @Test
        void uncheckedParamsCoerceTheSameWords() {
            Params p = Params.of(raw("a", "yes", "b", "no", "c", "1", "d", "true", "e", "off", "f", Boolean.TRUE));
            assertThat(p.getBoolean("a", false)).isTrue();
            assertThat(p.getBoolean("b", true)).isFalse();
            assertThat(p.getBoolean("c", false)).isTrue();
            assertThat(p.getBoolean("d", false)).isTrue();
            assertThat(p.getBoolean("e", true)).isFalse();
            assertThat(p.getBoolean("f", false)).isTrue();
            assertThat(p.getBoolean("absent", true)).isTrue();
        }

        @Test
        void anUncheckedValueThatIsNoBooleanIsAnErrorNotASilentFalse() {
            Params p = Params.of(Map.of("flag", "maybe"));
            assertThatThrownBy(() -> p.getBoolean("flag", true)).hasMessageContaining("flag")
                    .hasMessageContaining("maybe");
        }
    }

    @Nested
    class Choices {
        @Test
        void matchIgnoringCaseAndReturnTheDeclaredSpelling() {
            assertThat(LOCATION.coerce(" Back ", "f")).isEqualTo("back");
        }

        @Test
        void anUnknownValueListsTheAllowedValues() {
            ValidationException e = rejected(raw("shuffle_location", "middle"));
            assertThat(e.errors()).singleElement().satisfies(err -> {
                assertThat(err.field()).isEqualTo("job.params.shuffle_location");
                assertThat(err.message()).contains("one of front, back").contains("middle");
            });
        }

        @Test
        void aChoiceNeedsAllowedValuesAndADefaultAmongThem() {
            assertThatThrownBy(() -> ParamSpec.choice("mode", "")).isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("mode");
            assertThatThrownBy(() -> ParamSpec.choice("mode", "", "a", "b").withDefault("c"))
                    .isInstanceOf(ParamDeclarationException.class).hasMessageContaining("one of a, b");
            assertThat(ParamSpec.choice("mode", "", "a", "b").withDefault("B").defaultValue()).isEqualTo("b");
        }
    }

    @Nested
    class ListsDatesAndText {
        @Test
        void listsAcceptIterablesAndCommaSeparatedText() {
            assertThat(ARTISTS.coerce(List.of(1, "x"), "f")).isEqualTo(List.of("1", "x"));
            assertThat(ARTISTS.coerce("one", "f")).isEqualTo(List.of("one"));
            assertThat(ARTISTS.coerce(" , ", "f")).isEqualTo(List.of());
        }

        @Test
        void datesAreIsoDates() {
            assertThat(UNTIL.coerce(LocalDate.of(2026, 2, 1), "f")).isEqualTo(LocalDate.of(2026, 2, 1));
            ValidationException e = rejected(raw("until", "31/01/2026"));
            assertThat(e.errors()).singleElement().satisfies(err -> {
                assertThat(err.field()).isEqualTo("job.params.until");
                assertThat(err.message()).contains("yyyy-mm-dd").contains("31/01/2026");
            });
            assertThatThrownBy(() -> UNTIL.coerce("2026-02-30", "f")).isInstanceOf(ValidationException.class);
        }

        @Test
        void textTakesAnyValue() {
            assertThat(LABEL.coerce(3.5, "f")).isEqualTo("3.5");
        }
    }

    @Test
    void aRequiredParameterMustBeGivenAndHasNoDefault() {
        ParamSpec uris = ParamSpec.list("uris", "tracks").asRequired();
        assertThat(uris.required()).isTrue();
        assertThat(uris.defaultValue()).isNull();
        assertThatThrownBy(() -> Params.parse(List.of(uris), Map.of(), "job.params"))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.errors())
                        .containsExactly(new FieldError("job.params.uris", "is required: a list of strings")));
    }

    @Test
    void unknownParametersAreRejectedListingTheDeclaredOnes() {
        ValidationException e = rejected(raw("colour", "red"));
        assertThat(e.errors()).singleElement().satisfies(err -> {
            assertThat(err.field()).isEqualTo("job.params.colour");
            assertThat(err.message()).contains("unknown parameter")
                    .contains("section_count, shuffle_location, shuffle_within_albums, label, artists, until");
        });
        assertThatThrownBy(() -> Params.parse(List.of(), Map.of("x", 1), "algorithmParams"))
                .hasMessageContaining("algorithmParams.x").hasMessageContaining("allowed: none");
    }

    @Test
    void everyErrorIsReportedAtOnce() {
        ValidationException e = rejected(raw("section_count", 1, "shuffle_location", "up", "colour", "red",
                "until", "soon"));
        assertThat(e.errors()).extracting(FieldError::field).containsExactlyInAnyOrder("job.params.colour",
                "job.params.section_count", "job.params.shuffle_location", "job.params.until");
    }

    @Test
    void withoutPrefixTheFieldIsTheBareName() {
        assertThatThrownBy(() -> Params.parse(List.of(SECTIONS), Map.of("section_count", 0), ""))
                .isInstanceOfSatisfying(ValidationException.class,
                        e -> assertThat(e.errors().get(0).field()).isEqualTo("section_count"));
    }

    @Test
    void declarationsAreCheckedWhenMade() {
        assertThatThrownBy(() -> ParamSpec.integer(" ", "")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ParamSpec.integer("n", "").range(5, 1)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("min 5 > max 1");
        assertThatThrownBy(() -> ParamSpec.bool("b", "").withDefault("perhaps"))
                .isInstanceOf(ParamDeclarationException.class);
        assertThat(ParamSpec.integer("n", null).description()).isEmpty();
    }

    @Test
    void allowedDescribesEachType() {
        assertThat(SECTIONS.allowed()).isEqualTo("an integer 2..10, default 4");
        assertThat(LOCATION.allowed()).isEqualTo("one of front, back, default front");
        assertThat(ALBUMS.allowed()).isEqualTo("true or false, default false");
        assertThat(LABEL.allowed()).isEqualTo("text");
        assertThat(ARTISTS.allowed()).isEqualTo("a list of strings");
        assertThat(UNTIL.allowed()).isEqualTo("a date yyyy-mm-dd");
    }

    @Nested
    class UncheckedParams {
        @Test
        void gettersConvertLooseValues() {
            Params p = Params.of(raw("n", "5", "d", "2026-03-01", "l", List.of(1, 2), "s", "x"));
            assertThat(p.getInt("n")).isEqualTo(5);
            assertThat(p.getInt("missing", 7)).isEqualTo(7);
            assertThat(p.getDate("d")).contains(LocalDate.of(2026, 3, 1));
            assertThat(p.getList("l")).containsExactly("1", "2");
            assertThat(p.getList("s")).containsExactly("x");
            assertThat(p.getString("s", "y")).isEqualTo("x");
            assertThat(p.getString("missing", "y")).isEqualTo("y");
        }

        @Test
        void gettersApplyTheRulesOfTheDeclaredTypes() {
            Params p = Params.of(raw("l", "a, b,,c", "big", 5_000_000_000L, "n", "five", "d", "31/01/2026",
                    "whole", 6.0));
            assertThat(p.getList("l")).containsExactly("a", "b", "c");
            assertThat(p.getInt("whole")).isEqualTo(6);
            assertThatThrownBy(() -> p.getInt("big")).isInstanceOf(ValidationException.class)
                    .hasMessageContaining("big");
            assertThatThrownBy(() -> p.getInt("n")).isInstanceOf(ValidationException.class)
                    .hasMessageContaining("n: must be an integer");
            assertThatThrownBy(() -> p.getDate("d")).isInstanceOf(ValidationException.class)
                    .hasMessageContaining("d: must be a date yyyy-mm-dd");
        }

        @Test
        void aMissingIntegerWithoutDefaultNamesTheParameter() {
            assertThatThrownBy(() -> Params.empty().getInt("section_count"))
                    .isInstanceOf(IllegalStateException.class).hasMessageContaining("section_count");
        }

        @Test
        void valuesAreCopiedIn() {
            Map<String, Object> source = new LinkedHashMap<>(Map.of("n", 1));
            Params p = Params.of(source);
            source.put("n", 2);
            assertThat(p.getInt("n")).isEqualTo(1);
        }
    }
}
