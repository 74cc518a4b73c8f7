package dev.shuffify.executor.raid;

import dev.shuffify.model.Track;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.random.RandomGenerator;

/**
 * Chooses what a drip moves: a pure function of the staging playlist, the target and the order, so it is
 * tested apart from any service.
 */
final class DripSelection {

    /**
     * What one drip does.
     *
     * @param leftovers staging tracks already in the target (an earlier drip added them and failed before
     *     removing them): only removed from staging; they count towards the drip count
     * @param moved staging tracks to add to the target and then remove from staging, in the order they go in
     */
    record Plan(List<String> leftovers, List<String> moved) {
        /** All uris to remove from staging. */
        List<String> toRemove() {
            List<String> all = new ArrayList<>(leftovers);
            all.addAll(moved);
            return all;
        }
    }

    private DripSelection() {
    }

    /**
     * Plans one drip.
     *
     * @param staging the staging playlist's items, in order
     * @param inTarget the uris in the target
     * @param count how many tracks the drip releases (leftovers included)
     * @param oldest true for oldest first, false for random
     * @param firstSeen when the engine first saw each uri in staging (may be incomplete); a track's age is the
     *     earlier of this and its added date, and tracks with neither come last, in playlist order
     * @param random the random source for the random order
     * @return never null
     */
    static Plan plan(List<Track> staging, Set<String> inTarget, int count, boolean oldest,
            Map<String, Instant> firstSeen, RandomGenerator random) {
        List<String> leftovers = new ArrayList<>();
        Map<String, Candidate> candidates = new LinkedHashMap<>();
        for (int position = 0; position < staging.size(); position++) {
            Track t = staging.get(position);
            if (!t.writable()) {
                continue; // a local file or unavailable entry cannot be released: it stays in staging
            }
            if (inTarget.contains(t.uri())) {
                if (!leftovers.contains(t.uri())) {
                    leftovers.add(t.uri());
                }
            } else {
                Instant since = earliest(firstSeen.get(t.uri()), t.addedAt());
                candidates.putIfAbsent(t.uri(), new Candidate(t.uri(), since, position));
            }
        }
        List<Candidate> ordered = new ArrayList<>(candidates.values());
        if (oldest) {
            ordered.sort(Comparator.comparing((Candidate c) -> c.since == null)
                    .thenComparing(c -> c.since, Comparator.nullsLast(Comparator.naturalOrder()))
                    .thenComparingInt(c -> c.position));
        } else {
            shuffle(ordered, random);
        }
        int fresh = Math.max(0, count - leftovers.size());
        List<String> moved = ordered.stream().limit(fresh).map(c -> c.uri).toList();
        return new Plan(List.copyOf(leftovers), moved);
    }

    /**
     * When a track entered staging: the earlier of the engine's first sighting and the service's added date.
     * The first sighting is the later one when the engine first read the playlist long after the track was
     * added; the added date is the later one after a write that reset it (a replace).
     */
    private static Instant earliest(Instant firstSeen, Instant addedAt) {
        if (firstSeen == null || addedAt == null) {
            return firstSeen != null ? firstSeen : addedAt;
        }
        return firstSeen.isBefore(addedAt) ? firstSeen : addedAt;
    }

    private static <T> void shuffle(List<T> list, RandomGenerator random) {
        for (int i = list.size() - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            T swap = list.get(i);
            list.set(i, list.get(j));
            list.set(j, swap);
        }
    }

    /** One staging track that may move: when it was first seen there, and where it stands. */
    private record Candidate(String uri, Instant since, int position) {
    }
}
