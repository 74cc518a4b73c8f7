package dev.shuffify.executor.raid.discovery;

import dev.shuffify.model.Album;
import dev.shuffify.model.Track;
import java.util.List;

/** Gives album tracks their album: the service's album listing may leave it out. */
final class AlbumTracks {
    private AlbumTracks() {
    }

    /**
     * The tracks of an album, each carrying the album.
     *
     * @param tracks the tracks as the service listed them
     * @param album the album they belong to
     * @return never null
     */
    static List<Track> withAlbum(List<Track> tracks, Album album) {
        return tracks.stream().map(t -> t.album() != null && t.album().id() != null ? t
                : new Track(t.uri(), t.id(), t.name(), t.artists(), album, t.duration(), t.popularity(),
                        t.addedAt(), t.kind())).toList();
    }
}
