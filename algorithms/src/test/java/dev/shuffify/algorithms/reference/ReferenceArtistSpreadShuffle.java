package dev.shuffify.algorithms.reference;

import dev.shuffify.algorithms.internal.DitheredSpread;
import dev.shuffify.algorithms.internal.Shuffling;
import dev.shuffify.model.Track;
import dev.shuffify.spi.ParamSpec;
import dev.shuffify.spi.ShuffleAlgorithm;
import dev.shuffify.spi.ShuffleRequest;
import java.util.ArrayList;
import java.util.List;

/**
 * The implementation before the flat-array rewrite, kept unchanged as the oracle of {@code SameOrderAsReferenceTest}.
 *
 * <p>
 * {@code artist_spread}: the dithered spread. Each artist's tracks are shuffled and given evenly spaced
 * positions on {@code [0, 1)}: the {@code i}-th of {@code n} gets {@code (i + offset) / n + jitter}, with one
 * random {@code offset} per artist (uniform on {@code [0, 1)}) and a small random {@code jitter} per track
 * (uniform on ±10 % of the spacing {@code 1 / n}). All tracks are then ordered by position.
 *
 * <p>An artist with {@code k} of {@code N} tracks thus comes back about every {@code N / k} tracks. The spread
 * is good on average but does not guarantee anything: two tracks of one artist can still meet when the
 * tracks of other artists happen to leave a gap (see {@code merge_shuffle} for the optimum). Runs in
 * {@code O(N log N)}. Artists are told apart by {@link Track#primaryArtistKey()}.
 *
 * @since 0.1.0
 */
public final class ReferenceArtistSpreadShuffle implements ShuffleAlgorithm {
    /** The algorithm name. */
    public static final String NAME = "artist_spread";

    /** Creates the algorithm; it holds no state. */
    public ReferenceArtistSpreadShuffle() {
    }

    @Override
    public String name() {
        return NAME;
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
        int n = request.tracks().size();
        Track[] tracks = new Track[n];
        double[] positions = new double[n];
        int next = 0;
        for (List<Track> artist : ReferenceGroups.byArtist(request.tracks())) {
            Shuffling.shuffle(artist, request.random());
            double[] targets = DitheredSpread.targets(artist.size(), request.random());
            for (int i = 0; i < artist.size(); i++) {
                tracks[next] = artist.get(i);
                positions[next++] = targets[i];
            }
        }
        List<Track> result = new ArrayList<>(n);
        for (int index : ReferencePositionSort.order(positions)) {
            result.add(tracks[index]);
        }
        return result;
    }
}
