package dev.shuffify.algorithms.reference;

import dev.shuffify.algorithms.internal.ParamValues;
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
 * {@code album_sequence}: keeps each album's tracks together and shuffles the order of the albums. Inside an
 * album the tracks keep their playlist order, unless {@code shuffle_within_albums} (default {@code false}).
 *
 * <p>Albums are told apart by {@link Track#albumKey()}; a track without an album is an album of its own. Also
 * known as {@code ReferenceAlbumSequenceShuffle}.
 *
 * @since 0.1.0
 */
public final class ReferenceAlbumSequenceShuffle implements ShuffleAlgorithm {
    /** The algorithm name. */
    public static final String NAME = "album_sequence";
    /** Parameter: whether the tracks inside each album are shuffled too. */
    public static final String SHUFFLE_WITHIN_ALBUMS = "shuffle_within_albums";

    private static final ParamSpec WITHIN = ParamSpec.bool(SHUFFLE_WITHIN_ALBUMS,
            "Also shuffle the tracks inside each album").withDefault(false);

    /** Creates the algorithm; it holds no state. */
    public ReferenceAlbumSequenceShuffle() {
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public List<String> aliases() {
        return List.of("ReferenceAlbumSequenceShuffle");
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
        List<List<Track>> albums = ReferenceGroups.by(request.tracks(), Track::albumKey);
        Shuffling.shuffle(albums, request.random());
        List<Track> result = new ArrayList<>(request.tracks().size());
        for (List<Track> album : albums) {
            if (within) {
                Shuffling.shuffle(album, request.random());
            }
            result.addAll(album);
        }
        return result;
    }
}
