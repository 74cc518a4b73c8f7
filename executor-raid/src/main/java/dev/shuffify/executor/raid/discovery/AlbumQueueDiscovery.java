package dev.shuffify.executor.raid.discovery;

import dev.shuffify.error.ValidationException;
import dev.shuffify.model.Album;
import dev.shuffify.model.DiscoverySource;
import dev.shuffify.model.Track;
import dev.shuffify.spi.DiscoveryRequest;
import dev.shuffify.spi.DiscoveryStrategy;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * A queue of albums: every track of each album, album after album, in album order. The argument lists the
 * albums — ids, {@code spotify:album:} uris or {@code open.spotify.com/album/} links — separated by commas,
 * white space or new lines. With the raid's {@code limit}, the queue drains a few tracks per run: tracks
 * already in the target are skipped, so each run continues where the last one stopped.
 *
 * @since 0.1.0
 */
public final class AlbumQueueDiscovery implements DiscoveryStrategy {
    /** The strategy id. */
    public static final String ID = "album_queue";
    /** The most albums one source may queue. */
    public static final int MAX_ALBUMS = 200;

    /** Creates the strategy. */
    public AlbumQueueDiscovery() {
    }

    @Override
    public String id() {
        return ID;
    }

    @Override
    public String displayName() {
        return "Album queue";
    }

    @Override
    public String description() {
        return "Every track of a queue of albums, album after album.";
    }

    @Override
    public void validate(DiscoverySource source) {
        albumIds(source.argument());
    }

    @Override
    public List<Track> discover(DiscoveryRequest request) {
        List<Track> tracks = new ArrayList<>();
        for (String albumId : albumIds(request.source().argument())) {
            List<Track> listed = request.playlists().albumTracks(albumId);
            for (Track t : AlbumTracks.withAlbum(listed, new Album(albumId, "", null))) {
                if (t.writable()) {
                    tracks.add(t);
                }
            }
        }
        return tracks;
    }

    /**
     * The distinct album ids of an argument, in order.
     *
     * @param argument the argument
     * @return at least one id
     * @throws ValidationException naming {@code argument} and the offending entry
     */
    static List<String> albumIds(String argument) {
        if (argument == null || argument.isBlank()) {
            throw new ValidationException("argument", "is required: one or more albums (" + CatalogLinks.accepted(
                    "album") + "), separated by commas or spaces");
        }
        String[] entries = argument.trim().split("[,\\s]+");
        Set<String> ids = new LinkedHashSet<>();
        for (int i = 0; i < entries.length; i++) {
            if (entries[i].isEmpty()) {
                continue;
            }
            try {
                ids.add(CatalogLinks.id(entries[i], "album", "argument"));
            } catch (ValidationException e) {
                throw new ValidationException("argument", "entry " + (i + 1) + " of " + entries.length + ": "
                        + e.errors().get(0).message());
            }
        }
        if (ids.size() > MAX_ALBUMS) {
            throw new ValidationException("argument", "at most " + MAX_ALBUMS + " albums per source, was "
                    + ids.size() + "; split them over several sources");
        }
        return List.copyOf(ids);
    }
}
