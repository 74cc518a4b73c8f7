package dev.shuffify.examples.docs;

import dev.shuffify.Shuffify;
import dev.shuffify.memory.InMemoryPlaylistService;
import dev.shuffify.model.Album;
import dev.shuffify.model.Artist;
import dev.shuffify.model.Track;
import dev.shuffify.store.InMemoryShuffifyStore;
import dev.shuffify.testkit.TestClock;
import java.util.ArrayList;
import java.util.List;

/**
 * The world the docs' examples run in: alice's playlists {@code road-trip} ("Road trip", 12 tracks),
 * {@code road-trip-archive} (6 tracks) and {@code gym} (3 tracks), bob's {@code friends-picks} (8 tracks, 3 of
 * them also in alice's road trip), on an in-memory service and store with a test clock.
 */
final class DocsWorld {
    final TestClock clock = TestClock.standard();
    final InMemoryPlaylistService music = new InMemoryPlaylistService(clock);
    final InMemoryShuffifyStore store = new InMemoryShuffifyStore();

    DocsWorld() {
        music.addUser("alice").addUser("bob");
        music.createPlaylist("alice", "road-trip", "Road trip", tracks("t", 1, 12));
        music.createPlaylist("alice", "road-trip-archive", "Road trip archive", tracks("a", 1, 6));
        music.createPlaylist("alice", "gym", "Gym", tracks("g", 1, 3));
        List<Track> picks = new ArrayList<>(tracks("t", 10, 12));
        picks.addAll(tracks("f", 1, 5));
        music.createPlaylist("bob", "friends-picks", "Friends' picks", picks);
    }

    /** Tracks {@code prefix + from .. prefix + to}, by three artists in turn. */
    static List<Track> tracks(String prefix, int from, int to) {
        List<Track> tracks = new ArrayList<>();
        for (int i = from; i <= to; i++) {
            Artist artist = new Artist("artist" + i % 3, "Artist " + i % 3);
            tracks.add(Track.of(prefix + i, "Song " + prefix + i, artist, new Album("album" + i % 3, "Album", "2025")));
        }
        return tracks;
    }

    Shuffify shuffify() {
        return Shuffify.builder().store(store).connector(music).clock(clock).seed(7).build();
    }
}
