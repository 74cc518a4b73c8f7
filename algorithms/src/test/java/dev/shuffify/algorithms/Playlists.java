package dev.shuffify.algorithms;

import dev.shuffify.model.Album;
import dev.shuffify.model.Artist;
import dev.shuffify.model.Track;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;

/** Test playlists. */
final class Playlists {
    private Playlists() {
    }

    /** A catalogue track by artist {@code a<artist>}, on album {@code <artist>-<album>}. */
    static Track track(int id, int artist, int album) {
        return Track.of("t" + id, "Track " + id, new Artist("a" + artist, "Artist " + artist),
                new Album("al" + artist + "-" + album, "Album " + artist + "-" + album, "2020"));
    }

    /** A local file: no id, artist and album known by name only. */
    static Track local(int id, int artist) {
        return new Track("spotify:local:Artist+" + artist + ":Album:Song+" + id + ":180", null, "Song " + id,
                List.of(new Artist(null, "Artist " + artist)), new Album(null, "Album", null), Duration.ZERO, 0,
                null, true);
    }

    /** A playlist of {@code count} tracks whose artists are given by {@code artistOf}. */
    static List<Track> ofArtists(int... artistOf) {
        List<Track> tracks = new ArrayList<>();
        for (int i = 0; i < artistOf.length; i++) {
            tracks.add(track(i, artistOf[i], 0));
        }
        return tracks;
    }

    /**
     * A skewed playlist of {@code total} tracks in random order, added at random times: one artist
     * ({@code a0}) with {@code top} tracks, and a long tail: tail artist {@code j} (from 1) has
     * {@code max(1, round(rest / (10 j)))} tracks until the {@code rest = total - top} tail tracks are used up,
     * so a few artists have several tracks and most have one.
     *
     * @param total N
     * @param top the top artist's track count
     * @param seed fixes the input order
     * @return the playlist
     */
    static List<Track> skewed(int total, int top, long seed) {
        Random random = new Random(seed);
        List<Track> tracks = new ArrayList<>(total);
        int id = 0;
        for (int i = 0; i < top; i++) {
            tracks.add(track(id++, 0, i / 10).withAddedAt(randomInstant(random)));
        }
        int rest = total - top;
        for (int artist = 1; rest > 0; artist++) {
            int count = Math.min(rest, Math.max(1, (int) Math.round((total - top) / (10.0 * artist))));
            for (int i = 0; i < count; i++) {
                tracks.add(track(id++, artist, i / 10).withAddedAt(randomInstant(random)));
            }
            rest -= count;
        }
        Collections.shuffle(tracks, random);
        return tracks;
    }

    private static Instant randomInstant(Random random) {
        return Instant.EPOCH.plusSeconds(random.nextInt(1_000_000));
    }
}
