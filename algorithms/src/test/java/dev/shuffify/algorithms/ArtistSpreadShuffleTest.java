package dev.shuffify.algorithms;

import static org.assertj.core.api.Assertions.assertThat;

import dev.shuffify.model.Track;
import java.util.List;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;

class ArtistSpreadShuffleTest {
    private final ArtistSpreadShuffle spread = new ArtistSpreadShuffle();

    @Test
    void anArtistWithHalfTheTracksFillsEveryQuarterEvenly() {
        List<Track> tracks = ArtistSpacingShuffleTest.playlist(List.of(40, 10, 10, 10, 10));

        for (long seed = 0; seed < 50; seed++) {
            List<Track> result = Algorithms.run(spread, tracks, seed);
            // each artist's positions are evenly spaced on [0, 1), so each quarter holds a quarter of its tracks
            for (int quarter = 0; quarter < 4; quarter++) {
                long top = result.subList(quarter * 20, quarter * 20 + 20).stream()
                        .filter(t -> t.primaryArtistKey().equals("a0")).count();
                assertThat(top).as("seed %d quarter %d", seed, quarter).isBetween(7L, 13L);
            }
        }
    }

    @Test
    void theArtistsThemselvesComeInADifferentOrderForEachSeed() {
        List<Track> tracks = ArtistSpacingShuffleTest.playlist(List.of(1, 1, 1, 1, 1, 1));

        long distinct = LongStream.range(0, 40)
                .mapToObj(seed -> Algorithms.run(spread, tracks, seed)).distinct().count();

        assertThat(distinct).isGreaterThan(30);
    }

    @Test
    void anArtistsOwnTracksAreShuffled() {
        List<Track> tracks = ArtistSpacingShuffleTest.playlist(List.of(6));

        long distinct = LongStream.range(0, 40)
                .mapToObj(seed -> Algorithms.run(spread, tracks, seed)).distinct().count();

        assertThat(distinct).isGreaterThan(30);
    }
}
