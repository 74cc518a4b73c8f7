package dev.shuffify.examples.spotify;

import dev.shuffify.model.Album;
import dev.shuffify.model.Playlist;
import dev.shuffify.model.PlaylistSummary;
import dev.shuffify.model.Track;
import dev.shuffify.spi.PlaylistService;
import dev.shuffify.spi.PlaylistServiceConnector;
import dev.shuffify.spi.RequestBudget;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Sits between the engine and the Spotify connector: counts the service calls that reach Spotify (reads and
 * writes) and remembers every track it sees, so the demo can name the tracks a preview plans to add.
 * A dry run's writes stop in the engine's recording model and never get here, so {@link #writes()} stays 0.
 */
final class ObservingConnector implements PlaylistServiceConnector {

    private final PlaylistServiceConnector delegate;
    private final Map<String, Track> seen = new ConcurrentHashMap<>();
    private final AtomicInteger reads = new AtomicInteger();
    private final AtomicInteger writes = new AtomicInteger();

    ObservingConnector(PlaylistServiceConnector delegate) {
        this.delegate = delegate;
    }

    @Override
    public PlaylistService connect(String userId) {
        return new Observed(delegate.connect(userId));
    }

    /** @return service read calls so far (one per playlist read, whatever its number of pages) */
    int reads() {
        return reads.get();
    }

    /** @return service write calls so far */
    int writes() {
        return writes.get();
    }

    /**
     * A track seen in any answer.
     *
     * @param uri the track's uri
     * @return the track, if seen
     */
    Optional<Track> track(String uri) {
        return Optional.ofNullable(seen.get(uri));
    }

    private <T extends Iterable<Track>> T remember(T tracks) {
        tracks.forEach(t -> seen.putIfAbsent(t.uri(), t));
        return tracks;
    }

    private final class Observed implements PlaylistService {
        private final PlaylistService service;

        Observed(PlaylistService service) {
            this.service = service;
        }

        @Override
        public Optional<RequestBudget> requestBudget() {
            return service.requestBudget();
        }

        @Override
        public String currentUserId() {
            reads.incrementAndGet();
            return service.currentUserId();
        }

        @Override
        public Playlist playlist(String playlistId) {
            reads.incrementAndGet();
            Playlist playlist = service.playlist(playlistId);
            remember(playlist.items());
            return playlist;
        }

        @Override
        public List<PlaylistSummary> playlists() {
            reads.incrementAndGet();
            return service.playlists();
        }

        @Override
        public String addTracks(String playlistId, List<String> uris, Integer position) {
            writes.incrementAndGet();
            return service.addTracks(playlistId, uris, position);
        }

        @Override
        public String removeTracks(String playlistId, List<String> uris) {
            writes.incrementAndGet();
            return service.removeTracks(playlistId, uris);
        }

        @Override
        public String replaceTracks(String playlistId, List<String> uris) {
            writes.incrementAndGet();
            return service.replaceTracks(playlistId, uris);
        }

        @Override
        public String reorderTracks(String playlistId, int rangeStart, int rangeLength, int insertBefore) {
            writes.incrementAndGet();
            return service.reorderTracks(playlistId, rangeStart, rangeLength, insertBefore);
        }

        @Override
        public PlaylistSummary createPlaylist(String name, String description, boolean isPublic) {
            writes.incrementAndGet();
            return service.createPlaylist(name, description, isPublic);
        }

        @Override
        public List<Track> likedTracks(int limit) {
            reads.incrementAndGet();
            return remember(service.likedTracks(limit));
        }

        @Override
        public List<Album> artistAlbums(String artistId) {
            reads.incrementAndGet();
            return service.artistAlbums(artistId);
        }

        @Override
        public List<Track> albumTracks(String albumId) {
            reads.incrementAndGet();
            return remember(service.albumTracks(albumId));
        }

        @Override
        public List<Track> searchTracks(String query, int limit) {
            reads.incrementAndGet();
            return remember(service.searchTracks(query, limit));
        }
    }
}
