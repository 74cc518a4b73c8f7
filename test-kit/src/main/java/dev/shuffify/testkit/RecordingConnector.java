package dev.shuffify.testkit;

import dev.shuffify.memory.Call;
import dev.shuffify.memory.Operation;
import dev.shuffify.model.Album;
import dev.shuffify.model.Playlist;
import dev.shuffify.model.PlaylistSummary;
import dev.shuffify.model.Track;
import dev.shuffify.spi.PlaylistService;
import dev.shuffify.spi.PlaylistServiceConnector;
import dev.shuffify.spi.RateBudgetUsage;
import dev.shuffify.spi.RequestBudget;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Wraps any connector so that every call its services make is logged as a {@link Call}, with the uris of
 * each write: the harness's call log. The calls the engine's retries repeat are logged once each, as they
 * reach the service. Thread-safe; a call is logged at its start (its sequence) and completed when it returns
 * or throws.
 */
final class RecordingConnector implements PlaylistServiceConnector {
    private final PlaylistServiceConnector delegate;
    private final List<Call> log = new ArrayList<>();

    RecordingConnector(PlaylistServiceConnector delegate) {
        this.delegate = Objects.requireNonNull(delegate, "connector");
    }

    @Override
    public PlaylistService connect(String userId) {
        return new Recording(delegate.connect(userId), userId);
    }

    @Override
    public Optional<RateBudgetUsage> rateBudget() {
        return delegate.rateBudget();
    }

    /** Every finished call so far, in the order the calls started. */
    List<Call> calls() {
        synchronized (log) {
            return log.stream().filter(Objects::nonNull).toList();
        }
    }

    /** How many calls have started so far: the start of the next run's calls. */
    int mark() {
        synchronized (log) {
            return log.size();
        }
    }

    /** The finished calls that started at or after a mark. */
    List<Call> callsSince(int mark) {
        synchronized (log) {
            return log.subList(Math.min(mark, log.size()), log.size()).stream().filter(Objects::nonNull).toList();
        }
    }

    private <T> T record(Operation op, String userId, String playlistId, List<String> uris, Supplier<T> call) {
        int index;
        synchronized (log) {
            index = log.size();
            log.add(null);
        }
        boolean failed = true;
        try {
            T result = call.get();
            failed = false;
            return result;
        } finally {
            Call done = new Call(index + 1, op, userId, playlistId, uris, failed);
            synchronized (log) {
                log.set(index, done);
            }
        }
    }

    /** One user's service, logging each call before it reaches the wrapped service. */
    private final class Recording implements PlaylistService {
        private final PlaylistService service;
        private final String userId;

        Recording(PlaylistService service, String userId) {
            this.service = service;
            this.userId = userId;
        }

        @Override
        public Optional<RequestBudget> requestBudget() {
            return service.requestBudget();
        }

        @Override
        public String currentUserId() {
            return record(Operation.CURRENT_USER, userId, null, List.of(), service::currentUserId);
        }

        @Override
        public Playlist playlist(String playlistId) {
            return record(Operation.READ_PLAYLIST, userId, playlistId, List.of(), () -> service.playlist(playlistId));
        }

        @Override
        public List<PlaylistSummary> playlists() {
            return record(Operation.LIST_PLAYLISTS, userId, null, List.of(), service::playlists);
        }

        @Override
        public String addTracks(String playlistId, List<String> uris, Integer position) {
            return record(Operation.ADD, userId, playlistId, uris, () -> service.addTracks(playlistId, uris, position));
        }

        @Override
        public String removeTracks(String playlistId, List<String> uris) {
            return record(Operation.REMOVE, userId, playlistId, uris, () -> service.removeTracks(playlistId, uris));
        }

        @Override
        public String replaceTracks(String playlistId, List<String> uris) {
            return record(Operation.REPLACE, userId, playlistId, uris,
                    () -> service.replaceTracks(playlistId, uris));
        }

        @Override
        public String reorderTracks(String playlistId, int rangeStart, int rangeLength, int insertBefore) {
            return record(Operation.REORDER, userId, playlistId, List.of(),
                    () -> service.reorderTracks(playlistId, rangeStart, rangeLength, insertBefore));
        }

        @Override
        public PlaylistSummary createPlaylist(String name, String description, boolean isPublic) {
            return record(Operation.CREATE_PLAYLIST, userId, null, List.of(),
                    () -> service.createPlaylist(name, description, isPublic));
        }

        @Override
        public List<Track> likedTracks(int limit) {
            return record(Operation.LIKED, userId, null, List.of(), () -> service.likedTracks(limit));
        }

        @Override
        public List<Album> artistAlbums(String artistId) {
            return record(Operation.ARTIST_ALBUMS, userId, null, List.of(), () -> service.artistAlbums(artistId));
        }

        @Override
        public List<Track> albumTracks(String albumId) {
            return record(Operation.ALBUM_TRACKS, userId, null, List.of(), () -> service.albumTracks(albumId));
        }

        @Override
        public List<Track> searchTracks(String query, int limit) {
            return record(Operation.SEARCH, userId, null, List.of(), () -> service.searchTracks(query, limit));
        }

        @Override
        public String toString() {
            return "recorded " + service;
        }
    }
}
