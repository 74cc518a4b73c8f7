package dev.shuffify.executor.rotate;

import dev.shuffify.model.Notice;
import java.util.List;

/**
 * What one rotation will do: which tracks leave production, which come in, and both playlists afterwards.
 *
 * @param count the number of tracks asked for after clamping to the production size (0 when production is empty)
 * @param out the uris rotated out of production, oldest first (one copy each; other copies stay)
 * @param in the uris brought into production, in the order they are appended
 * @param production production afterwards, in order
 * @param archive the archive afterwards, in order
 * @param notices why fewer tracks than asked were rotated, if so, with their codes
 */
record RotationPlan(int count, List<String> out, List<String> in, List<String> production, List<String> archive,
        List<Notice> notices) {
    /** Code: fewer tracks than asked may leave production (pinned, protected, local or unavailable). */
    static final String LIMITED = "rotation_limited";
    /** Code: no production track may leave it (all pinned, protected, local or unavailable). */
    static final String ALL_TRACKS_PROTECTED = "all_tracks_protected";
    /** Code: the archive has fewer eligible tracks than asked. */
    static final String ARCHIVE_EXHAUSTED = "archive_exhausted";
    /** Code: production stays above {@code target_size}. */
    static final String ABOVE_TARGET_SIZE = "above_target_size";
    /** Code: production stays below {@code target_size}. */
    static final String BELOW_TARGET_SIZE = "below_target_size";

    /** Copies. */
    RotationPlan {
        out = List.copyOf(out);
        in = List.copyOf(in);
        production = List.copyOf(production);
        archive = List.copyOf(archive);
        notices = List.copyOf(notices);
    }

    /**
     * The texts of the notices.
     *
     * @return never null
     */
    List<String> notes() {
        return notices.stream().map(Notice::message).toList();
    }

    /**
     * Whether the plan changes nothing.
     *
     * @return true when no track moves
     */
    boolean isEmpty() {
        return out.isEmpty() && in.isEmpty();
    }
}
