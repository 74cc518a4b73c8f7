package dev.shuffify.spi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.shuffify.error.ValidationException;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Contradictory declarations are refused where they are made, with an error that is not a user's. */
class ParamDeclarationTest {

    @Test
    void aDefaultThenRequiredIsRefusedInsteadOfDroppingTheDefault() {
        assertThatThrownBy(() -> ParamSpec.integer("count", "How many").withDefault(3).asRequired())
                .isInstanceOfSatisfying(ParamDeclarationException.class, e -> {
                    assertThat(e.parameter()).isEqualTo("count");
                    assertThat(e).hasMessageContaining("count").hasMessageContaining("required")
                            .hasMessageContaining("default 3");
                })
                .isNotInstanceOf(ValidationException.class);
    }

    @Test
    void requiredThenADefaultIsRefusedInsteadOfDroppingRequired() {
        assertThatThrownBy(() -> ParamSpec.string("staging", "").asRequired().withDefault("x"))
                .isInstanceOf(ParamDeclarationException.class).hasMessageContaining("required");
        assertThatThrownBy(() -> new ParamSpec("n", ParamType.INTEGER, "", 3, null, null, List.of(), true))
                .isInstanceOf(ParamDeclarationException.class);
    }

    @Test
    void aRangeOnAnythingButAnIntegerIsRefused() {
        assertThatThrownBy(() -> ParamSpec.string("label", "").range(1, 3))
                .isInstanceOf(ParamDeclarationException.class).hasMessageContaining("range(1, 3)")
                .hasMessageContaining("string");
        assertThatThrownBy(() -> ParamSpec.list("uris", "").atLeast(1)).isInstanceOf(ParamDeclarationException.class);
        assertThatThrownBy(() -> ParamSpec.choice("m", "", "a").atMost(1))
                .isInstanceOf(ParamDeclarationException.class);
        assertThatThrownBy(() -> new ParamSpec("d", ParamType.DATE, "", null, 1, null, List.of(), false))
                .isInstanceOf(ParamDeclarationException.class);
    }

    @Test
    void allowedValuesOnAnythingButAChoiceAreRefused() {
        assertThatThrownBy(() -> new ParamSpec("s", ParamType.STRING, "", null, null, null, List.of("a"), false))
                .isInstanceOf(ParamDeclarationException.class).hasMessageContaining("allowed values");
    }

    @Test
    void aDefaultOutsideTheDeclarationIsRefusedWhicheverCameFirst() {
        assertThatThrownBy(() -> ParamSpec.integer("n", "").range(1, 10).withDefault(11))
                .isInstanceOf(ParamDeclarationException.class).hasMessageContaining("1..10");
        assertThatThrownBy(() -> ParamSpec.integer("n", "").withDefault(11).atMost(10))
                .isInstanceOf(ParamDeclarationException.class).hasMessageContaining("<= 10");
        assertThatThrownBy(() -> ParamSpec.integer("n", "").withDefault("many"))
                .isInstanceOf(ParamDeclarationException.class);
        assertThatThrownBy(() -> ParamSpec.integer("n", "").withDefault(null))
                .isInstanceOf(ParamDeclarationException.class).hasMessageContaining("null");
    }

    @Test
    void choicesNeedDistinctNonBlankValues() {
        assertThatThrownBy(() -> ParamSpec.choice("m", "")).isInstanceOf(ParamDeclarationException.class);
        assertThatThrownBy(() -> ParamSpec.choice("m", "", "a", " ")).isInstanceOf(ParamDeclarationException.class);
        assertThatThrownBy(() -> ParamSpec.choice("m", "", "top", "TOP"))
                .isInstanceOf(ParamDeclarationException.class).hasMessageContaining("twice");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", " ", "1st", "a.b", "with space", "params.count"})
    void malformedNamesAreRefused(String name) {
        assertThatThrownBy(() -> ParamSpec.integer(name, "")).isInstanceOf(ParamDeclarationException.class);
    }

    @Test
    void aWellFormedDeclarationKeepsEveryPart() {
        ParamSpec count = ParamSpec.integer("count", "How many").atLeast(1).atMost(9).withDefault("4");
        assertThat(count.min()).isEqualTo(1);
        assertThat(count.max()).isEqualTo(9);
        assertThat(count.defaultValue()).isEqualTo(4);
        assertThat(count.required()).isFalse();
        ParamSpec required = ParamSpec.string("staging", "").asRequired();
        assertThat(required.required()).isTrue();
        assertThat(required.defaultValue()).isNull();
    }

    @Test
    void aPrefixEndingInADotDoesNotDoubleIt() {
        List<ParamSpec> specs = List.of(ParamSpec.integer("count", "").atLeast(1));
        for (String prefix : List.of("job.params", "job.params.")) {
            assertThatThrownBy(() -> Params.parse(specs, Map.of("count", 0), prefix))
                    .isInstanceOfSatisfying(ValidationException.class,
                            e -> assertThat(e.errors().get(0).field()).isEqualTo("job.params.count"));
            assertThatThrownBy(() -> Params.parse(specs, Map.of("colour", 1), prefix))
                    .isInstanceOfSatisfying(ValidationException.class,
                            e -> assertThat(e.errors()).extracting(ValidationException.FieldError::field)
                                    .contains("job.params.colour"));
        }
    }

    @Test
    void uncheckedParamsStillReadAnyName() {
        Params p = Params.of(Map.of("my.odd name", "5"));
        assertThat(p.getInt("my.odd name")).isEqualTo(5);
    }
}
