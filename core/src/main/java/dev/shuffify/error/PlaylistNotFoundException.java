package dev.shuffify.error;

import java.io.Serial;

/**
 * A playlist does not exist, or the user can no longer read it (the service answered 404 or 403).
 *
 * @since 0.1.0
 */
public class PlaylistNotFoundException extends PlaylistServiceException {
    /** The serialized form's version. */
    @Serial
    private static final long serialVersionUID = 1L;

    /** The playlist that could not be found or read. */
    private final String playlistId;

    /**
     * Creates an exception for a playlist.
     *
     * @param playlistId the playlist's id
     */
    public PlaylistNotFoundException(String playlistId) {
        this(playlistId, "playlist '" + playlistId + "' not found or not readable");
    }

    /**
     * Creates an exception for a playlist with a custom message.
     *
     * @param playlistId the playlist's id
     * @param message the message
     */
    public PlaylistNotFoundException(String playlistId, String message) {
        super(message, false);
        this.playlistId = playlistId;
    }

    /**
     * The playlist that was not found.
     *
     * @return its id
     */
    public String playlistId() {
        return playlistId;
    }
}
