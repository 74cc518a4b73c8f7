package dev.shuffify.spotify.fake;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.shuffify.model.Track;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A local, stateful fake of the Spotify Web API and of the accounts service's token endpoint, served by the JDK's
 * {@link HttpServer} on a loopback port. Both services answer on {@link #baseUri()}.
 *
 * <p>State: users, a catalogue (artists, albums, tracks), playlists with ordered items, {@code added_at} and
 * snapshot ids, liked songs. Every endpoint the adapter uses is served with the documented shapes, in the
 * {@link Mode#ITEMS current} or the {@link Mode#TRACKS older} dialect, with paging and {@code next} links.
 *
 * <p>Faults can be programmed: 429 with {@code Retry-After} (requests that arrive before the hint ran out are
 * answered 429 again and counted as {@link #earlyRequests()}), 5xx (by endpoint, or at the n-th API request from
 * now with {@link #failRequest}, done or not), slow answers, expired access tokens,
 * revoked refresh tokens and refresh-token rotation. Every request is recorded as an {@link Exchange} with its
 * arrival time by the fake's clock, and counted per endpoint.
 *
 * <pre>{@code
 * try (FakeSpotifyWebApi fake = FakeSpotifyWebApi.start(clock, FakeSpotifyWebApi.Mode.ITEMS)) {
 *     fake.addUser("alice");
 *     String refresh = fake.issueRefreshToken("alice");
 *     String playlist = fake.createPlaylist("alice", "Mix", fake.addTracks("t", 120));
 *     // point SpotifyConfig.apiBaseUri / accountsBaseUri at fake.baseUri()
 * }
 * }</pre>
 */
public final class FakeSpotifyWebApi implements AutoCloseable {

    /** The client id the token endpoint accepts. */
    public static final String CLIENT_ID = "fake-client-id";
    /** The client secret the token endpoint accepts. */
    public static final String CLIENT_SECRET = "fake-client-secret";

    /** The dialect the fake speaks. */
    public enum Mode {
        /**
         * A development-mode application in 2026: {@code /playlists/{id}/items} with {@code item}, pages of at most
         * 50, search and artist albums at most 10, {@code POST /me/playlists}; the {@code /tracks} forms and
         * {@code POST /users/{id}/playlists} answer 403; items of playlists the user does not own are not readable.
         */
        ITEMS,
        /**
         * An extended-quota application: the {@code /tracks} forms with {@code track} and pages of 100 (the
         * {@code /items} forms work too), public playlists of others readable. Search and artist albums take at
         * most 10 per page in both modes, as the Web API's description says.
         */
        TRACKS
    }

    static {
        // The JDK's HttpServer writes an answer's headers and body separately; without TCP_NODELAY the body waits
        // for the client's delayed ACK, about 40 ms per request on Linux. Read once, when the first server starts.
        if (System.getProperty("sun.net.httpserver.nodelay") == null) {
            System.setProperty("sun.net.httpserver.nodelay", "true");
        }
    }

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern PLAYLIST = Pattern.compile("/v1/playlists/([^/]+)");
    private static final Pattern PLAYLIST_ITEMS = Pattern.compile("/v1/playlists/([^/]+)/(items|tracks)");
    private static final Pattern USER_PLAYLISTS = Pattern.compile("/v1/users/([^/]+)/playlists");
    private static final Pattern ARTIST_ALBUMS = Pattern.compile("/v1/artists/([^/]+)/albums");
    private static final Pattern ALBUM_TRACKS = Pattern.compile("/v1/albums/([^/]+)/tracks");

    private record CatalogueTrack(String id, String name, String artistId, String albumId, int durationMs,
            int popularity) { }

    private record CatalogueAlbum(String id, String name, String artistId, String releaseDate, String group) { }

    private record Item(String uri, Instant addedAt, String addedBy) { }

    private static final class PlaylistState {
        final String id;
        final String owner;
        String name;
        String description;
        boolean isPublic;
        int version;
        final List<Item> items = new ArrayList<>();

        PlaylistState(String id, String owner, String name, boolean isPublic) {
            this.id = id;
            this.owner = owner;
            this.name = name;
            this.isPublic = isPublic;
        }

        String snapshot() {
            return "snap-" + id + "-" + version;
        }
    }

    private record Session(String userId, Instant expiresAt) { }

    /** What the body of a programmed error answer holds. */
    public enum ErrorBody {
        /** The service's own JSON error object. */
        JSON,
        /** An HTML page, as a proxy or load balancer in front of the service sends. */
        HTML,
        /** No body at all. */
        EMPTY
    }

    /** Why the service refuses every call of a user or a write. */
    public enum Forbidden {
        /** A development-mode application and a user not on its allow-list (User Management). */
        NOT_ON_ALLOW_LIST,
        /** The user's grant lacks the write scopes ({@code playlist-modify-public}, {@code playlist-modify-private}). */
        MISSING_WRITE_SCOPE
    }

    /** The service's 403 message for a user not on a development-mode application's allow-list. */
    public static final String NOT_REGISTERED_MESSAGE =
            "Check settings on developer.spotify.com/dashboard, the user may not be registered.";

    private record Fault(String endpoint, int status, Integer retryAfterSeconds, Duration delay, ErrorBody body,
            boolean applyFirst) {
        Fault(String endpoint, int status, Integer retryAfterSeconds, Duration delay) {
            this(endpoint, status, retryAfterSeconds, delay, ErrorBody.JSON, false);
        }
    }

    private record CatalogueEpisode(String id, String name, String showId, String showName, int durationMs) { }

    private final Clock clock;
    private final HttpServer server;
    private final ExecutorService executor;
    private final URI baseUri;
    private final Object lock = new Object();
    private final AtomicLong ids = new AtomicLong();
    private volatile Mode mode;

    private final Map<String, String> users = new LinkedHashMap<>();
    private final Map<String, String> artists = new LinkedHashMap<>();
    private final Map<String, CatalogueAlbum> albums = new LinkedHashMap<>();
    private final Map<String, CatalogueTrack> tracks = new LinkedHashMap<>();
    private final Set<String> unavailable = new LinkedHashSet<>();
    private final Set<String> removedFromCatalogue = new LinkedHashSet<>();
    private final Map<String, PlaylistState> playlists = new LinkedHashMap<>();
    private final Map<String, List<String>> followed = new HashMap<>();
    private final Map<String, List<Item>> liked = new HashMap<>();
    private final Map<String, String> refreshTokens = new HashMap<>();
    private final Map<String, Session> accessTokens = new HashMap<>();
    private final List<String> issued = new ArrayList<>();
    private final List<Fault> faults = new ArrayList<>();
    private final Map<Integer, Fault> numberedFaults = new HashMap<>();
    private int apiRequestNumber;
    private final List<Exchange> exchanges = new ArrayList<>();
    private final Map<String, Integer> counts = new TreeMap<>();
    private boolean rotateRefreshTokens;
    private final Map<String, CatalogueEpisode> episodes = new LinkedHashMap<>();
    private final Map<String, String> otherItems = new LinkedHashMap<>();
    private final Map<String, Forbidden> forbidden = new HashMap<>();
    private Integer embeddedPageSize;
    private boolean episodesAsTracks;
    private final Map<String, Integer> nullLibraryEntries = new HashMap<>();
    private Duration accessTokenLifetime = Duration.ofHours(1);
    private Instant rateLimitedUntil = Instant.MIN;
    private int earlyRequests;

    private FakeSpotifyWebApi(Clock clock, Mode mode) throws IOException {
        this.clock = clock;
        this.mode = mode;
        this.server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        this.executor = Executors.newFixedThreadPool(4, r -> {
            Thread t = new Thread(r, "fake-spotify-web-api");
            t.setDaemon(true);
            return t;
        });
        server.setExecutor(executor);
        server.createContext("/", this::handle);
        server.start();
        this.baseUri = URI.create("http://" + server.getAddress().getAddress().getHostAddress() + ":"
                + server.getAddress().getPort());
    }

    /**
     * Starts a fake on a free loopback port.
     *
     * @param clock the clock that stamps requests, added dates and token expiry
     * @param mode the dialect
     * @return the running fake
     */
    public static FakeSpotifyWebApi start(Clock clock, Mode mode) {
        try {
            return new FakeSpotifyWebApi(clock, mode);
        } catch (IOException e) {
            throw new IllegalStateException("could not start the fake Web API on a loopback port", e);
        }
    }

    /** @return {@code http://127.0.0.1:<port>}, for both the API and the accounts service */
    public URI baseUri() {
        return baseUri;
    }

    /** @return the dialect */
    public Mode mode() {
        return mode;
    }

    /**
     * Switches the dialect.
     *
     * @param mode the dialect
     */
    public void mode(Mode mode) {
        this.mode = mode;
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }

    // ---------------------------------------------------------------- set-up

    /**
     * Adds a user.
     *
     * @param userId the Spotify user id
     */
    public void addUser(String userId) {
        synchronized (lock) {
            users.put(userId, userId.substring(0, 1).toUpperCase(Locale.ROOT) + userId.substring(1));
        }
    }

    /**
     * Issues a refresh token for a user, as a login would.
     *
     * @param userId the user
     * @return the refresh token
     */
    public String issueRefreshToken(String userId) {
        synchronized (lock) {
            String token = "RT-" + userId + "-" + ids.incrementAndGet() + "-" + Long.toHexString(System.nanoTime());
            refreshTokens.put(token, userId);
            issued.add(token);
            return token;
        }
    }

    /**
     * Whether each refresh answers a new refresh token (and the old one stops working).
     *
     * @param rotate true to rotate
     */
    public void rotateRefreshTokens(boolean rotate) {
        synchronized (lock) {
            this.rotateRefreshTokens = rotate;
        }
    }

    /**
     * Revokes every refresh token of a user (the user removed the app): the next refresh answers invalid_grant.
     *
     * @param userId the user
     */
    public void revokeRefreshTokens(String userId) {
        synchronized (lock) {
            refreshTokens.values().removeIf(userId::equals);
        }
    }

    /** Expires every access token issued so far: the next call with one answers 401. */
    public void expireAccessTokens() {
        synchronized (lock) {
            accessTokens.clear();
        }
    }

    /**
     * How long new access tokens live ({@code expires_in}), default one hour.
     *
     * @param lifetime the lifetime
     */
    public void accessTokenLifetime(Duration lifetime) {
        synchronized (lock) {
            this.accessTokenLifetime = lifetime;
        }
    }

    /**
     * Adds a catalogue track.
     *
     * @param name the title
     * @param artistName the artist (created when new; its id is derived from the name)
     * @param albumName the album (created when new; its id is derived from the name)
     * @return the track uri
     */
    public String addTrack(String name, String artistName, String albumName) {
        synchronized (lock) {
            String artistId = artistId(artistName);
            artists.putIfAbsent(artistId, artistName);
            String albumId = "al" + Integer.toHexString(albumName.hashCode() & 0x7fffffff);
            albums.putIfAbsent(albumId, new CatalogueAlbum(albumId, albumName, artistId, "2020-01-01", "album"));
            String id = "tr" + ids.incrementAndGet();
            tracks.put(id, new CatalogueTrack(id, name, artistId, albumId, 180_000 + tracks.size() % 60_000,
                    50));
            return "spotify:track:" + id;
        }
    }

    /**
     * Adds {@code count} catalogue tracks named {@code prefix-1 …}, spread over a few artists and albums.
     *
     * @param prefix the name prefix
     * @param count how many
     * @return their uris in order
     */
    public List<String> addTracks(String prefix, int count) {
        List<String> uris = new ArrayList<>(count);
        for (int i = 1; i <= count; i++) {
            uris.add(addTrack(prefix + "-" + i, "Artist " + (i % 7), "Album " + prefix + " " + (i % 5)));
        }
        return uris;
    }

    /**
     * Adds an album of an artist with a release date and group ({@code album} or {@code single}).
     *
     * @param artistName the artist
     * @param albumName the album
     * @param releaseDate e.g. {@code 2024-05-01}
     * @param group {@code album} or {@code single}
     * @return the album id
     */
    public String addAlbum(String artistName, String albumName, String releaseDate, String group) {
        synchronized (lock) {
            String artistId = artistId(artistName);
            artists.putIfAbsent(artistId, artistName);
            String albumId = "al" + Integer.toHexString(albumName.hashCode() & 0x7fffffff);
            albums.put(albumId, new CatalogueAlbum(albumId, albumName, artistId, releaseDate, group));
            return albumId;
        }
    }

    /**
     * The id the fake gives an artist name.
     *
     * @param artistName the name
     * @return the id
     */
    public static String artistId(String artistName) {
        return "ar" + Integer.toHexString(artistName.hashCode() & 0x7fffffff);
    }

    /**
     * Marks a track as not playable (it stays in playlists with {@code is_playable: false}).
     *
     * @param uri the track uri
     */
    public void markUnavailable(String uri) {
        synchronized (lock) {
            unavailable.add(uri);
        }
    }

    /**
     * Removes a track from the catalogue: playlist entries with it answer {@code item: null}.
     *
     * @param uri the track uri
     */
    public void removeFromCatalogue(String uri) {
        synchronized (lock) {
            removedFromCatalogue.add(uri);
        }
    }

    /**
     * Creates a playlist with items added one second apart (oldest first), starting a day before now.
     *
     * @param ownerId the owner
     * @param name the name
     * @param uris the items (track uris or {@code spotify:local:…} uris)
     * @return the playlist id
     */
    public String createPlaylist(String ownerId, String name, List<String> uris) {
        synchronized (lock) {
            PlaylistState p = new PlaylistState("pl" + ids.incrementAndGet(), ownerId, name, true);
            Instant start = clock.instant().minus(Duration.ofDays(1)).truncatedTo(ChronoUnit.SECONDS);
            for (int i = 0; i < uris.size(); i++) {
                p.items.add(new Item(uris.get(i), start.plusSeconds(i), ownerId));
            }
            playlists.put(p.id, p);
            return p.id;
        }
    }

    /**
     * Creates a playlist holding exactly {@code entries}, each with its own added date, as the service's own
     * apps could have made it: catalogue tracks and episodes are registered under the entries' ids, local files
     * are kept by uri, and each unavailable entry is stored as a track since removed from the catalogue (so it is
     * served as a {@code null} item). The {@code addable} tracks join the catalogue.
     *
     * @param ownerId the owner
     * @param name the name
     * @param entries the entries in order (kinds TRACK, EPISODE, LOCAL and UNAVAILABLE)
     * @param addable catalogue tracks a test will add
     * @return the playlist id
     */
    public String seedPlaylist(String ownerId, String name, List<Track> entries, List<Track> addable) {
        synchronized (lock) {
            addable.forEach(this::register);
            PlaylistState p = new PlaylistState("pl" + ids.incrementAndGet(), ownerId, name, true);
            Instant fallback = clock.instant().minus(Duration.ofDays(1)).truncatedTo(ChronoUnit.SECONDS);
            for (Track entry : entries) {
                String uri = switch (entry.kind()) {
                    case UNAVAILABLE -> {
                        String gone = "spotify:track:gone" + ids.incrementAndGet();
                        removedFromCatalogue.add(gone);
                        yield gone;
                    }
                    case LOCAL -> entry.uri();
                    case TRACK, EPISODE -> register(entry);
                    case OTHER -> throw new IllegalArgumentException("seed an unknown item type with addOtherItem");
                };
                p.items.add(new Item(uri, entry.addedAt() == null ? fallback : entry.addedAt(), ownerId));
            }
            playlists.put(p.id, p);
            return p.id;
        }
    }

    /**
     * A playlist's entries as the fake holds them: uri, kind and added date (an entry whose track left the
     * catalogue is {@link Track#unavailable}).
     *
     * @param playlistId the playlist
     * @return the entries in order
     */
    public List<Track> entries(String playlistId) {
        synchronized (lock) {
            return playlists.get(playlistId).items.stream()
                    .map(i -> removedFromCatalogue.contains(i.uri()) ? Track.unavailable(i.addedAt())
                            : Track.ofUri(i.uri()).withAddedAt(i.addedAt()))
                    .toList();
        }
    }

    private String register(Track t) {
        if (t.kind() == Track.Kind.EPISODE) {
            episodes.put(t.id(), new CatalogueEpisode(t.id(), t.name(), "show" + t.id(), "Show " + t.name(),
                    (int) t.duration().toMillis()));
            return "spotify:episode:" + t.id();
        }
        String artistName = t.artists().isEmpty() ? "Unknown artist" : t.artists().get(0).name();
        String artistId = artistId(artistName);
        artists.putIfAbsent(artistId, artistName);
        String albumName = t.album() == null ? "Album of " + artistName : t.album().name();
        String albumId = "al" + Integer.toHexString(albumName.hashCode() & 0x7fffffff);
        albums.putIfAbsent(albumId, new CatalogueAlbum(albumId, albumName, artistId, "2020-01-01", "album"));
        tracks.put(t.id(), new CatalogueTrack(t.id(), t.name(), artistId, albumId, (int) t.duration().toMillis(),
                t.popularity()));
        return "spotify:track:" + t.id();
    }

    /**
     * Makes a user follow another user's playlist (it shows in their playlist list).
     *
     * @param userId the follower
     * @param playlistId the playlist
     */
    public void follow(String userId, String playlistId) {
        synchronized (lock) {
            followed.computeIfAbsent(userId, k -> new ArrayList<>()).add(playlistId);
        }
    }

    /**
     * Makes a playlist private (others get 404 for it in the TRACKS dialect).
     *
     * @param playlistId the playlist
     */
    public void makePrivate(String playlistId) {
        synchronized (lock) {
            playlists.get(playlistId).isPublic = false;
        }
    }

    /**
     * Adds liked songs, the first liked first (so it ends up oldest).
     *
     * @param userId the user
     * @param uris the tracks
     */
    public void like(String userId, List<String> uris) {
        synchronized (lock) {
            List<Item> list = liked.computeIfAbsent(userId, k -> new ArrayList<>());
            Instant start = clock.instant().minus(Duration.ofDays(30)).truncatedTo(ChronoUnit.SECONDS);
            for (String uri : uris) {
                list.add(0, new Item(uri, start.plusSeconds(list.size() * 60L), userId));
            }
        }
    }

    /**
     * Adds a podcast episode to the catalogue. Playlist reads serve it as an {@code EpisodeObject} when the
     * request says {@code additional_types=episode}, and otherwise in the older track-like shape with
     * {@code type: "episode"}, as the service does.
     *
     * @param name the episode's title
     * @param showName the show it belongs to
     * @return the episode uri ({@code spotify:episode:…})
     */
    public String addEpisode(String name, String showName) {
        synchronized (lock) {
            String id = "ep" + ids.incrementAndGet();
            episodes.put(id, new CatalogueEpisode(id, name, "sh" + Integer.toHexString(showName.hashCode() & 0x7fffffff),
                    showName, 1_500_000));
            return "spotify:episode:" + id;
        }
    }

    /**
     * Adds an item of a type the adapter does not know (e.g. {@code chapter}), servable in playlists only.
     *
     * @param type the item type
     * @param name its name
     * @return its uri, {@code spotify:<type>:<id>}
     */
    public String addOtherItem(String type, String name) {
        synchronized (lock) {
            String uri = "spotify:" + type + ":ot" + ids.incrementAndGet();
            otherItems.put(uri, name);
            return uri;
        }
    }

    /**
     * Makes the service refuse a user: every API call (not the token endpoint) with 403
     * {@value #NOT_REGISTERED_MESSAGE} for {@link Forbidden#NOT_ON_ALLOW_LIST}, or every playlist write with
     * 403 "Insufficient client scope" for {@link Forbidden#MISSING_WRITE_SCOPE}; null lifts it.
     *
     * @param userId the user
     * @param kind the refusal, or null
     */
    public void forbid(String userId, Forbidden kind) {
        synchronized (lock) {
            if (kind == null) {
                forbidden.remove(userId);
            } else {
                forbidden.put(userId, kind);
            }
        }
    }

    /**
     * How many items {@code GET /playlists/{id}} embeds as its first page; by default the page limit of the
     * dialect (50 / 100). The service's own size need not match the items endpoint's limit.
     *
     * @param size the size, or null for the default
     */
    public void embeddedPageSize(Integer size) {
        synchronized (lock) {
            this.embeddedPageSize = size;
        }
    }

    /**
     * Serves episodes in the older track-like shape even when {@code additional_types=episode} is asked for.
     *
     * @param legacy true for the older shape always
     */
    public void episodesAsTracks(boolean legacy) {
        synchronized (lock) {
            this.episodesAsTracks = legacy;
        }
    }

    /**
     * Puts {@code count} {@code null} entries at the start of a user's {@code GET /me/playlists} (the service
     * sends such for some playlists it owns itself).
     *
     * @param userId the user
     * @param count how many
     */
    public void nullPlaylistEntries(String userId, int count) {
        synchronized (lock) {
            nullLibraryEntries.put(userId, count);
        }
    }

    // ---------------------------------------------------------------- faults

    /**
     * Applies the next {@code count} requests to {@code endpoint} and then answers them with {@code status} and
     * the given body: the write is done but its answer is lost, as when a proxy times out or a gateway drops the
     * service's answer.
     *
     * @param endpoint e.g. {@code POST /v1/playlists/{playlist_id}/items}
     * @param count how many
     * @param status e.g. 502
     * @param body the error body
     */
    public void failAfterApplying(String endpoint, int count, int status, ErrorBody body) {
        synchronized (lock) {
            for (int i = 0; i < count; i++) {
                faults.add(new Fault(endpoint, status, null, null, body, true));
            }
        }
    }

    /**
     * Answers the next {@code count} requests to {@code endpoint} (or any API request when null; use
     * {@code POST /api/token} for the token endpoint) with {@code status} and the given body, without doing them.
     *
     * @param endpoint the endpoint, or null for any API request
     * @param count how many
     * @param status the status
     * @param body the error body
     */
    public void failNext(String endpoint, int count, int status, ErrorBody body) {
        synchronized (lock) {
            for (int i = 0; i < count; i++) {
                faults.add(new Fault(endpoint, status, null, null, body, false));
            }
        }
    }

    /**
     * Answers the next {@code count} API requests (matching {@code endpoint} like
     * {@code GET /v1/playlists/{playlist_id}/items}, or any when null) with {@code status}.
     *
     * @param endpoint the endpoint, or null for any API request
     * @param count how many
     * @param status the status, e.g. 500 or 503
     */
    public void failNext(String endpoint, int count, int status) {
        synchronized (lock) {
            for (int i = 0; i < count; i++) {
                faults.add(new Fault(endpoint, status, null, null));
            }
        }
    }

    /**
     * Fails the {@code nth} API request from now, whatever its endpoint: it is answered with {@code status} and
     * the given body, after being done when {@code afterApplying} is set (a lost answer) or without being done.
     * Counts requests as {@link #apiRequests()} does: every request to {@code /v1/}, failed or not, and never the
     * token endpoint. Several requests can be failed this way; a numbered fault takes precedence over the ones
     * queued by endpoint.
     *
     * @param nth 1 for the next API request
     * @param status the status, e.g. 502 or 400
     * @param body the error body
     * @param afterApplying whether the request is done before its answer is replaced
     */
    public void failRequest(int nth, int status, ErrorBody body, boolean afterApplying) {
        if (nth < 1) {
            throw new IllegalArgumentException("nth must be at least 1: " + nth);
        }
        synchronized (lock) {
            numberedFaults.put(apiRequestNumber + nth, new Fault(null, status, null, null, body, afterApplying));
        }
    }

    /**
     * Answers the next {@code count} API requests with 429 and {@code Retry-After: seconds}. A request arriving
     * before the hint ran out is answered 429 again and counted as early.
     *
     * @param count how many
     * @param retryAfterSeconds the hint
     */
    public void rateLimitNext(int count, int retryAfterSeconds) {
        synchronized (lock) {
            for (int i = 0; i < count; i++) {
                faults.add(new Fault(null, 429, retryAfterSeconds, null));
            }
        }
    }

    /**
     * Delays the next {@code count} API answers by {@code delay} of real time (slow responses).
     *
     * @param count how many
     * @param delay the delay
     */
    public void delayNext(int count, Duration delay) {
        synchronized (lock) {
            for (int i = 0; i < count; i++) {
                faults.add(new Fault(null, 0, null, delay));
            }
        }
    }

    // ---------------------------------------------------------------- observation

    /** @return every request so far, in arrival order */
    public List<Exchange> exchanges() {
        synchronized (lock) {
            return List.copyOf(exchanges);
        }
    }

    /** @return requests per endpoint ({@code GET /v1/playlists/{playlist_id}/items} …) */
    public Map<String, Integer> counts() {
        synchronized (lock) {
            return Map.copyOf(counts);
        }
    }

    /**
     * Requests to one endpoint.
     *
     * @param endpoint e.g. {@code GET /v1/playlists/{playlist_id}/items}
     * @return the count
     */
    public int count(String endpoint) {
        synchronized (lock) {
            return counts.getOrDefault(endpoint, 0);
        }
    }

    /** @return API requests (not token requests) so far */
    public int apiRequests() {
        synchronized (lock) {
            return (int) exchanges.stream().filter(e -> e.path().startsWith("/v1/")).count();
        }
    }

    /** @return requests that arrived before a Retry-After hint had run out */
    public int earlyRequests() {
        synchronized (lock) {
            return earlyRequests;
        }
    }

    /** Forgets the recorded exchanges and counts. */
    public void resetLog() {
        synchronized (lock) {
            exchanges.clear();
            counts.clear();
            earlyRequests = 0;
        }
    }

    /** @return every access and refresh token the fake ever issued (for leak checks) */
    public List<String> issuedTokens() {
        synchronized (lock) {
            return List.copyOf(issued);
        }
    }

    /**
     * A playlist's item uris, in order.
     *
     * @param playlistId the playlist
     * @return the uris
     */
    public List<String> playlistUris(String playlistId) {
        synchronized (lock) {
            return playlists.get(playlistId).items.stream().map(Item::uri).toList();
        }
    }

    /**
     * A playlist's added dates, in order.
     *
     * @param playlistId the playlist
     * @return the dates
     */
    public List<Instant> addedDates(String playlistId) {
        synchronized (lock) {
            return playlists.get(playlistId).items.stream().map(Item::addedAt).toList();
        }
    }

    /**
     * A playlist's snapshot id.
     *
     * @param playlistId the playlist
     * @return the snapshot id
     */
    public String snapshotId(String playlistId) {
        synchronized (lock) {
            return playlists.get(playlistId).snapshot();
        }
    }

    /**
     * The ids of the playlists a user owns, in creation order.
     *
     * @param userId the user
     * @return the ids
     */
    public List<String> playlistsOwnedBy(String userId) {
        synchronized (lock) {
            return playlists.values().stream().filter(p -> p.owner.equals(userId)).map(p -> p.id).toList();
        }
    }

    /**
     * The current refresh token of a user (after rotations).
     *
     * @param userId the user
     * @return the token, or null when revoked
     */
    public String currentRefreshToken(String userId) {
        synchronized (lock) {
            return refreshTokens.entrySet().stream().filter(e -> e.getValue().equals(userId)).map(Map.Entry::getKey)
                    .reduce((a, b) -> b).orElse(null);
        }
    }

    // ---------------------------------------------------------------- HTTP

    private record Answer(int status, String body, String retryAfter, String endpoint, Duration delay,
            String contentType, String authenticate) {
        Answer(int status, String body, String retryAfter, String endpoint, Duration delay) {
            this(status, body, retryAfter, endpoint, delay, body.isEmpty() ? null : "application/json; charset=utf-8",
                    null);
        }
    }

    private void handle(HttpExchange http) throws IOException {
        Answer answer;
        String requestBody;
        try (InputStream in = http.getRequestBody()) {
            requestBody = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        String method = http.getRequestMethod();
        String path = http.getRequestURI().getPath();
        String query = http.getRequestURI().getRawQuery();
        Instant at = clock.instant();
        synchronized (lock) {
            try {
                answer = route(http, method, path, query, requestBody, at);
            } catch (RuntimeException e) {
                answer = new Answer(500, error(500, "fake failed: " + e), null, method + " " + path, null);
            }
            exchanges.add(new Exchange(at, method, path, query, answer.endpoint(),
                    http.getRequestHeaders().getFirst("Content-Type"), requestBody, answer.status(), answer.body(),
                    answer.retryAfter()));
            counts.merge(answer.endpoint(), 1, Integer::sum);
        }
        if (answer.delay() != null) {
            try {
                Thread.sleep(answer.delay().toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        byte[] bytes = answer.body().getBytes(StandardCharsets.UTF_8);
        if (bytes.length > 0 && answer.contentType() != null) {
            http.getResponseHeaders().set("Content-Type", answer.contentType());
        }
        if (answer.authenticate() != null) {
            http.getResponseHeaders().set("WWW-Authenticate", answer.authenticate());
        }
        http.getResponseHeaders().set("Cache-Control", "private, max-age=0");
        if (answer.retryAfter() != null) {
            http.getResponseHeaders().set("Retry-After", answer.retryAfter());
        }
        http.sendResponseHeaders(answer.status(), bytes.length == 0 ? -1 : bytes.length);
        if (bytes.length > 0) {
            try (OutputStream out = http.getResponseBody()) {
                out.write(bytes);
            }
        }
        http.close();
    }

    private Answer route(HttpExchange http, String method, String path, String query, String body, Instant at) {
        if (path.equals("/api/token")) {
            for (int i = 0; i < faults.size(); i++) {
                Fault f = faults.get(i);
                if ("POST /api/token".equals(f.endpoint())) {
                    faults.remove(i);
                    return failure(f, "POST /api/token");
                }
            }
            return token(http, body);
        }
        String endpoint = endpoint(method, path);
        Fault numbered = numberedFaults.remove(++apiRequestNumber);
        if (numbered != null && !numbered.applyFirst()) {
            return failure(numbered, endpoint);
        }
        if (numbered == null && at.isBefore(rateLimitedUntil)) {
            earlyRequests++;
            long seconds = Math.max(1, Duration.between(at, rateLimitedUntil).toSeconds());
            return new Answer(429, error(429, "API rate limit exceeded"), Long.toString(seconds), endpoint, null);
        }
        Duration delay = null;
        Fault afterApplying = numbered;
        for (int i = 0; afterApplying == null && i < faults.size(); i++) {
            Fault f = faults.get(i);
            if ("POST /api/token".equals(f.endpoint())) {
                continue;
            }
            if (f.endpoint() == null || f.endpoint().equals(endpoint)) {
                faults.remove(i);
                if (f.applyFirst()) {
                    afterApplying = f;
                    break;
                }
                if (f.delay() != null) {
                    delay = f.delay();
                    break;
                }
                if (f.status() == 429) {
                    rateLimitedUntil = at.plusSeconds(f.retryAfterSeconds());
                    return new Answer(429, error(429, "API rate limit exceeded"),
                            Integer.toString(f.retryAfterSeconds()), endpoint, null);
                }
                return failure(f, endpoint);
            }
        }
        String auth = http.getRequestHeaders().getFirst("Authorization");
        Session session = auth != null && auth.startsWith("Bearer ") ? accessTokens.get(auth.substring(7)) : null;
        if (session == null || !session.expiresAt().isAfter(at)) {
            String why = session == null ? "Invalid access token" : "The access token expired";
            return new Answer(401, error(401, why), null, endpoint, delay, "application/json; charset=utf-8",
                    "Bearer realm=\"spotify\", error=\"invalid_token\", error_description=\"" + why + "\"");
        }
        if (forbidden.get(session.userId()) == Forbidden.NOT_ON_ALLOW_LIST) {
            return new Answer(403, error(403, NOT_REGISTERED_MESSAGE), null, endpoint, delay);
        }
        Map<String, String> params = params(query);
        Answer answer;
        try {
            answer = api(method, path, params, body.isBlank() ? null : JSON.readTree(body), session.userId(),
                    endpoint);
        } catch (IOException e) {
            answer = new Answer(400, error(400, "Error parsing JSON."), null, endpoint, null);
        } catch (BadRequest e) {
            answer = new Answer(e.status, error(e.status, e.getMessage()), null, endpoint, null);
        }
        if (afterApplying != null) {
            // the write (or read) was done; the answer is lost on the way back
            return failure(afterApplying, endpoint);
        }
        return delay == null ? answer : new Answer(answer.status(), answer.body(), answer.retryAfter(), endpoint, delay);
    }

    private static String endpoint(String method, String path) {
        String template = path;
        if (PLAYLIST_ITEMS.matcher(path).matches()) {
            template = path.endsWith("/items") ? "/v1/playlists/{playlist_id}/items" : "/v1/playlists/{playlist_id}/tracks";
        } else if (PLAYLIST.matcher(path).matches()) {
            template = "/v1/playlists/{playlist_id}";
        } else if (USER_PLAYLISTS.matcher(path).matches()) {
            template = "/v1/users/{user_id}/playlists";
        } else if (ARTIST_ALBUMS.matcher(path).matches()) {
            template = "/v1/artists/{id}/albums";
        } else if (ALBUM_TRACKS.matcher(path).matches()) {
            template = "/v1/albums/{id}/tracks";
        }
        return method + " " + template;
    }

    private static final class BadRequest extends RuntimeException {
        private static final long serialVersionUID = 1L;
        final int status;

        BadRequest(int status, String message) {
            super(message);
            this.status = status;
        }
    }

    private Answer token(HttpExchange http, String body) {
        String endpoint = "POST /api/token";
        String auth = http.getRequestHeaders().getFirst("Authorization");
        String expected = "Basic " + Base64.getEncoder().encodeToString((CLIENT_ID + ":" + CLIENT_SECRET)
                .getBytes(StandardCharsets.UTF_8));
        if (!expected.equals(auth)) {
            return new Answer(400, oauthError("invalid_client", "Invalid client secret"), null, endpoint, null);
        }
        Map<String, String> form = params(body);
        if (!"refresh_token".equals(form.get("grant_type"))) {
            return new Answer(400, oauthError("unsupported_grant_type", "grant_type must be refresh_token"), null,
                    endpoint, null);
        }
        String userId = refreshTokens.get(form.get("refresh_token"));
        if (userId == null) {
            return new Answer(400, oauthError("invalid_grant", "Invalid refresh token"), null, endpoint, null);
        }
        String access = "AT-" + userId + "-" + ids.incrementAndGet() + "-" + Long.toHexString(System.nanoTime());
        issued.add(access);
        accessTokens.put(access, new Session(userId, clock.instant().plus(accessTokenLifetime)));
        ObjectNode out = JSON.createObjectNode().put("access_token", access).put("token_type", "Bearer")
                .put("scope", forbidden.get(userId) == Forbidden.MISSING_WRITE_SCOPE
                        ? "playlist-read-private user-library-read"
                        : "playlist-read-private playlist-modify-private playlist-modify-public user-library-read")
                .put("expires_in", accessTokenLifetime.toSeconds());
        if (rotateRefreshTokens) {
            refreshTokens.remove(form.get("refresh_token"));
            String next = issueRefreshToken(userId);
            out.put("refresh_token", next);
        }
        return new Answer(200, out.toString(), null, endpoint, null);
    }

    private Answer api(String method, String path, Map<String, String> q, JsonNode body, String user,
            String endpoint) {
        Matcher m;
        if (method.equals("GET") && path.equals("/v1/me")) {
            return ok(endpoint, userJson(user, true).toString());
        }
        if (path.equals("/v1/me/playlists")) {
            if (method.equals("GET")) {
                return ok(endpoint, myPlaylists(user, q));
            }
            if (method.equals("POST")) {
                requireWriteScope(user);
                return new Answer(201, createPlaylist(user, body).toString(), null, endpoint, null);
            }
        }
        if (method.equals("GET") && path.equals("/v1/me/tracks")) {
            return ok(endpoint, likedPage(user, q));
        }
        if (method.equals("GET") && path.equals("/v1/search")) {
            return ok(endpoint, search(q));
        }
        if ((m = USER_PLAYLISTS.matcher(path)).matches() && method.equals("POST")) {
            if (mode == Mode.ITEMS) {
                throw new BadRequest(403, "Forbidden");
            }
            if (!m.group(1).equals(user)) {
                throw new BadRequest(403, "You cannot create a playlist for another user");
            }
            return new Answer(201, createPlaylist(user, body).toString(), null, endpoint, null);
        }
        if ((m = ARTIST_ALBUMS.matcher(path)).matches() && method.equals("GET")) {
            return ok(endpoint, artistAlbums(m.group(1), q));
        }
        if ((m = ALBUM_TRACKS.matcher(path)).matches() && method.equals("GET")) {
            return ok(endpoint, albumTracks(m.group(1), q));
        }
        if ((m = PLAYLIST_ITEMS.matcher(path)).matches()) {
            boolean itemsForm = m.group(2).equals("items");
            if (!itemsForm && mode == Mode.ITEMS) {
                throw new BadRequest(403, "Forbidden");
            }
            PlaylistState p = playlist(m.group(1), user);
            if (!method.equals("GET")) {
                requireWriteScope(user);
            }
            return switch (method) {
                case "GET" -> ok(endpoint, itemsPage(p, user, q, itemsForm));
                case "POST" -> new Answer(201, add(p, user, q, body), null, endpoint, null);
                case "PUT" -> ok(endpoint, update(p, user, q, body));
                case "DELETE" -> ok(endpoint, remove(p, user, body, itemsForm));
                default -> throw new BadRequest(405, "Method not allowed");
            };
        }
        if ((m = PLAYLIST.matcher(path)).matches() && method.equals("GET")) {
            PlaylistState p = playlist(m.group(1), user);
            return ok(endpoint, playlistJson(p, user, episodesAsked(q)).toString());
        }
        throw new BadRequest(404, "Service not found");
    }

    private Answer ok(String endpoint, String body) {
        return new Answer(200, body, null, endpoint, null);
    }

    // ---------------------------------------------------------------- endpoints

    private PlaylistState playlist(String id, String user) {
        PlaylistState p = playlists.get(id);
        if (p == null || (!p.isPublic && !p.owner.equals(user))) {
            throw new BadRequest(404, "Resource not found");
        }
        return p;
    }

    private String myPlaylists(String user, Map<String, String> q) {
        int limit = limit(q, 20, 50);
        int offset = offset(q);
        List<PlaylistState> mine = new ArrayList<>();
        for (int i = 0; i < nullLibraryEntries.getOrDefault(user, 0); i++) {
            mine.add(null);
        }
        playlists.values().stream().filter(p -> p.owner.equals(user)).forEach(mine::add);
        for (String id : followed.getOrDefault(user, List.of())) {
            mine.add(playlists.get(id));
        }
        List<JsonNode> items = new ArrayList<>();
        for (int i = offset; i < Math.min(mine.size(), offset + limit); i++) {
            PlaylistState p = mine.get(i);
            if (p == null) {
                items.add(JSON.nullNode());
                continue;
            }
            ObjectNode s = playlistBase(p);
            ObjectNode ref = JSON.createObjectNode().put("href", baseUri + "/v1/playlists/" + p.id + "/"
                    + (mode == Mode.ITEMS ? "items" : "tracks")).put("total", p.items.size());
            s.set(mode == Mode.ITEMS ? "items" : "tracks", ref);
            items.add(s);
        }
        return paging("/v1/me/playlists", items, limit, offset, mine.size(), "").toString();
    }

    private ObjectNode createPlaylist(String user, JsonNode body) {
        if (body == null || !body.hasNonNull("name") || body.get("name").asText().isBlank()) {
            throw new BadRequest(400, "Missing required field: name");
        }
        PlaylistState p = new PlaylistState("pl" + ids.incrementAndGet(), user, body.get("name").asText(),
                body.path("public").asBoolean(true));
        p.description = body.hasNonNull("description") ? body.get("description").asText() : null;
        playlists.put(p.id, p);
        return playlistJson(p, user);
    }

    private ObjectNode playlistBase(PlaylistState p) {
        ObjectNode o = JSON.createObjectNode();
        o.put("collaborative", false);
        o.put("description", p.description == null ? "" : p.description);
        o.putObject("external_urls").put("spotify", "https://open.spotify.com/playlist/" + p.id);
        o.put("href", baseUri + "/v1/playlists/" + p.id);
        o.put("id", p.id);
        o.putArray("images");
        o.put("name", p.name);
        ObjectNode owner = userJson(p.owner, false);
        o.set("owner", owner);
        o.put("public", p.isPublic);
        o.put("snapshot_id", p.snapshot());
        o.put("type", "playlist");
        o.put("uri", "spotify:playlist:" + p.id);
        return o;
    }

    private ObjectNode playlistJson(PlaylistState p, String user) {
        return playlistJson(p, user, false);
    }

    private ObjectNode playlistJson(PlaylistState p, String user, boolean episodesAsked) {
        ObjectNode o = playlistBase(p);
        if (mode == Mode.ITEMS) {
            if (p.owner.equals(user)) {
                o.set("items", itemsPaging(p, embeddedPageSize == null ? 50 : embeddedPageSize, 0, true,
                        episodesAsked));
            }
        } else {
            o.set("tracks", itemsPaging(p, embeddedPageSize == null ? 100 : embeddedPageSize, 0, false,
                    episodesAsked));
        }
        return o;
    }

    private static boolean episodesAsked(Map<String, String> q) {
        return List.of(q.getOrDefault("additional_types", "").split(",")).contains("episode");
    }

    private String itemsPage(PlaylistState p, String user, Map<String, String> q, boolean itemsForm) {
        if (mode == Mode.ITEMS && !p.owner.equals(user)) {
            throw new BadRequest(403, "Forbidden");
        }
        int max = itemsForm && mode == Mode.ITEMS ? 50 : 100;
        return itemsPaging(p, limit(q, 20, max), offset(q), itemsForm, episodesAsked(q)).toString();
    }

    private ObjectNode itemsPaging(PlaylistState p, int limit, int offset, boolean itemsForm, boolean episodesAsked) {
        List<JsonNode> entries = new ArrayList<>();
        for (int i = offset; i < Math.min(p.items.size(), offset + limit); i++) {
            Item item = p.items.get(i);
            ObjectNode e = JSON.createObjectNode();
            e.put("added_at", item.addedAt().toString());
            e.set("added_by", userRef(item.addedBy()));
            e.put("is_local", item.uri().startsWith("spotify:local:"));
            e.set(itemsForm ? "item" : "track", itemOrNull(item.uri(), episodesAsked));
            entries.add(e);
        }
        return paging("/v1/playlists/" + p.id + "/" + (itemsForm ? "items" : "tracks"), entries, limit, offset,
                p.items.size(), episodesAsked ? "&additional_types=episode" : "");
    }

    private String add(PlaylistState p, String user, Map<String, String> q, JsonNode body) {
        owner(p, user);
        List<String> uris = new ArrayList<>();
        if (q.containsKey("uris")) {
            uris.addAll(List.of(q.get("uris").split(",")));
        } else if (body != null && body.has("uris")) {
            body.get("uris").forEach(u -> uris.add(u.asText()));
        }
        checkUris(uris, 1);
        int position = p.items.size();
        JsonNode pos = body == null ? null : body.get("position");
        if (q.containsKey("position")) {
            position = Integer.parseInt(q.get("position"));
        } else if (pos != null && !pos.isNull()) {
            position = pos.asInt();
        }
        if (position < 0 || position > p.items.size()) {
            throw new BadRequest(400, "Index out of bounds");
        }
        Instant now = clock.instant().truncatedTo(ChronoUnit.SECONDS);
        List<Item> added = uris.stream().map(u -> new Item(u, now, user)).toList();
        p.items.addAll(position, added);
        p.version++;
        return snapshotJson(p);
    }

    private String update(PlaylistState p, String user, Map<String, String> q, JsonNode body) {
        owner(p, user);
        if (q.containsKey("uris") || (body != null && body.has("uris"))) {
            List<String> uris = new ArrayList<>();
            if (q.containsKey("uris")) {
                if (!q.get("uris").isEmpty()) {
                    uris.addAll(List.of(q.get("uris").split(",")));
                }
            } else {
                body.get("uris").forEach(u -> uris.add(u.asText()));
            }
            checkUris(uris, 0);
            Instant now = clock.instant().truncatedTo(ChronoUnit.SECONDS);
            p.items.clear();
            uris.forEach(u -> p.items.add(new Item(u, now, user)));
            p.version++;
            return snapshotJson(p);
        }
        if (body == null || !body.has("range_start") || !body.has("insert_before")) {
            throw new BadRequest(400, "range_start and insert_before are required to reorder");
        }
        int start = body.get("range_start").asInt();
        int length = body.path("range_length").asInt(1);
        int before = body.get("insert_before").asInt();
        int size = p.items.size();
        if (start < 0 || length < 1 || start + length > size || before < 0 || before > size) {
            throw new BadRequest(400, "Index out of bounds");
        }
        List<Item> moved = new ArrayList<>(p.items.subList(start, start + length));
        List<Item> rest = new ArrayList<>(p.items);
        rest.subList(start, start + length).clear();
        int target = before > start ? before - length : before;
        if (before > start && before < start + length) {
            target = start;
        }
        rest.addAll(target, moved);
        p.items.clear();
        p.items.addAll(rest);
        p.version++;
        return snapshotJson(p);
    }

    private String remove(PlaylistState p, String user, JsonNode body, boolean itemsForm) {
        owner(p, user);
        String field = itemsForm ? "items" : "tracks";
        if (body == null || !body.has(field) || !body.get(field).isArray()) {
            throw new BadRequest(400, "Missing required field: " + field);
        }
        List<String> uris = new ArrayList<>();
        body.get(field).forEach(n -> uris.add(n.path("uri").asText()));
        checkUris(uris, 1);
        Set<String> gone = new LinkedHashSet<>(uris);
        p.items.removeIf(i -> gone.contains(i.uri()));
        p.version++;
        return snapshotJson(p);
    }

    private String likedPage(String user, Map<String, String> q) {
        int limit = limit(q, 20, 50);
        int offset = offset(q);
        List<Item> list = liked.getOrDefault(user, List.of());
        List<JsonNode> items = new ArrayList<>();
        for (int i = offset; i < Math.min(list.size(), offset + limit); i++) {
            ObjectNode e = JSON.createObjectNode().put("added_at", list.get(i).addedAt().toString());
            e.set("track", trackOrNull(list.get(i).uri()));
            items.add(e);
        }
        return paging("/v1/me/tracks", items, limit, offset, list.size(), "").toString();
    }

    private String artistAlbums(String artistId, Map<String, String> q) {
        int limit = limit(q, 5, 10);
        int offset = offset(q);
        Set<String> groups = new LinkedHashSet<>(List.of(q.getOrDefault("include_groups",
                "album,single,compilation,appears_on").split(",")));
        List<CatalogueAlbum> list = albums.values().stream().filter(a -> a.artistId().equals(artistId))
                .filter(a -> groups.contains(a.group())).toList();
        List<JsonNode> items = new ArrayList<>();
        for (int i = offset; i < Math.min(list.size(), offset + limit); i++) {
            ObjectNode a = albumJson(list.get(i));
            a.put("album_group", list.get(i).group());
            items.add(a);
        }
        String extra = q.containsKey("include_groups") ? "&include_groups=" + q.get("include_groups") : "";
        return paging("/v1/artists/" + artistId + "/albums", items, limit, offset, list.size(), extra).toString();
    }

    private String albumTracks(String albumId, Map<String, String> q) {
        if (!albums.containsKey(albumId)) {
            throw new BadRequest(404, "Non existing id: '" + albumId + "'");
        }
        int limit = limit(q, 20, 50);
        int offset = offset(q);
        List<CatalogueTrack> list = tracks.values().stream().filter(t -> t.albumId().equals(albumId)).toList();
        List<JsonNode> items = new ArrayList<>();
        for (int i = offset; i < Math.min(list.size(), offset + limit); i++) {
            ObjectNode t = trackJson(list.get(i), "spotify:track:" + list.get(i).id());
            t.remove("album");
            t.remove("popularity");
            t.remove("external_ids");
            items.add(t);
        }
        return paging("/v1/albums/" + albumId + "/tracks", items, limit, offset, list.size(), "").toString();
    }

    private String search(Map<String, String> q) {
        String query = q.get("q");
        if (query == null || query.isBlank() || !"track".equals(q.get("type"))) {
            throw new BadRequest(400, "q and type=track are required");
        }
        int limit = limit(q, 5, 10);
        int offset = offset(q);
        if (offset > 1000) {
            throw new BadRequest(400, "Invalid offset");
        }
        String needle = query.toLowerCase(Locale.ROOT);
        List<CatalogueTrack> hits = tracks.values().stream()
                .filter(t -> t.name().toLowerCase(Locale.ROOT).contains(needle)
                        || artists.get(t.artistId()).toLowerCase(Locale.ROOT).contains(needle))
                .filter(t -> !removedFromCatalogue.contains("spotify:track:" + t.id()))
                .toList();
        List<JsonNode> items = new ArrayList<>();
        for (int i = offset; i < Math.min(hits.size(), offset + limit); i++) {
            items.add(trackJson(hits.get(i), "spotify:track:" + hits.get(i).id()));
        }
        String extra = "&q=" + java.net.URLEncoder.encode(query, StandardCharsets.UTF_8) + "&type=track";
        ObjectNode out = JSON.createObjectNode();
        out.set("tracks", paging("/v1/search", items, limit, offset, hits.size(), extra));
        return out.toString();
    }

    // ---------------------------------------------------------------- shapes

    private ObjectNode paging(String path, List<JsonNode> items, int limit, int offset, int total, String extra) {
        ObjectNode o = JSON.createObjectNode();
        o.put("href", baseUri + path + "?offset=" + offset + "&limit=" + limit + extra);
        ArrayNode array = o.putArray("items");
        items.forEach(array::add);
        o.put("limit", limit);
        if (offset + limit < total) {
            o.put("next", baseUri + path + "?offset=" + (offset + limit) + "&limit=" + limit + extra);
        } else {
            o.putNull("next");
        }
        o.put("offset", offset);
        if (offset > 0) {
            o.put("previous", baseUri + path + "?offset=" + Math.max(0, offset - limit) + "&limit=" + limit + extra);
        } else {
            o.putNull("previous");
        }
        o.put("total", total);
        return o;
    }

    private ObjectNode userJson(String user, boolean full) {
        ObjectNode o = userRef(user);
        o.put("display_name", users.getOrDefault(user, user));
        if (full) {
            o.put("account_id", "acc-" + user);
        }
        return o;
    }

    private ObjectNode userRef(String user) {
        ObjectNode o = JSON.createObjectNode();
        o.putObject("external_urls").put("spotify", "https://open.spotify.com/user/" + user);
        o.put("href", baseUri + "/v1/users/" + user);
        o.put("id", user);
        o.put("type", "user");
        o.put("uri", "spotify:user:" + user);
        return o;
    }

    private JsonNode trackOrNull(String uri) {
        if (removedFromCatalogue.contains(uri)) {
            return JSON.nullNode();
        }
        if (uri.startsWith("spotify:local:")) {
            String[] parts = uri.split(":", -1);
            ObjectNode o = JSON.createObjectNode();
            ArrayNode artistArray = o.putArray("artists");
            artistArray.addObject().put("name", parts.length > 2 ? decode(parts[2]) : "").put("type", "artist");
            o.put("duration_ms", parts.length > 5 && !parts[5].isEmpty() ? Integer.parseInt(parts[5]) * 1000 : 0);
            o.putObject("external_urls");
            o.put("is_local", true);
            o.put("name", parts.length > 4 ? decode(parts[4]) : "");
            o.put("type", "track");
            o.put("uri", uri);
            return o;
        }
        CatalogueTrack t = uri.startsWith("spotify:track:") ? tracks.get(uri.substring(14)) : null;
        if (t == null) {
            return JSON.nullNode();
        }
        return trackJson(t, uri);
    }

    private ObjectNode trackJson(CatalogueTrack t, String uri) {
        ObjectNode o = JSON.createObjectNode();
        o.set("album", albumJson(albums.get(t.albumId())));
        ArrayNode artistArray = o.putArray("artists");
        artistArray.add(artistJson(t.artistId()));
        o.putArray("available_markets");
        o.put("disc_number", 1);
        o.put("duration_ms", t.durationMs());
        o.put("explicit", false);
        o.putObject("external_ids").put("isrc", "XX" + t.id());
        o.putObject("external_urls").put("spotify", "https://open.spotify.com/track/" + t.id());
        o.put("href", baseUri + "/v1/tracks/" + t.id());
        o.put("id", t.id());
        o.put("is_playable", !unavailable.contains(uri));
        if (unavailable.contains(uri)) {
            o.putObject("restrictions").put("reason", "market");
        }
        o.put("name", t.name());
        o.put("popularity", t.popularity());
        o.put("track_number", 1);
        o.put("type", "track");
        o.put("uri", uri);
        o.put("is_local", false);
        return o;
    }

    private ObjectNode albumJson(CatalogueAlbum a) {
        ObjectNode o = JSON.createObjectNode();
        o.put("album_type", "single".equals(a.group()) ? "single" : "album");
        o.put("total_tracks", (int) tracks.values().stream().filter(t -> t.albumId().equals(a.id())).count());
        o.putArray("available_markets");
        o.putObject("external_urls").put("spotify", "https://open.spotify.com/album/" + a.id());
        o.put("href", baseUri + "/v1/albums/" + a.id());
        o.put("id", a.id());
        o.putArray("images");
        o.put("name", a.name());
        o.put("release_date", a.releaseDate());
        o.put("release_date_precision", a.releaseDate().length() == 4 ? "year"
                : a.releaseDate().length() == 7 ? "month" : "day");
        o.put("type", "album");
        o.put("uri", "spotify:album:" + a.id());
        o.putArray("artists").add(artistJson(a.artistId()));
        return o;
    }

    private ObjectNode artistJson(String artistId) {
        ObjectNode o = JSON.createObjectNode();
        o.putObject("external_urls").put("spotify", "https://open.spotify.com/artist/" + artistId);
        o.put("href", baseUri + "/v1/artists/" + artistId);
        o.put("id", artistId);
        o.put("name", artists.get(artistId));
        o.put("type", "artist");
        o.put("uri", "spotify:artist:" + artistId);
        return o;
    }

    private static String snapshotJson(PlaylistState p) {
        return JSON.createObjectNode().put("snapshot_id", p.snapshot()).toString();
    }

    private static String error(int status, String message) {
        ObjectNode o = JSON.createObjectNode();
        o.putObject("error").put("status", status).put("message", message);
        return o.toString();
    }

    private static String oauthError(String code, String description) {
        return JSON.createObjectNode().put("error", code).put("error_description", description).toString();
    }

    // ---------------------------------------------------------------- helpers

    private static Answer failure(Fault f, String endpoint) {
        return switch (f.body()) {
            case JSON -> new Answer(f.status(), endpoint.equals("POST /api/token")
                    ? oauthError("server_error", "Server error") : error(f.status(), "Server error"), null, endpoint,
                    null);
            case HTML -> new Answer(f.status(), "<html>\r\n<head><title>" + f.status() + " Bad Gateway</title></head>"
                    + "\r\n<body>\r\n<center><h1>" + f.status() + " Bad Gateway</h1></center>\r\n</body>\r\n</html>\r\n",
                    null, endpoint, null, "text/html", null);
            case EMPTY -> new Answer(f.status(), "", null, endpoint, null, null, null);
        };
    }

    private void requireWriteScope(String user) {
        if (forbidden.get(user) == Forbidden.MISSING_WRITE_SCOPE) {
            throw new BadRequest(403, "Insufficient client scope");
        }
    }

    private JsonNode itemOrNull(String uri, boolean episodesAsked) {
        if (uri.startsWith("spotify:episode:")) {
            CatalogueEpisode ep = episodes.get(uri.substring(16));
            if (ep == null || removedFromCatalogue.contains(uri)) {
                return JSON.nullNode();
            }
            return episodesAsked && !episodesAsTracks ? episodeJson(ep, uri) : legacyEpisodeJson(ep, uri);
        }
        if (otherItems.containsKey(uri)) {
            String[] parts = uri.split(":");
            ObjectNode o = JSON.createObjectNode();
            o.put("id", parts[2]);
            o.put("name", otherItems.get(uri));
            o.put("type", parts[1]);
            o.put("uri", uri);
            return o;
        }
        return trackOrNull(uri);
    }

    private ObjectNode episodeJson(CatalogueEpisode ep, String uri) {
        ObjectNode o = JSON.createObjectNode();
        o.putNull("audio_preview_url");
        o.put("description", "");
        o.put("html_description", "");
        o.put("duration_ms", ep.durationMs());
        o.put("explicit", false);
        o.putObject("external_urls").put("spotify", "https://open.spotify.com/episode/" + ep.id());
        o.put("href", baseUri + "/v1/episodes/" + ep.id());
        o.put("id", ep.id());
        o.putArray("images");
        o.put("is_externally_hosted", false);
        o.put("is_playable", true);
        o.putArray("languages").add("en");
        o.put("name", ep.name());
        o.put("release_date", "2025-03-01");
        o.put("release_date_precision", "day");
        o.put("type", "episode");
        o.put("uri", uri);
        ObjectNode show = o.putObject("show");
        show.putArray("available_markets");
        show.putArray("copyrights");
        show.put("description", "");
        show.put("html_description", "");
        show.put("explicit", false);
        show.putObject("external_urls").put("spotify", "https://open.spotify.com/show/" + ep.showId());
        show.put("href", baseUri + "/v1/shows/" + ep.showId());
        show.put("id", ep.showId());
        show.putArray("images");
        show.put("is_externally_hosted", false);
        show.putArray("languages").add("en");
        show.put("media_type", "audio");
        show.put("name", ep.showName());
        show.put("publisher", ep.showName() + " Media");
        show.put("type", "show");
        show.put("uri", "spotify:show:" + ep.showId());
        show.put("total_episodes", 1);
        return o;
    }

    /** An episode as the service sends it to a client that did not ask for episodes: a track-like object. */
    private ObjectNode legacyEpisodeJson(CatalogueEpisode ep, String uri) {
        ObjectNode o = JSON.createObjectNode();
        ObjectNode album = o.putObject("album");
        album.put("album_type", "show");
        album.put("id", ep.showId());
        album.put("name", ep.showName());
        album.put("type", "show");
        album.put("uri", "spotify:show:" + ep.showId());
        album.putArray("artists").addObject().put("name", ep.showName() + " Media").put("type", "show");
        o.putArray("artists").addObject().put("name", ep.showName() + " Media").put("type", "show");
        o.put("duration_ms", ep.durationMs());
        o.put("episode", true);
        o.put("track", false);
        o.put("explicit", false);
        o.putObject("external_urls").put("spotify", "https://open.spotify.com/episode/" + ep.id());
        o.put("href", baseUri + "/v1/episodes/" + ep.id());
        o.put("id", ep.id());
        o.put("is_local", false);
        o.put("name", ep.name());
        o.put("popularity", 0);
        o.put("type", "episode");
        o.put("uri", uri);
        return o;
    }

    private void owner(PlaylistState p, String user) {
        if (!p.owner.equals(user)) {
            throw new BadRequest(403, "You cannot modify a playlist you do not own");
        }
    }

    private void checkUris(List<String> uris, int min) {
        if (uris.size() < min || uris.size() > 100) {
            throw new BadRequest(400, "You can send between " + min + " and 100 items, got " + uris.size());
        }
        for (String uri : uris) {
            // the Web API refuses local files on every write (spotify/web-api#510, #693)
            boolean known = (uri.startsWith("spotify:track:") && tracks.containsKey(uri.substring(14)))
                    || (uri.startsWith("spotify:episode:") && episodes.containsKey(uri.substring(16)));
            if (!known) {
                throw new BadRequest(400, "Invalid track uri: " + uri);
            }
        }
    }

    private static int limit(Map<String, String> q, int dflt, int max) {
        int limit = q.containsKey("limit") ? Integer.parseInt(q.get("limit")) : dflt;
        if (limit < 1 || limit > max) {
            throw new BadRequest(400, "Invalid limit");
        }
        return limit;
    }

    private static int offset(Map<String, String> q) {
        int offset = q.containsKey("offset") ? Integer.parseInt(q.get("offset")) : 0;
        if (offset < 0) {
            throw new BadRequest(400, "Invalid offset");
        }
        return offset;
    }

    private static Map<String, String> params(String query) {
        if (query == null || query.isEmpty()) {
            return Collections.emptyMap();
        }
        Map<String, String> out = new HashMap<>();
        for (String pair : query.split("&")) {
            int eq = pair.indexOf('=');
            String key = decode(eq < 0 ? pair : pair.substring(0, eq));
            out.put(key, eq < 0 ? "" : decode(pair.substring(eq + 1)));
        }
        return out;
    }

    private static String decode(String s) {
        return URLDecoder.decode(s, StandardCharsets.UTF_8);
    }
}
