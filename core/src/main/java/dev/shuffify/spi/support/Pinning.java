package dev.shuffify.spi.support;

import dev.shuffify.model.Pin;
import dev.shuffify.model.Track;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.UnaryOperator;

/**
 * Keeps pinned tracks in place around any reordering.
 *
 * <pre>{@code
 * Set<Integer> pinned = Pinning.pinnedPositions(context.pins(playlistId), items);
 * List<Track> shuffled = Pinning.reorderAround(items, pinned, free -> algorithm.shuffle(request(free)));
 * }</pre>
 *
 * @since 0.1.0
 */
public final class Pinning {
    private Pinning() {
    }

    /**
     * The positions held by pins: every position of a uri-pinned track, and every position of a position pin
     * that exists in the playlist.
     *
     * @param pins active pins of the playlist
     * @param items the playlist's items
     * @return sorted positions; never null
     */
    public static Set<Integer> pinnedPositions(List<Pin> pins, List<Track> items) {
        Set<Integer> positions = new TreeSet<>();
        for (Pin pin : pins) {
            if (pin.isByUri()) {
                for (int i = 0; i < items.size(); i++) {
                    if (items.get(i).uri().equals(pin.uri())) {
                        positions.add(i);
                    }
                }
            } else {
                for (int i = pin.fromPosition(); i <= pin.toPosition() && i < items.size(); i++) {
                    positions.add(i);
                }
            }
        }
        return positions;
    }

    /**
     * Reorders the unpinned tracks with {@code reorder} and puts the pinned ones back at their positions.
     *
     * @param items the playlist's items
     * @param pinned positions that must not move
     * @param reorder reorders the free tracks; must return a permutation of its input
     * @return the new order; pinned tracks at their old positions
     * @throws IllegalStateException when {@code reorder} changed the number of tracks
     */
    public static List<Track> reorderAround(List<Track> items, Set<Integer> pinned,
            UnaryOperator<List<Track>> reorder) {
        List<Track> free = new ArrayList<>(items.size());
        for (int i = 0; i < items.size(); i++) {
            if (!pinned.contains(i)) {
                free.add(items.get(i));
            }
        }
        List<Track> reordered = reorder.apply(List.copyOf(free));
        if (reordered.size() != free.size()) {
            throw new IllegalStateException("reordering changed the number of tracks from " + free.size() + " to "
                    + reordered.size());
        }
        List<Track> result = new ArrayList<>(items.size());
        int next = 0;
        for (int i = 0; i < items.size(); i++) {
            result.add(pinned.contains(i) ? items.get(i) : reordered.get(next++));
        }
        return result;
    }
}
