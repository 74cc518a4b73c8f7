package dev.shuffify.model;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What a job did.
 *
 * <pre>{@code
 * return JobResult.builder()
 *         .tracksAdded(added.size()).tracksTotal(after.size())
 *         .detail("duplicates", removed)                          // job-specific, stored with the run
 *         .warning("source 2 is gone; skipped")                   // text only
 *         .warning("source_gone", "source 2 is gone; skipped")    // with a machine-readable code
 *         .build();
 * return JobResult.builder().tracksTotal(size)
 *         .skipped("all_tracks_pinned", "every track is pinned; nothing to shuffle").build();
 * }</pre>
 *
 * <p>Codes ({@link Notice}) travel in the details and are read back with {@link #notices()} and
 * {@link #skipReason()}, here and on the stored {@link Execution}.
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
     * The coded warnings (each one's text is in {@link #warnings()} too): the job's own, then, in a chain, its
     * steps'.
     *
     * @return never null
     * @since 0.2.0
     */
    public List<Notice> notices() {
        return Notice.noticesIn(details);
    }

    /**
     * Why the job did nothing, when it says so ({@link Builder#skipped}); in a chain, the first step's that did.
     *
     * @return the reason, or empty
     * @since 0.2.0
     */
    public Optional<Notice> skipReason() {
        return Notice.skipReasonIn(details);
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
        private final List<Notice> notices = new ArrayList<>();
        private Notice skipReason;

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
         * Adds a warning: a non-fatal problem the user should see (a source that is gone, a fallback taken). It
         * is stored with the execution ({@link Execution#warnings()}) and shown in its history; the run still
         * succeeds.
         *
         * @param message the warning
         * @return this builder
         */
        public Builder warning(String message) {
            warnings.add(message);
            return this;
        }

        /**
         * Adds a warning with a machine-readable code ({@link Notice}): the text goes to {@link #warnings()},
         * the code with it to {@link JobResult#notices()}.
         *
         * @param code the code, e.g. {@code source_gone}: lower-case letters, digits and underscores
         * @param message the warning
         * @return this builder
         * @throws IllegalArgumentException when the code is malformed
         * @since 0.2.0
         */
        public Builder warning(String code, String message) {
            notices.add(new Notice(code, message));
            warnings.add(message);
            return this;
        }

        /**
         * Says why the job did nothing, with a machine-readable code ({@link JobResult#skipReason()}): an empty
         * playlist, every track pinned. The run still succeeds.
         *
         * @param code the code, e.g. {@code all_tracks_pinned}
         * @param message the reason, for people
         * @return this builder
         * @throws IllegalArgumentException when the code is malformed
         * @since 0.2.0
         */
        public Builder skipped(String code, String message) {
            skipReason = new Notice(code, message);
            return this;
        }

        /**
         * Builds the result.
         *
         * @return the result
         */
        public JobResult build() {
            Map<String, Object> all = new LinkedHashMap<>(details);
            if (!notices.isEmpty()) {
                all.put(Notice.NOTICES_KEY, notices.stream().map(Notice::toDetail).toList());
            }
            if (skipReason != null) {
                all.put(Notice.SKIP_REASON_KEY, skipReason.toDetail());
            }
            return new JobResult(added, removed, total, all, warnings);
        }
    }
}
