package dev.shuffify.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

import dev.shuffify.error.PlaylistNotFoundException;
import dev.shuffify.error.PlaylistServiceException;
import dev.shuffify.model.Artist;
import dev.shuffify.model.Playlist;
import dev.shuffify.model.Track;
import dev.shuffify.spi.PlaylistService;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The music service's playlist contract as a JUnit 5 suite: a {@link PlaylistService} implementation (an
 * adapter to a real service, a fake of one) passes it by extending this class in its own tests and providing
 * three hooks — {@link #seed} a playlist, read back its {@linkplain #entriesOf raw state} without going through
 * the port, and (optionally) {@linkplain #loseAnswerOfNextWrite lose the answer} of a write the service
 * applied.
 *
 * <p>The suite encodes what the library relies on, which is what the Spotify Web API does:
 * <ul>
 * <li>a read returns <em>every</em> entry of a playlist, in order, across pages: tracks, episodes, local files
 * and unavailable entries (a {@code null} item, {@link Track#unavailable}), each with its added date and
 * {@link Track.Kind};</li>
 * <li>positions ({@code position} of an add, {@code rangeStart}/{@code insertBefore} of a reorder) count every
 * entry, writable or not, and a reorder moves entries of any kind;</li>
 * <li>a write carrying a local-file uri or {@value Track#UNAVAILABLE_URI} is refused with a non-transient
 * {@link PlaylistServiceException} (the service's 400 "Invalid track uri") and changes nothing;</li>
 * <li>a removal by uri removes every occurrence of it;</li>
 * <li>a replace gives every entry a new added date; a reorder keeps every added date;</li>
 * <li>a write takes at most {@value PlaylistService#MAX_BATCH} uris: a longer list is an
 * {@link IllegalArgumentException} before any call, and nothing changes;</li>
 * <li>every write changes the snapshot id; reading a missing playlist is a {@link PlaylistNotFoundException};</li>
 * <li>a write the service applied but whose answer was lost is applied exactly once: the port either returns
 * normally or throws a <em>transient</em> {@link PlaylistServiceException}, and never applies it twice.</li>
 * </ul>
 *
 * <p>An implementation over the in-memory service passes it in a few lines:
 * <pre>{@code
 * class InMemoryPlaylistServiceContractTest extends PlaylistServiceContract {
 *     private final InMemoryPlaylistService music = new InMemoryPlaylistService(TestClock.standard());
 *
 *     protected Seeded seed(List<Track> entries, List<Track> addable) {
 *         music.addToCatalog(addable);
 *         music.createPlaylist("owner", "contract", "Contract", entries);
 *         return new Seeded(music.connect("owner"), "contract");
 *     }
 *
 *     protected List<Track> entriesOf(String playlistId) {
 *         return music.playlist(playlistId).items();
 *     }
 * }
 * }</pre>
 *
 * <p>Seeded entries carry added dates in 2020 at whole minutes; the implementation's clock must be later.
 * Track ids are 22 base-62 characters, as the service's are. Each test seeds one playlist on a fresh instance
 * of the subclass (JUnit's default lifecycle), so hooks may keep state in fields.
 *
 * @since 0.1.0
 */
public abstract class PlaylistServiceContract {

    /** The added date of the first seeded entry; the n-th gets this plus n minutes. */
    protected static final Instant SEEDED_AT = Instant.parse("2020-01-01T00:00:00Z");

    /**
     * A seeded playlist and the port as its owner sees it.
     *
     * @param service the implementation under test, acting for the playlist's owner
     * @param playlistId the seeded playlist
     * @since 0.1.0
     */
    protected record Seeded(PlaylistService service, String playlistId) {
        /**
         * Validates.
         *
         * @param service the implementation under test; never null
         * @param playlistId the seeded playlist; never null
         */
        public Seeded {
            Objects.requireNonNull(service, "service");
            Objects.requireNonNull(playlistId, "playlistId");
        }
    }

    /**
     * The kinds of write the lost-answer test covers.
     *
     * @since 0.1.0
     */
    protected enum Write {
        /** {@link PlaylistService#addTracks}. */
        ADD,
        /** {@link PlaylistService#removeTracks}. */
        REMOVE,
        /** {@link PlaylistService#replaceTracks}. */
        REPLACE,
        /** {@link PlaylistService#reorderTracks}. */
        REORDER
    }

    /** For subclasses. */
    protected PlaylistServiceContract() {
    }

    /**
     * Creates, on the service under test, a playlist owned by the acting user that holds exactly
     * {@code entries} in order, each with its added date and kind (local files, unavailable entries and
     * episodes included: seed them however the service's own apps would), and makes the {@code addable} tracks
     * known to the catalogue so writes may carry their uris.
     *
     * @param entries the playlist's entries, in order
     * @param addable tracks that are not in the playlist but that the suite will add
     * @return the port and the playlist's id
     */
    protected abstract Seeded seed(List<Track> entries, List<Track> addable);

    /**
     * The playlist's entries as the service holds them, read without the port under test (the fake's own
     * state, or a read through another client). Only uri, kind and added date are compared.
     *
     * @param playlistId the playlist
     * @return its entries in order
     */
    protected abstract List<Track> entriesOf(String playlistId);

    /**
     * Makes the service apply the next write of this kind and then lose its answer (a 5xx or a dropped
     * connection after the change was made). The default skips the lost-answer test.
     *
     * @param write the kind of the next write
     */
    protected void loseAnswerOfNextWrite(Write write) {
        Assumptions.abort("this implementation cannot lose the answer of a write");
    }

    // ------------------------------------------------------------------ entries for the tests

    /**
     * A catalogue track with a service-shaped id.
     *
     * @param n its number
     * @return a track with uri {@code spotify:track:<22 digits>}
     */
    protected static Track track(int n) {
        String id = String.format("%022d", n);
        return new Track("spotify:track:" + id, id, "Track " + n, List.of(new Artist("a" + n % 7, "Artist " + n % 7)),
                null, Duration.ofMinutes(3), 50, null, Track.Kind.TRACK);
    }

    /**
     * A podcast episode.
     *
     * @param n its number
     * @return an entry of kind {@link Track.Kind#EPISODE}
     */
    protected static Track episode(int n) {
        String id = String.format("%022d", 900_000 + n);
        return new Track("spotify:episode:" + id, id, "Episode " + n, List.of(), null, Duration.ofMinutes(30), 0,
                null, Track.Kind.EPISODE);
    }

    /**
     * A local file (added from the desktop app; the Web API cannot write it).
     *
     * @param n its number
     * @return an entry of kind {@link Track.Kind#LOCAL}
     */
    protected static Track localFile(int n) {
        return new Track("spotify:local:Local+Artist:Local+Album:Local+Song+" + n + ":180", null, "Local Song " + n,
                List.of(), null, Duration.ofMinutes(3), 0, null, Track.Kind.LOCAL);
    }

    /**
     * An unavailable entry.
     *
     * @return an entry of kind {@link Track.Kind#UNAVAILABLE}
     */
    protected static Track unavailable() {
        return Track.unavailable(null);
    }

    private static List<Track> dated(List<Track> entries) {
        List<Track> out = new ArrayList<>(entries.size());
        for (int i = 0; i < entries.size(); i++) {
            out.add(entries.get(i).withAddedAt(SEEDED_AT.plus(Duration.ofMinutes(i))));
        }
        return out;
    }

    private Seeded seedDated(List<Track> entries, Track... addable) {
        return seed(dated(entries), List.of(addable));
    }

    private static List<String> uris(List<Track> entries) {
        return entries.stream().map(Track::uri).toList();
    }

    private static List<Track.Kind> kinds(List<Track> entries) {
        return entries.stream().map(Track::kind).toList();
    }

    private static List<Instant> addedDates(List<Track> entries) {
        return entries.stream().map(Track::addedAt).toList();
    }

    private static List<Track> mixed(int size) {
        List<Track> entries = new ArrayList<>(size);
        for (int i = 0; i < size; i++) {
            entries.add(switch (i % 10) {
                case 3 -> unavailable();
                case 6 -> localFile(i);
                case 8 -> episode(i);
                default -> track(i);
            });
        }
        return entries;
    }

    // ------------------------------------------------------------------ reads

    @Test
    @DisplayName("a read returns every entry in order, across pages, with its kind and added date")
    void aReadReturnsEveryEntryInOrder() {
        List<Track> entries = dated(mixed(230));
        Seeded s = seed(entries, List.of());

        Playlist read = s.service().playlist(s.playlistId());

        assertThat(read.size()).as("entries read").isEqualTo(230);
        assertThat(read.uris()).isEqualTo(uris(entries));
        assertThat(kinds(read.items())).isEqualTo(kinds(entries));
        assertThat(addedDates(read.items())).isEqualTo(addedDates(entries));
        assertThat(read.items().stream().filter(t -> !t.writable()).count()).as("non-writable entries read")
                .isEqualTo(46);
    }

    @Test
    @DisplayName("reading a playlist that does not exist is a PlaylistNotFoundException")
    void readingAMissingPlaylistIsNotFound() {
        Seeded s = seedDated(List.of(track(1)));

        assertThatThrownBy(() -> s.service().playlist("0000000000000000000000missing"))
                .isInstanceOf(PlaylistNotFoundException.class);
    }

    // ------------------------------------------------------------------ positions

    @Test
    @DisplayName("an add's position counts unavailable entries and local files")
    void addPositionsCountEveryEntry() {
        Seeded s = seedDated(List.of(track(1), unavailable(), localFile(2), track(3)), track(4));

        s.service().addTracks(s.playlistId(), List.of(track(4).uri()), 2);

        assertThat(uris(entriesOf(s.playlistId()))).containsExactly(track(1).uri(), Track.UNAVAILABLE_URI,
                track(4).uri(), localFile(2).uri(), track(3).uri());
    }

    @Test
    @DisplayName("a reorder's positions count every entry, it moves entries of any kind and keeps added dates")
    void reorderMovesAnyEntryByServicePositions() {
        List<Track> entries = dated(List.of(track(1), unavailable(), localFile(2), track(3), episode(4)));
        Seeded s = seed(entries, List.of());

        s.service().reorderTracks(s.playlistId(), 1, 2, 5);

        List<Track> after = entriesOf(s.playlistId());
        List<Track> expected = List.of(entries.get(0), entries.get(3), entries.get(4), entries.get(1),
                entries.get(2));
        assertThat(uris(after)).isEqualTo(uris(expected));
        assertThat(addedDates(after)).as("added dates after a reorder").isEqualTo(addedDates(expected));
    }

    // ------------------------------------------------------------------ what cannot be written

    @ParameterizedTest(name = "{0}")
    @EnumSource(value = Write.class, names = {"ADD", "REMOVE", "REPLACE"})
    @DisplayName("a write carrying a local-file uri is refused (400) and changes nothing")
    void localFileUrisAreRefused(Write write) {
        assertRefused(write, localFile(2).uri());
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(value = Write.class, names = {"ADD", "REMOVE", "REPLACE"})
    @DisplayName("a write carrying the unavailable entry's uri is refused and changes nothing")
    void theUnavailableUriIsRefused(Write write) {
        assertRefused(write, Track.UNAVAILABLE_URI);
    }

    private void assertRefused(Write write, String uri) {
        Seeded s = seedDated(List.of(track(1), unavailable(), localFile(2), track(3)), track(5));
        List<Track> before = entriesOf(s.playlistId());
        List<String> batch = List.of(track(5).uri(), uri);

        Throwable thrown = catchThrowable(() -> {
            switch (write) {
                case ADD -> s.service().addTracks(s.playlistId(), batch, null);
                case REMOVE -> s.service().removeTracks(s.playlistId(), List.of(track(1).uri(), uri));
                default -> s.service().replaceTracks(s.playlistId(), batch);
            }
        });

        assertThat(thrown).as("%s carrying %s", write, uri).isInstanceOf(PlaylistServiceException.class);
        assertThat(((PlaylistServiceException) thrown).isTransient()).as("a refusal is not transient").isFalse();
        List<Track> after = entriesOf(s.playlistId());
        assertThat(uris(after)).as("entries after a refused %s", write).isEqualTo(uris(before));
        assertThat(addedDates(after)).isEqualTo(addedDates(before));
    }

    @Test
    @DisplayName("episodes can be added and removed like tracks")
    void episodesAreWritable() {
        Seeded s = seedDated(List.of(track(1), episode(2)), episode(3));

        s.service().addTracks(s.playlistId(), List.of(episode(3).uri()), null);
        s.service().removeTracks(s.playlistId(), List.of(episode(2).uri()));

        List<Track> after = entriesOf(s.playlistId());
        assertThat(uris(after)).containsExactly(track(1).uri(), episode(3).uri());
        assertThat(after.get(1).kind()).isEqualTo(Track.Kind.EPISODE);
    }

    // ------------------------------------------------------------------ write semantics

    @Test
    @DisplayName("a removal by uri removes every occurrence and leaves other entries in place")
    void removeByUriRemovesEveryOccurrence() {
        Seeded s = seedDated(List.of(track(1), track(2), track(1), unavailable(), track(1), localFile(3)));

        s.service().removeTracks(s.playlistId(), List.of(track(1).uri()));

        assertThat(uris(entriesOf(s.playlistId()))).containsExactly(track(2).uri(), Track.UNAVAILABLE_URI,
                localFile(3).uri());
    }

    @Test
    @DisplayName("a replace gives every entry a new added date")
    void replaceResetsAddedDates() {
        List<Track> entries = dated(List.of(track(1), track(2), track(3)));
        Seeded s = seed(entries, List.of());

        s.service().replaceTracks(s.playlistId(), List.of(track(3).uri(), track(2).uri(), track(1).uri()));

        List<Track> after = entriesOf(s.playlistId());
        assertThat(uris(after)).containsExactly(track(3).uri(), track(2).uri(), track(1).uri());
        Instant latestSeed = entries.get(entries.size() - 1).addedAt();
        assertThat(after).allSatisfy(t -> assertThat(t.addedAt()).as("added date of %s", t.uri())
                .isAfter(latestSeed));
    }

    @Test
    @DisplayName("a write takes at most 100 uris; a longer list is refused before any change")
    void aBatchHoldsAtMost100Uris() {
        List<Track> addable = new ArrayList<>();
        for (int i = 100; i < 201; i++) {
            addable.add(track(i));
        }
        Seeded s = seed(dated(List.of(track(1))), addable);
        List<String> many = uris(addable);

        assertThatThrownBy(() -> s.service().addTracks(s.playlistId(), many, null))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> s.service().replaceTracks(s.playlistId(), many))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> s.service().removeTracks(s.playlistId(), many))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(uris(entriesOf(s.playlistId()))).containsExactly(track(1).uri());

        s.service().addTracks(s.playlistId(), many.subList(0, 100), null);
        assertThat(entriesOf(s.playlistId())).hasSize(101);
    }

    @Test
    @DisplayName("every write changes the snapshot id")
    void everyWriteChangesTheSnapshotId() {
        Seeded s = seedDated(List.of(track(1), track(2)), track(3));
        PlaylistService service = s.service();
        String id = s.playlistId();
        List<String> seen = new ArrayList<>();
        seen.add(service.playlist(id).snapshotId());

        seen.add(service.addTracks(id, List.of(track(3).uri()), 0));
        seen.add(service.reorderTracks(id, 0, 1, 3));
        seen.add(service.removeTracks(id, List.of(track(3).uri())));
        seen.add(service.replaceTracks(id, List.of(track(2).uri())));

        assertThat(seen).doesNotContainNull().doesNotHaveDuplicates();
        assertThat(service.playlist(id).snapshotId()).isEqualTo(seen.get(seen.size() - 1));
    }

    // ------------------------------------------------------------------ lost answers

    @ParameterizedTest(name = "{0}")
    @EnumSource(Write.class)
    @DisplayName("a write whose answer was lost after the service applied it is applied exactly once")
    void aWriteWhoseAnswerWasLostIsAppliedOnce(Write write) {
        List<Track> entries = dated(List.of(track(1), unavailable(), track(2), localFile(3), track(4)));
        Seeded s = seed(entries, List.of(track(5)));
        String id = s.playlistId();
        Consumer<PlaylistService> call = switch (write) {
            case ADD -> p -> p.addTracks(id, List.of(track(5).uri()), 1);
            case REMOVE -> p -> p.removeTracks(id, List.of(track(2).uri()));
            case REPLACE -> p -> p.replaceTracks(id, List.of(track(4).uri(), track(1).uri()));
            case REORDER -> p -> p.reorderTracks(id, 0, 2, 5);
        };
        List<String> expected = switch (write) {
            case ADD -> List.of(track(1).uri(), track(5).uri(), Track.UNAVAILABLE_URI, track(2).uri(),
                    localFile(3).uri(), track(4).uri());
            case REMOVE -> List.of(track(1).uri(), Track.UNAVAILABLE_URI, localFile(3).uri(), track(4).uri());
            case REPLACE -> List.of(track(4).uri(), track(1).uri());
            case REORDER -> List.of(track(2).uri(), localFile(3).uri(), track(4).uri(), track(1).uri(),
                    Track.UNAVAILABLE_URI);
        };
        loseAnswerOfNextWrite(write);

        Throwable thrown = catchThrowable(() -> call.accept(s.service()));

        if (thrown != null) {
            assertThat(thrown).as("the failure a lost answer surfaces as").isInstanceOf(PlaylistServiceException.class);
            assertThat(((PlaylistServiceException) thrown).isTransient()).as("a lost answer is transient").isTrue();
        }
        assertThat(uris(entriesOf(id))).as("entries after a %s whose answer was lost", write).isEqualTo(expected);
    }
}
