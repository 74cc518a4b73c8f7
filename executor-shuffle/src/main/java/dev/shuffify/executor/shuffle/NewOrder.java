package dev.shuffify.executor.shuffle;

import dev.shuffify.model.Track;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Relates a playlist's new order to its current one by uri: which current position each new position takes
 * its track from. Copies of one uri keep their relative order, which never costs an extra move.
 */
final class NewOrder {
    private NewOrder() {
    }

    /**
     * The current position of the track at each new position.
     *
     * @param current the tracks in their current order
     * @param reordered the same tracks in the new order
     * @return {@code source[i]} = current position of the track that goes to position {@code i}
     * @throws IllegalArgumentException when {@code reordered} is not a permutation of {@code current} by uri,
     *     with a message that says what is missing or extra
     */
    static int[] sourcePositions(List<Track> current, List<Track> reordered) {
        Optional<String> difference = difference(current, reordered);
        if (difference.isPresent()) {
            throw new IllegalArgumentException(difference.get());
        }
        Map<String, ArrayDeque<Integer>> positions = new HashMap<>();
        for (int i = 0; i < current.size(); i++) {
            positions.computeIfAbsent(current.get(i).uri(), k -> new ArrayDeque<>()).add(i);
        }
        int[] source = new int[reordered.size()];
        for (int i = 0; i < reordered.size(); i++) {
            source[i] = positions.get(reordered.get(i).uri()).poll();
        }
        return source;
    }

    /**
     * Says how {@code reordered} differs from {@code current} as a multiset of uris.
     *
     * @param current the tracks before
     * @param reordered the tracks after
     * @return a description of the difference, or empty when they hold the same uris equally often
     */
    static Optional<String> difference(List<Track> current, List<Track> reordered) {
        Map<String, Integer> balance = new HashMap<>();
        current.forEach(t -> balance.merge(t.uri(), 1, Integer::sum));
        reordered.forEach(t -> balance.merge(t.uri(), -1, Integer::sum));
        List<String> missing = new ArrayList<>();
        List<String> extra = new ArrayList<>();
        balance.forEach((uri, n) -> {
            if (n > 0) {
                missing.add(uri + (n > 1 ? " (x" + n + ")" : ""));
            } else if (n < 0) {
                extra.add(uri + (n < -1 ? " (x" + -n + ")" : ""));
            }
        });
        if (missing.isEmpty() && extra.isEmpty()) {
            return Optional.empty();
        }
        missing.sort(null);
        extra.sort(null);
        StringBuilder sb = new StringBuilder("expected the same ").append(current.size())
                .append(" tracks in a new order, got ").append(reordered.size());
        if (!missing.isEmpty()) {
            sb.append("; missing ").append(sample(missing));
        }
        if (!extra.isEmpty()) {
            sb.append("; unexpected ").append(sample(extra));
        }
        return Optional.of(sb.toString());
    }

    private static String sample(List<String> uris) {
        String head = String.join(", ", uris.subList(0, Math.min(5, uris.size())));
        return uris.size() > 5 ? head + " and " + (uris.size() - 5) + " more" : head;
    }
}
