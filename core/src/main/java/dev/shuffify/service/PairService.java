package dev.shuffify.service;

import dev.shuffify.error.NotFoundException;
import dev.shuffify.error.ValidationException;
import dev.shuffify.model.PlaylistPair;
import dev.shuffify.model.RotationStatus;
import java.util.List;
import java.util.Optional;

/**
 * A user's playlist pairs: a production playlist and the archive that rotations move tracks to and from.
 *
 * <pre>{@code
 * PlaylistPair pair = shuffify.pairs().create("alice", productionId, archiveId);
 * RotationStatus status = shuffify.pairs().rotationStatus("alice", productionId);
 * }</pre>
 *
 * @since 0.3.0
 */
public interface PairService {

    /**
     * Pairs a production playlist with an archive playlist. Both must be the user's own playlists and differ;
     * a production playlist has at most one pair.
     *
     * @param userId the owner
     * @param productionId the production playlist
     * @param archiveId the archive playlist
     * @return the stored pair
     * @throws ValidationException when a playlist is not the user's, they are equal, or a pair exists already
     */
    PlaylistPair create(String userId, String productionId, String archiveId);

    /**
     * Pairs a production playlist with a new private archive playlist named after it
     * ({@code "<name> (archive)"}).
     *
     * @param userId the owner
     * @param productionId the production playlist
     * @return the stored pair
     * @throws ValidationException when the playlist is not the user's, or a pair exists already
     */
    PlaylistPair createWithNewArchive(String userId, String productionId);

    /**
     * The pair of a production playlist.
     *
     * @param userId the owner
     * @param productionId the production playlist
     * @return the pair, if any
     */
    Optional<PlaylistPair> find(String userId, String productionId);

    /**
     * A user's pairs.
     *
     * @param userId the owner
     * @return the pairs
     */
    List<PlaylistPair> list(String userId);

    /**
     * Deletes a pair (the playlists themselves are untouched).
     *
     * @param userId the owner
     * @param productionId the production playlist
     * @throws NotFoundException when there is no such pair
     */
    void delete(String userId, String productionId);

    /**
     * Where a playlist stands for rotation: its pair, the user's newest schedule on it whose job type (or a
     * step of its chain) rotates, and that schedule's last execution.
     *
     * @param userId the owner
     * @param playlistId the production playlist
     * @return the status
     */
    RotationStatus rotationStatus(String userId, String playlistId);
}
