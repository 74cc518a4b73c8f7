package dev.shuffify.service;

import dev.shuffify.error.NotFoundException;
import dev.shuffify.model.Pin;
import java.time.Instant;
import java.util.List;

/**
 * A user's pins: entries that shuffles keep in place and rotations never move out.
 *
 * <p>A uri pin names a {@code spotify:track:<id>}, a {@code spotify:episode:<id>} or a {@code spotify:local:}
 * file; any other uri ({@code spotify:artist:…}, a bare id) is refused. A position pin covers the positions
 * {@code from..to}, inclusive and zero-based.
 *
 * <pre>{@code
 * shuffify.pins().pinTrack("alice", playlistId, "spotify:track:4uLU6hMCjMI75M1A2tKUQC");
 * shuffify.pins().pinPositions("alice", playlistId, 0, 1, Instant.parse("2027-01-01T00:00:00Z"));
 * }</pre>
 *
 * @since 0.3.0
 */
public interface PinService {

    /**
     * Pins an entry (by uri) of a playlist, for good.
     *
     * @param userId the owner
     * @param playlistId the playlist
     * @param uri the entry's uri
     * @return the stored pin
     */
    Pin pinTrack(String userId, String playlistId, String uri);

    /**
     * Pins an entry (by uri) of a playlist until a time.
     *
     * @param userId the owner
     * @param playlistId the playlist
     * @param uri the entry's uri
     * @param until when the pin lapses (a time already past makes a lapsed pin)
     * @return the stored pin
     */
    Pin pinTrack(String userId, String playlistId, String uri, Instant until);

    /**
     * Pins the entries at positions {@code from..to} of a playlist, for good.
     *
     * @param userId the owner
     * @param playlistId the playlist
     * @param from first position (0 or more)
     * @param to last position (at least {@code from})
     * @return the stored pin
     */
    Pin pinPositions(String userId, String playlistId, int from, int to);

    /**
     * Pins the entries at positions {@code from..to} of a playlist until a time.
     *
     * @param userId the owner
     * @param playlistId the playlist
     * @param from first position (0 or more)
     * @param to last position (at least {@code from})
     * @param until when the pin lapses
     * @return the stored pin
     */
    Pin pinPositions(String userId, String playlistId, int from, int to, Instant until);

    /**
     * The pins of a playlist.
     *
     * @param userId the owner
     * @param playlistId the playlist
     * @return the pins, lapsed ones included
     */
    List<Pin> list(String userId, String playlistId);

    /**
     * Removes a pin.
     *
     * @param userId the owner
     * @param playlistId the playlist
     * @param pinId the pin
     * @throws NotFoundException when the user has no such pin on that playlist
     */
    void unpin(String userId, String playlistId, String pinId);
}
