package dev.shuffify.store;

import dev.shuffify.model.PlaylistPair;
import java.util.List;
import java.util.Optional;

/**
 * Stores playlist pairs: at most one per production playlist per user.
 *
 * @since 0.1.0
 */
public interface PairStore {

    /**
     * Inserts or replaces the user's pair for the production playlist.
     *
     * @param pair the pair
     */
    void save(PlaylistPair pair);

    /**
     * Finds the user's pair for a production playlist.
     *
     * @param userId the owner
     * @param productionId the production playlist
     * @return the pair, or empty
     */
    Optional<PlaylistPair> find(String userId, String productionId);

    /**
     * A user's pairs.
     *
     * @param userId the owner
     * @return never null
     */
    List<PlaylistPair> listByUser(String userId);

    /**
     * Deletes a pair.
     *
     * @param userId the owner
     * @param productionId the production playlist
     * @return whether it existed
     */
    boolean delete(String userId, String productionId);
}
