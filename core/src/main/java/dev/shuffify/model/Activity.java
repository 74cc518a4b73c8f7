package dev.shuffify.model;

import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * A user-visible log line.
 *
 * @param id the id; never blank
 * @param userId the user; never blank
 * @param type the kind; never null
 * @param description a sentence for the user; never null
 * @param metadata structured details (schedule id, counts …); never null
 * @param createdAt when; never null
 * @since 0.1.0
 */
public record Activity(String id, String userId, ActivityType type, String description,
        Map<String, Object> metadata, Instant createdAt) {

    /**
     * Validates and copies.
     *
     * @param id the id; never blank
     * @param userId the user; never blank
     * @param type the kind; never null
     * @param description a sentence for the user; never null
     * @param metadata structured details (schedule id, counts …); never null
     * @param createdAt when; never null
     */
    public Activity {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(userId, "userId");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(createdAt, "createdAt");
        description = description == null ? "" : description;
        metadata = metadata == null || metadata.isEmpty() ? Map.of()
                : Collections.unmodifiableMap(new LinkedHashMap<>(metadata));
    }
}
