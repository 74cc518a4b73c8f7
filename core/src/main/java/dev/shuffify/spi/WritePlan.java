package dev.shuffify.spi;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The writes a job is about to make, told to the engine before the first of them
 * ({@link JobContext#planWrites(WritePlan)}) so it can refuse a job that cannot finish before its deadline
 * while nothing is written yet. A plan lists edits by kind and size; the engine counts the calls each needs
 * (adds and removes in batches of {@value PlaylistService#MAX_BATCH}, a replace as one replace and appends of
 * {@value PlaylistService#MAX_BATCH}, one call per reorder move). A plan may name other ways of doing the same
 * job ({@link Builder#instead(String, WritePlan)}) that a refusal suggests when they fit.
 *
 * <pre>{@code
 * MovePlan moves = MovePlan.of(sourcePositions);
 * context.planWrites(WritePlan.builder()
 *         .reorder(playlistId, moves.moves().size())
 *         .instead("write_mode replace (every track gets a new added date)",
 *                 WritePlan.builder().replace(playlistId, tracks.size()).build())
 *         .build());
 * }</pre>
 *
 * <p>Immutable.
 *
 * @since 0.2.0
 */
public final class WritePlan {

    /** What kind of write an edit is. */
    public enum Kind {
        /** Adds {@code count} uris (at the end or at a position): ceil(count / 100) calls. */
        ADD,
        /** Removes {@code count} distinct uris: ceil(count / 100) calls. */
        REMOVE,
        /** Replaces the playlist with {@code count} uris: one replace and appends, max(1, ceil(count / 100)). */
        REPLACE,
        /** {@code count} reorder calls (moves), one call each. */
        REORDER
    }

    /**
     * One edit of a plan.
     *
     * @param kind the kind of write; never null
     * @param playlistId the playlist written; never blank
     * @param count the uris added, removed or written by a replace, or the number of moves; not negative
     * @since 0.2.0
     */
    public record Edit(Kind kind, String playlistId, int count) {
        /**
         * Validates.
         *
         * @param kind the kind of write; never null
         * @param playlistId the playlist written; never blank
         * @param count the uris or moves; not negative
         */
        public Edit {
            Objects.requireNonNull(kind, "kind");
            if (playlistId == null || playlistId.isBlank()) {
                throw new IllegalArgumentException("playlistId must not be blank");
            }
            if (count < 0) {
                throw new IllegalArgumentException("count must not be negative, was " + count);
            }
        }
    }

    /**
     * Another way of doing the same job.
     *
     * @param choice how a user chooses it, naming the setting (e.g. {@code write_mode replace}); never blank
     * @param plan its writes; never null
     * @since 0.2.0
     */
    public record Alternative(String choice, WritePlan plan) {
        /**
         * Validates.
         *
         * @param choice how a user chooses it; never blank
         * @param plan its writes; never null
         */
        public Alternative {
            if (choice == null || choice.isBlank()) {
                throw new IllegalArgumentException("choice must not be blank");
            }
            Objects.requireNonNull(plan, "plan");
        }
    }

    private final List<Edit> edits;
    private final List<Alternative> alternatives;

    private WritePlan(List<Edit> edits, List<Alternative> alternatives) {
        this.edits = List.copyOf(edits);
        this.alternatives = List.copyOf(alternatives);
    }

    /**
     * A new, empty builder.
     *
     * @return never null
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * The edits, in the order the job makes them.
     *
     * @return never null
     */
    public List<Edit> edits() {
        return edits;
    }

    /**
     * Other ways of doing the same job, in the order the job prefers them.
     *
     * @return never null
     */
    public List<Alternative> alternatives() {
        return alternatives;
    }

    @Override
    public String toString() {
        return "WritePlan" + edits + (alternatives.isEmpty() ? "" : " or " + alternatives);
    }

    /** Builds a {@link WritePlan}; {@link #build()} does not change the builder. */
    public static final class Builder {
        private final List<Edit> edits = new ArrayList<>();
        private final List<Alternative> alternatives = new ArrayList<>();

        private Builder() {
        }

        /**
         * Adds uris to a playlist (appended or inserted).
         *
         * @param playlistId the playlist
         * @param uris how many uris; not negative (0 adds nothing)
         * @return this
         */
        public Builder add(String playlistId, int uris) {
            return edit(Kind.ADD, playlistId, uris);
        }

        /**
         * Removes distinct uris from a playlist.
         *
         * @param playlistId the playlist
         * @param uris how many distinct uris; not negative (0 removes nothing)
         * @return this
         */
        public Builder remove(String playlistId, int uris) {
            return edit(Kind.REMOVE, playlistId, uris);
        }

        /**
         * Replaces a playlist's items.
         *
         * @param playlistId the playlist
         * @param uris how many uris the playlist holds afterwards; not negative
         * @return this
         */
        public Builder replace(String playlistId, int uris) {
            return edit(Kind.REPLACE, playlistId, uris);
        }

        /**
         * Moves items of a playlist in place.
         *
         * @param playlistId the playlist
         * @param moves how many reorder calls; not negative
         * @return this
         */
        public Builder reorder(String playlistId, int moves) {
            return edit(Kind.REORDER, playlistId, moves);
        }

        /**
         * Names another way of doing the same job, which a refusal suggests when it fits in the deadline.
         *
         * @param choice how a user chooses it, naming the setting (e.g. {@code write_mode replace}); never blank
         * @param plan its writes
         * @return this
         */
        public Builder instead(String choice, WritePlan plan) {
            alternatives.add(new Alternative(choice, plan));
            return this;
        }

        private Builder edit(Kind kind, String playlistId, int count) {
            edits.add(new Edit(kind, playlistId, count));
            return this;
        }

        /**
         * The plan.
         *
         * @return never null
         */
        public WritePlan build() {
            return new WritePlan(edits, alternatives);
        }
    }
}
