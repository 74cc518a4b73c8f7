package dev.shuffify.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.shuffify.json.ShuffifyJacksonModule;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Codes beside the texts of warnings and skip reasons, carried from a job's result into its execution. */
class StructuredResultTest {
    static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");

    @Test
    void aCodedWarningKeepsItsTextAmongTheWarnings() {
        JobResult r = JobResult.builder().warning("plain text").warning("source_gone", "source 2 is gone")
                .skipped("nothing_new", "no new tracks").detail("found", 3).build();
        assertThat(r.warnings()).containsExactly("plain text", "source 2 is gone");
        assertThat(r.notices()).containsExactly(new Notice("source_gone", "source 2 is gone"));
        assertThat(r.skipReason()).contains(new Notice("nothing_new", "no new tracks"));
        assertThat(r.details()).containsEntry("found", 3);
        assertThat(JobResult.builder().build().skipReason()).isEmpty();
        assertThat(JobResult.builder().build().notices()).isEmpty();
    }

    @Test
    void codesAreValidated() {
        assertThatThrownBy(() -> JobResult.builder().warning("Not A Code", "x"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("notice code");
        assertThatThrownBy(() -> JobResult.builder().skipped("", "x")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Notice("a".repeat(Notice.MAX_CODE_LENGTH + 1), "x"))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void anExecutionCarriesTheCodesOfItsResultAndOfAChainsSteps() {
        JobResult raid = JobResult.builder().warning("source_gone", "gone").skipped("nothing_new", "none").build();
        JobResult shuffle = JobResult.builder().skipped("all_tracks_pinned", "pinned").build();
        Map<String, Object> chain = new LinkedHashMap<>();
        raid.details().forEach((k, v) -> chain.put("raid." + k, v));
        shuffle.details().forEach((k, v) -> chain.put("shuffle." + k, v));
        Execution done = running().succeeded(T0, new JobResult(0, 0, 5, chain, raid.warnings()));
        assertThat(done.notices()).containsExactly(new Notice("source_gone", "gone"));
        assertThat(done.skipReason()).map(Notice::code).contains("nothing_new");
    }

    @Test
    void theCodesSurviveJsonAsAStoreOrARestApiWritesThem() throws Exception {
        Execution done = running().succeeded(T0, JobResult.builder().tracksTotal(4)
                .warning("wrote_with_moves", "moved instead").skipped("order_unchanged", "same order").build());
        ObjectMapper mapper = new ObjectMapper().registerModule(new ShuffifyJacksonModule());
        Execution back = mapper.readValue(mapper.writeValueAsString(done), Execution.class);
        assertThat(back.notices()).containsExactly(new Notice("wrote_with_moves", "moved instead"));
        assertThat(back.skipReason()).contains(new Notice("order_unchanged", "same order"));
    }

    @Test
    void withCountsKeepsEverythingElse() {
        Execution failed = running().ended(T0, ExecutionStatus.FAILED, "boom");
        Execution kept = failed.withCounts(100, 0, 103);
        assertThat(kept.tracksAdded()).isEqualTo(100);
        assertThat(kept.tracksTotal()).isEqualTo(103);
        assertThat(kept.errorMessage()).isEqualTo("boom");
        assertThat(kept.status()).isEqualTo(ExecutionStatus.FAILED);
        assertThatThrownBy(() -> failed.withCounts(-1, 0, 0)).isInstanceOf(IllegalArgumentException.class);
    }

    private static Execution running() {
        return new Execution("e1", "s1", "alice", "raid", T0, null, ExecutionStatus.RUNNING, 0, 0, 0, null,
                TriggerSource.MANUAL, 1, Map.of(), List.of());
    }
}
