package dev.shuffify.algorithms;

import dev.shuffify.model.Track;
import dev.shuffify.spi.ShuffleAlgorithm;
import java.util.List;
import java.util.Map;

/**
 * Measures how an algorithm spreads artists on skewed playlists ({@link Playlists#skewed}), averaged over
 * seeds: seed {@code s} fixes both the input order and the shuffle.
 */
final class SpreadQuality {
    /** N of the skewed playlists. */
    static final int TRACKS = 300;
    /** How many seeds each figure is averaged over. */
    static final int SEEDS = 50;

    /** A skewed playlist shape. */
    record Scenario(String label, int total, int top) {
        List<Track> playlist(long seed) {
            return Playlists.skewed(total, top, seed);
        }
    }

    /** One artist holds a third of the tracks: every artist can be kept apart (floor 0). */
    static final Scenario THIRD = new Scenario("one artist with 1/3 of the tracks", TRACKS, TRACKS / 3);
    /** One artist holds 60 % of the tracks: some neighbours are unavoidable (floor 59). */
    static final Scenario SIXTY_PERCENT = new Scenario("one artist with 60 % of the tracks", TRACKS, TRACKS * 3 / 5);

    /** Averages over the seeds. */
    record Result(String algorithm, double adjacentPairs, int maxAdjacentPairs, double floor,
            double topMinDistance, int lowestTopMinDistance, double topMeanDistance, double idealDistance,
            double relativeMinDistance, int seedsAtFloor) {
    }

    private SpreadQuality() {
    }

    static Result measure(ShuffleAlgorithm algorithm, Map<String, ?> params, Scenario scenario) {
        double adjacent = 0;
        int maxAdjacent = 0;
        double floor = 0;
        double topMin = 0;
        int lowestTopMin = Integer.MAX_VALUE;
        double topMean = 0;
        double ideal = 0;
        double relative = 0;
        int atFloor = 0;
        for (long seed = 0; seed < SEEDS; seed++) {
            ArtistSpreadMetrics m = ArtistSpreadMetrics.of(
                    Algorithms.run(algorithm, scenario.playlist(seed), params, seed));
            adjacent += m.adjacentPairs();
            maxAdjacent = Math.max(maxAdjacent, m.adjacentPairs());
            floor += m.adjacencyFloor();
            topMin += m.topArtistMinDistance();
            lowestTopMin = Math.min(lowestTopMin, m.topArtistMinDistance());
            topMean += m.topArtistMeanDistance();
            ideal += m.topArtistIdealDistance();
            relative += m.meanRelativeMinDistance();
            atFloor += m.adjacentPairs() == m.adjacencyFloor() ? 1 : 0;
        }
        String label = algorithm.name() + (params.isEmpty() ? "" : " " + params);
        return new Result(label, adjacent / SEEDS, maxAdjacent, floor / SEEDS, topMin / SEEDS, lowestTopMin,
                topMean / SEEDS, ideal / SEEDS, relative / SEEDS, atFloor);
    }
}
