package dev.shuffify.algorithms;

import dev.shuffify.algorithms.internal.DitheredSpread;
import dev.shuffify.algorithms.internal.Groups;
import dev.shuffify.algorithms.internal.ParamValues;
import dev.shuffify.algorithms.internal.Shuffling;
import dev.shuffify.model.Track;
import dev.shuffify.spi.ParamSpec;
import dev.shuffify.spi.ShuffleAlgorithm;
import dev.shuffify.spi.ShuffleRequest;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.TreeSet;

/**
 * {@code artist_spacing}: at least {@code min_spacing} (1–10, default 1) other tracks between two tracks of
 * one artist wherever that is feasible; as close to it as possible where it is not; never fails.
 *
 * <p>The playlist is filled slot by slot. An artist whose last track is fewer than {@code min_spacing + 1}
 * slots back is resting. Among the artists not resting, the next track is normally the one with the earliest
 * target position of a dithered spread (as in {@code artist_spread}), which keeps each artist evenly spread.
 * When the spacing becomes tight — the largest artist, with {@code c} tracks left shared by {@code p}
 * artists, needs {@code (c − 1)(min_spacing + 1) + p} of the remaining slots — the artist with the most
 * tracks left goes first. Spacing {@code s} is feasible exactly when
 * {@code (n_max − 1)(s + 1) + p ≤ N}; the result then has no violation. When every artist is resting (the
 * spacing cannot be kept), the artist that has rested longest goes next, so tracks of one artist meet no
 * sooner than they must; with {@code min_spacing} 1 the number of adjacent same-artist pairs is then the floor
 * {@code max(0, n_max − (N − n_max) − 1)}.
 *
 * <p>Runs in {@code O(N log A)} for {@code A} artists. Artists are told apart by
 * {@link Track#primaryArtistKey()}. Also known as {@code ArtistSpacingShuffle}.
 *
 * @since 0.1.0
 */
public final class ArtistSpacingShuffle implements ShuffleAlgorithm {
    /** The algorithm name. */
    public static final String NAME = "artist_spacing";
    /** Parameter: the least number of other tracks between two tracks of one artist. */
    public static final String MIN_SPACING = "min_spacing";

    private static final ParamSpec SPACING = ParamSpec.integer(MIN_SPACING,
            "Least number of other tracks between two tracks of one artist").range(1, 10).withDefault(1);

    private static final Comparator<Artist> BY_TARGET = Comparator.comparingDouble(Artist::target)
            .thenComparingInt(a -> a.id);
    private static final Comparator<Artist> BY_REMAINING = Comparator.comparingInt((Artist a) -> -a.remaining())
            .thenComparing(BY_TARGET);

    /** Creates the algorithm; it holds no state. */
    public ArtistSpacingShuffle() {
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public List<String> aliases() {
        return List.of("ArtistSpacingShuffle");
    }

    @Override
    public String description() {
        return "At least min_spacing other tracks between two tracks of one artist wherever feasible, as close "
                + "as possible where not.";
    }

    @Override
    public List<ParamSpec> parameters() {
        return List.of(SPACING);
    }

    @Override
    public List<Track> shuffle(ShuffleRequest request) {
        int spacing = ParamValues.integer(request.params(), SPACING);
        int n = request.tracks().size();
        List<List<Track>> groups = Groups.byArtist(request.tracks());
        int[] remainingCount = new int[n + 1];
        TreeSet<Artist> byTarget = new TreeSet<>(BY_TARGET);
        TreeSet<Artist> byRemaining = new TreeSet<>(BY_REMAINING);
        for (int id = 0; id < groups.size(); id++) {
            List<Track> tracks = groups.get(id);
            Shuffling.shuffle(tracks, request.random());
            Artist artist = new Artist(id, tracks, DitheredSpread.targets(tracks.size(), request.random()));
            remainingCount[tracks.size()]++;
            byTarget.add(artist);
            byRemaining.add(artist);
        }
        int largest = groups.stream().mapToInt(List::size).max().orElse(0);
        ArrayDeque<Artist> resting = new ArrayDeque<>();
        List<Track> result = new ArrayList<>(n);
        for (int slot = 0; slot < n; slot++) {
            while (!resting.isEmpty() && resting.peekFirst().readyAt <= slot) {
                Artist ready = resting.pollFirst();
                byTarget.add(ready);
                byRemaining.add(ready);
            }
            while (remainingCount[largest] == 0) {
                largest--;
            }
            long needed = (long) (largest - 1) * (spacing + 1) + remainingCount[largest];
            Artist next;
            if (byTarget.isEmpty()) {
                next = resting.pollFirst();
            } else {
                next = n - slot <= needed ? byRemaining.first() : byTarget.first();
                byTarget.remove(next);
                byRemaining.remove(next);
            }
            remainingCount[next.remaining()]--;
            result.add(next.take());
            remainingCount[next.remaining()]++;
            if (next.remaining() > 0) {
                next.readyAt = slot + spacing + 1;
                resting.addLast(next);
            }
        }
        return result;
    }

    /** One artist's tracks, in the order they will be placed, with their target positions. */
    private static final class Artist {
        final int id;
        final List<Track> tracks;
        final double[] targets;
        int placed;
        int readyAt;

        Artist(int id, List<Track> tracks, double[] targets) {
            this.id = id;
            this.tracks = tracks;
            this.targets = targets;
        }

        int remaining() {
            return tracks.size() - placed;
        }

        double target() {
            return targets[placed];
        }

        Track take() {
            return tracks.get(placed++);
        }
    }
}
