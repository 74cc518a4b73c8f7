package dev.shuffify.memory;

/**
 * The operations of the music-service port, as counted and faulted by {@link InMemoryPlaylistService}.
 *
 * @since 0.1.0
 */
public enum Operation {
    /** {@code currentUserId()}. */
    CURRENT_USER(false),
    /** {@code playlist(id)}: one read of a whole playlist. */
    READ_PLAYLIST(false),
    /** {@code playlists()}. */
    LIST_PLAYLISTS(false),
    /** {@code addTracks(…)}. */
    ADD(true),
    /** {@code removeTracks(…)}. */
    REMOVE(true),
    /** {@code replaceTracks(…)}. */
    REPLACE(true),
    /** {@code reorderTracks(…)}. */
    REORDER(true),
    /** {@code createPlaylist(…)}. */
    CREATE_PLAYLIST(true),
    /** {@code likedTracks(…)}. */
    LIKED(false),
    /** {@code artistAlbums(…)}. */
    ARTIST_ALBUMS(false),
    /** {@code albumTracks(…)}. */
    ALBUM_TRACKS(false),
    /** {@code searchTracks(…)}. */
    SEARCH(false);

    private final boolean write;

    Operation(boolean write) {
        this.write = write;
    }

    /**
     * Whether the operation changes a playlist.
     *
     * @return true for writes
     */
    public boolean isWrite() {
        return write;
    }
}
