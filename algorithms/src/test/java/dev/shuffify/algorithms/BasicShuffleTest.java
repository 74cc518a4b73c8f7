package dev.shuffify.algorithms;

import static org.assertj.core.api.Assertions.assertThat;

import dev.shuffify.model.Track;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class BasicShuffleTest {
    private final BasicShuffle basic = new BasicShuffle();

    @Test
    void keepsTheFirstKeepFirstTracksInPlaceAndShufflesTheRest() {
        List<Track> tracks = Playlists.ofArtists(new int[20]);

        List<Track> result = Algorithms.run(basic, tracks, Map.of("keep_first", 5), 3);

        assertThat(result.subList(0, 5)).containsExactlyElementsOf(tracks.subList(0, 5));
        assertThat(result.subList(5, 20)).containsExactlyInAnyOrderElementsOf(tracks.subList(5, 20))
                .isNotEqualTo(tracks.subList(5, 20));
    }

    @Test
    void keepFirstBeyondTheEndLeavesThePlaylistAsItIs() {
        List<Track> tracks = Playlists.ofArtists(1, 2, 3, 4);

        assertThat(Algorithms.run(basic, tracks, Map.of("keep_first", 10), 3)).containsExactlyElementsOf(tracks);
    }

    @Test
    void everyOrderIsAboutEquallyLikely() {
        List<Track> tracks = Playlists.ofArtists(1, 2, 3);
        Map<List<Track>, Integer> seen = new HashMap<>();

        for (long seed = 0; seed < 6000; seed++) {
            seen.merge(Algorithms.run(basic, tracks, seed), 1, Integer::sum);
        }

        assertThat(seen).hasSize(6);
        assertThat(seen.values()).allSatisfy(count -> assertThat(count).isBetween(850, 1150));
    }
}
