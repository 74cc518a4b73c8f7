package dev.shuffify.executor.raid;

import dev.shuffify.executor.raid.discovery.AlbumQueueDiscovery;
import dev.shuffify.executor.raid.discovery.ArtistDiscovery;
import dev.shuffify.executor.raid.discovery.LikedDiscovery;
import dev.shuffify.executor.raid.discovery.PlaylistDiscovery;
import dev.shuffify.executor.raid.discovery.SearchDiscovery;
import dev.shuffify.model.Album;
import dev.shuffify.model.Artist;
import dev.shuffify.model.Track;
import dev.shuffify.testkit.ExecutorHarness;
import java.util.List;
import java.util.stream.IntStream;

/** Test data and a harness with this module's plugins. */
final class Fixtures {
    private Fixtures() {
    }

    /** A harness builder with the raid and drip job types and the five strategies registered by hand. */
    static ExecutorHarness.Builder harness() {
        return ExecutorHarness.builder().jobType(new RaidExecutor()).jobType(new DripExecutor())
                .discoveryStrategy(new PlaylistDiscovery()).discoveryStrategy(new LikedDiscovery())
                .discoveryStrategy(new ArtistDiscovery()).discoveryStrategy(new AlbumQueueDiscovery())
                .discoveryStrategy(new SearchDiscovery());
    }

    /** A catalogue track {@code spotify:track:<id>} by the given artist. */
    static Track track(String id, String artistId) {
        return Track.of(id, "Song " + id, new Artist(artistId, "Artist " + artistId),
                new Album("album-" + artistId, "Album " + artistId, "2024-01-01"));
    }

    /** {@code n} tracks {@code <prefix>0 … <prefix>(n-1)}, artists cycling over seven. */
    static List<Track> tracks(String prefix, int n) {
        return IntStream.range(0, n).mapToObj(i -> track(prefix + i, "artist" + (i % 7))).toList();
    }

    /** The uris of tracks. */
    static List<String> uris(List<Track> tracks) {
        return tracks.stream().map(Track::uri).toList();
    }

    /** {@code spotify:track:<id>} for each id. */
    static List<String> uris(String... ids) {
        return java.util.Arrays.stream(ids).map(id -> "spotify:track:" + id).toList();
    }
}
