package dev.shuffify.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;

import dev.shuffify.benchmarks.ApiEconomyBenchmark.Job;
import dev.shuffify.spotify.ApiDialect;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Smoke test of table 3's harness at N = 50: real calls through the adapter, counted by the fake. */
class ApiEconomyBenchmarkTest {

    @Test
    void shuffleWithReplaceMakesTheMinimumCalls() {
        ApiEconomyBenchmark.Row row = ApiEconomyBenchmark.measure(ApiDialect.ITEMS, Job.SHUFFLE_REPLACE, 50);
        assertThat(row.status()).isEqualTo("success");
        assertThat(row.calls()).isEqualTo(2);
        assertThat(row.minimum()).isEqualTo(2);
        assertThat(row.verifyCalls()).isEqualTo(row.verifyMinimum()).isEqualTo(1);
        assertThat(row.byEndpoint()).containsEntry("PUT /v1/playlists/{playlist_id}/items", 1);
    }

    @Test
    void raidReadsTargetAndSourceAndAddsInOneBatch() {
        ApiEconomyBenchmark.Row row = ApiEconomyBenchmark.measure(ApiDialect.TRACKS, Job.RAID, 50);
        assertThat(row.status()).isEqualTo("success");
        assertThat(row.calls()).isEqualTo(row.minimum()).isEqualTo(3);
        assertThat(row.byEndpoint()).containsEntry("POST /v1/playlists/{playlist_id}/tracks", 1);
    }

    @Test
    void minimumCountsFollowPagesAndBatches() {
        assertThat(ApiEconomyBenchmark.reads(0, 50)).isEqualTo(1);
        assertThat(ApiEconomyBenchmark.reads(51, 50)).isEqualTo(2);
        assertThat(ApiEconomyBenchmark.writes(100)).isEqualTo(1);
        assertThat(ApiEconomyBenchmark.writes(101)).isEqualTo(2);
        assertThat(ApiEconomyBenchmark.longestIncreasing(List.of("a", "b", "c", "d"), List.of("b", "a", "c", "d")))
                .isEqualTo(3);
    }
}
