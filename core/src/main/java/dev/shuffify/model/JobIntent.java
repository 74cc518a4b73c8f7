package dev.shuffify.model;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What a running job is about to change, recorded durably before its first write to each playlist, so a run
 * that dies half-way (the host killed, its lease expired) can be repaired: the engine compares the playlists
 * with {@link #before()} and puts back what the interrupted job lost. Cleared when the run's outcome is
 * recorded; kept, and never pruned, while an abandoned run is not repaired.
 *
 * @param executionId the run; never blank
 * @param scheduleId its schedule; never blank
 * @param userId the owner; never blank
 * @param jobType the job type; never blank
 * @param recordedAt when the intent was first recorded; never null
 * @param playlists the playlists the job may write, in a fixed order; never null
 * @param before the state of each playlist the job has written (or is about to write) before its first write,
 *     in first-write order; never null
 * @since 0.2.0
 */
public record JobIntent(String executionId, String scheduleId, String userId, String jobType, Instant recordedAt,
        List<String> playlists, List<PlaylistBefore> before) {

    /**
     * Validates and copies.
     *
     * @param executionId the run; never blank
     * @param scheduleId its schedule; never blank
     * @param userId the owner; never blank
     * @param jobType the job type; never blank
     * @param recordedAt when the intent was first recorded; never null
     * @param playlists the playlists the job may write; never null
     * @param before the pre-job state of each playlist written so far, in first-write order; never null, one
     *     entry per playlist
     */
    public JobIntent {
        requireText(executionId, "executionId");
        requireText(scheduleId, "scheduleId");
        requireText(userId, "userId");
        requireText(jobType, "jobType");
        Objects.requireNonNull(recordedAt, "recordedAt");
        playlists = List.copyOf(playlists);
        before = List.copyOf(before);
        for (int i = 0; i < before.size(); i++) {
            for (int j = 0; j < i; j++) {
                if (before.get(i).playlistId().equals(before.get(j).playlistId())) {
                    throw new IllegalArgumentException("before: playlist '" + before.get(i).playlistId()
                            + "' appears twice");
                }
            }
        }
    }

    /**
     * One playlist as the job found it before its first write to it.
     *
     * @param playlistId the playlist; never blank
     * @param name its name; never null (may be empty)
     * @param uris its entries' uris in service order; never null
     * @since 0.2.0
     */
    public record PlaylistBefore(String playlistId, String name, List<String> uris) {
        /**
         * Validates and copies.
         *
         * @param playlistId the playlist; never blank
         * @param name its name; null reads as empty
         * @param uris its entries' uris in service order; never null
         */
        public PlaylistBefore {
            requireText(playlistId, "playlistId");
            name = name == null ? "" : name;
            uris = List.copyOf(uris);
        }
    }

    /**
     * The pre-job state of one playlist.
     *
     * @param playlistId the playlist
     * @return its state before the job's first write, or empty when the job has not written it
     */
    public Optional<PlaylistBefore> before(String playlistId) {
        return before.stream().filter(b -> b.playlistId().equals(playlistId)).findFirst();
    }

    /**
     * This intent with one more playlist's pre-job state; an already recorded playlist keeps its first state.
     *
     * @param playlist the playlist's state before the job's first write to it
     * @return the new intent, or this one when the playlist was already recorded
     */
    public JobIntent withBefore(PlaylistBefore playlist) {
        if (before(playlist.playlistId()).isPresent()) {
            return this;
        }
        List<PlaylistBefore> all = new ArrayList<>(before);
        all.add(playlist);
        List<String> ids = new ArrayList<>(playlists);
        if (!ids.contains(playlist.playlistId())) {
            ids.add(playlist.playlistId());
        }
        return new JobIntent(executionId, scheduleId, userId, jobType, recordedAt, ids, all);
    }

    private static void requireText(String value, String field) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(field + " must not be blank");
        }
    }
}
