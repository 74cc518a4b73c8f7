package dev.shuffify.memory;

import dev.shuffify.error.AuthenticationException;
import dev.shuffify.error.PlaylistNotFoundException;
import dev.shuffify.error.PlaylistServiceException;
import dev.shuffify.internal.engine.PlaylistEdits;
import dev.shuffify.memory.MusicState.StoredPlaylist;
import dev.shuffify.model.Album;
import dev.shuffify.model.Artist;
import dev.shuffify.model.Playlist;
import dev.shuffify.model.PlaylistSummary;
import dev.shuffify.model.Track;
import dev.shuffify.spi.PlaylistService;
import dev.shuffify.spi.PlaylistServiceConnector;
import dev.shuffify.spi.RequestBudget;
import java.time.Clock;
import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Objects;

/**
 * A complete, deterministic music service held in memory: users, playlists (ordered items with added dates and
 * a snapshot id that changes on every write), liked songs, artists' albums, album tracks and search.
 *
 * <p>It is a {@link PlaylistServiceConnector}: {@link #connect(String)} (or {@link #forUser(String)}) gives the
 * port as seen by one user. Everyone can read every playlist; only the owner can change one. Writes follow
 * the real service's rules: at most {@value PlaylistService#MAX_BATCH} uris per call, removal by uri removes
 * every occurrence, replace resets the added date of every item, reorder keeps it.
 *
 * <p>Playlists hold every kind of entry the real service serves (see the {@linkplain dev.shuffify.memory package});
 * seed them with {@link #createPlaylist}, {@link #insertEntries} or {@link #makeUnavailable}.
 *
 * <p>Every call is counted and logged, with the uris of each write ({@link #calls()}, {@link #count(Operation)}),
 * and a fault can be
 * injected into the n-th call of an operation or the n-th call overall ({@link #failOn}, {@link #failAtCall}).
 * Added dates come from the clock given at construction. The class is thread-safe.
 *
 * <pre>{@code
 * InMemoryPlaylistService music = new InMemoryPlaylistService(clock);
 * music.addUser("alice");
 * music.createPlaylist("alice", "p1", "Mix", tracks);
 * PlaylistService service = music.connect("alice");
 * }</pre>
 *
 * @since 0.1.0
 */
public final class InMemoryPlaylistService implements PlaylistServiceConnector {

    private final MusicState state;
    private final Object lock;

    /**
     * A service whose added dates come from the given clock.
     *
     * @param clock the clock
     */
    public InMemoryPlaylistService(Clock clock) {
        this.state = new MusicState(Objects.requireNonNull(clock, "clock"));
        this.lock = state.lock;
    }

    /** A service on the system clock (UTC). */
    public InMemoryPlaylistService() {
        this(Clock.systemUTC());
    }

    /**
     * Adds a user (idempotent).
     *
     * @param userId the user
     * @return this
     */
    public InMemoryPlaylistService addUser(String userId) {
        MusicState.requireText(userId, "userId");
        synchronized (lock) {
            state.users.add(userId);
        }
        return this;
    }

    /**
     * Whether a user exists.
     *
     * @param userId the user
     * @return true when known
     */
    public boolean hasUser(String userId) {
        synchronized (lock) {
            return state.users.contains(userId);
        }
    }

    /**
     * Creates a playlist with the given items, owned by a user (created if unknown). Items without an added
     * date get the clock's now; items that have one keep it. The tracks join the catalog.
     *
     * @param ownerId the owner
     * @param playlistId the id; must be unused
     * @param name the name
     * @param items the items in order
     * @return the playlist's summary
     * @throws IllegalArgumentException when the id is taken
     */
    public PlaylistSummary createPlaylist(String ownerId, String playlistId, String name, List<Track> items) {
        MusicState.requireText(ownerId, "ownerId");
        MusicState.requireText(playlistId, "playlistId");
        synchronized (lock) {
            return state.seedPlaylist(ownerId, playlistId, name, items);
        }
    }

    /**
     * Puts entries into a playlist the way the service's own apps can and its Web API cannot: a local file
     * added from the desktop app, an item of a type this library does not know, an unavailable entry. No
     * call is counted and no rule of the API is applied; the snapshot id changes. Entries without an added
     * date get the clock's now.
     *
     * @param playlistId the playlist
     * @param position where the first entry goes (0 = top; the playlist's size appends)
     * @param entries the entries, of any kind
     * @throws PlaylistNotFoundException when the playlist does not exist
     * @throws IllegalArgumentException when the position is outside the playlist
     */
    public void insertEntries(String playlistId, int position, List<Track> entries) {
        Objects.requireNonNull(entries, "entries");
        synchronized (lock) {
            StoredPlaylist p = state.stored(playlistId);
            PlaylistEdits.add(p.items, state.seeded(entries), position);
            p.touched();
        }
    }

    /**
     * Takes every entry of a uri out of a playlist the way the service's own apps can (a local file deleted in
     * the desktop app, say); no call is counted and no rule of the API is applied.
     *
     * @param playlistId the playlist
     * @param uri the uri of the entries, of any kind
     * @return how many entries were taken out
     * @throws PlaylistNotFoundException when the playlist does not exist
     */
    public int removeEntries(String playlistId, String uri) {
        Objects.requireNonNull(uri, "uri");
        synchronized (lock) {
            return state.removeEntries(playlistId, uri);
        }
    }

    /**
     * Withdraws a track from the catalogue, as the service does when content is removed or blocked in the
     * user's market: every playlist entry of the uri becomes an unavailable entry at the same position with
     * the same added date, and liked songs, albums and search no longer return it.
     *
     * @param uri the track or episode uri
     * @return how many playlist entries became unavailable
     */
    public int makeUnavailable(String uri) {
        Objects.requireNonNull(uri, "uri");
        synchronized (lock) {
            return state.withdraw(uri);
        }
    }

    /**
     * Deletes a playlist (a raid source that disappears, for instance).
     *
     * @param playlistId the playlist
     * @return whether it existed
     */
    public boolean deletePlaylist(String playlistId) {
        synchronized (lock) {
            return state.playlists.remove(playlistId) != null;
        }
    }

    /**
     * Adds tracks to the catalog, so that uris added to playlists carry their metadata.
     *
     * @param tracks the tracks
     * @return this
     */
    public InMemoryPlaylistService addToCatalog(Collection<Track> tracks) {
        synchronized (lock) {
            tracks.forEach(t -> state.catalog.put(t.uri(), t.withAddedAt(null)));
        }
        return this;
    }

    /**
     * Sets a user's liked songs, newest first; tracks without an added date get the clock's now.
     *
     * @param userId the user (created if unknown)
     * @param tracks the liked songs, newest first
     * @return this
     */
    public InMemoryPlaylistService setLikedTracks(String userId, List<Track> tracks) {
        MusicState.requireText(userId, "userId");
        synchronized (lock) {
            state.users.add(userId);
            state.liked.put(userId, state.seeded(tracks));
        }
        return this;
    }

    /**
     * Adds an album of an artist with its tracks (in track order); the tracks join the catalog.
     *
     * @param artist the album's artist
     * @param album the album (its release date is used by release-based discovery)
     * @param tracks the album's tracks
     * @return this
     */
    public InMemoryPlaylistService addAlbum(Artist artist, Album album, List<Track> tracks) {
        Objects.requireNonNull(artist, "artist");
        Objects.requireNonNull(album, "album");
        synchronized (lock) {
            state.addAlbum(artist, album, tracks);
        }
        return this;
    }

    /**
     * The current state of a playlist, without counting a call.
     *
     * @param playlistId the playlist
     * @return the playlist
     * @throws PlaylistNotFoundException when it does not exist
     */
    public Playlist playlist(String playlistId) {
        synchronized (lock) {
            return state.stored(playlistId).view();
        }
    }

    /**
     * The uris of a playlist in order, without counting a call.
     *
     * @param playlistId the playlist
     * @return the uris
     */
    public List<String> uris(String playlistId) {
        return playlist(playlistId).uris();
    }

    /**
     * The ids of every playlist, in creation order, without counting a call.
     *
     * @return the ids
     */
    public List<String> playlistIds() {
        synchronized (lock) {
            return List.copyOf(state.playlists.keySet());
        }
    }

    /**
     * Whether a playlist exists.
     *
     * @param playlistId the playlist
     * @return true when it exists
     */
    public boolean hasPlaylist(String playlistId) {
        synchronized (lock) {
            return state.playlists.containsKey(playlistId);
        }
    }

    /**
     * Every call since the last {@link #resetCalls()}, in order.
     *
     * @return the call log
     */
    public List<Call> calls() {
        return state.calls.calls();
    }

    /**
     * How many calls of an operation were made since the last reset (failed ones included).
     *
     * @param operation the operation
     * @return the count
     */
    public int count(Operation operation) {
        return state.calls.count(operation);
    }

    /**
     * How many calls were made since the last reset.
     *
     * @return the count
     */
    public int totalCalls() {
        return state.calls.total();
    }

    /**
     * How many writes (add, remove, replace, reorder, create) were made since the last reset.
     *
     * @return the count
     */
    public int writeCalls() {
        return state.calls.writes();
    }

    /**
     * How many reads were made since the last reset.
     *
     * @return the count
     */
    public int readCalls() {
        return state.calls.total() - state.calls.writes();
    }

    /**
     * Clears the call log and counters. Injected faults that have not fired stay, still aimed at the same
     * future call.
     */
    public void resetCalls() {
        state.calls.reset();
    }

    /**
     * Fails the {@code nth} call of an operation from now on (1 = the next one), once.
     *
     * @param operation the operation
     * @param nth which call, 1-based, counted from now
     * @param fault the failure
     * @return this
     */
    public InMemoryPlaylistService failOn(Operation operation, int nth, Fault fault) {
        state.calls.failOn(operation, nth, fault);
        return this;
    }

    /**
     * Fails the {@code nth} call of any operation from now on (1 = the next one), once.
     *
     * @param nth which call, 1-based, counted from now
     * @param fault the failure
     * @return this
     */
    public InMemoryPlaylistService failAtCall(int nth, Fault fault) {
        state.calls.failAtCall(nth, fault);
        return this;
    }

    /** Removes every injected fault that has not fired yet. */
    public void clearFaults() {
        state.calls.clearFaults();
    }

    /**
     * Makes the services connected from now on report a request budget and a job deadline
     * ({@link PlaylistService#requestBudget()}), as a rate-limited service with deadlines does, so the engine's
     * estimate before a job's first write can be tried here. The budget is reported, not enforced: calls are
     * never slowed down, and the clock does not move by itself. Each connected service's deadline counts from
     * the clock's time at {@link #connect}.
     *
     * @param requests the most calls in any rolling window, at least 1
     * @param window the window; positive
     * @param deadline how long a job may take from its connect; positive
     * @return this
     * @since 0.2.0
     */
    public InMemoryPlaylistService requestBudget(int requests, Duration window, Duration deadline) {
        RequestBudget checked = new RequestBudget(requests, window, state.clock.instant(), deadline, "");
        synchronized (lock) {
            state.budget(checked);
        }
        return this;
    }

    /**
     * The service as seen by a user.
     *
     * @param userId the user
     * @return the port
     * @throws AuthenticationException when the user is unknown (it has no credentials here)
     */
    @Override
    public PlaylistService connect(String userId) {
        return forUser(userId);
    }

    /**
     * The service as seen by a user.
     *
     * @param userId the user
     * @return the port
     * @throws AuthenticationException when the user is unknown (it has no credentials here)
     */
    public PlaylistService forUser(String userId) {
        synchronized (lock) {
            return state.connect(userId);
        }
    }
}
