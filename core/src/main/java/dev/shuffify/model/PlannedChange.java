package dev.shuffify.model;

import java.util.List;
import java.util.Objects;

/**
 * One write a job made, or in a preview would have made.
 *
 * @param operation what kind of write; never null
 * @param playlistId the playlist written; never blank
 * @param uris the uris added, removed or written (empty for a reorder); never null
 * @param position the insert position of an add (null = append), the range start of a reorder, else null
 * @param rangeLength the length of a reorder's range, else 0
 * @param insertBefore the target position of a reorder, else -1
 * @since 0.1.0
 */
public record PlannedChange(Operation operation, String playlistId, List<String> uris, Integer position,
        int rangeLength, int insertBefore) {

    /**
     * Validates and copies.
     *
     * @param operation what kind of write; never null
     * @param playlistId the playlist written; never blank
     * @param uris the uris added, removed or written (empty for a reorder); never null
     * @param position the insert position of an add (null = append), the range start of a reorder, else null
     * @param rangeLength the length of a reorder's range, else 0
     * @param insertBefore the target position of a reorder, else -1
     */
    public PlannedChange {
        Objects.requireNonNull(operation, "operation");
        Objects.requireNonNull(playlistId, "playlistId");
        uris = List.copyOf(uris);
    }

    /** Kinds of write. */
    public enum Operation {
        /** Tracks added. */
        ADD,
        /** Every occurrence of tracks removed. */
        REMOVE,
        /** All items replaced. */
        REPLACE,
        /** A range of items moved. */
        REORDER
    }
}
