package dev.shuffify.examples.entries;

import dev.shuffify.memory.Fault;
import dev.shuffify.model.Album;
import dev.shuffify.model.Playlist;
import dev.shuffify.model.PlaylistSummary;
import dev.shuffify.model.Track;
import dev.shuffify.spi.PlaylistService;
import dev.shuffify.spi.PlaylistServiceConnector;
import dev.shuffify.spotify.ApiDialect;
import dev.shuffify.spotify.SpotifyConfig;
import dev.shuffify.spotify.SpotifyConnector;
import dev.shuffify.spotify.TokenCipher;
import dev.shuffify.spotify.fake.FakeSpotifyWebApi;
import dev.shuffify.spotify.fake.FakeSpotifyWebApi.ErrorBody;
import dev.shuffify.store.InMemoryShuffifyStore;
import dev.shuffify.testkit.TestClock;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;

/**
 * {@link FaultMatrixTest.Backend}s over the Spotify adapter talking real HTTP to the fake Web API, one per
 * dialect. The matrix names its playlists ({@code t}, {@code src} …) while the fake gives its own ids, so the
 * connector handed to the facade translates ids both ways; every other call goes to the adapter unchanged. A fault
 * fails the n-th API request (token requests are not counted): a server error is a 502 with an HTML page and not
 * done, a permanent error a 400 with the service's JSON and not done, a lost answer is done and then answered 502
 * with an HTML page (for a read, just a 502).
 *
 * <p>The matrix makes one backend per case and never closes it, so a backend's fake is stopped when the next
 * backend of the same dialect is made.
 */
final class SpotifyBackends {
    private static final Map<ApiDialect, FakeSpotifyWebApi> LIVE = new EnumMap<>(ApiDialect.class);

    private SpotifyBackends() {
    }

    /** A backend over the adapter and a fresh fake speaking the dialect, on the matrix's clock. */
    static synchronized FaultMatrixTest.Backend of(ApiDialect dialect, TestClock clock) {
        FakeSpotifyWebApi previous = LIVE.remove(dialect);
        if (previous != null) {
            previous.close();
        }
        FakeSpotifyWebApi fake = FakeSpotifyWebApi.start(clock,
                dialect == ApiDialect.ITEMS ? FakeSpotifyWebApi.Mode.ITEMS : FakeSpotifyWebApi.Mode.TRACKS);
        LIVE.put(dialect, fake);
        return new SpotifyBackend(dialect, clock, fake);
    }

    private static final class SpotifyBackend implements FaultMatrixTest.Backend {
        private final FakeSpotifyWebApi fake;
        private final PlaylistServiceConnector connector;
        private final Map<String, String> toFake = new ConcurrentHashMap<>();
        private final Map<String, String> toMatrix = new ConcurrentHashMap<>();

        SpotifyBackend(ApiDialect dialect, TestClock clock, FakeSpotifyWebApi fake) {
            this.fake = fake;
            SpotifyConnector spotify = new SpotifyConnector(SpotifyConfig.builder(FakeSpotifyWebApi.CLIENT_ID,
                            FakeSpotifyWebApi.CLIENT_SECRET)
                    .apiBaseUri(fake.baseUri())
                    .accountsBaseUri(fake.baseUri())
                    .dialect(dialect)
                    .clock(clock)
                    .sleeper(clock::advance)
                    .random(new Random(42))
                    .build(), new InMemoryShuffifyStore().accounts(), TokenCipher.ofKey(TokenCipher.newKey()));
            fake.addUser(FaultMatrixTest.USER);
            spotify.storeLogin(FaultMatrixTest.USER, fake.issueRefreshToken(FaultMatrixTest.USER));
            this.connector = user -> new Translating(spotify.connect(user));
        }

        @Override
        public PlaylistServiceConnector connector() {
            return connector;
        }

        @Override
        public void seed(String playlistId, String name, List<Track> entries) {
            String id = fake.seedPlaylist(FaultMatrixTest.USER, name, entries, List.of());
            toFake.put(playlistId, id);
            toMatrix.put(id, playlistId);
        }

        @Override
        public List<Track> entries(String playlistId) {
            return fake.entries(in(playlistId));
        }

        @Override
        public void failAtCall(int nth, Fault fault) {
            switch (fault) {
                case SERVER_ERROR -> fake.failRequest(nth, 502, ErrorBody.HTML, false);
                case PERMANENT_ERROR -> fake.failRequest(nth, 400, ErrorBody.JSON, false);
                case LOST_RESPONSE -> fake.failRequest(nth, 502, ErrorBody.HTML, true);
                default -> throw new IllegalArgumentException("not part of the matrix: " + fault);
            }
        }

        @Override
        public int calls() {
            return fake.apiRequests();
        }

        String in(String matrixId) {
            return toFake.getOrDefault(matrixId, matrixId);
        }

        String out(String fakeId) {
            return toMatrix.getOrDefault(fakeId, fakeId);
        }

        /** The adapter's service with the matrix's playlist ids. */
        private final class Translating implements PlaylistService {
            private final PlaylistService service;

            Translating(PlaylistService service) {
                this.service = service;
            }

            @Override
            public String currentUserId() {
                return service.currentUserId();
            }

            @Override
            public Playlist playlist(String playlistId) {
                Playlist p = service.playlist(in(playlistId));
                return new Playlist(out(p.id()), p.name(), p.ownerId(), p.snapshotId(), p.items());
            }

            @Override
            public List<PlaylistSummary> playlists() {
                return service.playlists().stream()
                        .map(s -> new PlaylistSummary(out(s.id()), s.name(), s.ownerId(), s.snapshotId(), s.total()))
                        .toList();
            }

            @Override
            public String addTracks(String playlistId, List<String> uris, Integer position) {
                return service.addTracks(in(playlistId), uris, position);
            }

            @Override
            public String removeTracks(String playlistId, List<String> uris) {
                return service.removeTracks(in(playlistId), uris);
            }

            @Override
            public String replaceTracks(String playlistId, List<String> uris) {
                return service.replaceTracks(in(playlistId), uris);
            }

            @Override
            public String reorderTracks(String playlistId, int rangeStart, int rangeLength, int insertBefore) {
                return service.reorderTracks(in(playlistId), rangeStart, rangeLength, insertBefore);
            }

            @Override
            public PlaylistSummary createPlaylist(String name, String description, boolean isPublic) {
                return service.createPlaylist(name, description, isPublic);
            }

            @Override
            public List<Track> likedTracks(int limit) {
                return service.likedTracks(limit);
            }

            @Override
            public List<Album> artistAlbums(String artistId) {
                return service.artistAlbums(artistId);
            }

            @Override
            public List<Track> albumTracks(String albumId) {
                return service.albumTracks(albumId);
            }

            @Override
            public List<Track> searchTracks(String query, int limit) {
                return service.searchTracks(query, limit);
            }
        }
    }
}
