package dev.shuffify.algorithms;

import dev.shuffify.spi.ShuffleAlgorithm;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Prints the artist-spread quality table of every built-in algorithm as Markdown:
 * {@code mvn -B -q -pl algorithms -am verify -Pquality-report -DskipTests}.
 */
public final class QualityReport {
    private QualityReport() {
    }

    /**
     * Prints the tables.
     *
     * @param args ignored
     */
    public static void main(String[] args) {
        for (SpreadQuality.Scenario scenario : List.of(SpreadQuality.THIRD, SpreadQuality.SIXTY_PERCENT)) {
            System.out.printf(Locale.ROOT, "%n### N = %d, %s (n_max = %d), %d seeds%n%n", scenario.total(),
                    scenario.label(), scenario.top(), SpreadQuality.SEEDS);
            System.out.println("| algorithm | same-artist neighbours (mean / max) | floor | seeds at floor "
                    + "| top artist min distance (mean / lowest) | top artist mean distance | ideal N/n_max "
                    + "| mean relative min distance |");
            System.out.println("|---|---|---|---|---|---|---|---|");
            for (SpreadQuality.Result r : rows(scenario)) {
                System.out.printf(Locale.ROOT, "| %s | %.2f / %d | %.0f | %d/%d | %.2f / %d | %.2f | %.2f | %.3f |%n",
                        r.algorithm(), r.adjacentPairs(), r.maxAdjacentPairs(), r.floor(), r.seedsAtFloor(),
                        SpreadQuality.SEEDS, r.topMinDistance(), r.lowestTopMinDistance(), r.topMeanDistance(),
                        r.idealDistance(), r.relativeMinDistance());
            }
        }
    }

    static List<SpreadQuality.Result> rows(SpreadQuality.Scenario scenario) {
        List<SpreadQuality.Result> rows = new ArrayList<>();
        for (ShuffleAlgorithm algorithm : Algorithms.ALL) {
            rows.add(SpreadQuality.measure(algorithm, Map.of(), scenario));
        }
        rows.add(SpreadQuality.measure(new ArtistSpacingShuffle(), Map.of("min_spacing", 2), scenario));
        return rows;
    }
}
