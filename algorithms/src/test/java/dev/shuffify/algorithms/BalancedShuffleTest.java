package dev.shuffify.algorithms;

import static org.assertj.core.api.Assertions.assertThat;

import dev.shuffify.model.Track;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class BalancedShuffleTest {
    private final BalancedShuffle balanced = new BalancedShuffle();

    @Test
    void dealsOneTrackFromEachSectionInTurnAfterTheKeptTracks() {
        List<Track> tracks = Playlists.ofArtists(new int[11]);

        List<Track> result = Algorithms.run(balanced, tracks, Map.of("keep_first", 2, "section_count", 3), 8);

        assertThat(result.subList(0, 2)).containsExactlyElementsOf(tracks.subList(0, 2));
        for (int i = 0; i < 9; i++) {
            int section = i % 3;
            assertThat(tracks.subList(2 + 3 * section, 5 + 3 * section)).as("position %d", 2 + i)
                    .contains(result.get(2 + i));
        }
    }

    @Test
    void unevenSectionsDealTheirExtraTracksInTheLastRound() {
        List<Track> tracks = Playlists.ofArtists(new int[10]);
        // sections of 3, 3, 2, 2: rounds deal s0 s1 s2 s3 | s0 s1 s2 s3 | s0 s1
        int[] sectionOfPosition = {0, 1, 2, 3, 0, 1, 2, 3, 0, 1};
        int[] sectionStart = {0, 3, 6, 8, 10};

        for (long seed = 0; seed < 20; seed++) {
            List<Track> result = Algorithms.run(balanced, tracks, seed);
            for (int i = 0; i < 10; i++) {
                int s = sectionOfPosition[i];
                assertThat(tracks.subList(sectionStart[s], sectionStart[s + 1])).contains(result.get(i));
            }
        }
    }

    @Test
    void fewerTracksThanSectionsStillKeepsEveryTrack() {
        List<Track> tracks = Playlists.ofArtists(1, 2, 3);

        assertThat(Algorithms.run(balanced, tracks, Map.of("section_count", 10), 4))
                .containsExactlyElementsOf(tracks);
    }
}
