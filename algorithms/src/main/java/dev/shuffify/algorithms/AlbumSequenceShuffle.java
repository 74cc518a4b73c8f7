package dev.shuffify.algorithms;

import dev.shuffify.algorithms.internal.Grouping;
import dev.shuffify.algorithms.internal.Output;
import dev.shuffify.algorithms.internal.ParamValues;
import dev.shuffify.algorithms.internal.Shuffling;
import dev.shuffify.model.Track;
import dev.shuffify.spi.ParamSpec;
import dev.shuffify.spi.ShuffleAlgorithm;
import dev.shuffify.spi.ShuffleRequest;
import java.util.List;

/**
 * {@code album_sequence}: keeps each album's tracks together and shuffles the order of the albums. Inside an
 * album the tracks keep their playlist order, unless {@code shuffle_within_albums} (default {@code false}).
 *
 * <p>Albums are told apart by {@link Track#albumKey()}; a track without an album is an album of its own. Also
 * known as {@code AlbumSequenceShuffle}.
 *
 * @since 0.1.0
 */
public final class AlbumSequenceShuffle implements ShuffleAlgorithm {
    /** The algorithm name. */
    public static final String NAME = "album_sequence";
    /** Parameter: whether the tracks inside each album are shuffled too. */
    public static final String SHUFFLE_WITHIN_ALBUMS = "shuffle_within_albums";

    private static final ParamSpec WITHIN = ParamSpec.bool(SHUFFLE_WITHIN_ALBUMS,
            "Also shuffle the tracks inside each album").withDefault(false);

    /** Creates the algorithm; it holds no state. */
    public AlbumSequenceShuffle() {
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String displayName() {
        return "Album sequence";
    }

    @Override
    public List<String> aliases() {
        return List.of("AlbumSequenceShuffle");
    }

    @Override
    public String description() {
        return "Keeps albums together and shuffles the order of the albums; optionally shuffles inside albums.";
    }

    @Override
    public List<ParamSpec> parameters() {
        return List.of(WITHIN);
    }

    @Override
    public List<Track> shuffle(ShuffleRequest request) {
        boolean within = ParamValues.bool(request.params(), WITHIN);
        Object[] tracks = request.tracks().toArray();
        Grouping albums = Grouping.byAlbum(tracks);
        int[] order = new int[albums.count];
        for (int g = 0; g < order.length; g++) {
            order[g] = g;
        }
        Shuffling.shuffle(order, 0, order.length, request.random());
        int[] members = albums.members;
        List<Object> result = Output.builder(tracks.length);
        for (int album : order) {
            int from = albums.start[album];
            int to = albums.start[album + 1];
            if (within) {
                Shuffling.shuffle(members, from, to, request.random());
            }
            for (int i = from; i < to; i++) {
                result.add(tracks[members[i]]);
            }
        }
        return Output.tracks(result);
    }
}
