package dev.shuffify.model;

import java.util.List;
import java.util.Objects;

/**
 * A playlist with its ordered items, as read in full from the service.
 *
 * @param id the service id; never blank
 * @param name the display name; never null
 * @param ownerId the owner's service user id; may be null
 * @param snapshotId the service's version tag; may be null
 * @param items the items in playlist order; never null
 * @since 0.1.0
 */
public record Playlist(String id, String name, String ownerId, String snapshotId, List<Track> items) {
    /**
     * Validates and copies.
     *
     * @param id the service id; never blank
     * @param name the display name; never null
     * @param ownerId the owner's service user id; may be null
     * @param snapshotId the service's version tag; may be null
     * @param items the items in playlist order; never null
     */
    public Playlist {
        Objects.requireNonNull(id, "id");
        name = name == null ? "" : name;
        items = items == null ? List.of() : List.copyOf(items);
    }

    /**
     * The item uris in order.
     *
     * @return never null
     */
    public List<String> uris() {
        return items.stream().map(Track::uri).toList();
    }

    /**
     * The number of items.
     *
     * @return the size
     */
    public int size() {
        return items.size();
    }

    /**
     * This playlist without its items.
     *
     * @return the summary
     */
    public PlaylistSummary summary() {
        return new PlaylistSummary(id, name, ownerId, snapshotId, items.size());
    }
}
