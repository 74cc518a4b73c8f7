package dev.shuffify.algorithms;

import static org.assertj.core.api.Assertions.assertThat;

import dev.shuffify.model.Track;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PercentageShuffleTest {
    private final PercentageShuffle percentage = new PercentageShuffle();
    private final List<Track> tracks = Playlists.ofArtists(new int[10]);

    @Test
    void byDefaultShufflesTheFrontHalfAndKeepsTheBackHalf() {
        List<Track> result = Algorithms.run(percentage, tracks, 11);

        assertThat(result.subList(5, 10)).containsExactlyElementsOf(tracks.subList(5, 10));
        assertThat(result.subList(0, 5)).containsExactlyInAnyOrderElementsOf(tracks.subList(0, 5))
                .isNotEqualTo(tracks.subList(0, 5));
    }

    @Test
    void atTheBackShufflesOnlyTheLastShare() {
        List<Track> result = Algorithms.run(percentage, tracks,
                Map.of("shuffle_percentage", 30, "shuffle_location", "back"), 5);

        assertThat(result.subList(0, 7)).containsExactlyElementsOf(tracks.subList(0, 7));
        assertThat(result.subList(7, 10)).containsExactlyInAnyOrderElementsOf(tracks.subList(7, 10))
                .isNotEqualTo(tracks.subList(7, 10));
    }

    @Test
    void roundsTheShuffledShareDown() {
        for (long seed = 0; seed < 50; seed++) {
            List<Track> result = Algorithms.run(percentage, tracks, Map.of("shuffle_percentage", 29), seed);
            assertThat(result.subList(2, 10)).containsExactlyElementsOf(tracks.subList(2, 10));
        }
    }

    @Test
    void zeroPercentChangesNothing() {
        assertThat(Algorithms.run(percentage, tracks, Map.of("shuffle_percentage", 0), 1))
                .containsExactlyElementsOf(tracks);
    }

    @Test
    void aHundredPercentCanMoveEveryTrack() {
        boolean[] moved = new boolean[tracks.size()];
        for (long seed = 0; seed < 50; seed++) {
            List<Track> result = Algorithms.run(percentage, tracks, Map.of("shuffle_percentage", 100), seed);
            for (int i = 0; i < tracks.size(); i++) {
                moved[i] |= !result.get(i).equals(tracks.get(i));
            }
        }
        assertThat(moved).containsOnly(true);
    }
}
