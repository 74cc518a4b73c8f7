package dev.shuffify.testkit;

import dev.shuffify.memory.Call;
import dev.shuffify.model.Execution;
import dev.shuffify.model.ExecutionStatus;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The harness's check that a run lost no entry and duplicated none beyond what the job meant, over the
 * multisets of uris of every playlist the run wrote (see {@link ExecutorHarness}).
 */
final class EntryLedger {
    private EntryLedger() {
    }

    /**
     * What is wrong with a run, or an empty list.
     *
     * @param before every playlist's uris before the run, by id (playlists created by the run are absent)
     * @param after the uris after the run of every playlist the run wrote, by id
     * @param everywhere the uris after the run of every playlist, by id (an entry taken out of a written
     *     playlist is safe when another playlist holds it: a rotation's archive, a drip's target)
     * @param execution the recorded execution
     * @return one sentence per violation
     */
    static List<String> violations(Map<String, List<String>> before, Map<String, List<String>> after,
            Map<String, List<String>> everywhere, Execution execution) {
        Tally tally = tally(before, after, everywhere);
        List<String> problems = new ArrayList<>();
        boolean succeeded = execution.status() == ExecutionStatus.SUCCESS;
        int removalsAllowed = succeeded ? Math.max(0, execution.tracksRemoved() - tally.excused) : 0;
        List<String> lost = tally.lost;
        if (lost.size() > removalsAllowed) {
            problems.add(lost.size() + " entr" + (lost.size() == 1 ? "y" : "ies") + " lost (taken out and in no other "
                    + "playlist; the result declares " + removalsAllowed + " removal(s)): " + sample(lost));
        }
        if (!tally.duplicated.isEmpty()) {
            problems.add(tally.duplicated.size() + " uri(s) duplicated by the run: " + sample(tally.duplicated));
        }
        if (succeeded && tally.extra > execution.tracksAdded()) {
            problems.add(tally.extra + " entries more than before across the playlists the run wrote, but the "
                    + "result says " + execution.tracksAdded() + " were added");
        }
        return problems;
    }

    /** What a run did to the entries of the playlists it wrote, uri by uri and playlist by playlist. */
    private static final class Tally {
        /** Entries taken out of a written playlist that another playlist holds. */
        int excused;
        /** One line per entry taken out and held by no other playlist. */
        final List<String> lost = new ArrayList<>();
        /** One line per uri and playlist where the run left more than one copy and more than there were. */
        final List<String> duplicated = new ArrayList<>();
        /** Entries more than before, summed over the uris, across the written playlists. */
        int extra;

        /** Counts one uri in one written playlist: {@code was} copies before the run, {@code is} after. */
        void compare(String uri, String id, int was, int is, Map<String, List<String>> everywhere) {
            if (is < was) {
                boolean elsewhere = everywhere.entrySet().stream()
                        .anyMatch(other -> !other.getKey().equals(id) && other.getValue().contains(uri));
                if (elsewhere) {
                    excused += was - is;
                } else {
                    for (int k = is; k < was; k++) {
                        lost.add(uri + " from playlist '" + id + "'");
                    }
                }
            }
            if (is > Math.max(was, 1)) {
                duplicated.add(uri + " x" + is + " in playlist '" + id + "' (was x" + was + ")");
            }
        }
    }

    private static Tally tally(Map<String, List<String>> before, Map<String, List<String>> after,
            Map<String, List<String>> everywhere) {
        Set<String> uris = new LinkedHashSet<>();
        after.keySet().forEach(id -> {
            uris.addAll(before.getOrDefault(id, List.of()));
            uris.addAll(after.get(id));
        });
        Map<String, Map<String, Integer>> b = new HashMap<>();
        Map<String, Map<String, Integer>> a = new HashMap<>();
        after.keySet().forEach(id -> {
            b.put(id, counts(before.getOrDefault(id, List.of())));
            a.put(id, counts(after.get(id)));
        });
        Tally tally = new Tally();
        for (String uri : uris) {
            int totalBefore = 0;
            int totalAfter = 0;
            for (String id : after.keySet()) {
                int was = b.get(id).getOrDefault(uri, 0);
                int is = a.get(id).getOrDefault(uri, 0);
                totalBefore += was;
                totalAfter += is;
                tally.compare(uri, id, was, is, everywhere);
            }
            tally.extra += Math.max(0, totalAfter - totalBefore);
        }
        return tally;
    }

    /**
     * Checks a run: the uris after the run of every playlist its calls wrote, against those before.
     *
     * @throws AssertionError naming the violations, when there are any
     */
    static void check(Map<String, List<String>> before, List<Call> calls, PlaylistReader reader,
            Execution execution) {
        Map<String, List<String>> after = new LinkedHashMap<>();
        for (Call c : calls) {
            if (c.operation().isWrite() && c.playlistId() != null && !after.containsKey(c.playlistId())) {
                reader.uris(c.playlistId()).ifPresent(uris -> after.put(c.playlistId(), uris));
            }
        }
        List<String> problems = violations(before, after, reader.all(), execution);
        if (!problems.isEmpty()) {
            throw new AssertionError("run " + execution.id() + " of " + execution.jobType() + " ("
                    + execution.status().wireName() + (execution.errorMessage() == null ? ""
                            : ": " + execution.errorMessage()) + ") broke \"no entry lost, none duplicated\": "
                    + String.join("; ", problems));
        }
    }

    private static Map<String, Integer> counts(List<String> uris) {
        Map<String, Integer> m = new HashMap<>();
        uris.forEach(u -> m.merge(u, 1, Integer::sum));
        return m;
    }

    private static String sample(List<String> items) {
        String head = String.join(", ", items.subList(0, Math.min(5, items.size())));
        return items.size() > 5 ? head + ", …" : head;
    }
}
