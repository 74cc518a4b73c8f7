package dev.shuffify.algorithms;

import static org.assertj.core.api.Assertions.assertThat;

import dev.shuffify.model.Track;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** A linear-time check that one list of tracks is a permutation of another (duplicates counted). */
final class Permutations {
    private Permutations() {
    }

    static void assertPermutationOf(List<Track> result, List<Track> input) {
        assertThat(result).as("track count").hasSameSizeAs(input);
        Map<Track, Integer> balance = new HashMap<>();
        input.forEach(t -> balance.merge(t, 1, Integer::sum));
        result.forEach(t -> balance.merge(t, -1, Integer::sum));
        balance.values().removeIf(v -> v == 0);
        assertThat(balance).as("tracks gained (negative) or lost (positive)").isEmpty();
    }
}
