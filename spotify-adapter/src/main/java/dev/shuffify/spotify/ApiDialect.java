package dev.shuffify.spotify;

/**
 * The two forms of the Spotify Web API's playlist endpoints. In both, search and an artist's albums come in pages
 * of at most 10 (the Web API's description caps them for every application since 2026). Since 2026 development-mode applications must
 * use {@link #ITEMS}; applications with extended quota may keep {@link #TRACKS}.
 *
 * @since 0.1.0
 */
public enum ApiDialect {
    /**
     * The current forms (the default): {@code /playlists/{id}/items}, playlist items carry {@code item}, pages
     * of at most 50, {@code POST /me/playlists}.
     */
    ITEMS(50, 10, 10),
    /**
     * The older forms: {@code /playlists/{id}/tracks}, playlist items carry {@code track}, pages of at most 100,
     * {@code POST /users/{user_id}/playlists}.
     */
    TRACKS(100, 10, 10);

    private final int playlistPageSize;
    private final int searchPageSize;
    private final int artistAlbumsPageSize;

    ApiDialect(int playlistPageSize, int searchPageSize, int artistAlbumsPageSize) {
        this.playlistPageSize = playlistPageSize;
        this.searchPageSize = searchPageSize;
        this.artistAlbumsPageSize = artistAlbumsPageSize;
    }

    /**
     * The largest page of playlist items the service returns in this dialect.
     *
     * @return 50 or 100
     */
    public int playlistPageSize() {
        return playlistPageSize;
    }

    /**
     * The largest page of search results the service returns in this dialect.
     *
     * @return 10
     */
    public int searchPageSize() {
        return searchPageSize;
    }

    /**
     * The largest page of an artist's albums the service returns in this dialect.
     *
     * @return 10
     */
    public int artistAlbumsPageSize() {
        return artistAlbumsPageSize;
    }

    /**
     * The path segment of the playlist item endpoints.
     *
     * @return {@code items} or {@code tracks}
     */
    public String itemsSegment() {
        return this == ITEMS ? "items" : "tracks";
    }
}
