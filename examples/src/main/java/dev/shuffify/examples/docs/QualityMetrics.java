package dev.shuffify.examples.docs;

import dev.shuffify.algorithms.ArtistSpreadMetrics;
import dev.shuffify.model.Track;
import java.util.List;

/** The code of {@code docs/algorithms.md}: measuring how well an order spreads the artists. */
public final class QualityMetrics {

    private QualityMetrics() {
    }

    /**
     * Measures an order.
     *
     * @param shuffled the tracks in order
     * @return the metrics
     */
    public static ArtistSpreadMetrics measure(List<Track> shuffled) {
        ArtistSpreadMetrics m = ArtistSpreadMetrics.of(shuffled);
        m.adjacentPairs();          // pairs of neighbouring tracks by one artist
        m.adjacencyFloor();         // max(0, n_max - (N - n_max) - 1): no order has fewer
        m.topArtistMinDistance();   // closest two consecutive tracks of the largest artist
        m.topArtistMeanDistance();  // their mean distance
        m.topArtistIdealDistance(); // N / n_max
        m.meanRelativeMinDistance();// per artist with 2+ tracks: min distance / (N/k), averaged
        return m;
    }
}
