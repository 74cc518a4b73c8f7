package dev.shuffify.spotify.internal;

import dev.shuffify.model.Album;
import dev.shuffify.model.Artist;
import dev.shuffify.model.Track;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import se.michaelthelin.spotify.model_objects.IPlaylistItem;
import se.michaelthelin.spotify.model_objects.specification.AlbumSimplified;
import se.michaelthelin.spotify.model_objects.specification.ArtistSimplified;
import se.michaelthelin.spotify.model_objects.specification.TrackSimplified;

/**
 * Turns spotify-web-api-java's model objects (liked songs, search, album tracks) into the core's {@link Track}.
 * Playlist entries are read by {@link PlaylistJson} in both dialects.
 */
public final class TrackMapping {

    private TrackMapping() {
    }

    /**
     * A track or episode read by spotify-web-api-java.
     *
     * @param item the item
     * @param local whether it is a local file
     * @return the track
     */
    public static Track fromModelItem(IPlaylistItem item, boolean local) {
        List<Artist> artists = List.of();
        Album album = null;
        int popularity = 0;
        if (item instanceof se.michaelthelin.spotify.model_objects.specification.Track t) {
            artists = artists(t.getArtists());
            album = album(t.getAlbum());
            popularity = t.getPopularity() == null ? 0 : t.getPopularity();
        }
        long duration = item.getDurationMs() == null ? 0 : item.getDurationMs();
        return new Track(item.getUri(), local ? null : item.getId(), item.getName(), artists, album,
                Duration.ofMillis(duration), popularity, null, local);
    }

    /**
     * A simplified track (album tracks) read by spotify-web-api-java.
     *
     * @param t the track
     * @param album the album it belongs to
     * @return the track
     */
    public static Track fromSimplified(TrackSimplified t, Album album) {
        long duration = t.getDurationMs() == null ? 0 : t.getDurationMs();
        return new Track(t.getUri(), t.getId(), t.getName(), artists(t.getArtists()), album,
                Duration.ofMillis(duration), 0, null, t.getUri().startsWith("spotify:local:"));
    }

    /**
     * An album read by spotify-web-api-java.
     *
     * @param a the album, may be null
     * @return the album, or null
     */
    public static Album album(AlbumSimplified a) {
        return a == null ? null : new Album(a.getId(), a.getName(), a.getReleaseDate());
    }

    private static List<Artist> artists(ArtistSimplified[] artists) {
        if (artists == null) {
            return List.of();
        }
        List<Artist> out = new ArrayList<>(artists.length);
        for (ArtistSimplified a : artists) {
            out.add(new Artist(a.getId(), a.getName()));
        }
        return out;
    }

}
