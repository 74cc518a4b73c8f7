package dev.shuffify.examples.docs;

import static org.assertj.core.api.Assertions.assertThat;

import dev.shuffify.algorithms.AlbumSequenceShuffle;
import dev.shuffify.algorithms.ArtistSpacingShuffle;
import dev.shuffify.algorithms.ArtistSpreadMetrics;
import dev.shuffify.algorithms.ArtistSpreadShuffle;
import dev.shuffify.algorithms.BalancedShuffle;
import dev.shuffify.algorithms.BasicShuffle;
import dev.shuffify.algorithms.MergeShuffle;
import dev.shuffify.algorithms.NewestFirstShuffle;
import dev.shuffify.algorithms.PercentageShuffle;
import dev.shuffify.algorithms.StratifiedShuffle;
import dev.shuffify.model.Album;
import dev.shuffify.model.Artist;
import dev.shuffify.model.Track;
import dev.shuffify.spi.Params;
import dev.shuffify.spi.ShuffleAlgorithm;
import dev.shuffify.spi.ShuffleRequest;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The example orders of {@code docs/algorithms.md}: each algorithm run on one small playlist with a fixed seed.
 * When an algorithm changes, the failure message shows the block to paste into the doc.
 */
class AlgorithmExamplesTest {

    static final Path DOC = Path.of("..", "docs", "algorithms.md");
    static final long SEED = 42;

    /**
     * The example playlist: A1..A5 by artist A (albums A-x: A1..A3, A-y: A4, A5), B1..B3 by B (album B-x),
     * C1, C2 by C (album C-x), D1 by D, E1 by E; added one day apart in this order (A1 oldest, E1 newest).
     */
    static List<Track> playlist() {
        String[] labels = {"A1", "A2", "A3", "A4", "A5", "B1", "B2", "B3", "C1", "C2", "D1", "E1"};
        List<Track> tracks = new ArrayList<>();
        Instant added = Instant.parse("2026-01-01T12:00:00Z");
        for (String label : labels) {
            String artist = label.substring(0, 1);
            String album = artist + (artist.equals("A") && label.compareTo("A4") >= 0 ? "-y" : "-x");
            tracks.add(Track.of(label.toLowerCase(java.util.Locale.ROOT), label, new Artist(artist, artist),
                    new Album(album, album, "2025-01-01")).withAddedAt(added));
            added = added.plus(Duration.ofDays(1));
        }
        return List.copyOf(tracks);
    }

    static Stream<Arguments> examples() {
        return Stream.of(
                example(new BasicShuffle(), Map.of(), Map.of("keep_first", 2)),
                example(new PercentageShuffle(), Map.of(), Map.of("shuffle_location", "back")),
                example(new BalancedShuffle(), Map.of(), Map.of("section_count", 2)),
                example(new StratifiedShuffle(), Map.of(), Map.of("section_count", 2)),
                example(new ArtistSpacingShuffle(), Map.of(), Map.of("min_spacing", 2)),
                example(new AlbumSequenceShuffle(), Map.of(), Map.of("shuffle_within_albums", true)),
                example(new NewestFirstShuffle(), Map.of(), Map.of("jitter", 1)),
                example(new ArtistSpreadShuffle(), Map.of()),
                example(new MergeShuffle(), Map.of()));
    }

    private static Arguments example(ShuffleAlgorithm algorithm, Map<String, ?> first, Map<String, ?> second) {
        return Arguments.of(algorithm.name(), algorithm, List.of(first, second));
    }

    private static Arguments example(ShuffleAlgorithm algorithm, Map<String, ?> only) {
        return Arguments.of(algorithm.name(), algorithm, List.of(only));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("examples")
    void theDocShowsTheOrderTheAlgorithmProduces(String name, ShuffleAlgorithm algorithm,
            List<Map<String, ?>> paramSets) throws IOException {
        String block = block(algorithm, paramSets);
        assertThat(Files.readString(DOC))
                .as("docs/algorithms.md, section '%s', should hold this example block:%n%s", name, block)
                .contains(block);
    }

    @org.junit.jupiter.api.Test
    void theMetricsOfTheExamplePlaylist() {
        ArtistSpreadMetrics m = QualityMetrics.measure(playlist());
        assertThat(m.adjacentPairs()).isEqualTo(7);
        assertThat(m.adjacencyFloor()).isZero();
        assertThat(m.topArtistMinDistance()).isEqualTo(1);
        assertThat(m.topArtistIdealDistance()).isEqualTo(12.0 / 5);
    }

    /** The fenced block for one algorithm: the input, then one line per parameter set. */
    static String block(ShuffleAlgorithm algorithm, List<Map<String, ?>> paramSets) {
        StringBuilder out = new StringBuilder("```\n");
        out.append(line("input", playlist()));
        for (Map<String, ?> raw : paramSets) {
            Params params = Params.parse(algorithm.parameters(), raw, "params");
            List<Track> order = algorithm.shuffle(new ShuffleRequest(playlist(), params, new SplittableRandom(SEED)));
            String label = algorithm.name() + (raw.isEmpty() ? "" : " " + new LinkedHashMap<>(raw).entrySet().stream()
                    .map(e -> e.getKey() + "=" + e.getValue()).collect(Collectors.joining(" ")));
            out.append(line(label, order));
        }
        return out.append("```\n").toString();
    }

    private static String line(String label, List<Track> order) {
        String names = order.stream().map(Track::name).collect(Collectors.joining(" "));
        return String.format("%-41s %s   same-artist neighbours: %d%n", label, names,
                ArtistSpreadMetrics.adjacentPairs(order)).replace(System.lineSeparator(), "\n");
    }
}
