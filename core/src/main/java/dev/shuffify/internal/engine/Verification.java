package dev.shuffify.internal.engine;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Compares what a job intended with what the service holds afterwards (SPEC §4, post-write verification).
 */
final class Verification {
    private Verification() {
    }

    /** One written playlist: before the job, what the job intended, what the service holds now. */
    record Check(String playlistId, String name, List<String> before, List<String> intended, List<String> actual,
            boolean ordered) {

        boolean matchesIntent() {
            return ordered ? intended.equals(actual) : counts(intended).equals(counts(actual));
        }

        boolean unchanged() {
            return before.equals(actual);
        }

        String describeMismatch() {
            StringBuilder sb = new StringBuilder("playlist '").append(playlistId).append('\'');
            if (!name.isEmpty()) {
                sb.append(" (").append(name).append(')');
            }
            sb.append(": expected ").append(intended.size()).append(" tracks, found ").append(actual.size());
            List<String> missing = difference(intended, actual);
            List<String> extra = difference(actual, intended);
            if (!missing.isEmpty()) {
                sb.append("; missing ").append(missing.size()).append(": ").append(sample(missing));
            }
            if (!extra.isEmpty()) {
                sb.append("; unexpected ").append(extra.size()).append(": ").append(sample(extra));
            }
            if (missing.isEmpty() && extra.isEmpty() && ordered) {
                int i = 0;
                while (i < intended.size() && intended.get(i).equals(actual.get(i))) {
                    i++;
                }
                sb.append("; order differs from position ").append(i);
            }
            return sb.toString();
        }
    }

    /**
     * The tracks a failed job lost: in a playlist before, gone from it now, and not sitting safely in another
     * written playlist that gained it.
     */
    static List<String> lostTracks(List<Check> checks) {
        List<String> lost = new ArrayList<>();
        for (Check c : checks) {
            for (String uri : difference(c.before(), c.actual())) {
                boolean safe = checks.stream().anyMatch(o -> o != c
                        && count(o.actual(), uri) > count(o.before(), uri));
                if (!safe) {
                    lost.add(uri);
                }
            }
        }
        return lost;
    }

    /** Multiset difference a − b, in a's order. */
    static List<String> difference(List<String> a, List<String> b) {
        Map<String, Integer> remaining = counts(b);
        List<String> out = new ArrayList<>();
        for (String s : a) {
            int n = remaining.getOrDefault(s, 0);
            if (n > 0) {
                remaining.put(s, n - 1);
            } else {
                out.add(s);
            }
        }
        return out;
    }

    static Map<String, Integer> counts(List<String> list) {
        Map<String, Integer> m = new HashMap<>();
        list.forEach(s -> m.merge(s, 1, Integer::sum));
        return m;
    }

    private static int count(List<String> list, String uri) {
        int n = 0;
        for (String s : list) {
            if (s.equals(uri)) {
                n++;
            }
        }
        return n;
    }

    static String sample(List<String> uris) {
        String head = uris.stream().limit(5).collect(Collectors.joining(", "));
        return uris.size() > 5 ? head + ", …" : head;
    }
}
