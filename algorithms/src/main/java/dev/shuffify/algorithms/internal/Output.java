package dev.shuffify.algorithms.internal;

import dev.shuffify.model.Track;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** Builds an algorithm's result list once, at the end, from flat arrays. */
public final class Output {
    private Output() {
    }

    /**
     * The tracks in the order of an index array. The elements are copied as they are, without a cast each: a
     * cast reads each track object's header, a memory access per track that the copy does not need.
     *
     * @param tracks the tracks, every element a {@link Track}
     * @param order indices into {@code tracks}
     * @return a new mutable list
     */
    public static List<Track> inOrder(Object[] tracks, int[] order) {
        ArrayList<Object> result = new ArrayList<>(order.length);
        for (int index : order) {
            result.add(tracks[index]);
        }
        return tracks(result);
    }

    /**
     * The tracks of an array, in its order, without a cast each.
     *
     * @param tracks the tracks, every element a {@link Track}
     * @return a new mutable list
     */
    public static List<Track> of(Object[] tracks) {
        return tracks(new ArrayList<>(Arrays.asList(tracks)));
    }

    /**
     * The tracks of {@code tracks[from, to)}, appended to a list built by {@link #builder(int)}.
     *
     * @param out the list
     * @param tracks the tracks, every element a {@link Track}
     * @param from first index, inclusive
     * @param to last index, exclusive
     */
    public static void append(List<Object> out, Object[] tracks, int from, int to) {
        for (int i = from; i < to; i++) {
            out.add(tracks[i]);
        }
    }

    /**
     * An empty list to fill with tracks taken from an {@code Object[]} of tracks.
     *
     * @param capacity the final size
     * @return the list; hand it back through {@link #tracks(List)}
     */
    public static List<Object> builder(int capacity) {
        return new ArrayList<>(capacity);
    }

    /**
     * The list of tracks a builder holds.
     *
     * @param built a list whose every element is a {@link Track}
     * @return the same list, typed
     */
    @SuppressWarnings("unchecked")
    public static List<Track> tracks(List<?> built) {
        return (List<Track>) built;
    }
}
