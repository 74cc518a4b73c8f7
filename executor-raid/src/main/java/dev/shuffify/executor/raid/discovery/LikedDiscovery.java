package dev.shuffify.executor.raid.discovery;

import dev.shuffify.error.ValidationException;
import dev.shuffify.model.DiscoverySource;
import dev.shuffify.model.Track;
import dev.shuffify.spi.DiscoveryRequest;
import dev.shuffify.spi.DiscoveryStrategy;
import dev.shuffify.spi.ParamSpec;
import java.util.List;

/**
 * The owner's liked songs, newest first. Takes no argument; the parameter {@code limit} (1..10000, default 50)
 * says how many of the most recently liked songs to consider.
 *
 * @since 0.1.0
 */
public final class LikedDiscovery implements DiscoveryStrategy {
    /** The strategy id. */
    public static final String ID = "liked";
    /** Parameter: how many liked songs to consider. */
    public static final String LIMIT = "limit";

    /** Creates the strategy. */
    public LikedDiscovery() {
    }

    @Override
    public String id() {
        return ID;
    }

    @Override
    public String displayName() {
        return "Liked songs";
    }

    @Override
    public String description() {
        return "The owner's liked songs, newest first.";
    }

    @Override
    public List<ParamSpec> parameters() {
        return List.of(ParamSpec.integer(LIMIT, "How many of the most recently liked songs to consider")
                .range(1, 10_000).withDefault(50));
    }

    @Override
    public void validate(DiscoverySource source) {
        if (source.argument() != null && !source.argument().isBlank()) {
            throw new ValidationException("argument", "the liked strategy takes no argument (it reads the owner's "
                    + "liked songs); set params.limit to choose how many, was '" + source.argument() + "'");
        }
    }

    @Override
    public List<Track> discover(DiscoveryRequest request) {
        return request.playlists().likedTracks(request.params().getInt(LIMIT)).stream().filter(Track::writable)
                .toList();
    }
}
