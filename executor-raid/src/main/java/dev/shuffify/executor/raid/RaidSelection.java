package dev.shuffify.executor.raid;

import dev.shuffify.model.Track;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;

/**
 * Chooses the tracks a raid adds: a pure function of the candidates and the rules, so it is tested apart from
 * any service.
 *
 * <p>Candidates are considered source by source, each source in its own order. A candidate is skipped, for
 * the first reason that applies, when it is a local file, an entry the service cannot add (unavailable, or of an
 * unknown kind), already in the playlist, already picked (from this
 * or an earlier source), on the exclusion list, beyond the limit, cooling down, or over the per-artist cap.
 * What is picked keeps the order of first appearance. The cooldown is asked last but one, so a history lookup
 * is made only for a track that could otherwise be picked.
 *
 * <p>On a retry of a slot whose earlier run failed after adding some tracks, those tracks (present now, so
 * skipped as {@code already_present}) still count towards the limit and the per-artist cap: the slot adds
 * no more than one run would.
 */
final class RaidSelection {

    /** Why a candidate was not picked. */
    enum Skip {
        /** A local file: the service cannot add it. */
        LOCAL("local"),
        /** Unavailable, or of a kind the service cannot add: it cannot be written to a playlist. */
        NOT_WRITABLE("not_writable"),
        /** Already in the playlist. */
        PRESENT("already_present"),
        /** Picked earlier in this run. */
        DUPLICATE("duplicate"),
        /** On the exclusion list. */
        EXCLUDED("excluded"),
        /** Left the playlist less than the cooldown ago. */
        COOLDOWN("cooldown"),
        /** Its artist already has the most tracks allowed in this run. */
        MAX_PER_ARTIST("max_per_artist"),
        /** The run's limit was reached. */
        LIMIT("over_limit");

        final String key;

        Skip(String key) {
            this.key = key;
        }
    }

    /**
     * The rules of one raid.
     *
     * @param present uris already in the playlist (and in the final target when raiding into staging)
     * @param excluded uris never to add
     * @param coolingDown whether a uri left the playlist too recently; asked only for otherwise eligible uris
     * @param limit the most tracks to pick; null for no limit
     * @param maxPerArtist the most tracks per primary artist; null for no cap
     * @param earlier uris an earlier, failed run of the same slot already added (all of them in
     *     {@code present}): a candidate among them counts towards the limit and the per-artist cap
     */
    record Rules(Set<String> present, Set<String> excluded, Predicate<String> coolingDown, Integer limit,
            Integer maxPerArtist, Set<String> earlier) {
    }

    /**
     * What was picked.
     *
     * @param picked the tracks to add, in order
     * @param pickedPerSource how many picks came from each source, by source index
     * @param skipped how many candidates were skipped, by reason key, in {@link Skip} order
     * @param addedEarlier how many candidates an earlier, failed run of the same slot had already added
     */
    record Result(List<Track> picked, List<Integer> pickedPerSource, Map<String, Integer> skipped,
            int addedEarlier) {
    }

    private RaidSelection() {
    }

    /**
     * Picks the new tracks.
     *
     * @param candidatesPerSource the candidates of each source, in order (an empty list for a skipped source)
     * @param rules the rules
     * @return never null
     */
    static Result select(List<List<Track>> candidatesPerSource, Rules rules) {
        List<Track> picked = new ArrayList<>();
        Set<String> pickedUris = new HashSet<>();
        Map<String, Integer> perArtist = new HashMap<>();
        Map<Skip, Integer> skipped = new LinkedHashMap<>();
        List<Integer> perSource = new ArrayList<>(Collections.nCopies(candidatesPerSource.size(), 0));
        Set<String> counted = new HashSet<>();
        for (List<Track> candidates : candidatesPerSource) {
            for (Track track : candidates) {
                if (rules.earlier().contains(track.uri()) && counted.add(track.uri())) {
                    perArtist.merge(track.primaryArtistKey(), 1, Integer::sum);
                }
            }
        }
        int earlier = counted.size();
        for (int source = 0; source < candidatesPerSource.size(); source++) {
            for (Track track : candidatesPerSource.get(source)) {
                Skip reason = reasonToSkip(track, earlier + picked.size(), pickedUris, perArtist, rules);
                if (reason != null) {
                    skipped.merge(reason, 1, Integer::sum);
                    continue;
                }
                picked.add(track);
                pickedUris.add(track.uri());
                perArtist.merge(track.primaryArtistKey(), 1, Integer::sum);
                perSource.set(source, perSource.get(source) + 1);
            }
        }
        Map<String, Integer> skippedByKey = new LinkedHashMap<>();
        for (Skip s : Skip.values()) {
            if (skipped.containsKey(s)) {
                skippedByKey.put(s.key, skipped.get(s));
            }
        }
        return new Result(List.copyOf(picked), List.copyOf(perSource), Collections.unmodifiableMap(skippedByKey),
                earlier);
    }

    private static Skip reasonToSkip(Track track, int pickedSoFar, Set<String> pickedUris,
            Map<String, Integer> perArtist, Rules rules) {
        if (track.local()) {
            return Skip.LOCAL;
        }
        if (!track.writable()) {
            return Skip.NOT_WRITABLE;
        }
        String uri = track.uri();
        if (rules.present().contains(uri)) {
            return Skip.PRESENT;
        }
        if (pickedUris.contains(uri)) {
            return Skip.DUPLICATE;
        }
        if (rules.excluded().contains(uri)) {
            return Skip.EXCLUDED;
        }
        if (rules.limit() != null && pickedSoFar >= rules.limit()) {
            return Skip.LIMIT;
        }
        if (rules.coolingDown().test(uri)) {
            return Skip.COOLDOWN;
        }
        if (rules.maxPerArtist() != null
                && perArtist.getOrDefault(track.primaryArtistKey(), 0) >= rules.maxPerArtist()) {
            return Skip.MAX_PER_ARTIST;
        }
        return null;
    }
}
