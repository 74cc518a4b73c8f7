package dev.shuffify.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Smoke test of table 4's harness at a tiny size: it runs and its figures are real. */
class AlgorithmBenchmarkTest {

    @Test
    void timesEveryBuiltInAlgorithmAgainstTheBaseline() {
        List<AlgorithmBenchmark.Subject> subjects = AlgorithmBenchmark.subjects();
        assertThat(subjects).extracting(AlgorithmBenchmark.Subject::label)
                .contains("basic", "artist_spacing", "artist_spacing {min_spacing=2}", "merge_shuffle");
        AlgorithmBenchmark.Settings tiny = new AlgorithmBenchmark.Settings(List.of(200), 3, 1_000_000L, 500_000L,
                200, 2);
        AlgorithmBenchmark.Speed speed = AlgorithmBenchmark.speed(subjects.get(0), SkewedPlaylist.of(200, 1.0 / 3, 1),
                tiny);
        assertThat(speed.ratio().count()).isEqualTo(3);
        assertThat(speed.nanosPerShuffle().min()).isPositive();
        assertThat(speed.baselineNanos().min()).isPositive();
    }

    @Test
    void qualityShowsArtistAwareAlgorithmsAtTheFloor() {
        List<AlgorithmBenchmark.Quality> rows = AlgorithmBenchmark.quality(AlgorithmBenchmark.subjects(), 300,
                1.0 / 3, 2);
        assertThat(rows.get(0).algorithm()).startsWith("Collections.shuffle");
        AlgorithmBenchmark.Quality reference = rows.get(0);
        AlgorithmBenchmark.Quality spacing = rows.stream().filter(r -> r.algorithm().equals("artist_spacing"))
                .findFirst().orElseThrow();
        assertThat(spacing.adjacentPairs()).isEqualTo(spacing.floor());
        assertThat(reference.adjacentPairs()).isGreaterThan(spacing.adjacentPairs());
        assertThat(spacing.meanRelativeMinDistance()).isGreaterThan(reference.meanRelativeMinDistance());
    }

    @Test
    void theBoundsReadTheKeysAndReturnTheListAsItWas() {
        List<AlgorithmBenchmark.Subject> subjects = AlgorithmBenchmark.subjects();
        List<AlgorithmBenchmark.Subject> all = AlgorithmBenchmark.withBounds(subjects);
        assertThat(all).hasSize(subjects.size() + 3);
        var tracks = new java.util.ArrayList<>(SkewedPlaylist.of(200, 1.0 / 3, 3));
        tracks.add(dev.shuffify.model.Track.unavailable(null));
        for (AlgorithmBenchmark.Subject bound : all.subList(subjects.size(), all.size())) {
            assertThat(bound.label()).startsWith("(bound)");
            assertThat(bound.shuffle(tracks, 1)).containsExactlyElementsOf(tracks);
        }
    }

    @Test
    void skewedPlaylistHasTheRequestedTopShare() {
        var tracks = SkewedPlaylist.of(300, 0.6, 7);
        assertThat(tracks).hasSize(300);
        assertThat(tracks.stream().filter(t -> t.primaryArtistKey().equals(tracks.stream()
                .filter(x -> x.id().equals("t0")).findFirst().orElseThrow().primaryArtistKey())).count())
                .isEqualTo(180);
    }
}
