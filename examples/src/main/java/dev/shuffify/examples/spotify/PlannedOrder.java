package dev.shuffify.examples.spotify;

import dev.shuffify.model.PlannedChange;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** Replays a preview's planned changes on a playlist's current order, giving the order the run would leave. */
final class PlannedOrder {

    private PlannedOrder() {
    }

    /**
     * The order after the changes.
     *
     * @param playlistId the playlist
     * @param current its uris now
     * @param changes the preview's changes (those of other playlists are ignored)
     * @return the uris after the changes, in order
     */
    static List<String> after(String playlistId, List<String> current, List<PlannedChange> changes) {
        List<String> order = new ArrayList<>(current);
        for (PlannedChange c : changes) {
            if (!c.playlistId().equals(playlistId)) {
                continue;
            }
            switch (c.operation()) {
                case ADD -> order.addAll(c.position() == null ? order.size() : c.position(), c.uris());
                case REMOVE -> {
                    Set<String> gone = new HashSet<>(c.uris());
                    order.removeIf(gone::contains);
                }
                case REPLACE -> {
                    order.clear();
                    order.addAll(c.uris());
                }
                case REORDER -> move(order, c.position(), c.rangeLength(), c.insertBefore());
                default -> throw new IllegalStateException("unknown operation " + c.operation());
            }
        }
        return order;
    }

    private static void move(List<String> order, int start, int length, int insertBefore) {
        if (insertBefore >= start && insertBefore <= start + length) {
            return;
        }
        List<String> range = new ArrayList<>(order.subList(start, start + length));
        order.subList(start, start + length).clear();
        order.addAll(insertBefore > start ? insertBefore - length : insertBefore, range);
    }
}
