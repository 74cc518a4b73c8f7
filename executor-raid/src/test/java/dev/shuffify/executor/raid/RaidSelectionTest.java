package dev.shuffify.executor.raid;

import static org.assertj.core.api.Assertions.assertThat;

import dev.shuffify.model.Album;
import dev.shuffify.model.Artist;
import dev.shuffify.model.Track;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;
import org.junit.jupiter.api.Test;

class RaidSelectionTest {

    private static Track track(String id, String artist) {
        return Track.of(id, "Song " + id, new Artist(artist, artist), new Album("al-" + artist, "", "2024"));
    }

    private static Track local(String name) {
        return new Track("spotify:local:x:y:" + name + ":180", null, name, List.of(), null, Duration.ZERO, 0, null,
                true);
    }

    private static RaidSelection.Rules rules(Set<String> present, Integer limit, Integer maxPerArtist) {
        return new RaidSelection.Rules(present, Set.of(), uri -> false, limit, maxPerArtist, Set.of());
    }

    private static List<String> ids(RaidSelection.Result r) {
        return r.picked().stream().map(Track::id).toList();
    }

    @Test
    void keepsTheOrderOfFirstAppearanceAndSkipsWhatIsPresentOrAlreadyPicked() {
        List<Track> first = List.of(track("a", "x"), track("b", "x"), track("c", "y"), track("a", "x"));
        List<Track> second = List.of(track("d", "y"), track("b", "x"), track("e", "z"));
        RaidSelection.Result r = RaidSelection.select(List.of(first, second),
                rules(Set.of("spotify:track:c"), null, null));
        assertThat(ids(r)).containsExactly("a", "b", "d", "e");
        assertThat(r.pickedPerSource()).containsExactly(2, 2);
        assertThat(r.skipped()).containsExactly(Map.entry("already_present", 1), Map.entry("duplicate", 2));
    }

    @Test
    void stopsAtTheLimit() {
        List<Track> source = List.of(track("a", "x"), track("b", "y"), track("c", "z"), track("d", "w"));
        RaidSelection.Result r = RaidSelection.select(List.of(source), rules(Set.of(), 2, null));
        assertThat(ids(r)).containsExactly("a", "b");
        assertThat(r.skipped()).containsEntry("over_limit", 2);
    }

    @Test
    void capsTracksPerPrimaryArtistAndFillsTheLimitWithOthers() {
        List<Track> source = List.of(track("a1", "a"), track("a2", "a"), track("a3", "a"), track("b1", "b"),
                track("a4", "a"), track("c1", "c"));
        RaidSelection.Result r = RaidSelection.select(List.of(source), rules(Set.of(), 4, 2));
        assertThat(ids(r)).containsExactly("a1", "a2", "b1", "c1");
        assertThat(r.skipped()).containsEntry("max_per_artist", 2);
    }

    @Test
    void neverPicksExcludedCoolingDownOrLocalTracks() {
        List<Track> source = List.of(track("a", "x"), track("b", "x"), local("mine"), track("c", "x"));
        RaidSelection.Rules rules = new RaidSelection.Rules(Set.of(), Set.of("spotify:track:a"),
                uri -> uri.equals("spotify:track:c"), null, null, Set.of());
        RaidSelection.Result r = RaidSelection.select(List.of(source), rules);
        assertThat(ids(r)).containsExactly("b");
        assertThat(r.skipped()).containsExactly(Map.entry("local", 1), Map.entry("excluded", 1),
                Map.entry("cooldown", 1));
    }

    @Test
    void asksTheCooldownOnlyAboutTracksThatCouldBePicked() {
        List<String> asked = new ArrayList<>();
        Predicate<String> cooldown = uri -> {
            asked.add(uri);
            return false;
        };
        List<Track> source = List.of(track("present", "x"), track("a", "x"), track("a", "x"), track("b", "y"),
                track("c", "z"));
        RaidSelection.select(List.of(source), new RaidSelection.Rules(Set.of("spotify:track:present"), Set.of(),
                cooldown, 2, null, Set.of()));
        assertThat(asked).containsExactly("spotify:track:a", "spotify:track:b");
    }

    @Test
    void tracksAnEarlierRunOfTheSlotAddedCountTowardsTheLimitAndTheArtistCap() {
        List<Track> source = List.of(track("a1", "a"), track("a2", "a"), track("b1", "b"), track("c1", "c"),
                track("a3", "a"), track("d1", "d"));
        Set<String> earlier = Set.of("spotify:track:a1", "spotify:track:b1");
        RaidSelection.Result r = RaidSelection.select(List.of(source), new RaidSelection.Rules(earlier, Set.of(),
                uri -> false, 4, 2, earlier));
        assertThat(ids(r)).containsExactly("a2", "c1");
        assertThat(r.addedEarlier()).isEqualTo(2);
        assertThat(r.skipped()).containsEntry("already_present", 2).containsEntry("over_limit", 2);
    }

    @Test
    void noCandidatesPicksNothing() {
        RaidSelection.Result r = RaidSelection.select(List.of(List.of(), List.of()), rules(Set.of(), null, null));
        assertThat(r.picked()).isEmpty();
        assertThat(r.pickedPerSource()).containsExactly(0, 0);
        assertThat(r.skipped()).isEmpty();
    }

    @Property(tries = 300)
    void picksANewDuplicateFreeOrderedSubsequenceWithinTheCaps(
            @ForAll @Size(max = 4) List<@Size(max = 30) List<@IntRange(min = 0, max = 40) Integer>> sources,
            @ForAll @Size(max = 20) Set<@IntRange(min = 0, max = 40) Integer> presentIds,
            @ForAll @IntRange(min = 0, max = 25) int limitOrZero,
            @ForAll @IntRange(min = 0, max = 4) int capOrZero) {
        List<List<Track>> candidates = sources.stream()
                .map(s -> s.stream().map(n -> track("t" + n, "artist" + (n % 5))).toList()).toList();
        Set<String> present = new HashSet<>();
        presentIds.forEach(n -> present.add("spotify:track:t" + n));
        Integer limit = limitOrZero == 0 ? null : limitOrZero;
        Integer cap = capOrZero == 0 ? null : capOrZero;

        RaidSelection.Result r = RaidSelection.select(candidates, rules(present, limit, cap));

        List<String> picked = r.picked().stream().map(Track::uri).toList();
        assertThat(picked).doesNotHaveDuplicates().noneMatch(present::contains);
        List<String> flat = candidates.stream().flatMap(List::stream).map(Track::uri).toList();
        List<Integer> firstAppearance = picked.stream().map(flat::indexOf).toList();
        assertThat(firstAppearance).as("picked in the order of first appearance").isSorted();
        if (limit != null) {
            assertThat(picked.size()).isLessThanOrEqualTo(limit);
        }
        Map<String, Integer> perArtist = new HashMap<>();
        r.picked().forEach(t -> perArtist.merge(t.primaryArtistKey(), 1, Integer::sum));
        if (cap != null) {
            assertThat(perArtist.values()).allMatch(n -> n <= cap);
        }
        long eligible = flat.stream().distinct().filter(u -> !present.contains(u)).count();
        if (limit == null && cap == null) {
            assertThat(picked).hasSize((int) eligible);
        }
        assertThat(r.pickedPerSource().stream().mapToInt(Integer::intValue).sum()).isEqualTo(picked.size());
        int skipped = r.skipped().values().stream().mapToInt(Integer::intValue).sum();
        assertThat(skipped + picked.size()).isEqualTo(flat.size());
    }
}
