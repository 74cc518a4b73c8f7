package dev.shuffify.model;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * An immutable copy of a playlist's ordered uris, taken before a mutation; it can be restored.
 *
 * @param id the snapshot id; never blank
 * @param userId the owner; never blank
 * @param playlistId the playlist; never blank
 * @param playlistName its name at the time; never null
 * @param uris the ordered uris; never null
 * @param type why it was taken; never null
 * @param trigger a description of what took it (e.g. {@code schedule 42 (shuffle)}); never null
 * @param createdAt when; never null
 * @since 0.1.0
 */
public record Snapshot(String id, String userId, String playlistId, String playlistName, List<String> uris,
        SnapshotType type, String trigger, Instant createdAt) {

    /**
     * Validates and copies.
     *
     * @param id the snapshot id; never blank
     * @param userId the owner; never blank
     * @param playlistId the playlist; never blank
     * @param playlistName its name at the time; never null
     * @param uris the ordered uris; never null
     * @param type why it was taken; never null
     * @param trigger a description of what took it (e.g. {@code schedule 42 (shuffle)}); never null
     * @param createdAt when; never null
     */
    public Snapshot {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(userId, "userId");
        Objects.requireNonNull(playlistId, "playlistId");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(createdAt, "createdAt");
        playlistName = playlistName == null ? "" : playlistName;
        uris = List.copyOf(uris);
        trigger = trigger == null ? "" : trigger;
    }

    /**
     * The number of uris.
     *
     * @return the size
     */
    public int size() {
        return uris.size();
    }
}
