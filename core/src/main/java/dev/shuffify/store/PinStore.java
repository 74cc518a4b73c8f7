package dev.shuffify.store;

import dev.shuffify.model.Pin;
import java.util.List;

/**
 * Stores pins.
 *
 * @since 0.1.0
 */
public interface PinStore {

    /**
     * Inserts or replaces a pin by id.
     *
     * @param pin the pin
     */
    void save(Pin pin);

    /**
     * A user's pins in a playlist (active or lapsed), oldest first.
     *
     * @param userId the owner
     * @param playlistId the playlist
     * @return never null
     */
    List<Pin> listByPlaylist(String userId, String playlistId);

    /**
     * Deletes a pin.
     *
     * @param id the pin id
     * @return whether it existed
     */
    boolean delete(String id);
}
