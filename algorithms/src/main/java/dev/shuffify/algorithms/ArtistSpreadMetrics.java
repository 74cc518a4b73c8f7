package dev.shuffify.algorithms;

import dev.shuffify.model.Track;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * How well an order spreads artists: same-artist neighbours against the unavoidable floor, and the distances
 * between consecutive tracks of one artist against the ideal {@code N / k} (an artist with {@code k} of
 * {@code N} tracks, perfectly spread, comes back every {@code N / k} tracks).
 *
 * <pre>{@code
 * ArtistSpreadMetrics m = ArtistSpreadMetrics.of(shuffled);
 * System.out.println(m.adjacentPairs() + " same-artist neighbours, floor " + m.adjacencyFloor());
 * }</pre>
 *
 * <p>Artists are told apart by {@link Track#primaryArtistKey()}. A distance is a difference of positions:
 * neighbours are at distance 1.
 *
 * @param trackCount {@code N}, the number of tracks
 * @param artistCount the number of distinct artists
 * @param adjacentPairs pairs of neighbouring tracks by one artist
 * @param adjacencyFloor {@code max(0, n_max − (N − n_max) − 1)}: the fewest {@code adjacentPairs} any order
 *     of these tracks can have
 * @param topArtistTrackCount {@code n_max}, the track count of the artist with the most tracks (when
 *     several tie, the one that reaches that count first in the order)
 * @param topArtistMinDistance the smallest distance between two consecutive tracks of that artist; 0 when it
 *     has fewer than two tracks
 * @param topArtistMeanDistance the mean distance between consecutive tracks of that artist; 0 when it has
 *     fewer than two tracks
 * @param topArtistIdealDistance {@code N / n_max}; 0 for an empty list
 * @param meanRelativeMinDistance over the artists with at least two tracks, the mean of each artist's
 *     smallest distance divided by its ideal {@code N / k} (1 is perfectly even, small is clumped); 0 when no
 *     artist has two tracks
 * @since 0.1.0
 */
public record ArtistSpreadMetrics(int trackCount, int artistCount, int adjacentPairs, int adjacencyFloor,
        int topArtistTrackCount, int topArtistMinDistance, double topArtistMeanDistance,
        double topArtistIdealDistance, double meanRelativeMinDistance) {

    /**
     * Measures an order.
     *
     * @param tracks the tracks in order; never null
     * @return the metrics
     */
    public static ArtistSpreadMetrics of(List<Track> tracks) {
        int n = tracks.size();
        Map<String, Spread> spreads = new HashMap<>();
        Spread top = null;
        int adjacent = 0;
        for (int i = 0; i < n; i++) {
            Spread spread = spreads.computeIfAbsent(tracks.get(i).primaryArtistKey(), k -> new Spread());
            if (spread.count > 0 && spread.last == i - 1) {
                adjacent++;
            }
            spread.add(i);
            if (top == null || spread.count > top.count) {
                top = spread;
            }
        }
        int topCount = top == null ? 0 : top.count;
        double relative = 0;
        int repeated = 0;
        for (Spread spread : spreads.values()) {
            if (spread.count >= 2) {
                relative += spread.minDistance / ((double) n / spread.count);
                repeated++;
            }
        }
        return new ArtistSpreadMetrics(n, spreads.size(), adjacent, floor(n, topCount), topCount,
                top == null || top.count < 2 ? 0 : top.minDistance,
                top == null || top.count < 2 ? 0 : (double) (top.last - top.first) / (top.count - 1),
                n == 0 ? 0 : (double) n / topCount,
                repeated == 0 ? 0 : relative / repeated);
    }

    /**
     * Counts pairs of neighbouring tracks by one artist.
     *
     * @param tracks the tracks in order; never null
     * @return the number of pairs
     */
    public static int adjacentPairs(List<Track> tracks) {
        int pairs = 0;
        for (int i = 1; i < tracks.size(); i++) {
            if (tracks.get(i).primaryArtistKey().equals(tracks.get(i - 1).primaryArtistKey())) {
                pairs++;
            }
        }
        return pairs;
    }

    /**
     * The fewest pairs of neighbouring tracks by one artist that any order of these tracks can have:
     * {@code max(0, n_max − (N − n_max) − 1)}.
     *
     * @param tracks the tracks, in any order; never null
     * @return the floor
     */
    public static int adjacencyFloor(List<Track> tracks) {
        Map<String, Integer> counts = new HashMap<>();
        int max = 0;
        for (Track track : tracks) {
            max = Math.max(max, counts.merge(track.primaryArtistKey(), 1, Integer::sum));
        }
        return floor(tracks.size(), max);
    }

    private static int floor(int n, int max) {
        return Math.max(0, max - (n - max) - 1);
    }

    /** Positions of one artist seen so far. */
    private static final class Spread {
        int count;
        int first;
        int last;
        int minDistance = Integer.MAX_VALUE;

        void add(int position) {
            if (count == 0) {
                first = position;
            } else {
                minDistance = Math.min(minDistance, position - last);
            }
            last = position;
            count++;
        }
    }
}
