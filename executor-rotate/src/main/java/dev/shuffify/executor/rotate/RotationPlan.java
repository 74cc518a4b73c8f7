package dev.shuffify.executor.rotate;

import java.util.List;

/**
 * What one rotation will do: which tracks leave production, which come in, and both playlists afterwards.
 *
 * @param count the number of tracks asked for after clamping to the production size (0 when production is empty)
 * @param out the uris rotated out of production, oldest first (one copy each; other copies stay)
 * @param in the uris brought into production, in the order they are appended
 * @param production production afterwards, in order
 * @param archive the archive afterwards, in order
 * @param notes why fewer tracks than asked were rotated, if so
 */
record RotationPlan(int count, List<String> out, List<String> in, List<String> production, List<String> archive,
        List<String> notes) {

    /** Copies. */
    RotationPlan {
        out = List.copyOf(out);
        in = List.copyOf(in);
        production = List.copyOf(production);
        archive = List.copyOf(archive);
        notes = List.copyOf(notes);
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
