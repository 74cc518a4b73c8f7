package dev.shuffify.spi.support;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

class MovePlanTest {

    /** Applies a move the way the service does: {@code insertBefore} counts positions before the move. */
    static void apply(List<Integer> items, MovePlan.Move move) {
        List<Integer> range = new ArrayList<>(items.subList(move.rangeStart(), move.rangeStart()
                + move.rangeLength()));
        items.subList(move.rangeStart(), move.rangeStart() + move.rangeLength()).clear();
        int at = move.insertBefore() > move.rangeStart() ? move.insertBefore() - move.rangeLength()
                : move.insertBefore();
        items.addAll(at, range);
    }

    static List<Integer> applyAll(int[] source, MovePlan plan) {
        List<Integer> items = new ArrayList<>(IntStream.range(0, source.length).boxed().toList());
        for (MovePlan.Move move : plan.moves()) {
            assertThat(move.rangeStart()).isBetween(0, items.size() - move.rangeLength());
            assertThat(move.insertBefore()).isBetween(0, items.size());
            assertThat(move.insertBefore() < move.rangeStart()
                    || move.insertBefore() > move.rangeStart() + move.rangeLength())
                    .as("a move must change something: %s", move).isTrue();
            apply(items, move);
        }
        return items;
    }

    static List<Integer> expected(int[] source) {
        return IntStream.of(source).boxed().toList();
    }

    /** Longest increasing subsequence by the O(N²) textbook recurrence, as an independent check. */
    static int lisLengthQuadratic(int[] values) {
        int[] best = new int[values.length];
        int max = 0;
        for (int i = 0; i < values.length; i++) {
            best[i] = 1;
            for (int j = 0; j < i; j++) {
                if (values[j] < values[i]) {
                    best[i] = Math.max(best[i], best[j] + 1);
                }
            }
            max = Math.max(max, best[i]);
        }
        return max;
    }

    @Provide
    Arbitrary<int[]> permutations() {
        return Arbitraries.integers().between(0, 300).flatMap(n -> Arbitraries.shuffle(
                IntStream.range(0, n).boxed().toList()).map(l -> l.stream().mapToInt(Integer::intValue).toArray()));
    }

    @Provide
    Arbitrary<int[]> blockShuffles() {
        // album-like blocks moved as units: many tracks travel together
        return Arbitraries.integers().between(1, 30).flatMap(blocks -> Arbitraries.integers().between(1, 12).list()
                .ofSize(blocks).flatMap(sizes -> Arbitraries.shuffle(IntStream.range(0, blocks).boxed().toList())
                        .map(order -> {
                            int[] starts = new int[blocks];
                            for (int b = 1; b < blocks; b++) {
                                starts[b] = starts[b - 1] + sizes.get(b - 1);
                            }
                            List<Integer> out = new ArrayList<>();
                            for (int b : order) {
                                for (int k = 0; k < sizes.get(b); k++) {
                                    out.add(starts[b] + k);
                                }
                            }
                            return out.stream().mapToInt(Integer::intValue).toArray();
                        })));
    }

    @Property(tries = 300)
    void movesProduceTheNewOrder(@ForAll("permutations") int[] source) {
        MovePlan plan = MovePlan.of(source);
        assertThat(applyAll(source, plan)).isEqualTo(expected(source));
    }

    @Property(tries = 300)
    void movesExactlyNMinusLisTracksInAtMostThatManyCalls(@ForAll("permutations") int[] source) {
        MovePlan plan = MovePlan.of(source);
        int lis = lisLengthQuadratic(source);
        assertThat(plan.stayed()).isEqualTo(lis);
        assertThat(plan.tracksMoved()).isEqualTo(source.length - lis);
        assertThat(plan.moves().stream().mapToInt(MovePlan.Move::rangeLength).sum()).isEqualTo(plan.tracksMoved());
        assertThat(plan.moves()).hasSizeLessThanOrEqualTo(plan.tracksMoved());
    }

    @Property(tries = 200)
    void blocksThatStayTogetherMoveInOneCallEach(@ForAll("blockShuffles") int[] source) {
        MovePlan plan = MovePlan.of(source);
        assertThat(applyAll(source, plan)).isEqualTo(expected(source));
        int blocks = 1;
        for (int i = 1; i < source.length; i++) {
            blocks += source[i] == source[i - 1] + 1 ? 0 : 1;
        }
        assertThat(plan.moves()).hasSizeLessThan(blocks);
        assertThat(plan.tracksMoved()).isEqualTo(source.length - lisLengthQuadratic(source));
    }

    @Test
    void unchangedOrderNeedsNoMove() {
        MovePlan plan = MovePlan.of(new int[] {0, 1, 2, 3, 4});
        assertThat(plan.moves()).isEmpty();
        assertThat(plan.tracksMoved()).isZero();
    }

    @Test
    void emptyPlaylistNeedsNoMove() {
        assertThat(MovePlan.of(new int[0]).moves()).isEmpty();
    }

    @Test
    void lastTrackToTheFrontIsOneMove() {
        int[] source = {4, 0, 1, 2, 3};
        MovePlan plan = MovePlan.of(source);
        assertThat(plan.moves()).containsExactly(new MovePlan.Move(4, 1, 0));
        assertThat(applyAll(source, plan)).isEqualTo(expected(source));
    }

    @Test
    void firstTrackToTheEndIsOneMove() {
        int[] source = {1, 2, 3, 4, 0};
        MovePlan plan = MovePlan.of(source);
        assertThat(plan.moves()).hasSize(1);
        assertThat(applyAll(source, plan)).isEqualTo(expected(source));
    }

    @Test
    void reversalMovesAllButOneTrack() {
        int[] source = {5, 4, 3, 2, 1, 0};
        MovePlan plan = MovePlan.of(source);
        assertThat(plan.tracksMoved()).isEqualTo(5);
        assertThat(plan.moves()).hasSize(5);
        assertThat(applyAll(source, plan)).isEqualTo(expected(source));
    }

    @Test
    void twoHalvesSwappedAreOneRangeMove() {
        int[] source = {3, 4, 5, 0, 1, 2};
        MovePlan plan = MovePlan.of(source);
        assertThat(plan.tracksMoved()).isEqualTo(3);
        assertThat(plan.moves()).hasSize(1);
        assertThat(plan.moves().get(0).rangeLength()).isEqualTo(3);
        assertThat(applyAll(source, plan)).isEqualTo(expected(source));
    }

    @Test
    void longestIncreasingSubsequenceIsMarked() {
        int[] values = {3, 1, 4, 1 + 10, 5, 9, 2, 6};
        boolean[] on = MovePlan.longestIncreasingSubsequence(values);
        List<Integer> picked = new ArrayList<>();
        for (int i = 0; i < values.length; i++) {
            if (on[i]) {
                picked.add(values[i]);
            }
        }
        assertThat(picked).hasSize(lisLengthQuadratic(values)).isSorted().doesNotHaveDuplicates();
    }

    @Test
    void rejectsWhatIsNotAPermutation() {
        assertThatThrownBy(() -> MovePlan.of(new int[] {0, 0, 1}))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("value 0 at index 1");
        assertThatThrownBy(() -> MovePlan.of(new int[] {0, 3}))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("not a permutation");
    }
}
