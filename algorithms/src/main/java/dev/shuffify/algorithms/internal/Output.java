package dev.shuffify.algorithms.internal;

import dev.shuffify.model.Track;
import java.util.ArrayList;
import java.util.List;

/** Builds an algorithm's result list once, at the end, from flat arrays. */
public final class Output {
    private Output() {
    }

    /**
     * The tracks in the order of an index array.
     *
     * @param tracks the tracks, every element a {@link Track}
     * @param order indices into {@code tracks}
     * @return a new mutable list
     */
    public static List<Track> inOrder(Object[] tracks, int[] order) {
        ArrayList<Track> result = new ArrayList<>(order.length);
        for (int index : order) {
            result.add((Track) tracks[index]);
        }
        return result;
    }

    /**
     * The tracks of an array, in its order.
     *
     * @param tracks the tracks, every element a {@link Track}
     * @return a new mutable list
     */
    public static List<Track> of(Object[] tracks) {
        ArrayList<Track> result = new ArrayList<>(tracks.length);
        for (Object track : tracks) {
            result.add((Track) track);
        }
        return result;
    }
}
