package dev.shuffify.model;

import java.util.List;
import java.util.Objects;

/**
 * The outcome of a dry run: what the job reported and every write it would have made, in order.
 *
 * @param scheduleId the schedule previewed; never blank
 * @param result what the job would report; never null
 * @param changes the writes, in call order; never null
 * @since 0.1.0
 */
public record Preview(String scheduleId, JobResult result, List<PlannedChange> changes) {
    /**
     * Validates and copies.
     *
     * @param scheduleId the schedule previewed; never blank
     * @param result what the job would report; never null
     * @param changes the writes, in call order; never null
     */
    public Preview {
        Objects.requireNonNull(scheduleId, "scheduleId");
        Objects.requireNonNull(result, "result");
        changes = List.copyOf(changes);
    }

    /**
     * The uris the job would add to a playlist.
     *
     * @param playlistId the playlist
     * @return uris in call order; never null
     */
    public List<String> adds(String playlistId) {
        return changes.stream().filter(c -> c.playlistId().equals(playlistId)
                && c.operation() == PlannedChange.Operation.ADD).flatMap(c -> c.uris().stream()).toList();
    }

    /**
     * The uris the job would remove from a playlist.
     *
     * @param playlistId the playlist
     * @return uris in call order; never null
     */
    public List<String> removes(String playlistId) {
        return changes.stream().filter(c -> c.playlistId().equals(playlistId)
                && c.operation() == PlannedChange.Operation.REMOVE).flatMap(c -> c.uris().stream()).toList();
    }
}
