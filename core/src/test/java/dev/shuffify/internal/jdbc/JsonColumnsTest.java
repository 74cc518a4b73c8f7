package dev.shuffify.internal.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigInteger;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class JsonColumnsTest {
    /** A job_json value as the store's earlier hand-written codec wrote it (captured from that codec). */
    private static final String EARLIER_JOB_JSON = "{\"sources\":[{\"strategy\":\"playlist\",\"argument\":"
            + "\"https://open.spotify.com/playlist/37i9dQZF1DXcBWIGoYBM5M?si=a\\\"b\\\\c\",\"params\":{}}],"
            + "\"algorithm\":\"artist_spacing\",\"algorithmParams\":{\"min_gap\":3,\"weight\":0.25},\"params\":"
            + "{\"track_count\":20,\"dedupe\":true,\"since\":null,\"big\":12345678901,"
            + "\"huge\":123456789012345678901234567890,\"tags\":[\"a\\tb\",\"línea\\n2\",\"\\u0001\"],"
            + "\"nested\":{\"k\":[1,2.5,-3.0E-7]},\"ratio\":\"NaN\",\"when\":\"2026-11-22T10:15:30Z\","
            + "\"every\":\"PT1H30M\",\"mode\":\"MONDAY\"}}";

    /** A uris_json value as the earlier codec wrote it. */
    private static final String EARLIER_URIS_JSON = "[\"spotify:track:4uLU6hMCjMI75M1A2tKUQC\","
            + "\"spotify:local:Artist:Album:T%C3%ADtulo:215\",\"shuffify:unavailable\"]";

    @Test
    void readsTextTheEarlierCodecWroteToTheSameValues() {
        Map<String, Object> job = JsonColumns.readMap(EARLIER_JOB_JSON);

        assertThat(job).containsOnlyKeys("sources", "algorithm", "algorithmParams", "params");
        assertThat(job.get("sources")).isEqualTo(List.of(Map.of("strategy", "playlist",
                "argument", "https://open.spotify.com/playlist/37i9dQZF1DXcBWIGoYBM5M?si=a\"b\\c", "params", Map.of())));
        assertThat(job.get("algorithmParams")).isEqualTo(Map.of("min_gap", 3, "weight", 0.25));
        @SuppressWarnings("unchecked")
        Map<String, Object> params = (Map<String, Object>) job.get("params");
        assertThat(params.keySet()).containsExactly("track_count", "dedupe", "since", "big", "huge", "tags", "nested",
                "ratio", "when", "every", "mode");
        assertThat(params.get("track_count")).isInstanceOf(Integer.class).isEqualTo(20);
        assertThat(params.get("dedupe")).isEqualTo(true);
        assertThat(params).containsEntry("since", null);
        assertThat(params.get("big")).isInstanceOf(Long.class).isEqualTo(12345678901L);
        assertThat(params.get("huge")).isEqualTo(new BigInteger("123456789012345678901234567890"));
        assertThat(params.get("tags")).isEqualTo(List.of("a\tb", "línea\n2", "\u0001"));
        assertThat(params.get("nested")).isEqualTo(Map.of("k", List.of(1, 2.5, -3e-7)));
        assertThat(params.get("ratio")).isEqualTo("NaN");
        assertThat(params.get("when")).isEqualTo("2026-11-22T10:15:30Z");
        assertThat(params.get("every")).isEqualTo("PT1H30M");
        assertThat(params.get("mode")).isEqualTo("MONDAY");

        assertThat(JsonColumns.readStrings(EARLIER_URIS_JSON)).containsExactly("spotify:track:4uLU6hMCjMI75M1A2tKUQC",
                "spotify:local:Artist:Album:T%C3%ADtulo:215", "shuffify:unavailable");
    }

    @Test
    void writesTheSameTextTheEarlierCodecWrote() {
        Map<String, Object> source = new LinkedHashMap<>();
        source.put("strategy", "playlist");
        source.put("argument", "https://open.spotify.com/playlist/37i9dQZF1DXcBWIGoYBM5M?si=a\"b\\c");
        source.put("params", Map.of());
        Map<String, Object> algorithmParams = new LinkedHashMap<>();
        algorithmParams.put("min_gap", 3);
        algorithmParams.put("weight", 0.25);
        Map<String, Object> params = new LinkedHashMap<>();
        params.put("track_count", 20);
        params.put("dedupe", true);
        params.put("since", null);
        params.put("big", 12345678901L);
        params.put("huge", new BigInteger("123456789012345678901234567890"));
        params.put("tags", List.of("a\tb", "línea\n2", "\u0001"));
        params.put("nested", Map.of("k", List.of(1, 2.5, -3e-7)));
        params.put("ratio", "NaN");
        params.put("when", Instant.parse("2026-11-22T10:15:30Z"));
        params.put("every", Duration.ofMinutes(90));
        params.put("mode", DayOfWeek.MONDAY);
        Map<String, Object> job = new LinkedHashMap<>();
        job.put("sources", List.of(source));
        job.put("algorithm", "artist_spacing");
        job.put("algorithmParams", algorithmParams);
        job.put("params", params);

        assertThat(JsonColumns.write(job)).isEqualTo(EARLIER_JOB_JSON);
        assertThat(JsonColumns.write(JsonColumns.readStrings(EARLIER_URIS_JSON))).isEqualTo(EARLIER_URIS_JSON);
    }

    @Test
    void writesOtherValuesAsTheirStringForm() {
        record Counts(int added) {
        }
        assertThat(JsonColumns.write(Map.of("counts", new Counts(2)))).isEqualTo("{\"counts\":\"Counts[added=2]\"}");
    }

    @Test
    void keepsNotANumberAndTheInfinitiesAsDoubles() {
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("nan", Double.NaN);
        details.put("up", Double.POSITIVE_INFINITY);
        details.put("down", Float.NEGATIVE_INFINITY);

        String text = JsonColumns.write(details);

        assertThat(text).isEqualTo("{\"nan\":NaN,\"up\":Infinity,\"down\":-Infinity}");
        Map<String, Object> back = JsonColumns.readMap(text);
        assertThat(back.get("nan")).isInstanceOf(Double.class).matches(v -> ((Double) v).isNaN());
        assertThat(back.get("up")).isEqualTo(Double.POSITIVE_INFINITY);
        assertThat(back.get("down")).isEqualTo(Double.NEGATIVE_INFINITY);
    }

    @Test
    void refusesTextNestedTwentyThousandDeepWithAClearError() {
        String deep = "[".repeat(20_000) + "]".repeat(20_000);

        assertThatThrownBy(() -> JsonColumns.read(deep)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("malformed JSON").hasMessageContaining("nesting depth")
                .hasMessageContaining(String.valueOf(JsonColumns.MAX_DEPTH));
        assertThatThrownBy(() -> JsonColumns.readMap("{\"a\":" + deep + "}"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("nesting depth");
    }

    @Test
    void refusesToWriteAValueNestedDeeperThanTheLimit() {
        List<Object> deep = new ArrayList<>();
        List<Object> inner = deep;
        for (int i = 0; i < 20_000; i++) {
            List<Object> next = new ArrayList<>();
            inner.add(next);
            inner = next;
        }

        assertThatThrownBy(() -> JsonColumns.write(deep)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("nesting depth");
    }

    @Test
    void refusesOverlongNumbersAndStrings() {
        char[] digits = new char[JsonColumns.MAX_NUMBER_LENGTH + 1];
        Arrays.fill(digits, '7');
        assertThatThrownBy(() -> JsonColumns.read("[" + new String(digits) + "]"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("Number value length");
        String big = "\"" + "x".repeat(JsonColumns.MAX_STRING_LENGTH + 1) + "\"";
        assertThatThrownBy(() -> JsonColumns.read(big)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("String value length");
    }

    @Test
    void refusesMalformedTextAndTheWrongShape() {
        assertThatThrownBy(() -> JsonColumns.read("{\"a\":1} trailing")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("malformed JSON");
        assertThatThrownBy(() -> JsonColumns.readMap("[1]")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("expected a JSON object");
        assertThatThrownBy(() -> JsonColumns.readStrings("{}")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("expected a JSON array");
    }

    @Test
    void readsNullAndBlankAsEmpty() {
        assertThat(JsonColumns.readMap(null)).isEmpty();
        assertThat(JsonColumns.readMap(" ")).isEmpty();
        assertThat(JsonColumns.readStrings(null)).isEmpty();
        assertThat(JsonColumns.read(null)).isNull();
        assertThat(JsonColumns.readStrings("[\"a\",null,3]")).containsExactly("a", null, "3");
    }
}
