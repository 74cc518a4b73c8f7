package dev.shuffify.guide;

import dev.shuffify.error.ValidationException;
import dev.shuffify.model.DiscoverySource;
import dev.shuffify.model.Track;
import dev.shuffify.spi.DiscoveryRequest;
import dev.shuffify.spi.DiscoveryStrategy;
import dev.shuffify.spi.ParamSpec;
import java.util.List;

/** A discovery strategy: the tracks of one album, in album order. */
public final class AlbumStrategy implements DiscoveryStrategy {

    @Override
    public String id() {
        return "album";
    }

    @Override
    public String description() {
        return "The tracks of one album, in album order.";
    }

    @Override
    public List<ParamSpec> parameters() {
        return List.of(ParamSpec.integer("limit", "At most this many tracks").range(1, 50));
    }

    @Override
    public void validate(DiscoverySource source) {
        if (source.argument() == null || source.argument().isBlank()) {
            throw new ValidationException("argument", "an album id is required");
        }
    }

    @Override
    public List<Track> discover(DiscoveryRequest request) {
        List<Track> tracks = request.playlists().albumTracks(request.source().argument());
        int limit = request.params().getInt("limit", tracks.size());
        return tracks.subList(0, Math.min(limit, tracks.size()));
    }
}
