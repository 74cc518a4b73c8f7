package dev.shuffify.executor.rotate;

import static org.assertj.core.api.Assertions.assertThat;

import dev.shuffify.executor.rotate.RotationSettings.Mode;
import dev.shuffify.executor.rotate.RotationSettings.ReturnOrder;
import dev.shuffify.model.Track;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The selection logic on its own: no service, no store. */
class RotationPlannerTest {

    static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");

    static String u(String id) {
        return "spotify:track:" + id;
    }

    static List<String> us(String... ids) {
        return List.of(ids).stream().map(RotationPlannerTest::u).toList();
    }

    /** Tracks whose addedAt grows with position (one day apart), no membership history. */
    static PlaylistState playlist(String id, String... ids) {
        List<Track> items = new ArrayList<>();
        for (int i = 0; i < ids.length; i++) {
            items.add(Track.ofUri(u(ids[i])).withAddedAt(T0.plusSeconds(86_400L * i)));
        }
        return new PlaylistState(id, items, Map.of(), Set.of());
    }

    static PlaylistState withFirstSeen(PlaylistState p, Map<String, Integer> dayById) {
        Map<String, Instant> seen = new HashMap<>();
        dayById.forEach((id, day) -> seen.put(u(id), T0.plusSeconds(86_400L * day)));
        return new PlaylistState(p.id(), p.items(), seen, p.protectedUris());
    }

    static PlaylistState protecting(PlaylistState p, String... ids) {
        return new PlaylistState(p.id(), p.items(), p.firstSeen(), Set.copyOf(us(ids)));
    }

    static RotationSettings settings(Mode mode, int count) {
        return new RotationSettings(mode, count, ReturnOrder.LONGEST_ARCHIVED, null, 0);
    }

    @Test
    void archiveOldestTakesTheEarliestAddedWhenThereIsNoHistory() {
        RotationPlan plan = RotationPlanner.plan(settings(Mode.ARCHIVE_OLDEST, 2),
                playlist("p", "p1", "p2", "p3", "p4"), playlist("a", "a1"));

        assertThat(plan.out()).isEqualTo(us("p1", "p2"));
        assertThat(plan.in()).isEmpty();
        assertThat(plan.production()).isEqualTo(us("p3", "p4"));
        assertThat(plan.archive()).isEqualTo(us("a1", "p1", "p2"));
    }

    @Test
    void membershipHistoryOutranksTheServicesAddedDate() {
        // the service says p4 is newest, but the engine saw p4 first (a replace-shuffle reset addedAt)
        PlaylistState production = withFirstSeen(playlist("p", "p1", "p2", "p3", "p4"),
                Map.of("p1", 5, "p2", 6, "p3", 7, "p4", 1));

        RotationPlan plan = RotationPlanner.plan(settings(Mode.ARCHIVE_OLDEST, 2), production, playlist("a"));

        assertThat(plan.out()).isEqualTo(us("p4", "p1"));
    }

    @Test
    void positionBreaksTiesWhenTimesAreEqualOrUnknown() {
        List<Track> items = List.of(Track.ofUri(u("x")), Track.ofUri(u("y")), Track.ofUri(u("z")));
        RotationPlan plan = RotationPlanner.plan(settings(Mode.ARCHIVE_OLDEST, 2),
                new PlaylistState("p", items, Map.of(), Set.of()), playlist("a"));

        assertThat(plan.out()).isEqualTo(us("x", "y"));
    }

    @Test
    void anUnknownTimeRanksAsOlderThanAKnownOne() {
        List<Track> items = List.of(Track.ofUri(u("known")).withAddedAt(T0), Track.ofUri(u("unknown")));
        RotationPlan plan = RotationPlanner.plan(settings(Mode.ARCHIVE_OLDEST, 1),
                new PlaylistState("p", items, Map.of(), Set.of()), playlist("a"));

        assertThat(plan.out()).isEqualTo(us("unknown"));
    }

    @Test
    void countIsClampedToTheProductionSize() {
        RotationPlan plan = RotationPlanner.plan(settings(Mode.ARCHIVE_OLDEST, 50), playlist("p", "p1", "p2"),
                playlist("a"));

        assertThat(plan.count()).isEqualTo(2);
        assertThat(plan.out()).isEqualTo(us("p1", "p2"));
        assertThat(plan.production()).isEmpty();
        assertThat(plan.notes()).isEmpty();
    }

    @Test
    void emptyProductionPlansNothing() {
        RotationPlan plan = RotationPlanner.plan(settings(Mode.SWAP, 3), playlist("p"), playlist("a", "a1"));

        assertThat(plan.isEmpty()).isTrue();
        assertThat(plan.count()).isZero();
        assertThat(plan.archive()).isEqualTo(us("a1"));
    }

    @Test
    void protectedAndLocalTracksAreNeverRotatedOut() {
        List<Track> items = new ArrayList<>(playlist("p", "p1", "p2", "p3", "p4").items());
        items.add(0, new Track("spotify:local:song", null, "local", List.of(), null, null, 0, T0.minusSeconds(5),
                true));
        PlaylistState production = new PlaylistState("p", items, Map.of(), Set.copyOf(us("p1", "p3")));

        RotationPlan plan = RotationPlanner.plan(settings(Mode.ARCHIVE_OLDEST, 3), production, playlist("a"));

        assertThat(plan.out()).isEqualTo(us("p2", "p4"));
        assertThat(plan.notes()).singleElement().asString().contains("only 2 of 3");
    }

    @Test
    void archiveOldestDoesNotAddATrackTheArchiveHoldsAlready() {
        RotationPlan plan = RotationPlanner.plan(settings(Mode.ARCHIVE_OLDEST, 2), playlist("p", "p1", "p2", "p3"),
                playlist("a", "p2", "a1"));

        assertThat(plan.out()).isEqualTo(us("p1", "p2"));
        assertThat(plan.archive()).isEqualTo(us("p2", "a1", "p1"));
    }

    @Test
    void aDuplicatedTrackLeavesOnceAndItsOtherCopiesStay() {
        RotationPlan plan = RotationPlanner.plan(settings(Mode.ARCHIVE_OLDEST, 1),
                playlist("p", "d", "p1", "d", "p2"), playlist("a"));

        assertThat(plan.out()).isEqualTo(us("d"));
        assertThat(plan.production()).isEqualTo(us("p1", "d", "p2"));
        assertThat(plan.archive()).isEqualTo(us("d"));
    }

    @Test
    void refreshBringsTheNewestArchiveTracksNotInProductionAndKeepsThemInTheArchive() {
        RotationPlan plan = RotationPlanner.plan(settings(Mode.REFRESH, 2), playlist("p", "p1", "p2", "p3"),
                playlist("a", "a1", "a2", "p3", "a3"));

        assertThat(plan.out()).isEqualTo(us("p1", "p2"));
        assertThat(plan.in()).isEqualTo(us("a3", "a2"));
        assertThat(plan.production()).isEqualTo(us("p3", "a3", "a2"));
        assertThat(plan.archive()).isEqualTo(us("a1", "a2", "p3", "a3", "p1", "p2"));
    }

    @Test
    void refreshRemovesOnlyAsManyAsItCanReplace() {
        RotationPlan plan = RotationPlanner.plan(settings(Mode.REFRESH, 3), playlist("p", "p1", "p2", "p3", "p4"),
                playlist("a", "p2", "a1"));

        assertThat(plan.out()).isEqualTo(us("p1"));
        assertThat(plan.in()).isEqualTo(us("a1"));
        assertThat(plan.notes()).singleElement().asString()
                .contains("the archive has only 1 track(s) that are not already in production")
                .contains("refreshed 1 instead of 3");
    }

    @Test
    void swapLongestArchivedReturnsTheTrackThatWaitedLongest() {
        PlaylistState archive = withFirstSeen(playlist("a", "a1", "a2", "a3"), Map.of("a1", 9, "a2", 3, "a3", 5));

        RotationPlan plan = RotationPlanner.plan(settings(Mode.SWAP, 2), playlist("p", "p1", "p2", "p3"), archive);

        assertThat(plan.out()).isEqualTo(us("p1", "p2"));
        assertThat(plan.in()).isEqualTo(us("a2", "a3"));
        assertThat(plan.production()).isEqualTo(us("p3", "a2", "a3"));
        assertThat(plan.archive()).isEqualTo(us("a1", "p1", "p2"));
    }

    @Test
    void swapMostRecentlyArchivedReturnsTheNewestArchiveTrack() {
        RotationSettings s = new RotationSettings(Mode.SWAP, 1, ReturnOrder.MOST_RECENTLY_ARCHIVED, null, 0);

        RotationPlan plan = RotationPlanner.plan(s, playlist("p", "p1", "p2"), playlist("a", "a1", "a2", "a3"));

        assertThat(plan.in()).isEqualTo(us("a3"));
    }

    @Test
    void swapExchangesTheSmallerOfOutAndIn() {
        RotationPlan plan = RotationPlanner.plan(settings(Mode.SWAP, 3), playlist("p", "p1", "p2", "p3"),
                playlist("a", "a1", "p3"));

        assertThat(plan.out()).isEqualTo(us("p1"));
        assertThat(plan.in()).isEqualTo(us("a1"));
        assertThat(plan.archive()).isEqualTo(us("p3", "p1"));
        assertThat(plan.notes()).hasSize(1);
    }

    @Test
    void swapNeverTakesATrackPinnedInTheArchive() {
        RotationPlan plan = RotationPlanner.plan(settings(Mode.SWAP, 1), playlist("p", "p1", "p2"),
                protecting(playlist("a", "a1", "a2"), "a1"));

        assertThat(plan.in()).isEqualTo(us("a2"));
    }

    @Test
    void swapWithATargetSizeArchivesTheOverflowFirst() {
        RotationSettings s = new RotationSettings(Mode.SWAP, 1, ReturnOrder.LONGEST_ARCHIVED, 3, 0);

        RotationPlan plan = RotationPlanner.plan(s, playlist("p", "p1", "p2", "p3", "p4", "p5"),
                playlist("a", "a1", "a2"));

        assertThat(plan.out()).isEqualTo(us("p1", "p2", "p3"));
        assertThat(plan.in()).isEqualTo(us("a1"));
        assertThat(plan.production()).isEqualTo(us("p4", "p5", "a1"));
    }

    @Test
    void swapWithATargetSizeFillsAShortProductionFromTheArchive() {
        RotationSettings s = new RotationSettings(Mode.SWAP, 1, ReturnOrder.LONGEST_ARCHIVED, 4, 0);

        RotationPlan plan = RotationPlanner.plan(s, playlist("p", "p1", "p2"), playlist("a", "a1", "a2", "a3"));

        assertThat(plan.out()).isEqualTo(us("p1"));
        assertThat(plan.in()).isEqualTo(us("a1", "a2", "a3"));
        assertThat(plan.production()).hasSize(4);
    }

    @Test
    void swapReportsWhenPinsKeepProductionAboveItsTargetSize() {
        RotationSettings s = new RotationSettings(Mode.SWAP, 1, ReturnOrder.LONGEST_ARCHIVED, 1, 0);

        RotationPlan plan = RotationPlanner.plan(s, protecting(playlist("p", "p1", "p2", "p3"), "p1", "p2"),
                playlist("a", "a1"));

        assertThat(plan.out()).isEqualTo(us("p3"));
        assertThat(plan.in()).isEmpty();
        assertThat(plan.production()).isEqualTo(us("p1", "p2"));
        assertThat(plan.notes()).anySatisfy(n -> assertThat(n).contains("stays above target_size 1"));
    }
}
