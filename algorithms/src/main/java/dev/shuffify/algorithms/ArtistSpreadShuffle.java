package dev.shuffify.algorithms;

import dev.shuffify.algorithms.internal.DitheredSpread;
import dev.shuffify.algorithms.internal.Grouping;
import dev.shuffify.algorithms.internal.Output;
import dev.shuffify.algorithms.internal.PositionSort;
import dev.shuffify.algorithms.internal.Shuffling;
import dev.shuffify.model.Track;
import dev.shuffify.spi.ParamSpec;
import dev.shuffify.spi.ShuffleAlgorithm;
import dev.shuffify.spi.ShuffleRequest;
import java.util.List;

/**
 * {@code artist_spread}: the dithered spread. Each artist's tracks are shuffled and given evenly spaced
 * positions on {@code [0, 1)}: the {@code i}-th of {@code n} gets {@code (i + offset) / n + jitter}, with one
 * random {@code offset} per artist (uniform on {@code [0, 1)}) and a small random {@code jitter} per track
 * (uniform on ±10 % of the spacing {@code 1 / n}). All tracks are then ordered by position.
 *
 * <p>An artist with {@code k} of {@code N} tracks thus comes back about every {@code N / k} tracks. The spread
 * is good on average but does not guarantee anything: two tracks of one artist can still meet when the
 * tracks of other artists happen to leave a gap (see {@code merge_shuffle} for the optimum). Runs in
 * expected {@code O(N)}. Artists are told apart by {@link Track#primaryArtistKey()}.
 *
 * @since 0.1.0
 */
public final class ArtistSpreadShuffle implements ShuffleAlgorithm {
    /** The algorithm name. */
    public static final String NAME = "artist_spread";

    /** Creates the algorithm; it holds no state. */
    public ArtistSpreadShuffle() {
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String displayName() {
        return "Artist spread";
    }

    @Override
    public String description() {
        return "Dithered spread: each artist's tracks at evenly spaced positions with a random offset and jitter, "
                + "then ordered by position.";
    }

    @Override
    public List<ParamSpec> parameters() {
        return List.of();
    }

    @Override
    public List<Track> shuffle(ShuffleRequest request) {
        Object[] tracks = request.tracks().toArray();
        Grouping artists = Grouping.byArtist(tracks);
        int[] members = artists.members;
        double[] positions = new double[tracks.length];
        for (int a = 0; a < artists.count; a++) {
            int from = artists.start[a];
            int to = artists.start[a + 1];
            Shuffling.shuffle(members, from, to, request.random());
            DitheredSpread.fill(positions, from, to - from, request.random());
        }
        int[] order = PositionSort.order(positions);
        for (int i = 0; i < order.length; i++) {
            order[i] = members[order[i]];
        }
        List<Track> result = Output.inOrder(tracks, order);
        return result;
    }
}
