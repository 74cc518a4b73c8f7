package dev.shuffify.executor.shuffle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.shuffify.model.Track;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class NewOrderTest {
    private static final Track A = Track.ofUri("spotify:track:a");
    private static final Track B = Track.ofUri("spotify:track:b");
    private static final Track C = Track.ofUri("spotify:track:c");
    private static final Track LOCAL = Track.ofUri("spotify:local:artist:album:song:180");

    @Test
    void mapsEachNewPositionToItsCurrentPosition() {
        assertThat(NewOrder.sourcePositions(List.of(A, B, C, LOCAL), List.of(LOCAL, C, A, B)))
                .containsExactly(3, 2, 0, 1);
    }

    @Test
    void copiesOfOneTrackKeepTheirRelativeOrder() {
        Track a1 = A.withAddedAt(Instant.parse("2024-01-01T00:00:00Z"));
        Track a2 = A.withAddedAt(Instant.parse("2025-01-01T00:00:00Z"));
        assertThat(NewOrder.sourcePositions(List.of(a1, B, a2), List.of(a2, a1, B))).containsExactly(0, 2, 1);
    }

    @Test
    void samePermutationHasNoDifference() {
        assertThat(NewOrder.difference(List.of(A, B, A), List.of(A, A, B))).isEmpty();
    }

    @Test
    void describesMissingAndExtraTracks() {
        assertThat(NewOrder.difference(List.of(A, B, B, C), List.of(A, C, C)))
                .hasValueSatisfying(d -> assertThat(d)
                        .contains("expected the same 4 tracks in a new order, got 3")
                        .contains("missing spotify:track:b (x2)")
                        .contains("unexpected spotify:track:c"));
    }

    @Test
    void refusesToMapWhatIsNotAPermutation() {
        assertThatThrownBy(() -> NewOrder.sourcePositions(List.of(A, B), List.of(A, A)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("missing spotify:track:b");
    }
}
