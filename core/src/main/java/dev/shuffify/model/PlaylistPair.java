package dev.shuffify.model;

import java.time.Instant;
import java.util.Objects;

/**
 * A production playlist paired with its archive, per user. Rotations move tracks between the two.
 *
 * @param userId the owner; never blank
 * @param production the production playlist; never null
 * @param archive the archive playlist; never null, never the production playlist
 * @param createdAt when the pair was made; never null
 * @since 0.1.0
 */
public record PlaylistPair(String userId, PlaylistRef production, PlaylistRef archive, Instant createdAt) {
    /**
     * Validates.
     *
     * @param userId the owner; never blank
     * @param production the production playlist; never null
     * @param archive the archive playlist; never null, never the production playlist
     * @param createdAt when the pair was made; never null
     */
    public PlaylistPair {
        Objects.requireNonNull(userId, "userId");
        Objects.requireNonNull(production, "production");
        Objects.requireNonNull(archive, "archive");
        Objects.requireNonNull(createdAt, "createdAt");
        if (production.id().equals(archive.id())) {
            throw new dev.shuffify.error.ValidationException("archive",
                    "the archive playlist must differ from the production playlist '" + production.id() + "'");
        }
    }
}
