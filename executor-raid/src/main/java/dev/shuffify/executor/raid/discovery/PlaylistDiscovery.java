package dev.shuffify.executor.raid.discovery;

import dev.shuffify.model.DiscoverySource;
import dev.shuffify.model.Track;
import dev.shuffify.spi.DiscoveryRequest;
import dev.shuffify.spi.DiscoveryStrategy;
import java.util.List;

/**
 * The classic raid source: every playable track of another playlist, in playlist order. The argument is a
 * playlist id, {@code spotify:playlist:} uri or {@code open.spotify.com/playlist/} link. Local files are left
 * out (the service cannot add them to another playlist).
 *
 * @since 0.1.0
 */
public final class PlaylistDiscovery implements DiscoveryStrategy {
    /** The strategy id. */
    public static final String ID = "playlist";

    /** Creates the strategy. */
    public PlaylistDiscovery() {
    }

    @Override
    public String id() {
        return ID;
    }

    @Override
    public String displayName() {
        return "Playlist";
    }

    @Override
    public String description() {
        return "The tracks of another playlist, in playlist order.";
    }

    @Override
    public void validate(DiscoverySource source) {
        CatalogLinks.id(source.argument(), "playlist", "argument");
    }

    @Override
    public List<Track> discover(DiscoveryRequest request) {
        String playlistId = CatalogLinks.id(request.source().argument(), "playlist", "argument");
        return request.playlists().playlist(playlistId).items().stream().filter(Track::writable).toList();
    }
}
