package dev.shuffify.spi;

import dev.shuffify.error.PlaylistNotFoundException;
import dev.shuffify.error.PlaylistServiceException;
import dev.shuffify.model.Album;
import dev.shuffify.model.Playlist;
import dev.shuffify.model.PlaylistSummary;
import dev.shuffify.model.Track;
import java.util.List;
import java.util.Optional;

/**
 * The music-service port, seen from one user's account. The Spotify adapter and the in-memory service
 * implement it; executors only ever see it through their {@link JobContext}.
 *
 * <p>Reads hide paging and return everything. Each write method is <em>one</em> call to the service and
 * takes at most {@value #MAX_BATCH} uris, as the real service does; a longer list is an
 * {@link IllegalArgumentException}. The {@code …All} default methods split longer lists into the fewest
 * calls.
 *
 * <p>Every method may throw {@link PlaylistServiceException} (or its not-found, rate-limited and
 * authentication kinds).
 *
 * @since 0.1.0
 */
public interface PlaylistService {

    /** The most uris one write call may carry. */
    int MAX_BATCH = 100;

    /**
     * The service's id of the user this service acts for.
     *
     * @return never null
     */
    String currentUserId();

    /**
     * Reads a playlist with all its items, in order, each with its {@code addedAt}.
     *
     * @param playlistId the playlist
     * @return the playlist
     * @throws PlaylistNotFoundException when it does not exist or cannot be read
     */
    Playlist playlist(String playlistId);

    /**
     * The playlists in the user's library (owned and followed).
     *
     * @return never null
     */
    List<PlaylistSummary> playlists();

    /**
     * Adds up to {@value #MAX_BATCH} uris in one call.
     *
     * @param playlistId the playlist
     * @param uris the uris, 1..100
     * @param position where to insert (0 = top), or null to append
     * @return the new snapshot id
     */
    String addTracks(String playlistId, List<String> uris, Integer position);

    /**
     * Removes every occurrence of up to {@value #MAX_BATCH} uris in one call.
     *
     * @param playlistId the playlist
     * @param uris the uris, 1..100
     * @return the new snapshot id
     */
    String removeTracks(String playlistId, List<String> uris);

    /**
     * Replaces all items with up to {@value #MAX_BATCH} uris in one call (an empty list clears the playlist).
     * New items get a fresh {@code addedAt}.
     *
     * @param playlistId the playlist
     * @param uris the uris, 0..100
     * @return the new snapshot id
     */
    String replaceTracks(String playlistId, List<String> uris);

    /**
     * Moves a range of items in one call, keeping each item's {@code addedAt}.
     *
     * @param playlistId the playlist
     * @param rangeStart the first position moved
     * @param rangeLength how many items are moved (at least 1)
     * @param insertBefore the position, in the order before the move, to put them before
     * @return the new snapshot id
     */
    String reorderTracks(String playlistId, int rangeStart, int rangeLength, int insertBefore);

    /**
     * Creates a playlist owned by the user.
     *
     * @param name its name
     * @param description its description, may be null
     * @param isPublic whether it is public
     * @return the new playlist
     */
    PlaylistSummary createPlaylist(String name, String description, boolean isPublic);

    /**
     * The user's liked songs, newest first, each with {@code addedAt} = when it was liked.
     *
     * @param limit the most to return
     * @return never null
     */
    List<Track> likedTracks(int limit);

    /**
     * An artist's albums and singles, with release dates.
     *
     * @param artistId the artist
     * @return never null
     */
    List<Album> artistAlbums(String artistId);

    /**
     * The tracks of an album, in album order.
     *
     * @param albumId the album
     * @return never null
     */
    List<Track> albumTracks(String albumId);

    /**
     * Searches the catalogue for tracks.
     *
     * @param query the query
     * @param limit the most to return (the service may cap it)
     * @return never null
     */
    List<Track> searchTracks(String query, int limit);

    /**
     * What this service's calls can expect during the current job: the application's request budget and the
     * job's deadline, for the engine's estimate before a job's first write ({@link JobContext#planWrites}). A
     * service that paces its calls or ends a job's waits at a deadline says so here; the default, for a service
     * that does neither, is empty, and no job is refused.
     *
     * @return the budget, or empty when the service sets none
     * @since 0.2.0
     */
    default Optional<RequestBudget> requestBudget() {
        return Optional.empty();
    }

    /**
     * Appends any number of uris in the fewest calls (ceil(n/100)).
     *
     * @param playlistId the playlist
     * @param uris the uris
     * @return the number of calls made
     */
    default int addAll(String playlistId, List<String> uris) {
        int calls = 0;
        for (int from = 0; from < uris.size(); from += MAX_BATCH) {
            addTracks(playlistId, List.copyOf(uris.subList(from, Math.min(uris.size(), from + MAX_BATCH))), null);
            calls++;
        }
        return calls;
    }

    /**
     * Inserts any number of uris at a position, in order, in the fewest calls.
     *
     * @param playlistId the playlist
     * @param uris the uris
     * @param position where the first uri goes (0 = top)
     * @return the number of calls made
     */
    default int insertAll(String playlistId, List<String> uris, int position) {
        int calls = 0;
        for (int from = 0; from < uris.size(); from += MAX_BATCH) {
            addTracks(playlistId, List.copyOf(uris.subList(from, Math.min(uris.size(), from + MAX_BATCH))),
                    position + from);
            calls++;
        }
        return calls;
    }

    /**
     * Removes every occurrence of any number of uris in the fewest calls (duplicates in {@code uris} are sent
     * once).
     *
     * @param playlistId the playlist
     * @param uris the uris
     * @return the number of calls made
     */
    default int removeAll(String playlistId, List<String> uris) {
        List<String> distinct = uris.stream().distinct().toList();
        int calls = 0;
        for (int from = 0; from < distinct.size(); from += MAX_BATCH) {
            removeTracks(playlistId, distinct.subList(from, Math.min(distinct.size(), from + MAX_BATCH)));
            calls++;
        }
        return calls;
    }

    /**
     * Replaces the whole playlist with any number of uris: one replace of the first 100, then appends of
     * 100 (1 + ceil((n−100)/100) calls).
     *
     * @param playlistId the playlist
     * @param uris the new items in order
     * @return the number of calls made
     */
    default int replaceAll(String playlistId, List<String> uris) {
        int first = Math.min(uris.size(), MAX_BATCH);
        replaceTracks(playlistId, List.copyOf(uris.subList(0, first)));
        return 1 + addAll(playlistId, uris.subList(first, uris.size()));
    }
}
