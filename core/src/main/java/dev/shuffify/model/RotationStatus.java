package dev.shuffify.model;

import java.util.Objects;
import java.util.Optional;

/**
 * Where a playlist stands for rotation: its pair, its rotate schedule and that schedule's last execution.
 *
 * @param playlistId the production playlist
 * @param pair the pair, if one exists
 * @param schedule the user's rotate schedule targeting the playlist, if any
 * @param lastExecution the schedule's newest execution, if any
 * @since 0.1.0
 */
public record RotationStatus(String playlistId, Optional<PlaylistPair> pair, Optional<Schedule> schedule,
        Optional<Execution> lastExecution) {

    /**
     * Validates.
     *
     * @param playlistId the production playlist
     * @param pair the pair, if one exists
     * @param schedule the user's rotate schedule targeting the playlist, if any
     * @param lastExecution the schedule's newest execution, if any
     */
    public RotationStatus {
        Objects.requireNonNull(playlistId, "playlistId");
        Objects.requireNonNull(pair, "pair");
        Objects.requireNonNull(schedule, "schedule");
        Objects.requireNonNull(lastExecution, "lastExecution");
    }

    /**
     * Whether the playlist can be rotated (it has a pair).
     *
     * @return true when a pair exists
     */
    public boolean isReady() {
        return pair.isPresent();
    }
}
