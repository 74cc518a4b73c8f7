package dev.shuffify.model;

import java.util.Objects;

/**
 * A playlist without its items.
 *
 * @param id the service id; never blank
 * @param name the display name; never null
 * @param ownerId the owner's service user id; may be null
 * @param snapshotId the service's version tag; changes on every write; may be null
 * @param total the number of items
 * @since 0.1.0
 */
public record PlaylistSummary(String id, String name, String ownerId, String snapshotId, int total) {
    /**
     * Validates the id.
     *
     * @param id the service id; never blank
     * @param name the display name; never null
     * @param ownerId the owner's service user id; may be null
     * @param snapshotId the service's version tag; changes on every write; may be null
     * @param total the number of items
     */
    public PlaylistSummary {
        Objects.requireNonNull(id, "id");
        name = name == null ? "" : name;
    }
}
