package dev.shuffify.internal.engine;

import dev.shuffify.model.Album;
import dev.shuffify.model.PlannedChange;
import dev.shuffify.model.PlannedChange.Operation;
import dev.shuffify.model.Playlist;
import dev.shuffify.model.PlaylistSummary;
import dev.shuffify.model.Track;
import dev.shuffify.spi.PlaylistService;
import dev.shuffify.spi.RequestBudget;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The service an executor sees. It wraps the owner's real service and:
 * <ul>
 * <li>keeps a model of every playlist read, updated by every write, so a chain reads a playlist once and the
 * engine knows what the job intended;</li>
 * <li>calls a hook before the first write to each playlist (snapshot, pre-image for rollback);</li>
 * <li>records every write; in dry-run mode applies writes to the model only and never sends them;</li>
 * <li>holds appends a step made with {@link #appendLater}: they are in the model at once and sent before the
 * next write, unless that write is a replace of the same playlist, which carries them.</li>
 * </ul>
 * One instance serves one execution on one thread.
 */
final class TrackingPlaylistService implements PlaylistService {

    /** Callbacks into the engine. */
    interface Hooks {
        /** A playlist was read from the service (not from the model). */
        void observed(Playlist playlist);

        /** The first write to a playlist is about to be made; {@code before} is its state now. */
        void beforeFirstWrite(Playlist before);
    }

    /** The model of one playlist. */
    static final class State {
        final String id;
        final String name;
        final String ownerId;
        String snapshotId;
        final List<Track> items;
        List<Track> before;
        boolean orderChanged;

        State(Playlist p) {
            this.id = p.id();
            this.name = p.name();
            this.ownerId = p.ownerId();
            this.snapshotId = p.snapshotId();
            this.items = new ArrayList<>(p.items());
        }

        Playlist toPlaylist() {
            return new Playlist(id, name, ownerId, snapshotId, items);
        }

        boolean written() {
            return before != null;
        }
    }

    private final PlaylistService delegate;
    private final boolean dryRun;
    private final Clock clock;
    private final Hooks hooks;
    private final Map<String, State> states = new LinkedHashMap<>();
    private final Map<String, Track> catalog = new HashMap<>();
    private final List<PlannedChange> changes = new ArrayList<>();
    private final Map<String, List<String>> pending = new LinkedHashMap<>();
    private int previewIds;

    TrackingPlaylistService(PlaylistService delegate, boolean dryRun, Clock clock, Hooks hooks) {
        this.delegate = delegate;
        this.dryRun = dryRun;
        this.clock = clock;
        this.hooks = hooks;
    }

    /** The playlists written so far, in first-write order. */
    List<State> written() {
        return states.values().stream().filter(State::written).toList();
    }

    /** Every write, in order. */
    List<PlannedChange> changes() {
        return List.copyOf(changes);
    }

    /** The real service underneath. */
    PlaylistService delegate() {
        return delegate;
    }

    @Override
    public String currentUserId() {
        return delegate.currentUserId();
    }

    @Override
    public Playlist playlist(String playlistId) {
        return state(playlistId).toPlaylist();
    }

    private State state(String playlistId) {
        State s = states.get(playlistId);
        if (s == null) {
            Playlist p = delegate.playlist(playlistId);
            remember(p.items());
            s = new State(p);
            states.put(playlistId, s);
            hooks.observed(p);
        }
        return s;
    }

    @Override
    public Optional<RequestBudget> requestBudget() {
        return delegate.requestBudget();
    }

    /** The calls the appends still held need, but for those of playlists a replace will carry. */
    int heldCalls(Set<String> replaced) {
        int calls = 0;
        for (Map.Entry<String, List<String>> e : pending.entrySet()) {
            if (!replaced.contains(e.getKey())) {
                calls += WriteEstimate.batches(e.getValue().size());
            }
        }
        return calls;
    }

    @Override
    public List<PlaylistSummary> playlists() {
        return delegate.playlists();
    }

    @Override
    public String addTracks(String playlistId, List<String> uris, Integer position) {
        PlaylistEdits.checkBatch("add", playlistId, uris, false);
        sendPending();
        State s = beforeWrite(playlistId);
        String snapshot = dryRun ? s.snapshotId : delegate.addTracks(playlistId, uris, position);
        Instant now = clock.instant();
        PlaylistEdits.add(s.items, uris.stream().map(u -> known(u).withAddedAt(now)).toList(), position);
        s.orderChanged |= position != null;
        return record(s, snapshot, new PlannedChange(Operation.ADD, playlistId, uris, position, 0, -1));
    }

    @Override
    public String removeTracks(String playlistId, List<String> uris) {
        PlaylistEdits.checkBatch("remove", playlistId, uris, false);
        sendPending();
        State s = beforeWrite(playlistId);
        String snapshot = dryRun ? s.snapshotId : delegate.removeTracks(playlistId, uris);
        PlaylistEdits.removeAll(s.items, uris, Track::uri);
        return record(s, snapshot, new PlannedChange(Operation.REMOVE, playlistId, uris, null, 0, -1));
    }

    @Override
    public String replaceTracks(String playlistId, List<String> uris) {
        PlaylistEdits.checkBatch("replace", playlistId, uris, true);
        // the appends held for this playlist are in the model the caller read its new list from: they ride in
        // the replace (sending them first would only have the replace write them again)
        pending.remove(playlistId);
        sendPending();
        State s = beforeWrite(playlistId);
        String snapshot = dryRun ? s.snapshotId : delegate.replaceTracks(playlistId, uris);
        Instant now = clock.instant();
        s.items.clear();
        uris.forEach(u -> s.items.add(known(u).withAddedAt(now)));
        s.orderChanged = true;
        return record(s, snapshot, new PlannedChange(Operation.REPLACE, playlistId, uris, null, 0, -1));
    }

    @Override
    public String reorderTracks(String playlistId, int rangeStart, int rangeLength, int insertBefore) {
        sendPending();
        State s = beforeWrite(playlistId);
        PlaylistEdits.reorder(new ArrayList<>(s.items), rangeStart, rangeLength, insertBefore); // validate first
        String snapshot = dryRun ? s.snapshotId
                : delegate.reorderTracks(playlistId, rangeStart, rangeLength, insertBefore);
        PlaylistEdits.reorder(s.items, rangeStart, rangeLength, insertBefore);
        s.orderChanged = true;
        return record(s, snapshot,
                new PlannedChange(Operation.REORDER, playlistId, List.of(), rangeStart, rangeLength, insertBefore));
    }

    @Override
    public PlaylistSummary createPlaylist(String name, String description, boolean isPublic) {
        sendPending();
        if (dryRun) {
            String id = "preview-playlist-" + (++previewIds);
            states.put(id, new State(new Playlist(id, name, delegate.currentUserId(), "preview", List.of())));
            return new PlaylistSummary(id, name, delegate.currentUserId(), "preview", 0);
        }
        PlaylistSummary created = delegate.createPlaylist(name, description, isPublic);
        states.put(created.id(), new State(new Playlist(created.id(), created.name(), created.ownerId(),
                created.snapshotId(), List.of())));
        return created;
    }

    @Override
    public List<Track> likedTracks(int limit) {
        return remember(delegate.likedTracks(limit));
    }

    @Override
    public List<Album> artistAlbums(String artistId) {
        return delegate.artistAlbums(artistId);
    }

    @Override
    public List<Track> albumTracks(String albumId) {
        return remember(delegate.albumTracks(albumId));
    }

    @Override
    public List<Track> searchTracks(String query, int limit) {
        return remember(delegate.searchTracks(query, limit));
    }

    /**
     * Appends uris to the end of the playlist's model now and sends them later: before the next write to any
     * playlist, or at {@link #sendPending()}; a replace of the same playlist carries them instead. The pre-image
     * (snapshot, intent) is taken first, as before any write.
     */
    void appendLater(String playlistId, List<String> uris) {
        if (uris.isEmpty()) {
            return;
        }
        for (String uri : uris) {
            if (uri == null || uri.isBlank()) {
                throw new IllegalArgumentException("append to playlist '" + playlistId + "': a uri is blank");
            }
        }
        State s = beforeWrite(playlistId);
        Instant now = clock.instant();
        PlaylistEdits.add(s.items, uris.stream().map(u -> known(u).withAddedAt(now)).toList(), null);
        pending.computeIfAbsent(playlistId, k -> new ArrayList<>()).addAll(uris);
    }

    /** Sends the appends still held, in batches of at most {@value PlaylistService#MAX_BATCH}, oldest first. */
    void sendPending() {
        while (!pending.isEmpty()) {
            Map.Entry<String, List<String>> next = pending.entrySet().iterator().next();
            String playlistId = next.getKey();
            List<String> uris = next.getValue();
            State s = states.get(playlistId);
            while (!uris.isEmpty()) {
                List<String> batch = List.copyOf(uris.subList(0, Math.min(uris.size(), PlaylistService.MAX_BATCH)));
                String snapshot = dryRun ? s.snapshotId : delegate.addTracks(playlistId, batch, null);
                uris.subList(0, batch.size()).clear();
                record(s, snapshot, new PlannedChange(Operation.ADD, playlistId, batch, null, 0, -1));
            }
            pending.remove(playlistId);
        }
    }

    /** Makes sure the playlist has a pre-image (and so a snapshot) before any write. */
    void ensurePreImage(String playlistId) {
        beforeWrite(playlistId);
    }

    private State beforeWrite(String playlistId) {
        State s = state(playlistId);
        if (!s.written()) {
            s.before = List.copyOf(s.items);
            hooks.beforeFirstWrite(new Playlist(s.id, s.name, s.ownerId, s.snapshotId, s.before));
        }
        return s;
    }

    private String record(State s, String snapshotId, PlannedChange change) {
        s.snapshotId = snapshotId;
        changes.add(change);
        return snapshotId;
    }

    private Track known(String uri) {
        Track t = catalog.get(uri);
        return t != null ? t : Track.ofUri(uri);
    }

    private List<Track> remember(Collection<Track> tracks) {
        for (Track t : tracks) {
            catalog.putIfAbsent(t.uri(), t);
        }
        return tracks instanceof List<Track> l ? l : List.copyOf(tracks);
    }

    /** Reads the real service without touching the model (verification). */
    Playlist reread(String playlistId) {
        return delegate.playlist(playlistId);
    }
}
