package dev.shuffify.executor.rotate;

import dev.shuffify.error.AuthenticationException;
import dev.shuffify.error.PlaylistNotFoundException;
import dev.shuffify.error.PlaylistServiceException;
import dev.shuffify.error.RateLimitedException;
import dev.shuffify.spi.PlaylistService;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.Deque;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Writes a rotation to the service step by step, keeps its own copy of each playlist in step with it, and
 * journals every step so that a rotation that fails halfway can be undone.
 *
 * <p>A step touches one playlist and a set of uris: it either appends them, or removes some copies of them.
 * The service only removes a uri everywhere it occurs, so removing one copy of a duplicated track means
 * removing the uri and then putting the surviving copies back at their positions.
 *
 * <p>"Remove these uris, then put back the copies the target holds" takes a playlist from <em>any</em> point
 * of a step (all of it, part of it, or a call whose answer was lost but which the service applied) to the
 * target, because the step never touches other uris. That one idempotent move is how a step is undone
 * (target: the playlist before the step) and how a removal step whose call failed in a way that may have been
 * applied is finished (target: the playlist after the step; tried once more).
 *
 * <p>Undo runs the steps backwards. Since the forward steps only ever removed a track from one playlist after
 * adding it to the other, every state the undo passes through keeps each track in at least one playlist.
 */
final class RotationWriter {

    /** One started step: the playlist, the uris it touches, and the playlist before it. */
    private record Step(String playlistId, Set<String> uris, List<String> before) {
    }

    private final PlaylistService service;
    private final Map<String, List<String>> lists = new LinkedHashMap<>();
    private final Deque<Step> journal = new ArrayDeque<>();
    private final List<String> notes = new ArrayList<>();
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
     * @return its uris as the steps so far left them
     */
    List<String> current(String playlistId) {
        return List.copyOf(lists.get(playlistId));
    }

    /**
     * How many steps were started (what an undo has to reverse).
     *
     * @return the count
     */
    int steps() {
        return journal.size();
    }

    /**
     * Problems that were overcome (a removal that failed once and succeeded when sent again).
     *
     * @return never null
     */
    List<String> notes() {
        return List.copyOf(notes);
    }

    /**
     * Appends uris in batches of {@value PlaylistService#MAX_BATCH}.
     *
     * @param playlistId the playlist
     * @param uris the uris, none of them in the playlist yet
     */
    void append(String playlistId, List<String> uris) {
        List<String> list = lists.get(playlistId);
        Step step = begin(playlistId, uris);
        boolean sent = false;
        for (List<String> batch : batches(uris)) {
            try {
                service.addTracks(playlistId, batch, null);
            } catch (RuntimeException e) {
                abandonIfUntouched(step, sent, e);
                throw e;
            }
            sent = true;
            list.addAll(batch);
        }
    }

    /**
     * Removes every copy of some uris, then puts back the copies that {@code after} keeps, at their positions.
     * A failure that may have been applied by the service is answered by doing the whole step once more.
     *
     * @param playlistId the playlist
     * @param uris the uris to take out
     * @param after the playlist as it must be afterwards: the current list minus some copies of {@code uris}
     */
    void removeKeeping(String playlistId, Collection<String> uris, List<String> after) {
        Step step = begin(playlistId, uris);
        int before = calls;
        try {
            reach(playlistId, step.uris(), after);
        } catch (RuntimeException e) {
            if (!mayHaveBeenApplied(e)) {
                abandonIfUntouched(step, calls > before + 1, e);
                throw e;
            }
            try {
                reach(playlistId, step.uris(), after);
            } catch (RuntimeException again) {
                e.addSuppressed(again);
                throw e;
            }
            notes.add("a call failed while removing " + step.uris().size() + " track(s) from playlist '"
                    + playlistId + "' (" + e.getMessage() + "); the removal was sent again and succeeded");
        }
        if (!lists.get(playlistId).equals(after)) {
            throw new IllegalStateException("playlist '" + playlistId + "' did not reach its planned state");
        }
    }

    private Step begin(String playlistId, Collection<String> uris) {
        Step step = new Step(playlistId, Collections.unmodifiableSet(new LinkedHashSet<>(uris)),
                List.copyOf(lists.get(playlistId)));
        journal.push(step);
        return step;
    }

    /** Drops a step from the journal when its failed call certainly changed nothing and no call went before. */
    private void abandonIfUntouched(Step step, boolean sent, RuntimeException failure) {
        if (!sent && !mayHaveBeenApplied(failure) && journal.peek() == step) {
            journal.pop();
        }
    }

    /**
     * Removes every copy of {@code uris}, then inserts, in ascending order, every copy of them that
     * {@code target} holds at its position there. Works from any state in which the playlist's other items
     * are {@code target}'s other items.
     */
    private void reach(String playlistId, Set<String> uris, List<String> target) {
        List<String> list = lists.get(playlistId);
        for (List<String> batch : batches(List.copyOf(uris))) {
            calls++;
            service.removeTracks(playlistId, batch);
            list.removeAll(new HashSet<>(batch));
        }
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
                calls++;
                service.addTracks(playlistId, run, from);
                list.addAll(from, run);
            }
            i = end;
        }
    }

    /**
     * Reverses every started step, newest first. A step whose undo meets an answer that may be transient or lost
     * is undone once more (reaching a state is idempotent); undoing stops at the first step that cannot be
     * undone, since undoing an older step while a newer one may be half done could lose entries.
     *
     * @return null when everything was undone, else why undoing stopped
     */
    String undo() {
        try {
            while (!journal.isEmpty()) {
                Step step = journal.peek();
                try {
                    reach(step.playlistId(), step.uris(), step.before());
                } catch (RuntimeException e) {
                    if (!mayHaveBeenApplied(e)) {
                        throw e;
                    }
                    // a transient or lost answer: reaching a state is idempotent, so the step is undone again
                    // (an older step is never undone while a newer one may be half done: that could lose entries)
                    try {
                        reach(step.playlistId(), step.uris(), step.before());
                    } catch (RuntimeException again) {
                        again.addSuppressed(e);
                        throw again;
                    }
                }
                journal.pop();
            }
            return null;
        } catch (RuntimeException undoFailure) {
            return undoFailure.getMessage() == null ? undoFailure.getClass().getSimpleName()
                    : undoFailure.getMessage();
        }
    }

    /** Whether a failed write may still have been applied by the service (its answer was lost). */
    static boolean mayHaveBeenApplied(RuntimeException failure) {
        if (failure instanceof IllegalArgumentException || failure instanceof AuthenticationException
                || failure instanceof RateLimitedException || failure instanceof PlaylistNotFoundException) {
            return false;
        }
        return !(failure instanceof PlaylistServiceException e) || e.isTransient();
    }

    private static List<List<String>> batches(List<String> uris) {
        List<List<String>> out = new ArrayList<>();
        for (int from = 0; from < uris.size(); from += PlaylistService.MAX_BATCH) {
            out.add(List.copyOf(uris.subList(from, Math.min(uris.size(), from + PlaylistService.MAX_BATCH))));
        }
        return out;
    }
}
