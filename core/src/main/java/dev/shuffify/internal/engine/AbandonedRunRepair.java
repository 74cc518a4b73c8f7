package dev.shuffify.internal.engine;

import dev.shuffify.model.JobIntent;
import dev.shuffify.spi.PlaylistService;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Repairs the playlists of a run that died half-way, from the intent it recorded before its first write (SPEC
 * §4, crash safety). It re-reads every playlist the run wrote and finds the entries the run lost: in a
 * playlist before the run, gone from it now, and not sitting in another playlist the run wrote that gained
 * them (a rotation's move). A playlist that lost entries gets its pre-job state back, followed by any entries
 * it holds now that it did not hold before (added by the run, or by the user since), so nothing present is
 * dropped; a playlist that lost nothing is left as it is.
 */
final class AbandonedRunRepair {
    private AbandonedRunRepair() {
    }

    /**
     * What the repair did to one playlist.
     *
     * @param playlistId the playlist
     * @param name its name
     * @param lost how many entries the run had lost from it
     * @param notRestored the uris the restore could not bring back (entries the service will not take back)
     */
    record Restored(String playlistId, String name, int lost, List<String> notRestored) {
        int putBack() {
            return lost - notRestored.size();
        }
    }

    /**
     * What the repair found and did.
     *
     * @param checked the playlists it re-read
     * @param restored the playlists that had lost entries, and what was put back; empty when nothing was lost
     */
    record Outcome(List<String> checked, List<Restored> restored) {
        boolean nothingLost() {
            return restored.isEmpty();
        }

        int putBack() {
            return restored.stream().mapToInt(Restored::putBack).sum();
        }

        List<String> notRestored() {
            return restored.stream().flatMap(r -> r.notRestored().stream()).toList();
        }

        String describe() {
            if (nothingLost()) {
                return "repair: nothing was lost (checked " + checked.size() + " playlist(s) against the intent "
                        + "recorded before its first write; its safe partial writes are kept)";
            }
            List<String> parts = new ArrayList<>();
            for (Restored r : restored) {
                String name = r.name().isEmpty() ? "" : " (" + r.name() + ")";
                String part = "put back " + r.putBack() + " of " + r.lost() + " lost entr"
                        + (r.lost() == 1 ? "y" : "ies") + " in playlist '" + r.playlistId() + "'" + name;
                if (!r.notRestored().isEmpty()) {
                    part += "; could not bring back " + r.notRestored().size() + ": "
                            + Verification.sample(r.notRestored());
                }
                parts.add(part);
            }
            return "repair: " + String.join("; ", parts)
                    + " (restored from the intent recorded before its first write)";
        }
    }

    /**
     * Checks the playlists against the intent and puts back what the run lost.
     *
     * @param intent the interrupted run's intent
     * @param service the owner's music service
     * @return what was done
     * @throws RuntimeException when a playlist cannot be read or restored (the intent is kept; try again later)
     */
    static Outcome repair(JobIntent intent, PlaylistService service) {
        Map<String, List<String>> now = new LinkedHashMap<>();
        for (JobIntent.PlaylistBefore b : intent.before()) {
            now.put(b.playlistId(), service.playlist(b.playlistId()).uris());
        }
        List<Restored> restored = new ArrayList<>();
        for (JobIntent.PlaylistBefore b : intent.before()) {
            List<String> actual = now.get(b.playlistId());
            List<String> lost = lostFrom(b, actual, intent, now);
            if (lost.isEmpty()) {
                continue;
            }
            List<String> wanted = new ArrayList<>(b.uris());
            wanted.addAll(Verification.difference(actual, b.uris()));
            PlaylistRestore.Outcome outcome = PlaylistRestore.restore(service, b.playlistId(), wanted);
            restored.add(new Restored(b.playlistId(), b.name(), lost.size(),
                    Verification.difference(lost, Verification.difference(lost, outcome.notRestored()))));
        }
        return new Outcome(List.copyOf(now.keySet()), restored);
    }

    /** The entries of {@code b} that are gone from it and did not land in another playlist the run wrote. */
    private static List<String> lostFrom(JobIntent.PlaylistBefore b, List<String> actual, JobIntent intent,
            Map<String, List<String>> now) {
        List<String> lost = new ArrayList<>();
        for (String uri : Verification.difference(b.uris(), actual)) {
            boolean safe = intent.before().stream().anyMatch(o -> !o.playlistId().equals(b.playlistId())
                    && count(now.get(o.playlistId()), uri) > count(o.uris(), uri));
            if (!safe) {
                lost.add(uri);
            }
        }
        return lost;
    }

    private static int count(List<String> uris, String uri) {
        int n = 0;
        for (String u : uris) {
            if (u.equals(uri)) {
                n++;
            }
        }
        return n;
    }
}
