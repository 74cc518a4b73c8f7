package dev.shuffify.algorithms.reference;

import dev.shuffify.model.Track;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * The implementation before the flat-array rewrite, kept unchanged as the oracle of {@code SameOrderAsReferenceTest}.
 *
 * <p> Splits tracks into groups by a key (artist, album), in order of each group's first appearance. */
public final class ReferenceGroups {
    private ReferenceGroups() {
    }

    /**
     * ReferenceGroups tracks by key; the groups and the tracks inside each keep their playlist order.
     *
     * @param tracks the tracks
     * @param key the grouping key, e.g. {@link Track#primaryArtistKey()}
     * @return mutable groups, never empty lists
     */
    public static List<List<Track>> by(List<Track> tracks, Function<Track, String> key) {
        Map<String, List<Track>> index = new HashMap<>();
        List<List<Track>> groups = new ArrayList<>();
        for (Track track : tracks) {
            String k = key.apply(track);
            List<Track> group = index.get(k);
            if (group == null) {
                group = new ArrayList<>();
                index.put(k, group);
                groups.add(group);
            }
            group.add(track);
        }
        return groups;
    }

    /**
     * ReferenceGroups tracks by primary artist (see {@link Track#primaryArtistKey()}).
     *
     * @param tracks the tracks
     * @return mutable groups in order of first appearance
     */
    public static List<List<Track>> byArtist(List<Track> tracks) {
        return by(tracks, Track::primaryArtistKey);
    }
}
