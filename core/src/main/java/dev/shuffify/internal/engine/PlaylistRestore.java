package dev.shuffify.internal.engine;

import dev.shuffify.error.PlaylistServiceException;
import dev.shuffify.model.Track;
import dev.shuffify.spi.PlaylistService;
import dev.shuffify.spi.support.MovePlan;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Brings a playlist back to a wanted order of uris: the one home of every restore the library makes
 * (rollback after a failed job, a user's snapshot restore, the repair of an interrupted job).
 *
 * <p>A restore never truncates. It reads the playlist as it is now and takes it to the wanted order with the
 * writes the service accepts: it removes the writable uris the playlist holds too often, moves the entries that
 * stay into the wanted order (a reorder works on every entry and keeps its added date) and inserts the writable
 * entries that are missing, at their wanted positions. It never sends a local-file uri or
 * {@value Track#UNAVAILABLE_URI}. A wanted local file or unavailable entry that is no longer in the playlist
 * cannot be brought back: the outcome names it ({@link Outcome#notRestored()}) and every other entry is
 * restored around it. A local file or unavailable entry that is there but not wanted cannot be removed: it is
 * kept, after the wanted entries, and named too ({@link Outcome#notRemoved()}).
 *
 * <p>When the playlist holds only writable entries and added dates need not be kept, a replace (one call per 100
 * uris) is used if it takes fewer calls than the edits. Removal by uri takes every copy of the uri away, so a
 * duplicated uri held too often loses the added date of the copies put back.
 *
 * <p>A transient failure (a 5xx, a lost answer, a rate limit) is answered by reading the playlist again and
 * planning from what it holds, up to {@value #ATTEMPTS} times: the plan is always made from the current state, so
 * a write that was applied although its answer was lost is never applied twice.
 */
public final class PlaylistRestore {
    /** How many times a restore reads, plans and writes before it gives up on transient failures. */
    static final int ATTEMPTS = 3;

    private PlaylistRestore() {
    }

    /**
     * What a restore did.
     *
     * @param playlistId the playlist
     * @param notRestored the wanted uris it could not bring back (local files and unavailable entries that are
     *     no longer in the playlist: the service will not take them back), in wanted order; empty when every
     *     wanted entry is in the playlist
     * @param notRemoved uris the playlist holds that are not wanted but that the service will not remove (local
     *     files, unavailable entries); they are kept after the wanted entries
     * @param calls the write calls made
     */
    public record Outcome(String playlistId, List<String> notRestored, List<String> notRemoved, int calls) {
        /**
         * Copies.
         *
         * @param playlistId the playlist
         * @param notRestored the wanted uris it could not bring back, in wanted order
         * @param notRemoved the unwanted uris it could not remove
         * @param calls the write calls made
         */
        public Outcome {
            Objects.requireNonNull(playlistId, "playlistId");
            notRestored = List.copyOf(notRestored);
            notRemoved = List.copyOf(notRemoved);
        }

        /**
         * An outcome with nothing left over.
         *
         * @param playlistId the playlist
         * @param notRestored the wanted uris not brought back
         * @param calls the write calls made
         */
        public Outcome(String playlistId, List<String> notRestored, int calls) {
            this(playlistId, notRestored, List.of(), calls);
        }

        /**
         * Whether the playlist now holds exactly the wanted entries.
         *
         * @return true when nothing was left out or left over
         */
        public boolean complete() {
            return notRestored.isEmpty() && notRemoved.isEmpty();
        }

        /**
         * What an incomplete restore left, for a message; empty when complete.
         *
         * @return e.g. {@code 1 entry could not be brought back (the service cannot add local files or
         *     unavailable entries): spotify:local:…}
         */
        public String describe() {
            List<String> parts = new ArrayList<>();
            if (!notRestored.isEmpty()) {
                parts.add(notRestored.size() + " entr" + (notRestored.size() == 1 ? "y" : "ies")
                        + " could not be brought back (the service cannot add local files or unavailable "
                        + "entries): " + Verification.sample(notRestored));
            }
            if (!notRemoved.isEmpty()) {
                parts.add(notRemoved.size() + " entr" + (notRemoved.size() == 1 ? "y" : "ies")
                        + " could not be removed (the service cannot remove local files or unavailable "
                        + "entries) and were kept at the end: " + Verification.sample(notRemoved));
            }
            return String.join("; ", parts);
        }
    }

    /**
     * Restores {@code wanted} on the playlist in the fewest calls; added dates are kept where that costs no
     * more calls.
     *
     * @param service the owner's service
     * @param playlistId the playlist
     * @param wanted the wanted uris in order (local files and {@value Track#UNAVAILABLE_URI} included)
     * @return what was done
     * @throws PlaylistServiceException when the service fails for good, or {@value #ATTEMPTS} times in a row
     */
    public static Outcome restore(PlaylistService service, String playlistId, List<String> wanted) {
        return restore(service, playlistId, wanted, false);
    }

    /**
     * Restores {@code wanted} on the playlist.
     *
     * @param service the owner's service
     * @param playlistId the playlist
     * @param wanted the wanted uris in order (local files and {@value Track#UNAVAILABLE_URI} included)
     * @param keepAddedDates whether the entries that stay must keep their added dates (no replace is used)
     * @return what was done
     * @throws PlaylistServiceException when the service fails for good, or {@value #ATTEMPTS} times in a row
     */
    public static Outcome restore(PlaylistService service, String playlistId, List<String> wanted,
            boolean keepAddedDates) {
        return restore(service, playlistId, null, wanted, keepAddedDates);
    }

    /**
     * Restores {@code wanted} on a playlist whose current uris the caller has just read (a verification's
     * re-read), saving the first read; after a transient failure the playlist is read again.
     *
     * @param service the owner's service
     * @param playlistId the playlist
     * @param current the playlist's uris as just read, or null to read them
     * @param wanted the wanted uris in order (local files and {@value Track#UNAVAILABLE_URI} included)
     * @param keepAddedDates whether the entries that stay must keep their added dates (no replace is used)
     * @return what was done
     * @throws PlaylistServiceException when the service fails for good, or {@value #ATTEMPTS} times in a row
     */
    public static Outcome restore(PlaylistService service, String playlistId, List<String> current,
            List<String> wanted, boolean keepAddedDates) {
        Objects.requireNonNull(wanted, "wanted");
        int[] calls = {0};
        RuntimeException last = null;
        List<String> known = current;
        for (int attempt = 1; attempt <= ATTEMPTS; attempt++) {
            try {
                List<String> now = known != null ? known : service.playlist(playlistId).uris();
                known = null;
                Plan plan = Plan.of(now, wanted, keepAddedDates);
                plan.execute(service, playlistId, calls);
                return new Outcome(playlistId, plan.notRestored, plan.notRemoved, calls[0]);
            } catch (PlaylistServiceException e) {
                if (!e.isTransient()) {
                    throw e;
                }
                if (last != null) {
                    e.addSuppressed(last);
                }
                last = e;
            }
        }
        throw last;
    }

    /**
     * The writes that take a playlist from its current entries to a wanted order: made from the current state,
     * so it is right after any partial or lost-answer write.
     */
    static final class Plan {
        final List<String> notRestored = new ArrayList<>();
        final List<String> notRemoved = new ArrayList<>();
        /** The order the playlist ends in: the wanted order without what cannot be restored, plus what stays. */
        final List<String> target = new ArrayList<>();
        /** Whether a replace is allowed and cheaper. */
        boolean replace;
        final List<String> removals = new ArrayList<>();
        List<MovePlan.Move> moves = List.of();
        /** Insert runs: position and uris (at most 100 each), in the order they are made. */
        final List<Map.Entry<Integer, List<String>>> inserts = new ArrayList<>();

        static Plan of(List<String> current, List<String> wanted, boolean keepAddedDates) {
            Plan plan = new Plan();
            Map<String, Integer> have = new HashMap<>();
            current.forEach(u -> have.merge(u, 1, Integer::sum));
            Map<String, Integer> want = new HashMap<>();
            wanted.forEach(u -> want.merge(u, 1, Integer::sum));

            // wanted entries the service will not take back: the copies beyond what the playlist still holds
            Map<String, Integer> seen = new HashMap<>();
            for (String uri : wanted) {
                int k = seen.merge(uri, 1, Integer::sum);
                if (!Track.Kind.ofUri(uri).writable() && k > have.getOrDefault(uri, 0)) {
                    plan.notRestored.add(uri);
                } else {
                    plan.target.add(uri);
                }
            }
            // entries held too often: writable uris are removed (every copy; the wanted ones are put back),
            // the others stay, after the wanted entries
            Set<String> doomed = new LinkedHashSet<>();
            Map<String, Integer> extraSeen = new HashMap<>();
            for (String uri : current) {
                int surplus = have.get(uri) - want.getOrDefault(uri, 0);
                if (surplus <= 0) {
                    continue;
                }
                if (Track.Kind.ofUri(uri).writable()) {
                    doomed.add(uri);
                } else if (extraSeen.merge(uri, 1, Integer::sum) > have.get(uri) - surplus) {
                    plan.notRemoved.add(uri);
                    plan.target.add(uri);
                }
            }

            boolean allWritable = current.stream().allMatch(u -> Track.Kind.ofUri(u).writable());
            List<String> now = current;
            if (now.equals(plan.target)) {
                return plan;
            }
            plan.planEdits(now, doomed);
            if (allWritable) {
                int replaceCalls = 1 + (Math.max(0, plan.target.size() - PlaylistService.MAX_BATCH)
                        + PlaylistService.MAX_BATCH - 1) / PlaylistService.MAX_BATCH;
                boolean nothingToKeep = now.stream().allMatch(doomed::contains);
                if ((!keepAddedDates || nothingToKeep) && replaceCalls < plan.editCalls()) {
                    plan.replace = true;
                }
            }
            return plan;
        }

        private void planEdits(List<String> now, Set<String> doomed) {
            removals.addAll(doomed);
            List<String> staying = now.stream().filter(u -> !doomed.contains(u)).toList();
            // the k-th staying copy of a uri takes the k-th place of that uri in the target
            Map<String, ArrayDeque<Integer>> places = new HashMap<>();
            for (int i = 0; i < target.size(); i++) {
                places.computeIfAbsent(target.get(i), k -> new ArrayDeque<>()).add(i);
            }
            int[] placeOf = new int[staying.size()];
            boolean[] filled = new boolean[target.size()];
            for (int i = 0; i < staying.size(); i++) {
                Integer place = places.get(staying.get(i)).poll();
                placeOf[i] = place;
                filled[place] = true;
            }
            Integer[] byPlace = new Integer[staying.size()];
            for (int i = 0; i < byPlace.length; i++) {
                byPlace[i] = i;
            }
            java.util.Arrays.sort(byPlace, Comparator.comparingInt(i -> placeOf[i]));
            int[] source = new int[staying.size()];
            for (int i = 0; i < source.length; i++) {
                source[i] = byPlace[i];
            }
            moves = MovePlan.of(source).moves();
            int i = 0;
            while (i < target.size()) {
                if (filled[i]) {
                    i++;
                    continue;
                }
                int end = i;
                while (end < target.size() && !filled[end]) {
                    end++;
                }
                for (int from = i; from < end; from += PlaylistService.MAX_BATCH) {
                    inserts.add(Map.entry(from, List.copyOf(target.subList(from,
                            Math.min(end, from + PlaylistService.MAX_BATCH)))));
                }
                i = end;
            }
        }

        int editCalls() {
            return (removals.size() + PlaylistService.MAX_BATCH - 1) / PlaylistService.MAX_BATCH + moves.size()
                    + inserts.size();
        }

        void execute(PlaylistService service, String playlistId, int[] calls) {
            if (replace) {
                int first = Math.min(target.size(), PlaylistService.MAX_BATCH);
                calls[0]++;
                service.replaceTracks(playlistId, List.copyOf(target.subList(0, first)));
                for (int from = first; from < target.size(); from += PlaylistService.MAX_BATCH) {
                    calls[0]++;
                    service.addTracks(playlistId, List.copyOf(target.subList(from,
                            Math.min(target.size(), from + PlaylistService.MAX_BATCH))), null);
                }
                return;
            }
            for (int from = 0; from < removals.size(); from += PlaylistService.MAX_BATCH) {
                calls[0]++;
                service.removeTracks(playlistId, List.copyOf(removals.subList(from,
                        Math.min(removals.size(), from + PlaylistService.MAX_BATCH))));
            }
            for (MovePlan.Move m : moves) {
                calls[0]++;
                service.reorderTracks(playlistId, m.rangeStart(), m.rangeLength(), m.insertBefore());
            }
            for (Map.Entry<Integer, List<String>> run : inserts) {
                calls[0]++;
                service.addTracks(playlistId, run.getValue(), run.getKey());
            }
        }
    }
}
