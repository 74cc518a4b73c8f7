package dev.shuffify.memory;

import dev.shuffify.error.AuthenticationException;
import dev.shuffify.error.PlaylistNotFoundException;
import dev.shuffify.error.PlaylistServiceException;
import dev.shuffify.error.RateLimitedException;
import dev.shuffify.internal.engine.PlaylistEdits;
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
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * A complete, deterministic music service held in memory: users, playlists (ordered items with added dates and
 * a snapshot id that changes on every write), liked songs, artists' albums, album tracks and search.
 *
 * <p>It is a {@link PlaylistServiceConnector}: {@link #connect(String)} (or {@link #forUser(String)}) gives the
 * port as seen by one user. Everyone can read every playlist; only the owner can change one. Writes follow
 * the real service's rules: at most {@value PlaylistService#MAX_BATCH} uris per call, removal by uri removes
 * every occurrence, replace resets the added date of every item, reorder keeps it.
 *
 * <p>Playlists hold every kind of entry the real service serves: tracks, episodes, local files, unavailable
 * entries (content withdrawn from the catalogue or blocked in the user's market, {@link Track#unavailable})
 * and items of unknown types. Seed them with {@link #createPlaylist}, {@link #insertEntries} or
 * {@link #makeUnavailable}. As on the real service, reads return all of them at their positions, positions of
 * {@code reorderTracks} and {@code addTracks} count all of them, and a write carrying anything but a track or
 * episode uri (a local file, {@value Track#UNAVAILABLE_URI}, an unknown type) is refused with a non-transient
 * {@link PlaylistServiceException} ("HTTP 400 Invalid track uri") and changes nothing.
 *
 * <p>Every call is counted and logged ({@link #calls()}, {@link #count(Operation)}), and a fault can be
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

    private final Object lock = new Object();
    private final Clock clock;
    private final Set<String> users = new LinkedHashSet<>();
    private final Map<String, StoredPlaylist> playlists = new LinkedHashMap<>();
    private final Map<String, Track> catalog = new LinkedHashMap<>();
    private final Map<String, List<Track>> liked = new HashMap<>();
    private final Map<String, List<Album>> albumsByArtist = new HashMap<>();
    private final Map<String, List<Track>> tracksByAlbum = new HashMap<>();
    private final List<Call> log = new ArrayList<>();
    private final Map<Operation, Integer> counts = new EnumMap<>(Operation.class);
    private final List<FaultRule> faults = new ArrayList<>();
    private long playlistSequence;
    private int budgetRequests;
    private Duration budgetWindow;
    private Duration jobDeadline;

    /**
     * A service whose added dates come from the given clock.
     *
     * @param clock the clock
     */
    public InMemoryPlaylistService(Clock clock) {
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** A service on the system clock (UTC). */
    public InMemoryPlaylistService() {
        this(Clock.systemUTC());
    }

    // ---------------------------------------------------------------- seeding

    /**
     * Adds a user (idempotent).
     *
     * @param userId the user
     * @return this
     */
    public InMemoryPlaylistService addUser(String userId) {
        requireText(userId, "userId");
        synchronized (lock) {
            users.add(userId);
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
            return users.contains(userId);
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
        requireText(ownerId, "ownerId");
        requireText(playlistId, "playlistId");
        synchronized (lock) {
            if (playlists.containsKey(playlistId)) {
                throw new IllegalArgumentException("playlist '" + playlistId + "' already exists");
            }
            users.add(ownerId);
            Instant now = clock.instant();
            StoredPlaylist p = new StoredPlaylist(playlistId, name == null ? "" : name, ownerId);
            for (Track t : items) {
                remember(t);
                p.items.add(t.addedAt() == null ? t.withAddedAt(now) : t);
            }
            playlists.put(playlistId, p);
            return p.summary();
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
            StoredPlaylist p = stored(playlistId);
            Instant now = clock.instant();
            List<Track> added = new ArrayList<>(entries.size());
            for (Track t : entries) {
                remember(t);
                added.add(t.addedAt() == null ? t.withAddedAt(now) : t);
            }
            PlaylistEdits.add(p.items, added, position);
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
            StoredPlaylist p = stored(playlistId);
            int removed = PlaylistEdits.removeAll(p.items, List.of(uri), Track::uri);
            if (removed > 0) {
                p.touched();
            }
            return removed;
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
            catalog.remove(uri);
            liked.values().forEach(l -> l.removeIf(t -> t.uri().equals(uri)));
            tracksByAlbum.values().forEach(l -> l.removeIf(t -> t.uri().equals(uri)));
            int changed = 0;
            for (StoredPlaylist p : playlists.values()) {
                boolean touched = false;
                for (int i = 0; i < p.items.size(); i++) {
                    Track t = p.items.get(i);
                    if (t.uri().equals(uri)) {
                        p.items.set(i, Track.unavailable(t.addedAt()));
                        touched = true;
                        changed++;
                    }
                }
                if (touched) {
                    p.touched();
                }
            }
            return changed;
        }
    }

    private void remember(Track t) {
        if (t.writable()) {
            catalog.putIfAbsent(t.uri(), t.withAddedAt(null));
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
            return playlists.remove(playlistId) != null;
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
            for (Track t : tracks) {
                catalog.put(t.uri(), t.withAddedAt(null));
            }
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
        requireText(userId, "userId");
        synchronized (lock) {
            users.add(userId);
            Instant now = clock.instant();
            List<Track> copy = new ArrayList<>();
            for (Track t : tracks) {
                remember(t);
                copy.add(t.addedAt() == null ? t.withAddedAt(now) : t);
            }
            liked.put(userId, copy);
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
            albumsByArtist.computeIfAbsent(artist.id(), k -> new ArrayList<>()).add(album);
            List<Track> copy = new ArrayList<>();
            for (Track t : tracks) {
                catalog.put(t.uri(), t.withAddedAt(null));
                copy.add(t.withAddedAt(null));
            }
            tracksByAlbum.put(album.id(), copy);
        }
        return this;
    }

    // ---------------------------------------------------------------- inspection (not counted)

    /**
     * The current state of a playlist, without counting a call.
     *
     * @param playlistId the playlist
     * @return the playlist
     * @throws PlaylistNotFoundException when it does not exist
     */
    public Playlist playlist(String playlistId) {
        synchronized (lock) {
            return stored(playlistId).view();
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
            return List.copyOf(playlists.keySet());
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
            return playlists.containsKey(playlistId);
        }
    }

    // ---------------------------------------------------------------- calls and faults

    /**
     * Every call since the last {@link #resetCalls()}, in order.
     *
     * @return the call log
     */
    public List<Call> calls() {
        synchronized (lock) {
            return List.copyOf(log);
        }
    }

    /**
     * How many calls of an operation were made since the last reset (failed ones included).
     *
     * @param operation the operation
     * @return the count
     */
    public int count(Operation operation) {
        synchronized (lock) {
            return counts.getOrDefault(operation, 0);
        }
    }

    /**
     * How many calls were made since the last reset.
     *
     * @return the count
     */
    public int totalCalls() {
        synchronized (lock) {
            return log.size();
        }
    }

    /**
     * How many writes (add, remove, replace, reorder, create) were made since the last reset.
     *
     * @return the count
     */
    public int writeCalls() {
        synchronized (lock) {
            return (int) log.stream().filter(c -> c.operation().isWrite()).count();
        }
    }

    /**
     * How many reads were made since the last reset.
     *
     * @return the count
     */
    public int readCalls() {
        synchronized (lock) {
            return log.size() - writeCalls();
        }
    }

    /**
     * Clears the call log and counters. Injected faults that have not fired stay, still aimed at the same
     * future call.
     */
    public void resetCalls() {
        synchronized (lock) {
            faults.replaceAll(rule -> new FaultRule(rule.operation,
                    rule.at - (rule.operation == null ? log.size() : counts.getOrDefault(rule.operation, 0)),
                    rule.fault));
            log.clear();
            counts.clear();
        }
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
        Objects.requireNonNull(operation, "operation");
        Objects.requireNonNull(fault, "fault");
        if (nth < 1) {
            throw new IllegalArgumentException("nth must be at least 1, got " + nth);
        }
        synchronized (lock) {
            faults.add(new FaultRule(operation, count(operation) + nth, fault));
        }
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
        Objects.requireNonNull(fault, "fault");
        if (nth < 1) {
            throw new IllegalArgumentException("nth must be at least 1, got " + nth);
        }
        synchronized (lock) {
            faults.add(new FaultRule(null, log.size() + nth, fault));
        }
        return this;
    }

    /** Removes every injected fault that has not fired yet. */
    public void clearFaults() {
        synchronized (lock) {
            faults.clear();
        }
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
        RequestBudget check = new RequestBudget(requests, window, clock.instant(), deadline, "");
        synchronized (lock) {
            budgetRequests = check.requests();
            budgetWindow = check.window();
            jobDeadline = check.jobDeadline();
        }
        return this;
    }

    // ---------------------------------------------------------------- the port

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
            if (!users.contains(userId)) {
                throw new AuthenticationException(AuthenticationException.MUST_LOG_IN_AGAIN);
            }
        }
        RequestBudget budget;
        synchronized (lock) {
            budget = budgetWindow == null ? null : new RequestBudget(budgetRequests, budgetWindow, clock.instant(),
                    jobDeadline, "InMemoryPlaylistService.requestBudget(requests, window, deadline)");
        }
        return new UserView(userId, budget);
    }

    private Fault enter(Operation op, String userId, String playlistId, int items) {
        int sequence = log.size() + 1;
        int opCount = counts.merge(op, 1, Integer::sum);
        Fault fault = null;
        for (Iterator<FaultRule> it = faults.iterator(); it.hasNext();) {
            FaultRule rule = it.next();
            boolean hit = rule.operation == null ? rule.at == sequence : rule.operation == op && rule.at == opCount;
            if (hit) {
                fault = rule.fault;
                it.remove();
                break;
            }
        }
        log.add(new Call(sequence, op, userId, playlistId, items, fault != null));
        if (fault != null && (fault != Fault.LOST_RESPONSE || !op.isWrite())) {
            throw failure(fault, playlistId);
        }
        return fault;
    }

    private static RuntimeException failure(Fault fault, String playlistId) {
        return switch (fault) {
            case SERVER_ERROR, LOST_RESPONSE -> new PlaylistServiceException("injected server error (HTTP 502)", true);
            case PERMANENT_ERROR -> new PlaylistServiceException("injected permanent error (HTTP 400)", false);
            case RATE_LIMITED -> new RateLimitedException("injected rate limit (HTTP 429)", Duration.ofSeconds(1));
            case NOT_FOUND -> new PlaylistNotFoundException(playlistId == null ? "?" : playlistId);
            case UNAUTHORIZED -> new AuthenticationException(AuthenticationException.MUST_LOG_IN_AGAIN);
        };
    }

    private StoredPlaylist stored(String playlistId) {
        StoredPlaylist p = playlists.get(playlistId);
        if (p == null) {
            throw new PlaylistNotFoundException(playlistId);
        }
        return p;
    }

    private StoredPlaylist owned(String userId, String playlistId) {
        StoredPlaylist p = stored(playlistId);
        if (!p.ownerId.equals(userId)) {
            throw new PlaylistServiceException("user '" + userId + "' may not change playlist '" + playlistId
                    + "' (HTTP 403)", false);
        }
        return p;
    }

    private Track resolve(String uri, Instant addedAt) {
        requireWritable(uri);
        Track known = catalog.get(uri);
        return (known != null ? known : Track.ofUri(uri)).withAddedAt(addedAt);
    }

    /** The service takes only track and episode uris on add, replace and remove (HTTP 400 otherwise). */
    private static void requireWritable(String uri) {
        if (uri == null || !Track.Kind.ofUri(uri).writable()) {
            String why = uri == null ? "null" : switch (Track.Kind.ofUri(uri)) {
                case LOCAL -> "local files cannot be added, replaced or removed through the API";
                case UNAVAILABLE -> "an unavailable entry has no uri that can be written";
                default -> "only track and episode uris can be written";
            };
            throw new PlaylistServiceException("Invalid track uri: " + uri + " (HTTP 400; " + why + ")", false);
        }
    }

    private static void requireText(String value, String field) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(field + " must not be blank");
        }
    }

    private static final class FaultRule {
        final Operation operation;
        final int at;
        final Fault fault;

        FaultRule(Operation operation, int at, Fault fault) {
            this.operation = operation;
            this.at = at;
            this.fault = fault;
        }
    }

    private static final class StoredPlaylist {
        final String id;
        final String name;
        final String ownerId;
        final List<Track> items = new ArrayList<>();
        long version = 1;

        StoredPlaylist(String id, String name, String ownerId) {
            this.id = id;
            this.name = name;
            this.ownerId = ownerId;
        }

        String snapshotId() {
            return id + "-v" + version;
        }

        String touched() {
            version++;
            return snapshotId();
        }

        Playlist view() {
            return new Playlist(id, name, ownerId, snapshotId(), List.copyOf(items));
        }

        PlaylistSummary summary() {
            return new PlaylistSummary(id, name, ownerId, snapshotId(), items.size());
        }
    }

    private final class UserView implements PlaylistService {
        private final String userId;
        private final RequestBudget budget;

        UserView(String userId, RequestBudget budget) {
            this.userId = userId;
            this.budget = budget;
        }

        @Override
        public Optional<RequestBudget> requestBudget() {
            return Optional.ofNullable(budget);
        }

        @Override
        public String currentUserId() {
            synchronized (lock) {
                enter(Operation.CURRENT_USER, userId, null, 0);
                return userId;
            }
        }

        @Override
        public Playlist playlist(String playlistId) {
            synchronized (lock) {
                enter(Operation.READ_PLAYLIST, userId, playlistId, 0);
                return stored(playlistId).view();
            }
        }

        @Override
        public List<PlaylistSummary> playlists() {
            synchronized (lock) {
                enter(Operation.LIST_PLAYLISTS, userId, null, 0);
                return playlists.values().stream().filter(p -> p.ownerId.equals(userId))
                        .map(StoredPlaylist::summary).toList();
            }
        }

        @Override
        public String addTracks(String playlistId, List<String> uris, Integer position) {
            synchronized (lock) {
                PlaylistEdits.checkBatch("add", playlistId, uris, false);
                Fault lost = enter(Operation.ADD, userId, playlistId, uris.size());
                StoredPlaylist p = owned(userId, playlistId);
                Instant now = clock.instant();
                List<Track> added = new ArrayList<>(uris.size());
                for (String uri : uris) {
                    added.add(resolve(uri, now));
                }
                PlaylistEdits.add(p.items, added, position);
                return finish(p, lost);
            }
        }

        @Override
        public String removeTracks(String playlistId, List<String> uris) {
            synchronized (lock) {
                PlaylistEdits.checkBatch("remove", playlistId, uris, false);
                Fault lost = enter(Operation.REMOVE, userId, playlistId, uris.size());
                StoredPlaylist p = owned(userId, playlistId);
                uris.forEach(InMemoryPlaylistService::requireWritable);
                PlaylistEdits.removeAll(p.items, uris, Track::uri);
                return finish(p, lost);
            }
        }

        @Override
        public String replaceTracks(String playlistId, List<String> uris) {
            synchronized (lock) {
                PlaylistEdits.checkBatch("replace", playlistId, uris, true);
                Fault lost = enter(Operation.REPLACE, userId, playlistId, uris.size());
                StoredPlaylist p = owned(userId, playlistId);
                Instant now = clock.instant();
                List<Track> fresh = new ArrayList<>(uris.size());
                for (String uri : uris) {
                    fresh.add(resolve(uri, now));
                }
                p.items.clear();
                p.items.addAll(fresh);
                return finish(p, lost);
            }
        }

        @Override
        public String reorderTracks(String playlistId, int rangeStart, int rangeLength, int insertBefore) {
            synchronized (lock) {
                Fault lost = enter(Operation.REORDER, userId, playlistId, 0);
                StoredPlaylist p = owned(userId, playlistId);
                PlaylistEdits.reorder(p.items, rangeStart, rangeLength, insertBefore);
                return finish(p, lost);
            }
        }

        private String finish(StoredPlaylist p, Fault lost) {
            String snapshot = p.touched();
            if (lost != null) {
                throw failure(lost, p.id);
            }
            return snapshot;
        }

        @Override
        public PlaylistSummary createPlaylist(String name, String description, boolean isPublic) {
            synchronized (lock) {
                Fault lost = enter(Operation.CREATE_PLAYLIST, userId, null, 0);
                String id;
                do {
                    id = "pl" + (++playlistSequence);
                } while (playlists.containsKey(id));
                StoredPlaylist p = new StoredPlaylist(id, name == null ? "" : name, userId);
                playlists.put(id, p);
                if (lost != null) {
                    throw failure(lost, id);
                }
                return p.summary();
            }
        }

        @Override
        public List<Track> likedTracks(int limit) {
            if (limit < 0) {
                throw new IllegalArgumentException("limit must not be negative, got " + limit);
            }
            synchronized (lock) {
                enter(Operation.LIKED, userId, null, 0);
                List<Track> all = liked.getOrDefault(userId, List.of());
                return List.copyOf(all.subList(0, Math.min(limit, all.size())));
            }
        }

        @Override
        public List<Album> artistAlbums(String artistId) {
            synchronized (lock) {
                enter(Operation.ARTIST_ALBUMS, userId, null, 0);
                return List.copyOf(albumsByArtist.getOrDefault(artistId, List.of()));
            }
        }

        @Override
        public List<Track> albumTracks(String albumId) {
            synchronized (lock) {
                enter(Operation.ALBUM_TRACKS, userId, null, 0);
                List<Track> tracks = tracksByAlbum.get(albumId);
                if (tracks == null) {
                    throw new PlaylistNotFoundException(albumId, "album '" + albumId + "' not found");
                }
                return List.copyOf(tracks);
            }
        }

        @Override
        public List<Track> searchTracks(String query, int limit) {
            if (limit < 0) {
                throw new IllegalArgumentException("limit must not be negative, got " + limit);
            }
            synchronized (lock) {
                enter(Operation.SEARCH, userId, null, 0);
                String q = query == null ? "" : query.toLowerCase(Locale.ROOT).trim();
                List<Track> found = new ArrayList<>();
                for (Track t : catalog.values()) {
                    if (found.size() >= limit) {
                        break;
                    }
                    if (q.isEmpty() || matches(t, q)) {
                        found.add(t);
                    }
                }
                return found;
            }
        }

        private boolean matches(Track t, String q) {
            if (t.name().toLowerCase(Locale.ROOT).contains(q)) {
                return true;
            }
            for (Artist a : t.artists()) {
                if (a.name() != null && a.name().toLowerCase(Locale.ROOT).contains(q)) {
                    return true;
                }
            }
            return t.album() != null && t.album().name() != null
                    && t.album().name().toLowerCase(Locale.ROOT).contains(q);
        }

        @Override
        public String toString() {
            return "InMemoryPlaylistService[user=" + userId + "]";
        }
    }
}
