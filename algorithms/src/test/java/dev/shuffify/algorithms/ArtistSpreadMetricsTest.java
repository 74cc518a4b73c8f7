package dev.shuffify.algorithms;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.shuffify.model.Track;
import java.util.List;
import org.junit.jupiter.api.Test;

class ArtistSpreadMetricsTest {

    @Test
    void measuresNeighboursFloorAndDistances() {
        // positions: a0 at 0, 1, 4, 7 (distances 1, 3, 3); a1 at 2, 5 (distance 3); a2 at 3, 6 (distance 3)
        ArtistSpreadMetrics m = ArtistSpreadMetrics.of(Playlists.ofArtists(0, 0, 1, 2, 0, 1, 2, 0));

        assertThat(m.trackCount()).isEqualTo(8);
        assertThat(m.artistCount()).isEqualTo(3);
        assertThat(m.adjacentPairs()).isEqualTo(1);
        assertThat(m.adjacencyFloor()).isZero();
        assertThat(m.topArtistTrackCount()).isEqualTo(4);
        assertThat(m.topArtistMinDistance()).isEqualTo(1);
        assertThat(m.topArtistMeanDistance()).isCloseTo(7.0 / 3, within(1e-9));
        assertThat(m.topArtistIdealDistance()).isCloseTo(2.0, within(1e-9));
        // a0: 1 / (8/4) = 0.5; a1 and a2: 3 / (8/2) = 0.75
        assertThat(m.meanRelativeMinDistance()).isCloseTo((0.5 + 0.75 + 0.75) / 3, within(1e-9));
    }

    @Test
    void theFloorCountsTheNeighboursADominantArtistCannotAvoid() {
        // 6 of a0 and 2 others: at best x?x?xxxx style, 6 - 2 - 1 = 3 pairs
        List<Track> tracks = Playlists.ofArtists(0, 0, 0, 0, 0, 0, 1, 2);

        assertThat(ArtistSpreadMetrics.adjacencyFloor(tracks)).isEqualTo(3);
        assertThat(ArtistSpreadMetrics.adjacentPairs(tracks)).isEqualTo(5);
        assertThat(ArtistSpreadMetrics.of(tracks).adjacentPairs()).isEqualTo(5);
    }

    @Test
    void anEmptyOrSingleTrackListHasNothingToMeasure() {
        ArtistSpreadMetrics empty = ArtistSpreadMetrics.of(List.of());
        ArtistSpreadMetrics one = ArtistSpreadMetrics.of(Playlists.ofArtists(3));

        assertThat(empty).isEqualTo(new ArtistSpreadMetrics(0, 0, 0, 0, 0, 0, 0, 0, 0));
        assertThat(one).isEqualTo(new ArtistSpreadMetrics(1, 1, 0, 0, 1, 0, 0, 1, 0));
    }
}
