package dev.shuffify.executor.rotate;

import dev.shuffify.AuthenticationException;
import dev.shuffify.PlaylistNotFoundException;
import dev.shuffify.PlaylistServiceException;
import dev.shuffify.RateLimitedException;
import dev.shuffify.spi.PlaylistService;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Deque;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Writes a rotation to the service one call at a time, keeps its own copy of each playlist in step, and
 * journals every call so that a rotation that fails halfway can be undone.
 *
 * <p>The service only removes a uri everywhere it occurs. To remove one copy of a duplicated track the writer
 * removes the uri and then puts the surviving copies back at their positions ({@link #removeKeeping}).
 *
 * <p>Undo runs the journal backwards: an add is undone by removing its uris (then putting back copies that were
 * there before it), a removal by putting the removed copies back at their old positions. Because the forward
 * calls only ever removed a track after it had been added to the other playlist, every state the undo passes
 * through is one the forward run passed through too: no track is ever in neither playlist. A failed call whose
 * outcome is unknown (a server error may hide a write that was applied) is settled first: a removal is sent
 * again (removing is idempotent), an add is taken as applied (removing its uris is harmless if it was not).
 */
final class RotationWriter {

    /** One successful (or settled) call. */
    private record Entry(String playlistId, boolean add, List<String> uris, Integer position, List<String> before) {
    }

    private final PlaylistService service;
    private final Map<String, List<String>> lists = new LinkedHashMap<>();
    private final Deque<Entry> journal = new ArrayDeque<>();
    private Entry pending;
    private int calls;

    /**
     * Creates a writer.
     *
     * @param service the service
     * @param current each playlist's uris as read, by playlist id
     */
    RotationWriter(PlaylistService service, Map<String, List<String>> current) {
        this.service = service;
        current.forEach((id, uris) -> lists.put(id, new ArrayList<>(uris)));
    }

    /**
     * The writer's copy of a playlist.
     *
     * @param playlistId the playlist
     * @return its uris as the calls so far left them
     */
    List<String> current(String playlistId) {
        return List.copyOf(lists.get(playlistId));
    }

    /**
     * How many write calls were made (forward only).
     *
     * @return the count
     */
    int calls() {
        return calls;
    }

    /**
     * How many forward calls are journaled (what an undo has to reverse).
     *
     * @return the count
     */
    int journaled() {
        return journal.size();
    }

    /**
     * Appends uris in batches of {@value PlaylistService#MAX_BATCH}.
     *
     * @param playlistId the playlist
     * @param uris the uris, none of them in the playlist yet
     */
    void append(String playlistId, List<String> uris) {
        for (List<String> batch : batches(uris)) {
            add(playlistId, batch, null);
        }
    }

    /**
     * Removes every copy of some uris, then puts back the copies that {@code after} keeps, at their positions.
     *
     * @param playlistId the playlist
     * @param uris the uris to take out
     * @param after the playlist as it must be afterwards: the current list minus some copies of {@code uris}
     */
    void removeKeeping(String playlistId, Collection<String> uris, List<String> after) {
        for (List<String> batch : batches(List.copyOf(new java.util.LinkedHashSet<>(uris)))) {
            remove(playlistId, batch);
        }
        putBack(playlistId, after, new HashSet<>(uris), true);
        if (!lists.get(playlistId).equals(after)) {
            throw new IllegalStateException("playlist '" + playlistId + "' did not reach its planned state");
        }
    }

    private void add(String playlistId, List<String> uris, Integer position) {
        List<String> list = lists.get(playlistId);
        pending = new Entry(playlistId, true, List.copyOf(uris), position, List.copyOf(list));
        calls++;
        service.addTracks(playlistId, uris, position);
        applyAdd(list, uris, position);
        journal.push(pending);
        pending = null;
    }

    private void remove(String playlistId, List<String> uris) {
        List<String> list = lists.get(playlistId);
        pending = new Entry(playlistId, false, List.copyOf(uris), null, List.copyOf(list));
        calls++;
        service.removeTracks(playlistId, uris);
        list.removeAll(new HashSet<>(uris));
        journal.push(pending);
        pending = null;
    }

    /**
     * Inserts, in ascending order, every copy of {@code uris} that {@code target} holds, at its position there.
     * The current list must equal {@code target} without those uris.
     */
    private void putBack(String playlistId, List<String> target, Set<String> uris, boolean journaled) {
        int i = 0;
        while (i < target.size()) {
            if (!uris.contains(target.get(i))) {
                i++;
                continue;
            }
            int end = i;
            while (end < target.size() && uris.contains(target.get(end))) {
                end++;
            }
            for (int from = i; from < end; from += PlaylistService.MAX_BATCH) {
                List<String> run = List.copyOf(target.subList(from, Math.min(end, from + PlaylistService.MAX_BATCH)));
                if (journaled) {
                    add(playlistId, run, from);
                } else {
                    service.addTracks(playlistId, run, from);
                    applyAdd(lists.get(playlistId), run, from);
                }
            }
            i = end;
        }
    }

    /**
     * Reverses every journaled call, newest first, after settling the call that failed.
     *
     * @param failure why the forward run stopped
     * @return null when everything was undone, else why undoing stopped
     */
    String undo(RuntimeException failure) {
        try {
            settle(failure);
            while (!journal.isEmpty()) {
                Entry e = journal.peek();
                List<String> list = lists.get(e.playlistId());
                Set<String> uris = new HashSet<>(e.uris());
                if (e.add()) {
                    for (List<String> batch : batches(List.copyOf(uris))) {
                        service.removeTracks(e.playlistId(), batch);
                        list.removeAll(new HashSet<>(batch));
                    }
                }
                putBack(e.playlistId(), e.before(), uris, false);
                journal.pop();
            }
            return null;
        } catch (RuntimeException undoFailure) {
            return undoFailure.getMessage() == null ? undoFailure.getClass().getSimpleName()
                    : undoFailure.getMessage();
        }
    }

    private void settle(RuntimeException failure) {
        Entry failed = pending;
        pending = null;
        if (failed == null || !mayHaveBeenApplied(failure)) {
            return;
        }
        List<String> list = lists.get(failed.playlistId());
        if (failed.add()) {
            applyAdd(list, failed.uris(), failed.position());
        } else {
            service.removeTracks(failed.playlistId(), failed.uris());
            list.removeAll(new HashSet<>(failed.uris()));
        }
        journal.push(failed);
    }

    /** Whether a failed write may still have been applied by the service (its answer was lost). */
    static boolean mayHaveBeenApplied(RuntimeException failure) {
        if (failure instanceof IllegalArgumentException || failure instanceof AuthenticationException
                || failure instanceof RateLimitedException || failure instanceof PlaylistNotFoundException) {
            return false;
        }
        return !(failure instanceof PlaylistServiceException e) || e.isTransient();
    }

    private static void applyAdd(List<String> list, List<String> uris, Integer position) {
        if (position == null) {
            list.addAll(uris);
        } else {
            list.addAll(position, uris);
        }
    }

    private static List<List<String>> batches(List<String> uris) {
        List<List<String>> out = new ArrayList<>();
        for (int from = 0; from < uris.size(); from += PlaylistService.MAX_BATCH) {
            out.add(List.copyOf(uris.subList(from, Math.min(uris.size(), from + PlaylistService.MAX_BATCH))));
        }
        return out;
    }
}
