package dev.shuffify.executor.rotate;

import static org.assertj.core.api.Assertions.assertThat;

import dev.shuffify.executor.rotate.RotationSettings.Mode;
import dev.shuffify.executor.rotate.RotationSettings.ReturnOrder;
import dev.shuffify.model.Track;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;

/** Invariants of every plan, over random playlists (duplicates, local files, pins, partial history). */
class RotationPlanPropertiesTest {

    static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");

    record World(PlaylistState production, PlaylistState archive, RotationSettings settings) {
    }

    static World world(long seed) {
        Random r = new Random(seed);
        int pool = 2 + r.nextInt(30);
        PlaylistState production = playlist("p", r, pool, r.nextInt(25));
        PlaylistState archive = playlist("a", r, pool, r.nextInt(25));
        Mode mode = Mode.values()[r.nextInt(3)];
        ReturnOrder order = ReturnOrder.values()[r.nextInt(2)];
        Integer target = mode == Mode.SWAP && r.nextBoolean() ? 1 + r.nextInt(25) : null;
        return new World(production, archive, new RotationSettings(mode, 1 + r.nextInt(12), order, target,
                r.nextInt(4)));
    }

    /** Items drawn from a shared pool of uris, so the playlists overlap and hold duplicates. */
    static PlaylistState playlist(String id, Random r, int pool, int size) {
        List<Track> items = new ArrayList<>();
        Map<String, Instant> seen = new HashMap<>();
        Set<String> pinned = new HashSet<>();
        for (int i = 0; i < size; i++) {
            int n = r.nextInt(pool);
            boolean local = n % 9 == 8;
            String uri = local ? "spotify:local:l" + n : "spotify:track:t" + n;
            Instant added = r.nextInt(5) == 0 ? null : T0.plusSeconds(r.nextInt(1000));
            items.add(new Track(uri, null, "", List.of(), null, null, 0, added, local));
            if (r.nextInt(3) > 0) {
                seen.putIfAbsent(uri, T0.plusSeconds(r.nextInt(50)));
            }
            if (r.nextInt(8) == 0) {
                pinned.add(uri);
            }
        }
        return new PlaylistState(id, items, seen, pinned);
    }

    static Map<String, Long> counts(List<String> uris) {
        return uris.stream().collect(Collectors.groupingBy(Function.identity(), Collectors.counting()));
    }

    @Property(tries = 2000)
    void noTrackLeavesBothPlaylistsAndNoDuplicateIsCreated(@ForAll long seed) {
        World w = world(seed);
        RotationPlan plan = RotationPlanner.plan(w.settings(), w.production(), w.archive());

        Set<String> before = new HashSet<>(w.production().uris());
        before.addAll(w.archive().uris());
        Set<String> after = new HashSet<>(plan.production());
        after.addAll(plan.archive());
        assertThat(after).containsAll(before);
        assertThat(after).hasSameSizeAs(before);

        Map<String, Long> p = counts(w.production().uris());
        counts(plan.production()).forEach((uri, n) -> assertThat(n).isLessThanOrEqualTo(Math.max(1, p.getOrDefault(uri,
                0L))));
        Map<String, Long> a = counts(w.archive().uris());
        counts(plan.archive()).forEach((uri, n) -> assertThat(n).isLessThanOrEqualTo(Math.max(1, a.getOrDefault(uri,
                0L))));
    }

    @Property(tries = 2000)
    void movesOnlyWhatMayMoveAndCountsAddUp(@ForAll long seed) {
        World w = world(seed);
        RotationSettings s = w.settings();
        RotationPlan plan = RotationPlanner.plan(s, w.production(), w.archive());
        Set<String> inProduction = new HashSet<>(w.production().uris());

        assertThat(plan.out()).doesNotHaveDuplicates().allMatch(inProduction::contains)
                .noneMatch(w.production().protectedUris()::contains).noneMatch(u -> u.startsWith("spotify:local:"));
        assertThat(plan.in()).doesNotHaveDuplicates().noneMatch(inProduction::contains)
                .noneMatch(u -> u.startsWith("spotify:local:"));
        assertThat(plan.production()).hasSize(w.production().items().size() - plan.out().size() + plan.in().size());
        assertThat(plan.count()).isLessThanOrEqualTo(Math.min(s.count(), w.production().items().size()));
        switch (s.mode()) {
            case ARCHIVE_OLDEST -> {
                assertThat(plan.in()).isEmpty();
                assertThat(plan.out().size()).isLessThanOrEqualTo(plan.count());
            }
            case REFRESH -> {
                assertThat(plan.in()).hasSameSizeAs(plan.out());
                assertThat(plan.out().size()).isLessThanOrEqualTo(plan.count());
                Map<String, Long> kept = counts(plan.archive());
                counts(w.archive().uris()).forEach((uri, n) -> assertThat(kept.get(uri)).isEqualTo(n));
            }
            case SWAP -> {
                assertThat(plan.in()).noneMatch(w.archive().protectedUris()::contains);
                if (s.targetSize() == null) {
                    assertThat(plan.in()).hasSameSizeAs(plan.out());
                    assertThat(plan.out().size()).isLessThanOrEqualTo(plan.count());
                } else if (plan.notes().isEmpty() && !w.production().items().isEmpty()) {
                    assertThat(plan.production()).hasSize(s.targetSize());
                }
            }
        }
        if (plan.out().size() < plan.count() && s.targetSize() == null) {
            assertThat(plan.notes()).isNotEmpty();
        }
    }

    @Property(tries = 500)
    void theOutgoingTracksAreTheOldestOfThoseThatMayMove(@ForAll long seed) {
        World w = world(seed);
        RotationPlan plan = RotationPlanner.plan(w.settings(), w.production(), w.archive());
        List<RotationPlanner.Candidate> eligible = RotationPlanner.candidates(w.production(), true).stream()
                .filter(c -> c.writable() && !w.production().protectedUris().contains(c.uri()))
                .sorted(RotationPlanner.OLDEST_FIRST).toList();

        assertThat(plan.out()).isEqualTo(eligible.subList(0, plan.out().size()).stream()
                .map(RotationPlanner.Candidate::uri).toList());
    }
}
