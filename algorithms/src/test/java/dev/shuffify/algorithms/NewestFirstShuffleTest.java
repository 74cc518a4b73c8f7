package dev.shuffify.algorithms;

import static org.assertj.core.api.Assertions.assertThat;

import dev.shuffify.model.Track;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class NewestFirstShuffleTest {
    private final NewestFirstShuffle newestFirst = new NewestFirstShuffle();

    /** Tracks t0..t11 added at seconds 0..11 in a mixed order, then two without an added date. */
    private final List<Track> tracks = playlist();

    private static List<Track> playlist() {
        int[] addedAt = {5, 0, 11, 3, 8, 1, 10, 2, 7, 4, 9, 6};
        List<Track> tracks = new ArrayList<>();
        for (int i = 0; i < addedAt.length; i++) {
            tracks.add(Playlists.track(i, i, 0).withAddedAt(Instant.ofEpochSecond(addedAt[i])));
        }
        tracks.add(Playlists.track(12, 0, 0));
        tracks.add(Playlists.track(13, 0, 0));
        return tracks;
    }

    private List<Track> newestFirstOrder() {
        List<Track> sorted = new ArrayList<>(tracks.subList(0, 12));
        sorted.sort((a, b) -> b.addedAt().compareTo(a.addedAt()));
        sorted.add(tracks.get(12));
        sorted.add(tracks.get(13));
        return sorted;
    }

    @Test
    void jitterOneIsThePlainNewestFirstOrderWithUndatedTracksLastInPlaylistOrder() {
        assertThat(Algorithms.run(newestFirst, tracks, Map.of("jitter", 1), 9))
                .containsExactlyElementsOf(newestFirstOrder());
    }

    @Test
    void shufflesOnlyInsideWindowsOfJitterTracks() {
        List<Track> expected = newestFirstOrder();

        for (long seed = 0; seed < 20; seed++) {
            List<Track> result = Algorithms.run(newestFirst, tracks, Map.of("jitter", 4), seed);
            for (int from = 0; from < 14; from += 4) {
                int to = Math.min(from + 4, 14);
                assertThat(result.subList(from, to)).containsExactlyInAnyOrderElementsOf(expected.subList(from, to));
            }
        }
        assertThat(Algorithms.run(newestFirst, tracks, Map.of("jitter", 4), 1)).isNotEqualTo(expected);
    }

    @Test
    void theDefaultWindowIsFiveTracks() {
        List<Track> expected = newestFirstOrder();

        List<Track> result = Algorithms.run(newestFirst, tracks, 3);

        assertThat(result.subList(0, 5)).containsExactlyInAnyOrderElementsOf(expected.subList(0, 5));
        assertThat(result.subList(5, 10)).containsExactlyInAnyOrderElementsOf(expected.subList(5, 10));
    }
}
