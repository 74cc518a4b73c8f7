package dev.shuffify.algorithms;

import static org.assertj.core.api.Assertions.assertThat;

import dev.shuffify.algorithms.reference.ReferenceAlbumSequenceShuffle;
import dev.shuffify.algorithms.reference.ReferenceArtistSpacingShuffle;
import dev.shuffify.algorithms.reference.ReferenceArtistSpreadShuffle;
import dev.shuffify.algorithms.reference.ReferenceBalancedShuffle;
import dev.shuffify.algorithms.reference.ReferenceMergeShuffle;
import dev.shuffify.algorithms.reference.ReferenceNewestFirstShuffle;
import dev.shuffify.model.Album;
import dev.shuffify.model.Artist;
import dev.shuffify.model.Track;
import dev.shuffify.spi.ShuffleAlgorithm;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The flat-array implementations give, seed for seed, the same order as the object-based implementations they
 * replaced (kept under {@code reference} as the definition), on skewed and awkward playlists: one artist with
 * 60 % of the tracks, only singletons, ties in added dates, tracks without artist, album or added date, local
 * files, artists and albums known only by name, duplicate uris.
 */
class SameOrderAsReferenceTest {
    private static final int SEEDS = 40;

    static Stream<Arguments> cases() {
        List<Arguments> cases = new ArrayList<>();
        Map<String, List<Map<String, ?>>> params = Map.of(
                "balanced", List.of(Map.of(), Map.of("section_count", 3, "keep_first", 5),
                        Map.of("section_count", 10)),
                "album_sequence", List.of(Map.of(), Map.of("shuffle_within_albums", true)),
                "newest_first", List.of(Map.of(), Map.of("jitter", 1), Map.of("jitter", 50)),
                "artist_spread", List.of(Map.of()),
                "merge_shuffle", List.of(Map.of()),
                "artist_spacing", List.of(Map.of(), Map.of("min_spacing", 2), Map.of("min_spacing", 5)));
        List<ShuffleAlgorithm[]> pairs = List.of(
                new ShuffleAlgorithm[] {new BalancedShuffle(), new ReferenceBalancedShuffle()},
                new ShuffleAlgorithm[] {new AlbumSequenceShuffle(), new ReferenceAlbumSequenceShuffle()},
                new ShuffleAlgorithm[] {new NewestFirstShuffle(), new ReferenceNewestFirstShuffle()},
                new ShuffleAlgorithm[] {new ArtistSpreadShuffle(), new ReferenceArtistSpreadShuffle()},
                new ShuffleAlgorithm[] {new MergeShuffle(), new ReferenceMergeShuffle()},
                new ShuffleAlgorithm[] {new ArtistSpacingShuffle(), new ReferenceArtistSpacingShuffle()});
        for (ShuffleAlgorithm[] pair : pairs) {
            for (Map<String, ?> p : params.get(pair[0].name())) {
                for (String playlist : PLAYLISTS) {
                    cases.add(Arguments.of(pair[0].name() + " " + p + " on " + playlist, pair[0], pair[1], p,
                            playlist));
                }
            }
        }
        return cases.stream();
    }

    static final List<String> PLAYLISTS = List.of("skewed third", "skewed 60 %", "singletons", "one artist",
            "date ties", "awkward", "large skewed", "tiny");

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void sameOrderForEverySeed(String label, ShuffleAlgorithm algorithm, ShuffleAlgorithm reference,
            Map<String, ?> params, String playlist) {
        for (long seed = 0; seed < SEEDS; seed++) {
            List<Track> tracks = playlist(playlist, seed);

            List<Track> expected = Algorithms.run(reference, tracks, params, seed);
            List<Track> actual = Algorithms.run(algorithm, tracks, params, seed);

            assertThat(actual).as("%s, seed %d", label, seed).containsExactlyElementsOf(expected);
        }
    }

    static List<Track> playlist(String name, long seed) {
        Random random = new Random(seed);
        return switch (name) {
            case "skewed third" -> Playlists.skewed(300 + random.nextInt(200), 120, seed);
            case "skewed 60 %" -> Playlists.skewed(500, 300, seed);
            case "large skewed" -> Playlists.skewed(5_000, 3_000 * (int) (seed % 2) + 1_000, seed);
            case "singletons" -> {
                List<Track> tracks = new ArrayList<>();
                for (int i = 0; i < 400; i++) {
                    tracks.add(Playlists.track(i, i, 0).withAddedAt(Instant.ofEpochSecond(random.nextInt(50))));
                }
                yield tracks;
            }
            case "one artist" -> {
                List<Track> tracks = new ArrayList<>();
                for (int i = 0; i < 1 + random.nextInt(60); i++) {
                    tracks.add(Playlists.track(i, 0, i % 3));
                }
                yield tracks;
            }
            case "date ties" -> {
                List<Track> tracks = new ArrayList<>();
                Instant base = Instant.parse("2026-01-01T00:00:00Z");
                for (int i = 0; i < 600; i++) {
                    Instant when = random.nextInt(10) == 0 ? null
                            : base.plusSeconds(random.nextInt(5)).plusNanos(random.nextInt(3) * 500_000_000L);
                    tracks.add(Playlists.track(i, random.nextInt(8), random.nextInt(4)).withAddedAt(when));
                }
                yield tracks;
            }
            case "awkward" -> awkward(random);
            case "tiny" -> awkward(random).subList(0, random.nextInt(4));
            default -> throw new IllegalArgumentException(name);
        };
    }

    /** Local files, entries without artist, album, id or added date, name-only artists, duplicates. */
    private static List<Track> awkward(Random random) {
        List<Track> tracks = new ArrayList<>();
        for (int i = 0; i < 250; i++) {
            int artist = random.nextInt(6);
            Instant when = random.nextBoolean() ? null : Instant.ofEpochSecond(random.nextInt(20), random.nextInt(2));
            Track track = switch (random.nextInt(9)) {
                case 0 -> Playlists.local(i, artist);
                case 1 -> new Track("spotify:track:x" + i, "x" + i, "No artist", List.of(), null, Duration.ZERO, 0,
                        when, false);
                case 2 -> new Track("spotify:track:y" + i, "y" + i, "By name", List.of(new Artist(null,
                        "ARTIST " + artist), new Artist("z", "Other")), new Album(" ", "Album " + artist, null),
                        Duration.ZERO, 0, when, false);
                case 3 -> new Track("spotify:track:w" + i, "w" + i, "Blank id", List.of(new Artist(" ",
                        "artist " + artist)), new Album(null, "album " + artist, null), Duration.ZERO, 0, when,
                        false);
                case 4 -> Track.unavailable(when);
                case 5 -> tracks.isEmpty() ? Playlists.track(i, artist, 0) : tracks.get(random.nextInt(tracks.size()));
                case 6 -> new Track("spotify:track:v" + i, "v" + i, "Id like a name key",
                        List.of(new Artist("name:artist " + artist, "x")), new Album("name:album " + artist, "x",
                        null), Duration.ZERO, 0, when, false);
                default -> Playlists.track(i, artist, random.nextInt(3)).withAddedAt(when);
            };
            tracks.add(track);
        }
        Collections.shuffle(tracks, random);
        return tracks;
    }
}
