package dev.shuffify.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.shuffify.model.Album;
import dev.shuffify.model.Artist;
import dev.shuffify.model.Track;
import dev.shuffify.spi.Params;
import dev.shuffify.spi.ShuffleAlgorithm;
import dev.shuffify.spi.ShuffleRequest;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The properties every {@link ShuffleAlgorithm} must have, as a JUnit 5 suite: the result is a permutation of
 * the input (every entry kept, duplicates, local files and unavailable entries included, nothing added), the
 * same seed gives the same order, the input list is left as it was, and an empty or one-entry playlist comes
 * back as it is. An algorithm's test extends it:
 *
 * <pre>{@code
 * class BlockShuffleContractTest extends ShuffleAlgorithmContract {
 *     protected ShuffleAlgorithm algorithm() {
 *         return new BlockShuffle();
 *     }
 * }
 * }</pre>
 *
 * <p>The playlists have several artists and albums, added dates a day apart, a duplicated uri, a local file,
 * an episode and an unavailable entry. {@link #params()} gives the parameters the algorithm runs with
 * (default: none, so every default applies).
 *
 * @since 0.2.0
 */
public abstract class ShuffleAlgorithmContract {

    /** A base for an algorithm's test. */
    protected ShuffleAlgorithmContract() {
    }

    /**
     * The algorithm under test, a new instance or a shared one.
     *
     * @return the algorithm
     */
    protected abstract ShuffleAlgorithm algorithm();

    /**
     * The raw parameters the algorithm runs with, checked by {@link Params#parse} against its declarations.
     *
     * @return the parameters (default: none)
     */
    protected Map<String, ?> params() {
        return Map.of();
    }

    /**
     * A playlist of {@code n} entries for the suite: tracks by five artists on seven albums, added a day apart,
     * with (from six entries on) a duplicated uri, a local file, an episode and an unavailable entry.
     *
     * @param n how many entries
     * @return the entries
     */
    protected static List<Track> playlist(int n) {
        Instant t0 = Instant.parse("2024-01-01T00:00:00Z");
        List<Track> tracks = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            Instant at = t0.plusSeconds(86_400L * i);
            Track t = switch (n >= 6 ? i % 17 : -1) {
                case 3 -> Track.ofUri("spotify:local:Artist:Album:Song+" + i + ":180");
                case 7 -> Track.ofUri("spotify:episode:ep" + i);
                case 11 -> Track.unavailable(at);
                case 13 -> tracks.get(0);
                default -> Track.of("t" + i, "Song " + i, new Artist("a" + i % 5, "Artist " + i % 5),
                        new Album("al" + i % 7, "Album " + i % 7, null));
            };
            tracks.add(t.addedAt() == null ? t.withAddedAt(at) : t);
        }
        return List.copyOf(tracks);
    }

    private List<Track> shuffle(List<Track> tracks, long seed) {
        ShuffleAlgorithm algorithm = algorithm();
        Params params = Params.parse(algorithm.parameters(), params(), "algorithmParams");
        return algorithm.shuffle(new ShuffleRequest(tracks, params, new SplittableRandom(seed)));
    }

    @ParameterizedTest(name = "{0} entries")
    @ValueSource(ints = {2, 3, 10, 57, 250})
    void theResultIsAPermutationOfTheInput(int n) {
        List<Track> in = playlist(n);
        for (long seed = 0; seed < 5; seed++) {
            assertThat(shuffle(in, seed)).as("seed %d", seed).containsExactlyInAnyOrderElementsOf(in);
        }
    }

    @ParameterizedTest(name = "{0} entries")
    @ValueSource(ints = {10, 57, 250})
    void theSameSeedGivesTheSameOrder(int n) {
        List<Track> in = playlist(n);
        assertThat(shuffle(in, 7)).isEqualTo(shuffle(in, 7));
        assertThat(shuffle(new ArrayList<>(in), 99)).isEqualTo(shuffle(in, 99));
    }

    @Test
    void theInputIsLeftAsItWas() {
        List<Track> in = new ArrayList<>(playlist(40));
        List<Track> copy = List.copyOf(in);
        shuffle(in, 1);
        assertThat(in).isEqualTo(copy);
    }

    @Test
    void anEmptyOrOneEntryPlaylistComesBackAsItIs() {
        assertThat(shuffle(List.of(), 1)).isEmpty();
        List<Track> one = playlist(1);
        assertThat(shuffle(one, 1)).isEqualTo(one);
    }
}
