package dev.shuffify.algorithms;

import static org.assertj.core.api.Assertions.assertThat;

import dev.shuffify.model.Track;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class AlbumSequenceShuffleTest {
    private final AlbumSequenceShuffle albumSequence = new AlbumSequenceShuffle();

    /** Four albums of three tracks, interleaved in the playlist, plus two tracks without album. */
    private final List<Track> tracks = playlist();

    private static List<Track> playlist() {
        List<Track> tracks = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            tracks.add(Playlists.track(i, i % 2, i % 4));
        }
        tracks.add(Track.ofUri("spotify:track:single1"));
        tracks.add(Playlists.local(99, 5).withAddedAt(null));
        return tracks;
    }

    @Test
    void keepsEachAlbumTogetherInItsPlaylistOrderByDefault() {
        for (long seed = 0; seed < 20; seed++) {
            Map<String, List<Track>> albums = albumsInOrder(Algorithms.run(albumSequence, tracks, seed));

            albums.forEach((album, inResult) -> assertThat(inResult)
                    .containsExactlyElementsOf(tracks.stream().filter(t -> t.albumKey().equals(album)).toList()));
        }
    }

    @Test
    void shufflesTheOrderOfTheAlbums() {
        Set<List<String>> orders = new HashSet<>();
        for (long seed = 0; seed < 30; seed++) {
            orders.add(List.copyOf(albumsInOrder(Algorithms.run(albumSequence, tracks, seed)).keySet()));
        }
        assertThat(orders).hasSizeGreaterThan(10);
    }

    @Test
    void canShuffleInsideTheAlbumsAndStillKeepThemTogether() {
        Set<List<Track>> firstAlbumOrders = new HashSet<>();
        for (long seed = 0; seed < 30; seed++) {
            List<Track> result = Algorithms.run(albumSequence, tracks, Map.of("shuffle_within_albums", "yes"), seed);
            Map<String, List<Track>> albums = albumsInOrder(result);
            firstAlbumOrders.add(albums.get(tracks.get(0).albumKey()));
        }
        assertThat(firstAlbumOrders).hasSizeGreaterThan(1);
    }

    /** The albums in the order they appear, failing when an album is split. */
    private static Map<String, List<Track>> albumsInOrder(List<Track> result) {
        Map<String, List<Track>> albums = new LinkedHashMap<>();
        String previous = null;
        for (Track track : result) {
            String album = track.albumKey();
            if (!album.equals(previous)) {
                assertThat(albums).as("album %s appears in two places", album).doesNotContainKey(album);
                albums.put(album, new ArrayList<>());
            }
            albums.get(album).add(track);
            previous = album;
        }
        assertThat(albums).hasSize(6);
        return albums;
    }
}
