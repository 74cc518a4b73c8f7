package dev.shuffify.executor.rotate;

import dev.shuffify.model.Track;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * One side of a rotation as the planner sees it.
 *
 * @param id the playlist id
 * @param items the items in playlist order
 * @param firstSeen when the engine first saw each uri in this playlist (membership history); may miss uris
 * @param protectedUris uris that must not leave this playlist (pinned, or within the protected top)
 */
record PlaylistState(String id, List<Track> items, Map<String, Instant> firstSeen, Set<String> protectedUris) {

    /** Copies. */
    PlaylistState {
        Objects.requireNonNull(id, "id");
        items = List.copyOf(items);
        firstSeen = Map.copyOf(firstSeen);
        protectedUris = Set.copyOf(protectedUris);
    }

    /**
     * The item uris in order.
     *
     * @return never null
     */
    List<String> uris() {
        return items.stream().map(Track::uri).toList();
    }
}
