package dev.shuffify.memory;

import dev.shuffify.error.AuthenticationException;
import dev.shuffify.error.PlaylistNotFoundException;
import dev.shuffify.error.PlaylistServiceException;
import dev.shuffify.internal.engine.PlaylistEdits;
import dev.shuffify.model.Album;
import dev.shuffify.model.Artist;
import dev.shuffify.model.Playlist;
import dev.shuffify.model.PlaylistSummary;
import dev.shuffify.model.Track;
import dev.shuffify.spi.RequestBudget;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What the in-memory service holds (users, playlists, the catalogue, liked songs, albums), its one lock and
 * the service's rules on it. Fields are read and written only under {@link #lock}.
 */
final class MusicState {
    final Object lock = new Object();
    final Clock clock;
    final CallLog calls = new CallLog(lock);
    final Set<String> users = new LinkedHashSet<>();
    final Map<String, StoredPlaylist> playlists = new LinkedHashMap<>();
    final Map<String, Track> catalog = new LinkedHashMap<>();
    final Map<String, List<Track>> liked = new HashMap<>();
    final Map<String, List<Album>> albumsByArtist = new HashMap<>();
    final Map<String, List<Track>> tracksByAlbum = new HashMap<>();
    private long playlistSequence;
    private RequestBudget budget;

    MusicState(Clock clock) {
        this.clock = clock;
    }

    /** The budget services connected from now on report (its start is replaced by the connect's time). */
    void budget(RequestBudget value) {
        budget = value;
    }

    /** The port as one user sees it. */
    UserView connect(String userId) {
        if (!users.contains(userId)) {
            throw new AuthenticationException(AuthenticationException.MUST_LOG_IN_AGAIN);
        }
        RequestBudget now = budget == null ? null : new RequestBudget(budget.requests(), budget.window(),
                clock.instant(), budget.jobDeadline(), "InMemoryPlaylistService.requestBudget(requests, window, deadline)");
        return new UserView(this, userId, now);
    }

    /** Takes every entry of a uri out of a playlist, as the service's own apps can; returns how many. */
    int removeEntries(String playlistId, String uri) {
        StoredPlaylist p = stored(playlistId);
        int removed = PlaylistEdits.removeAll(p.items, List.of(uri), Track::uri);
        if (removed > 0) {
            p.touched();
        }
        return removed;
    }

    StoredPlaylist stored(String playlistId) {
        StoredPlaylist p = playlists.get(playlistId);
        if (p == null) {
            throw new PlaylistNotFoundException(playlistId);
        }
        return p;
    }

    StoredPlaylist owned(String userId, String playlistId) {
        StoredPlaylist p = stored(playlistId);
        if (!p.ownerId.equals(userId)) {
            throw new PlaylistServiceException("user '" + userId + "' may not change playlist '" + playlistId
                    + "' (HTTP 403)", false);
        }
        return p;
    }

    /** A new playlist of the user, with the next free generated id. */
    StoredPlaylist newPlaylist(String name, String ownerId) {
        String id;
        do {
            id = "pl" + (++playlistSequence);
        } while (playlists.containsKey(id));
        StoredPlaylist p = new StoredPlaylist(id, name == null ? "" : name, ownerId);
        playlists.put(id, p);
        return p;
    }

    /** Seeds a playlist with a chosen id (created for the owner, who becomes a user); the id must be free. */
    PlaylistSummary seedPlaylist(String ownerId, String playlistId, String name, List<Track> items) {
        if (playlists.containsKey(playlistId)) {
            throw new IllegalArgumentException("playlist '" + playlistId + "' already exists");
        }
        users.add(ownerId);
        StoredPlaylist p = new StoredPlaylist(playlistId, name == null ? "" : name, ownerId);
        p.items.addAll(seeded(items));
        playlists.put(playlistId, p);
        return p.summary();
    }

    /** Withdraws a uri from the catalogue: its playlist entries become unavailable ones; returns how many. */
    int withdraw(String uri) {
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

    void addAlbum(Artist artist, Album album, List<Track> tracks) {
        albumsByArtist.computeIfAbsent(artist.id(), k -> new ArrayList<>()).add(album);
        List<Track> copy = new ArrayList<>();
        for (Track t : tracks) {
            catalog.put(t.uri(), t.withAddedAt(null));
            copy.add(t.withAddedAt(null));
        }
        tracksByAlbum.put(album.id(), copy);
    }

    /** A writable track joins the catalogue, without its added date. */
    void remember(Track t) {
        if (t.writable()) {
            catalog.putIfAbsent(t.uri(), t.withAddedAt(null));
        }
    }

    /** Seeded items keep their added date; those without one get the clock's now. The tracks join the catalog. */
    List<Track> seeded(List<Track> items) {
        Instant now = clock.instant();
        List<Track> copy = new ArrayList<>(items.size());
        for (Track t : items) {
            remember(t);
            copy.add(t.addedAt() == null ? t.withAddedAt(now) : t);
        }
        return copy;
    }

    /** The entries a write of these uris puts into a playlist, each added now, with the catalogue's metadata. */
    List<Track> resolveAll(List<String> uris) {
        Instant now = clock.instant();
        List<Track> resolved = new ArrayList<>(uris.size());
        for (String uri : uris) {
            requireWritable(uri);
            Track known = catalog.get(uri);
            resolved.add((known != null ? known : Track.ofUri(uri)).withAddedAt(now));
        }
        return resolved;
    }

    /** The service takes only track and episode uris on add, replace and remove (HTTP 400 otherwise). */
    static void requireWritable(String uri) {
        if (uri == null || !Track.Kind.ofUri(uri).writable()) {
            String why = uri == null ? "null" : switch (Track.Kind.ofUri(uri)) {
                case LOCAL -> "local files cannot be added, replaced or removed through the API";
                case UNAVAILABLE -> "an unavailable entry has no uri that can be written";
                default -> "only track and episode uris can be written";
            };
            throw new PlaylistServiceException("Invalid track uri: " + uri + " (HTTP 400; " + why + ")", false);
        }
    }

    static void requireText(String value, String field) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(field + " must not be blank");
        }
    }

    /** One playlist: its items in order and a version that every write moves on. */
    static final class StoredPlaylist {
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
}
