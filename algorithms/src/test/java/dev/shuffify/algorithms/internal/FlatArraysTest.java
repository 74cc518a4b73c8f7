package dev.shuffify.algorithms.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.shuffify.algorithms.reference.ReferencePositionSort;
import dev.shuffify.model.Album;
import dev.shuffify.model.Artist;
import dev.shuffify.model.Track;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.Function;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** The flat-array building blocks against plain definitions: maps of keys, and sorts with comparators. */
class FlatArraysTest {

    @Test
    void groupingNumbersExactlyTheKeysOfTheTrackInOrderOfFirstAppearance() {
        for (long seed = 0; seed < 200; seed++) {
            Random random = new Random(seed);
            List<Track> tracks = awkward(random, random.nextInt(300));
            Object[] array = tracks.toArray();

            assertSameGroups(Grouping.byArtist(array), tracks, Track::primaryArtistKey);
            assertSameGroups(Grouping.byAlbum(array), tracks, Track::albumKey);
        }
    }

    @Test
    void groupingTellsApartKeysWhoseHashesCollide() {
        // "Aa" and "BB" have the same String hash code and length
        List<Track> tracks = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            String id = i % 3 == 0 ? "Aa" : i % 3 == 1 ? "BB" : "AaBB";
            tracks.add(Track.of("t" + i, "T", new Artist(id, "x"), new Album(id, "x", null)));
        }
        Grouping artists = Grouping.byArtist(tracks.toArray());
        assertThat(artists.count).isEqualTo(3);
        assertSameGroups(artists, tracks, Track::primaryArtistKey);
    }

    @Test
    void radixSortIsAStableSortByKey() {
        for (long seed = 0; seed < 100; seed++) {
            Random random = new Random(seed);
            int n = random.nextInt(3_000);
            long range = switch ((int) (seed % 4)) {
                case 0 -> 1;
                case 1 -> 50;
                case 2 -> 1L << 40;
                default -> Long.MAX_VALUE;
            };
            long[] keys = new long[n];
            for (int i = 0; i < n; i++) {
                keys[i] = (long) (random.nextDouble() * range);
            }
            Integer[] expected = IntStream.range(0, n).boxed().sorted(Comparator.comparingLong(i -> keys[i]))
                    .toArray(Integer[]::new);

            assertThat(RadixSort.order(keys)).as("seed %d", seed)
                    .containsExactly(Arrays.stream(expected).mapToInt(Integer::intValue).toArray());
        }
    }

    @Test
    void positionSortOrdersLikeTheFormerSortWhateverTheSpreadOfThePositions() {
        for (long seed = 0; seed < 100; seed++) {
            Random random = new Random(seed);
            int n = 1 + random.nextInt(5_000);
            double[] positions = new double[n];
            for (int i = 0; i < n; i++) {
                positions[i] = switch ((int) (seed % 4)) {
                    case 0 -> random.nextDouble();
                    case 1 -> random.nextInt(3);
                    // nearly all in one spot, a few far away: one bucket holds almost everything
                    case 2 -> random.nextInt(50) == 0 ? 1e6 : random.nextDouble() * 1e-3;
                    default -> Math.pow(random.nextDouble(), 8);
                };
            }
            int[] order = PositionSort.order(positions);

            // the former sort: quantised positions packed with their index, sorted with Arrays.sort
            assertThat(order).as("seed %d", seed).containsExactly(ReferencePositionSort.order(positions));
        }
    }

    @Test
    void arrayShufflesDrawLikeTheListShuffle() {
        List<Integer> list = new ArrayList<>(IntStream.range(0, 50).boxed().toList());
        int[] ints = IntStream.range(0, 50).toArray();
        Object[] objects = list.toArray();
        Shuffling.shuffle(list, 3, 47, new java.util.SplittableRandom(5));
        Shuffling.shuffle(ints, 3, 47, new java.util.SplittableRandom(5));
        Shuffling.shuffle(objects, 3, 47, new java.util.SplittableRandom(5));

        assertThat(Arrays.stream(ints).boxed().toList()).isEqualTo(list);
        assertThat(Arrays.asList(objects)).isEqualTo(list);
    }

    private static void assertSameGroups(Grouping grouping, List<Track> tracks, Function<Track, String> key) {
        Map<String, Integer> expected = new LinkedHashMap<>();
        for (int i = 0; i < tracks.size(); i++) {
            int group = expected.computeIfAbsent(key.apply(tracks.get(i)), k -> expected.size());
            assertThat(grouping.groupOf[i]).as("track %d", i).isEqualTo(group);
        }
        assertThat(grouping.count).isEqualTo(expected.size());
        for (int g = 0; g < grouping.count; g++) {
            int previous = -1;
            for (int m = grouping.start[g]; m < grouping.start[g + 1]; m++) {
                assertThat(grouping.groupOf[grouping.members[m]]).isEqualTo(g);
                assertThat(grouping.members[m]).isGreaterThan(previous);
                previous = grouping.members[m];
            }
        }
    }

    /** Ids, names only, blank ids, ids that look like name keys, no artist or album, local files, duplicates. */
    static List<Track> awkward(Random random, int n) {
        List<Track> tracks = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            int a = random.nextInt(7);
            Artist artist = switch (random.nextInt(5)) {
                case 0 -> new Artist(null, (random.nextBoolean() ? "Artist " : "ARTIST ") + a);
                case 1 -> new Artist(" ", "artist " + a);
                case 2 -> new Artist("name:artist " + a, "x");
                default -> new Artist("a" + a, "Artist " + a);
            };
            Album album = switch (random.nextInt(5)) {
                case 0 -> null;
                case 1 -> new Album(null, "Album " + a, null);
                case 2 -> new Album("", "album " + a, null);
                default -> new Album("al" + a, "x", null);
            };
            Track track = switch (random.nextInt(6)) {
                case 0 -> new Track("spotify:local:" + i, null, "L", List.of(artist), album, Duration.ZERO, 0, null,
                        true);
                case 1 -> new Track("spotify:track:n" + i, "n" + i, "N", List.of(), album, Duration.ZERO, 0, null,
                        false);
                case 2 -> Track.unavailable(null);
                case 3 -> tracks.isEmpty() ? Track.ofUri("spotify:track:z") : tracks.get(random.nextInt(tracks.size()));
                default -> new Track("spotify:track:t" + i, "t" + i, "T", List.of(artist, new Artist("b", "B")),
                        album, Duration.ZERO, 0, null, false);
            };
            tracks.add(track);
        }
        return tracks;
    }
}
