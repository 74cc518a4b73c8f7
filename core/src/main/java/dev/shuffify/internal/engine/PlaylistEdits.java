package dev.shuffify.internal.engine;

import dev.shuffify.spi.PlaylistService;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;

/**
 * The service's write semantics applied to an ordered list, shared by the in-memory service and the
 * engine's model of a playlist so the two can never disagree.
 */
public final class PlaylistEdits {
    private PlaylistEdits() {
    }

    /**
     * Rejects a batch over the service's limit, as the real service does.
     *
     * @param operation the operation name, for the message
     * @param playlistId the playlist
     * @param uris the batch
     * @param allowEmpty whether an empty batch is allowed
     */
    public static void checkBatch(String operation, String playlistId, Collection<String> uris, boolean allowEmpty) {
        if (uris == null) {
            throw new IllegalArgumentException(operation + " on playlist '" + playlistId + "': uris must not be null");
        }
        if (uris.size() > PlaylistService.MAX_BATCH) {
            throw new IllegalArgumentException(operation + " on playlist '" + playlistId + "': " + uris.size()
                    + " uris in one call; the service allows at most " + PlaylistService.MAX_BATCH);
        }
        if (!allowEmpty && uris.isEmpty()) {
            throw new IllegalArgumentException(operation + " on playlist '" + playlistId + "': no uris given");
        }
    }

    /**
     * Inserts items at a position (null = append).
     *
     * @param items the list to change
     * @param added the new items
     * @param position the position, or null
     * @param <T> the item type
     */
    public static <T> void add(List<T> items, List<T> added, Integer position) {
        if (position == null) {
            items.addAll(added);
            return;
        }
        if (position < 0 || position > items.size()) {
            throw new IllegalArgumentException("position " + position + " is outside 0.." + items.size());
        }
        items.addAll(position, added);
    }

    /**
     * Removes every occurrence of the given uris.
     *
     * @param items the list to change
     * @param uris the uris
     * @param uriOf the uri of an item
     * @param <T> the item type
     * @return how many items were removed
     */
    public static <T> int removeAll(List<T> items, Collection<String> uris, Function<T, String> uriOf) {
        Set<String> doomed = new HashSet<>(uris);
        int before = items.size();
        items.removeIf(t -> doomed.contains(uriOf.apply(t)));
        return before - items.size();
    }

    /**
     * Moves {@code rangeLength} items starting at {@code rangeStart} to before {@code insertBefore}
     * (a position in the order before the move), as the service's reorder does.
     *
     * @param items the list to change
     * @param rangeStart first moved position
     * @param rangeLength how many
     * @param insertBefore target position
     * @param <T> the item type
     */
    public static <T> void reorder(List<T> items, int rangeStart, int rangeLength, int insertBefore) {
        int size = items.size();
        if (rangeStart < 0 || rangeLength < 1 || rangeStart + rangeLength > size || insertBefore < 0
                || insertBefore > size) {
            throw new IllegalArgumentException("reorder range_start=" + rangeStart + " range_length=" + rangeLength
                    + " insert_before=" + insertBefore + " is outside a playlist of " + size + " items");
        }
        if (insertBefore >= rangeStart && insertBefore <= rangeStart + rangeLength) {
            return; // moving a range to where it already is
        }
        List<T> range = new ArrayList<>(items.subList(rangeStart, rangeStart + rangeLength));
        items.subList(rangeStart, rangeStart + rangeLength).clear();
        int target = insertBefore > rangeStart ? insertBefore - rangeLength : insertBefore;
        items.addAll(target, range);
    }
}
