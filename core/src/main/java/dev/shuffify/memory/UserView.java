package dev.shuffify.memory;

import dev.shuffify.error.PlaylistNotFoundException;
import dev.shuffify.internal.engine.PlaylistEdits;
import dev.shuffify.memory.MusicState.StoredPlaylist;
import dev.shuffify.model.Album;
import dev.shuffify.model.Artist;
import dev.shuffify.model.Playlist;
import dev.shuffify.model.PlaylistSummary;
import dev.shuffify.model.Track;
import dev.shuffify.spi.PlaylistService;
import dev.shuffify.spi.RequestBudget;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** The in-memory service as one user sees it: every call is logged, may fail by an injected fault. */
final class UserView implements PlaylistService {
    private final MusicState state;
    private final String userId;
    private final RequestBudget budget;

    UserView(MusicState state, String userId, RequestBudget budget) {
        this.state = state;
        this.userId = userId;
        this.budget = budget;
    }

    @Override
    public Optional<RequestBudget> requestBudget() {
        return Optional.ofNullable(budget);
    }

    @Override
    public String currentUserId() {
        synchronized (state.lock) {
            state.calls.enter(Operation.CURRENT_USER, userId, null, List.of());
            return userId;
        }
    }

    @Override
    public Playlist playlist(String playlistId) {
        synchronized (state.lock) {
            state.calls.enter(Operation.READ_PLAYLIST, userId, playlistId, List.of());
            return state.stored(playlistId).view();
        }
    }

    @Override
    public List<PlaylistSummary> playlists() {
        synchronized (state.lock) {
            state.calls.enter(Operation.LIST_PLAYLISTS, userId, null, List.of());
            return state.playlists.values().stream().filter(p -> p.ownerId.equals(userId))
                    .map(StoredPlaylist::summary).toList();
        }
    }

    @Override
    public String addTracks(String playlistId, List<String> uris, Integer position) {
        synchronized (state.lock) {
            PlaylistEdits.checkBatch("add", playlistId, uris, false);
            Fault lost = state.calls.enter(Operation.ADD, userId, playlistId, uris);
            StoredPlaylist p = state.owned(userId, playlistId);
            PlaylistEdits.add(p.items, state.resolveAll(uris), position);
            return finish(p, lost);
        }
    }

    @Override
    public String removeTracks(String playlistId, List<String> uris) {
        synchronized (state.lock) {
            PlaylistEdits.checkBatch("remove", playlistId, uris, false);
            Fault lost = state.calls.enter(Operation.REMOVE, userId, playlistId, uris);
            StoredPlaylist p = state.owned(userId, playlistId);
            uris.forEach(MusicState::requireWritable);
            PlaylistEdits.removeAll(p.items, uris, Track::uri);
            return finish(p, lost);
        }
    }

    @Override
    public String replaceTracks(String playlistId, List<String> uris) {
        synchronized (state.lock) {
            PlaylistEdits.checkBatch("replace", playlistId, uris, true);
            Fault lost = state.calls.enter(Operation.REPLACE, userId, playlistId, uris);
            StoredPlaylist p = state.owned(userId, playlistId);
            List<Track> fresh = state.resolveAll(uris);
            p.items.clear();
            p.items.addAll(fresh);
            return finish(p, lost);
        }
    }

    @Override
    public String reorderTracks(String playlistId, int rangeStart, int rangeLength, int insertBefore) {
        synchronized (state.lock) {
            Fault lost = state.calls.enter(Operation.REORDER, userId, playlistId, List.of());
            StoredPlaylist p = state.owned(userId, playlistId);
            PlaylistEdits.reorder(p.items, rangeStart, rangeLength, insertBefore);
            return finish(p, lost);
        }
    }

    private static String finish(StoredPlaylist p, Fault lost) {
        String snapshot = p.touched();
        if (lost != null) {
            throw CallLog.failure(lost, p.id);
        }
        return snapshot;
    }

    @Override
    public PlaylistSummary createPlaylist(String name, String description, boolean isPublic) {
        synchronized (state.lock) {
            Fault lost = state.calls.enter(Operation.CREATE_PLAYLIST, userId, null, List.of());
            StoredPlaylist p = state.newPlaylist(name, userId);
            if (lost != null) {
                throw CallLog.failure(lost, p.id);
            }
            return p.summary();
        }
    }

    @Override
    public List<Track> likedTracks(int limit) {
        requireLimit(limit);
        synchronized (state.lock) {
            state.calls.enter(Operation.LIKED, userId, null, List.of());
            List<Track> all = state.liked.getOrDefault(userId, List.of());
            return List.copyOf(all.subList(0, Math.min(limit, all.size())));
        }
    }

    @Override
    public List<Album> artistAlbums(String artistId) {
        synchronized (state.lock) {
            state.calls.enter(Operation.ARTIST_ALBUMS, userId, null, List.of());
            return List.copyOf(state.albumsByArtist.getOrDefault(artistId, List.of()));
        }
    }

    @Override
    public List<Track> albumTracks(String albumId) {
        synchronized (state.lock) {
            state.calls.enter(Operation.ALBUM_TRACKS, userId, null, List.of());
            List<Track> tracks = state.tracksByAlbum.get(albumId);
            if (tracks == null) {
                throw new PlaylistNotFoundException(albumId, "album '" + albumId + "' not found");
            }
            return List.copyOf(tracks);
        }
    }

    @Override
    public List<Track> searchTracks(String query, int limit) {
        requireLimit(limit);
        synchronized (state.lock) {
            state.calls.enter(Operation.SEARCH, userId, null, List.of());
            String q = query == null ? "" : query.toLowerCase(Locale.ROOT).trim();
            List<Track> found = new ArrayList<>();
            for (Track t : state.catalog.values()) {
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

    private static void requireLimit(int limit) {
        if (limit < 0) {
            throw new IllegalArgumentException("limit must not be negative, got " + limit);
        }
    }

    private static boolean matches(Track t, String q) {
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
