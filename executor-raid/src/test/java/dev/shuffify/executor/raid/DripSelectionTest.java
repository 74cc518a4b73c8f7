package dev.shuffify.executor.raid;

import static org.assertj.core.api.Assertions.assertThat;

import dev.shuffify.model.Track;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class DripSelectionTest {
    private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");

    private static Track at(String id, Instant addedAt) {
        return Track.ofUri("spotify:track:" + id).withAddedAt(addedAt);
    }

    @Test
    void oldestTakesTheEarlierOfFirstSightingAndAddedDateAndPositionLast() {
        List<Track> staging = List.of(at("a", T0.plusSeconds(50)), at("b", T0.plusSeconds(10)),
                at("c", null), at("d", T0.plusSeconds(30)), at("e", null));
        Map<String, Instant> firstSeen = Map.of("spotify:track:a", T0, "spotify:track:b", T0.plusSeconds(90));
        DripSelection.Plan plan = DripSelection.plan(staging, Set.of(), 5, true, firstSeen, new Random(1));
        assertThat(plan.moved()).containsExactly("spotify:track:a", "spotify:track:b", "spotify:track:d",
                "spotify:track:c", "spotify:track:e");
        assertThat(plan.leftovers()).isEmpty();
    }

    @Test
    void leftoversOfAnInterruptedDripAreOnlyRemovedAndCountTowardsTheDripCount() {
        List<Track> staging = List.of(at("a", T0), at("b", T0.plusSeconds(1)), at("c", T0.plusSeconds(2)),
                at("d", T0.plusSeconds(3)));
        DripSelection.Plan plan = DripSelection.plan(staging, Set.of("spotify:track:a", "spotify:track:c"), 3, true,
                Map.of(), new Random(1));
        assertThat(plan.leftovers()).containsExactly("spotify:track:a", "spotify:track:c");
        assertThat(plan.moved()).containsExactly("spotify:track:b");
        assertThat(plan.toRemove()).containsExactly("spotify:track:a", "spotify:track:c", "spotify:track:b");
    }

    @Test
    void randomOrderIsDeterministicForASeedAndMovesDistinctNonLocalTracks() {
        List<Track> staging = new java.util.ArrayList<>(IntStream.range(0, 20).mapToObj(i -> at("t" + i, T0))
                .toList());
        staging.add(at("t3", T0));
        staging.add(new Track("spotify:local:a:b:c:1", null, "c", List.of(), null, Duration.ZERO, 0, T0, true));
        DripSelection.Plan first = DripSelection.plan(staging, Set.of(), 21, false, Map.of(), new Random(7));
        DripSelection.Plan again = DripSelection.plan(staging, Set.of(), 21, false, Map.of(), new Random(7));
        assertThat(first.moved()).isEqualTo(again.moved()).hasSize(20).doesNotHaveDuplicates()
                .noneMatch(u -> u.startsWith("spotify:local:"));
        assertThat(first.moved()).isNotEqualTo(staging.stream().limit(20).map(Track::uri).toList());
    }

    @Test
    void anEmptyStagingPlaylistMovesNothing() {
        DripSelection.Plan plan = DripSelection.plan(List.of(), Set.of("spotify:track:x"), 5, true, Map.of(),
                new Random(1));
        assertThat(plan.moved()).isEmpty();
        assertThat(plan.toRemove()).isEmpty();
    }
}
