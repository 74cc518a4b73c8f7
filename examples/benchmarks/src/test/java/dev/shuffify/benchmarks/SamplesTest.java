package dev.shuffify.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SamplesTest {

    @Test
    void reportsMedianWithMinAndMax() {
        Samples s = new Samples().add(3).add(1).add(10).add(2);
        assertThat(s.median()).isEqualTo(2.5);
        assertThat(s.min()).isEqualTo(1);
        assertThat(s.max()).isEqualTo(10);
        assertThat(s.format("%.1f")).isEqualTo("2.5 (1.0–10.0)");
    }

    @Test
    void oddCountTakesTheMiddleValue() {
        assertThat(new Samples().add(5).add(1).add(3).median()).isEqualTo(3);
    }
}
