package dev.shuffify.spotify.internal;

import dev.shuffify.model.Album;
import dev.shuffify.model.Track;
import dev.shuffify.spotify.ApiDialect;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;
import se.michaelthelin.spotify.SpotifyApi;
import se.michaelthelin.spotify.model_objects.specification.AlbumSimplified;
import se.michaelthelin.spotify.model_objects.specification.Paging;
import se.michaelthelin.spotify.model_objects.specification.SavedTrack;
import se.michaelthelin.spotify.model_objects.specification.TrackSimplified;

/**
 * The catalog reads of one user's service (liked songs, an artist's albums, an album's tracks, search), page by
 * page through the {@link ServiceCaller}; the arguments are checked by the caller.
 */
public final class CatalogReads {
    private static final int SAVED_PAGE = 50;
    private static final int ALBUM_TRACKS_PAGE = 50;
    private static final int SEARCH_MAX_OFFSET = 1000;

    private final ServiceCaller caller;
    private final Function<String, SpotifyApi> api;
    private final ApiDialect dialect;

    /**
     * Reads through a caller.
     *
     * @param caller the caller (retries, tokens, health signals)
     * @param api the client for an access token
     * @param dialect the page sizes
     */
    public CatalogReads(ServiceCaller caller, Function<String, SpotifyApi> api, ApiDialect dialect) {
        this.caller = Objects.requireNonNull(caller, "caller");
        this.api = Objects.requireNonNull(api, "api");
        this.dialect = Objects.requireNonNull(dialect, "dialect");
    }

    private SpotifyApi api(String token) {
        return api.apply(token);
    }

    /**
     * The user's liked songs, newest first, 50 a page.
     *
     * @param limit at most this many
     * @return the tracks, each with the time it was liked
     */
    public List<Track> likedTracks(int limit) {
        List<Track> out = new ArrayList<>();
        while (out.size() < limit) {
            int from = out.size();
            int size = Math.min(SAVED_PAGE, limit - from);
            Paging<SavedTrack> page = caller.call("get the user's liked songs", null,
                    token -> api(token).getUsersSavedTracks().limit(size).offset(from).build().execute());
            for (SavedTrack saved : page.getItems()) {
                if (saved != null && saved.getTrack() != null && out.size() < limit) {
                    out.add(TrackMapping.fromModelItem(saved.getTrack(), false)
                            .withAddedAt(saved.getAddedAt() == null ? null : saved.getAddedAt().toInstant()));
                }
            }
            if (page.getNext() == null || page.getItems().length == 0) {
                break;
            }
        }
        return out;
    }

    /**
     * An artist's albums and singles, every page.
     *
     * @param artistId a checked Spotify id
     * @return the albums
     */
    public List<Album> artistAlbums(String artistId) {
        List<Album> out = new ArrayList<>();
        int offset = 0;
        while (true) {
            int from = offset;
            Paging<AlbumSimplified> page = caller.call("get the albums of artist '" + artistId + "'", null,
                    token -> api(token).getArtistsAlbums(artistId).include_groups("album,single")
                            .limit(dialect.artistAlbumsPageSize()).offset(from).build().execute());
            for (AlbumSimplified album : page.getItems()) {
                out.add(TrackMapping.album(album));
            }
            offset += page.getItems().length;
            if (page.getNext() == null || page.getItems().length == 0) {
                return out;
            }
        }
    }

    /**
     * An album's tracks, every page.
     *
     * @param albumId a checked Spotify id
     * @return the tracks
     */
    public List<Track> albumTracks(String albumId) {
        Album album = new Album(albumId, "", null);
        List<Track> out = new ArrayList<>();
        int offset = 0;
        while (true) {
            int from = offset;
            Paging<TrackSimplified> page = caller.call("get the tracks of album '" + albumId + "'", null,
                    token -> api(token).getAlbumsTracks(albumId).limit(ALBUM_TRACKS_PAGE).offset(from).build()
                            .execute());
            for (TrackSimplified t : page.getItems()) {
                out.add(TrackMapping.fromSimplified(t, album));
            }
            offset += page.getItems().length;
            if (page.getNext() == null || page.getItems().length == 0) {
                return out;
            }
        }
    }

    /**
     * Tracks found by a search, as far as the service pages (offset 1,000).
     *
     * @param query a checked, non-blank query
     * @param limit at most this many
     * @return the tracks
     */
    public List<Track> searchTracks(String query, int limit) {
        List<Track> out = new ArrayList<>();
        while (out.size() < limit && out.size() <= SEARCH_MAX_OFFSET) {
            int from = out.size();
            int size = Math.min(dialect.searchPageSize(), limit - from);
            Paging<se.michaelthelin.spotify.model_objects.specification.Track> page = caller.call(
                    "search tracks", null,
                    token -> api(token).searchTracks(query).limit(size).offset(from).build().execute());
            for (var t : page.getItems()) {
                if (out.size() < limit) {
                    out.add(TrackMapping.fromModelItem(t, false));
                }
            }
            if (page.getNext() == null || page.getItems().length == 0) {
                break;
            }
        }
        return out;
    }
}
