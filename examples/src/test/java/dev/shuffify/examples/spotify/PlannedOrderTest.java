package dev.shuffify.examples.spotify;

import static org.assertj.core.api.Assertions.assertThat;

import dev.shuffify.model.PlannedChange;
import dev.shuffify.model.PlannedChange.Operation;
import java.util.List;
import org.junit.jupiter.api.Test;

class PlannedOrderTest {

    private static final List<String> ABCDE = List.of("a", "b", "c", "d", "e");

    @Test
    void addsGoAtTheirPositionOrAtTheEnd() {
        List<PlannedChange> changes = List.of(new PlannedChange(Operation.ADD, "p", List.of("x", "y"), 1, 0, -1),
                new PlannedChange(Operation.ADD, "p", List.of("z"), null, 0, -1));

        assertThat(PlannedOrder.after("p", ABCDE, changes)).containsExactly("a", "x", "y", "b", "c", "d", "e", "z");
    }

    @Test
    void aRemoveTakesEveryCopyAndAReplaceStartsOver() {
        List<PlannedChange> changes = List.of(
                new PlannedChange(Operation.REMOVE, "p", List.of("b"), null, 0, -1),
                new PlannedChange(Operation.REPLACE, "p", List.of("e", "d"), null, 0, -1),
                new PlannedChange(Operation.ADD, "p", List.of("c"), null, 0, -1));

        assertThat(PlannedOrder.after("p", List.of("a", "b", "b", "c"), changes.subList(0, 1)))
                .containsExactly("a", "c");
        assertThat(PlannedOrder.after("p", ABCDE, changes)).containsExactly("e", "d", "c");
    }

    @Test
    void reordersMoveARangeForwardOrBackAsTheServiceDoes() {
        PlannedChange forward = new PlannedChange(Operation.REORDER, "p", List.of(), 0, 2, 4);
        PlannedChange back = new PlannedChange(Operation.REORDER, "p", List.of(), 3, 2, 0);
        PlannedChange inPlace = new PlannedChange(Operation.REORDER, "p", List.of(), 1, 2, 3);

        assertThat(PlannedOrder.after("p", ABCDE, List.of(forward))).containsExactly("c", "d", "a", "b", "e");
        assertThat(PlannedOrder.after("p", ABCDE, List.of(back))).containsExactly("d", "e", "a", "b", "c");
        assertThat(PlannedOrder.after("p", ABCDE, List.of(inPlace))).containsExactlyElementsOf(ABCDE);
    }

    @Test
    void changesOfAnotherPlaylistAreIgnored() {
        List<PlannedChange> changes = List.of(new PlannedChange(Operation.REPLACE, "other", List.of(), null, 0, -1));

        assertThat(PlannedOrder.after("p", ABCDE, changes)).containsExactlyElementsOf(ABCDE);
    }
}
