package dev.shuffify.model;

import java.time.Instant;
import java.util.Objects;

/**
 * A pinned track in a playlist: shuffles keep it in place, rotations never move it out.
 *
 * <p>Either a uri pin (that track, wherever it is) or a position pin (the items at positions
 * {@code fromPosition..toPosition}, inclusive, zero-based), optionally until a time.
 *
 * @param id the pin id; never blank
 * @param userId the owner; never blank
 * @param playlistId the playlist; never blank
 * @param uri the pinned track; null for a position pin
 * @param fromPosition first pinned position; -1 for a uri pin
 * @param toPosition last pinned position (inclusive); -1 for a uri pin
 * @param until when the pin lapses; null for never
 * @since 0.1.0
 */
public record Pin(String id, String userId, String playlistId, String uri, int fromPosition, int toPosition,
        Instant until) {

    /**
     * Validates.
     *
     * @param id the pin id; never blank
     * @param userId the owner; never blank
     * @param playlistId the playlist; never blank
     * @param uri the pinned track; null for a position pin
     * @param fromPosition first pinned position; -1 for a uri pin
     * @param toPosition last pinned position (inclusive); -1 for a uri pin
     * @param until when the pin lapses; null for never
     */
    public Pin {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(userId, "userId");
        Objects.requireNonNull(playlistId, "playlistId");
        if (uri == null) {
            if (fromPosition < 0 || toPosition < fromPosition) {
                throw new dev.shuffify.error.ValidationException("pin.positions",
                        "a position pin needs 0 <= from <= to, was " + fromPosition + ".." + toPosition);
            }
        } else {
            fromPosition = -1;
            toPosition = -1;
        }
    }

    /**
     * Whether the pin holds at {@code now}.
     *
     * @param now the time
     * @return true when it has no end or ends after {@code now}
     */
    public boolean isActive(Instant now) {
        return until == null || until.isAfter(now);
    }

    /**
     * Whether this pins a track by uri.
     *
     * @return true for a uri pin
     */
    public boolean isByUri() {
        return uri != null;
    }
}
