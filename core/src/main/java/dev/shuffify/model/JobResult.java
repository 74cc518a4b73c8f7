package dev.shuffify.model;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What a job did.
 *
 * @param tracksAdded tracks added to the target
 * @param tracksRemoved tracks removed from the target
 * @param tracksTotal the target's size afterwards
 * @param details job-specific details; never null
 * @param warnings non-fatal problems; never null
 * @since 0.1.0
 */
public record JobResult(int tracksAdded, int tracksRemoved, int tracksTotal, Map<String, Object> details,
        List<String> warnings) {

    /**
     * Validates counts and copies collections.
     *
     * @param tracksAdded tracks added to the target
     * @param tracksRemoved tracks removed from the target
     * @param tracksTotal the target's size afterwards
     * @param details job-specific details; never null
     * @param warnings non-fatal problems; never null
     */
    public JobResult {
        if (tracksAdded < 0 || tracksRemoved < 0 || tracksTotal < 0) {
            throw new IllegalArgumentException("track counts must not be negative");
        }
        details = details == null || details.isEmpty() ? Map.of()
                : Collections.unmodifiableMap(new LinkedHashMap<>(details));
        warnings = warnings == null ? List.of() : List.copyOf(warnings);
    }

    /**
     * A result with counts only.
     *
     * @param added tracks added
     * @param removed tracks removed
     * @param total size afterwards
     * @return the result
     */
    public static JobResult of(int added, int removed, int total) {
        return new JobResult(added, removed, total, Map.of(), List.of());
    }

    /**
     * Starts a builder.
     *
     * @return a builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /** Builds a {@link JobResult}. */
    public static final class Builder {
        private int added;
        private int removed;
        private int total;
        private final Map<String, Object> details = new LinkedHashMap<>();
        private final List<String> warnings = new ArrayList<>();

        private Builder() {
        }

        /**
         * Sets the added count.
         *
         * @param value the count
         * @return this builder
         */
        public Builder tracksAdded(int value) {
            this.added = value;
            return this;
        }

        /**
         * Sets the removed count.
         *
         * @param value the count
         * @return this builder
         */
        public Builder tracksRemoved(int value) {
            this.removed = value;
            return this;
        }

        /**
         * Sets the total.
         *
         * @param value the size afterwards
         * @return this builder
         */
        public Builder tracksTotal(int value) {
            this.total = value;
            return this;
        }

        /**
         * Adds a detail.
         *
         * @param key the key
         * @param value the value
         * @return this builder
         */
        public Builder detail(String key, Object value) {
            details.put(key, value);
            return this;
        }

        /**
         * Adds a warning.
         *
         * @param message the warning
         * @return this builder
         */
        public Builder warning(String message) {
            warnings.add(message);
            return this;
        }

        /**
         * Builds the result.
         *
         * @return the result
         */
        public JobResult build() {
            return new JobResult(added, removed, total, details, warnings);
        }
    }
}
