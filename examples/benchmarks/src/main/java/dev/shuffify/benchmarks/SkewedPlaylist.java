package dev.shuffify.benchmarks;

import dev.shuffify.model.Album;
import dev.shuffify.model.Artist;
import dev.shuffify.model.Track;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;

/**
 * A skewed-artist playlist, as in {@code docs/algorithms.md}: one artist holds {@code topShare} of the tracks,
 * and a long tail follows (tail artist {@code j} has about {@code rest / (10 j)} tracks, at least one), so a few
 * artists have many tracks and most have one. Tracks come in random order with random added dates.
 */
public final class SkewedPlaylist {
    private SkewedPlaylist() {
    }

    /**
     * Makes the playlist.
     *
     * @param total N
     * @param topShare the top artist's share of N, e.g. 1/3
     * @param seed fixes everything
     * @return the tracks
     */
    public static List<Track> of(int total, double topShare, long seed) {
        Random random = new Random(seed);
        int top = (int) Math.round(total * topShare);
        List<Track> tracks = new ArrayList<>(total);
        int id = 0;
        for (int i = 0; i < top; i++) {
            tracks.add(track(id++, 0, i / 10, random));
        }
        int rest = total - top;
        for (int artist = 1; rest > 0; artist++) {
            int count = Math.min(rest, Math.max(1, (int) Math.round((total - top) / (10.0 * artist))));
            for (int i = 0; i < count; i++) {
                tracks.add(track(id++, artist, i / 10, random));
            }
            rest -= count;
        }
        Collections.shuffle(tracks, random);
        return tracks;
    }

    private static Track track(int id, int artist, int album, Random random) {
        return Track.of("t" + id, "Track " + id, new Artist("a" + artist, "Artist " + artist),
                new Album("al" + artist + "-" + album, "Album " + artist + "-" + album, "2020"))
                .withAddedAt(Instant.EPOCH.plusSeconds(random.nextInt(1_000_000)));
    }
}
