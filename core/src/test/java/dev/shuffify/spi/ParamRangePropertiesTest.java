package dev.shuffify.spi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.shuffify.error.ValidationException;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Assume;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;

class ParamRangePropertiesTest {

    @Property
    void anyIntegerInTheRangeIsAccepted(@ForAll @IntRange(min = -1000, max = 1000) int min,
            @ForAll @IntRange(min = 0, max = 1000) int width, @ForAll @IntRange(min = 0, max = 1000) int offset) {
        Assume.that(offset <= width);
        ParamSpec spec = ParamSpec.integer("n", "").range(min, min + width);
        int value = min + offset;
        assertThat(Params.parse(List.of(spec), Map.of("n", value), "params").getInt("n")).isEqualTo(value);
        assertThat(Params.parse(List.of(spec), Map.of("n", String.valueOf(value)), "params").getInt("n"))
                .isEqualTo(value);
    }

    @Property
    void anyIntegerOutsideTheRangeIsRejectedNamingTheRange(@ForAll @IntRange(min = -1000, max = 1000) int min,
            @ForAll @IntRange(min = 0, max = 1000) int width, @ForAll int value) {
        int max = min + width;
        Assume.that(value < min || value > max);
        ParamSpec spec = ParamSpec.integer("n", "").range(min, max);
        assertThatThrownBy(() -> Params.parse(List.of(spec), Map.of("n", value), "job.params"))
                .isInstanceOfSatisfying(ValidationException.class, e -> {
                    assertThat(e.errors()).singleElement().satisfies(err -> {
                        assertThat(err.field()).isEqualTo("job.params.n");
                        assertThat(err.message()).contains(min + ".." + max).contains(String.valueOf(value));
                    });
                });
    }
}
