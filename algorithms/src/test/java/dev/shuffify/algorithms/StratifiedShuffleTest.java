package dev.shuffify.algorithms;

import static org.assertj.core.api.Assertions.assertThat;

import dev.shuffify.model.Track;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class StratifiedShuffleTest {
    private final StratifiedShuffle stratified = new StratifiedShuffle();

    @Test
    void shufflesInsideEachSectionAndKeepsTheSectionsInOrder() {
        List<Track> tracks = Playlists.ofArtists(new int[23]);
        // after 3 kept tracks, 20 tracks in 5 sections of 4

        List<Track> result = Algorithms.run(stratified, tracks, Map.of("keep_first", 3), 21);

        assertThat(result.subList(0, 3)).containsExactlyElementsOf(tracks.subList(0, 3));
        for (int from = 3; from < 23; from += 4) {
            assertThat(result.subList(from, from + 4)).containsExactlyInAnyOrderElementsOf(
                    tracks.subList(from, from + 4));
        }
        assertThat(result).isNotEqualTo(tracks);
    }

    @Test
    void unevenSectionsPutTheLargerOnesFirst() {
        List<Track> tracks = Playlists.ofArtists(new int[11]);
        // 3 sections: 4, 4, 3

        List<Track> result = Algorithms.run(stratified, tracks, Map.of("section_count", 3), 2);

        assertThat(result.subList(0, 4)).containsExactlyInAnyOrderElementsOf(tracks.subList(0, 4));
        assertThat(result.subList(4, 8)).containsExactlyInAnyOrderElementsOf(tracks.subList(4, 8));
        assertThat(result.subList(8, 11)).containsExactlyInAnyOrderElementsOf(tracks.subList(8, 11));
    }

    @Test
    void oneSectionShufflesEverythingAfterTheKeptTracks() {
        List<Track> tracks = Playlists.ofArtists(new int[12]);
        boolean[] moved = new boolean[12];

        for (long seed = 0; seed < 40; seed++) {
            List<Track> result = Algorithms.run(stratified, tracks, Map.of("section_count", 1), seed);
            for (int i = 0; i < 12; i++) {
                moved[i] |= !result.get(i).equals(tracks.get(i));
            }
        }

        assertThat(moved).containsOnly(true);
    }
}
