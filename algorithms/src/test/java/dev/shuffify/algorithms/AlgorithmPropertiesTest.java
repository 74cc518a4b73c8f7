package dev.shuffify.algorithms;

import static org.assertj.core.api.Assertions.assertThat;

import dev.shuffify.model.Album;
import dev.shuffify.model.Artist;
import dev.shuffify.model.Track;
import dev.shuffify.spi.ParamSpec;
import dev.shuffify.spi.Params;
import dev.shuffify.spi.ShuffleAlgorithm;
import dev.shuffify.spi.ShuffleRequest;
import dev.shuffify.spi.support.Pinning;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;

/**
 * Invariants every algorithm keeps, over random playlists (empty, one track, one artist, many artists,
 * duplicate uris, local tracks, tracks without id, artist or album) and random valid parameters.
 */
class AlgorithmPropertiesTest {

    /** An algorithm with checked parameters. */
    record Case(ShuffleAlgorithm algorithm, Params params) {
        List<Track> run(List<Track> tracks, long seed) {
            return algorithm.shuffle(new ShuffleRequest(tracks, params, new SplittableRandom(seed)));
        }

        @Override
        public String toString() {
            return algorithm.name() + params;
        }
    }

    @Property(tries = 1500)
    void everyAlgorithmReturnsAPermutationOfItsInput(@ForAll("playlists") List<Track> tracks,
            @ForAll("cases") Case c, @ForAll long seed) {
        List<Track> result = c.run(tracks, seed);

        Permutations.assertPermutationOf(result, tracks);
    }

    @Property(tries = 1000)
    void theSameSeedGivesTheSameOrder(@ForAll("playlists") List<Track> tracks, @ForAll("cases") Case c,
            @ForAll long seed) {
        assertThat(c.run(tracks, seed)).containsExactlyElementsOf(c.run(tracks, seed));
    }

    @Property(tries = 1000)
    void pinnedTracksKeepTheirPlacesAroundEveryAlgorithm(@ForAll("playlists") List<Track> tracks,
            @ForAll("cases") Case c, @ForAll long seed,
            @ForAll @Size(max = 20) Set<@IntRange(min = 0, max = 130) Integer> pinned) {
        List<Track> result = Pinning.reorderAround(tracks, pinned, free -> c.run(free, seed));

        Permutations.assertPermutationOf(result, tracks);
        for (int position : pinned) {
            if (position < tracks.size()) {
                assertThat(result.get(position)).as("pinned position %d", position).isEqualTo(tracks.get(position));
            }
        }
    }

    @Provide
    Arbitrary<Case> cases() {
        return Arbitraries.of(Algorithms.ALL).flatMap(a -> rawParams(a.parameters())
                .map(raw -> new Case(a, Params.parse(a.parameters(), raw, "params"))));
    }

    /** Valid raw values for some of the parameters (the others fall back to their defaults). */
    private static Arbitrary<Map<String, Object>> rawParams(List<ParamSpec> specs) {
        List<Arbitrary<Tuple.Tuple2<String, Object>>> values = new ArrayList<>();
        for (ParamSpec spec : specs) {
            values.add(value(spec).injectNull(0.2).map(v -> Tuple.of(spec.name(), v)));
        }
        return Combinators.combine(values).as(entries -> {
            Map<String, Object> raw = new LinkedHashMap<>();
            entries.stream().filter(e -> e.get2() != null).forEach(e -> raw.put(e.get1(), e.get2()));
            return raw;
        });
    }

    private static Arbitrary<Object> value(ParamSpec spec) {
        return switch (spec.type()) {
            case INTEGER -> Arbitraries.integers().between(spec.min(), spec.max() == null ? 130 : spec.max())
                    .map(Object.class::cast);
            case ENUM -> Arbitraries.of(spec.allowedValues()).map(Object.class::cast);
            case BOOLEAN -> Arbitraries.of(true, false).map(Object.class::cast);
            default -> throw new IllegalStateException("no generator for " + spec);
        };
    }

    @Provide
    Arbitrary<List<Track>> playlists() {
        Arbitrary<Integer> artists = Arbitraries.frequencyOf(
                Tuple.of(2, Arbitraries.just(1)),
                Tuple.of(3, Arbitraries.integers().between(2, 5)),
                Tuple.of(3, Arbitraries.integers().between(6, 150)));
        Arbitrary<Integer> catalogue = Arbitraries.integers().between(1, 400);
        return Combinators.combine(artists, catalogue).flatAs((a, c) -> track(a, c).list().ofMaxSize(120));
    }

    /**
     * A track picked from a catalogue of {@code catalogue} tracks by {@code artists} artists; picking the same
     * catalogue entry twice gives a duplicate uri. Some entries are local files, some have no id, artist or
     * album; added dates are random and sometimes missing.
     */
    private static Arbitrary<Track> track(int artists, int catalogue) {
        Arbitrary<Integer> entry = Arbitraries.integers().between(0, catalogue - 1);
        Arbitrary<Instant> addedAt = Arbitraries.longs().between(0, 1_000).map(Instant::ofEpochSecond)
                .injectNull(0.1);
        return Combinators.combine(entry, addedAt).as((e, when) -> entry(e, artists).withAddedAt(when));
    }

    private static Track entry(int e, int artists) {
        int artist = Math.floorMod(e * 31 + 7, artists);
        Artist by = new Artist("a" + artist, "Artist " + artist);
        Album album = new Album("al" + artist + "-" + e % 3, "Album", "2020");
        return switch (e % 13) {
            case 0 -> new Track("spotify:local:x:" + e, null, "Local " + e, List.of(new Artist(null, by.name())),
                    null, Duration.ZERO, 0, null, true);
            case 1 -> new Track("spotify:episode:" + e, null, "No id " + e, List.of(by), album, Duration.ZERO, 0,
                    null, false);
            case 2 -> new Track("spotify:track:n" + e, "n" + e, "No artist " + e, List.of(), album, Duration.ZERO,
                    0, null, false);
            case 3 -> Track.of("b" + e, "No album " + e, by, null);
            default -> Track.of("t" + e, "Track " + e, by, album);
        };
    }
}
