package dev.shuffify.spotify;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.shuffify.error.PlaylistNotFoundException;
import dev.shuffify.error.PlaylistServiceException;
import dev.shuffify.error.ValidationException;
import dev.shuffify.model.Album;
import dev.shuffify.model.Playlist;
import dev.shuffify.model.PlaylistSummary;
import dev.shuffify.model.Track;
import dev.shuffify.spi.PlaylistService;
import dev.shuffify.spi.RequestBudget;
import dev.shuffify.spotify.internal.ApiRequest;
import dev.shuffify.spotify.internal.CatalogReads;
import dev.shuffify.spotify.internal.HttpTransport;
import dev.shuffify.spotify.internal.ServiceCaller;
import dev.shuffify.spotify.internal.PlaylistJson;
import dev.shuffify.spotify.internal.WriteCheck;
import dev.shuffify.spotify.internal.WriteCheck.Known;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import se.michaelthelin.spotify.SpotifyApi;

/**
 * The {@link PlaylistService} port on the Spotify Web API, acting for one user, built on spotify-web-api-java.
 * Get one from {@link SpotifyConnector#connect(String)}.
 *
 * <p>Reads follow every page and keep every entry at the position the service counts it, in both dialects:
 * tracks, episodes, local files, entries the service answers {@code null} for ({@link Track#unavailable}) and
 * items of unknown types, each with its {@code addedAt} and {@link Track#kind()}. Writes carry at most
 * {@value PlaylistService#MAX_BATCH} uris per call and are never sent again blindly after a 5xx, a timeout or a
 * dropped connection: the playlist is re-read to learn whether the write was applied. {@link ApiDialect#ITEMS}
 * uses {@code /playlists/{id}/items}, {@link ApiDialect#TRACKS} {@code /playlists/{id}/tracks}; the playlist
 * endpoints of both are built on spotify-web-api-java's builder base with our path and read by one Jackson
 * reader.
 *
 * <p>A playlist that answers 404, or 403 for that playlist, raises {@link PlaylistNotFoundException}, which the
 * raid job treats as an unavailable source; a 403 about the account (a user not on a development-mode
 * application's allow-list, a missing scope) raises {@link SpotifyAccountException} instead. Every call goes
 * through the adapter's retry policy, rate budget and token refresh.
 *
 * @since 0.1.0
 */
public final class SpotifyPlaylistService implements PlaylistService {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int PLAYLISTS_PAGE = 50;
    private static final java.util.regex.Pattern SPOTIFY_ID = java.util.regex.Pattern.compile("[A-Za-z0-9]{1,64}");

    private final ServiceCaller caller;
    private final HttpTransport transport;
    private final ApiDialect dialect;
    private final String scheme;
    private final String host;
    private final int port;
    private final RequestBudget requestBudget;
    private final CatalogReads catalog;
    private volatile String currentUserId;
    /** What this service last knew of each playlist it read or wrote: what a lost answer is checked against. */
    private final java.util.concurrent.ConcurrentHashMap<String, Known> known = new java.util.concurrent.ConcurrentHashMap<>();

    SpotifyPlaylistService(SpotifyConfig config, HttpTransport transport, ServiceCaller caller) {
        this.caller = caller;
        this.transport = transport;
        this.dialect = config.dialect();
        URI base = config.apiBaseUri();
        this.scheme = base.getScheme();
        this.host = base.getHost();
        this.port = base.getPort() >= 0 ? base.getPort() : "https".equals(scheme) ? 443 : 80;
        this.requestBudget = new RequestBudget(config.requestsPerWindow(), config.rateWindow(),
                caller.deadline().minus(config.jobDeadline()), config.jobDeadline(),
                "SpotifyConfig.Builder.jobDeadline(Duration)");
        this.catalog = new CatalogReads(caller, this::api, dialect);
    }

    /**
     * The dialect this service speaks.
     *
     * @return the dialect
     */
    public ApiDialect dialect() {
        return dialect;
    }

    /**
     * The application's budget ({@link SpotifyConfig#requestsPerWindow()} per {@link SpotifyConfig#rateWindow()})
     * and this service's job deadline ({@link SpotifyConfig#jobDeadline()} from {@link SpotifyConnector#connect}).
     *
     * @return the budget; never empty
     */
    @Override
    public Optional<RequestBudget> requestBudget() {
        return Optional.of(requestBudget);
    }

    @Override
    public String currentUserId() {
        String id = currentUserId;
        if (id == null) {
            id = caller.call("get the current user's profile", null,
                    token -> api(token).getCurrentUsersProfile().build().execute().getId());
            currentUserId = id;
        }
        return id;
    }

    @Override
    public Playlist playlist(String playlistId) {
        requireId("playlistId", playlistId);
        Playlist playlist = read(playlistId);
        known.put(playlistId, new Known(playlist.snapshotId(), playlist.uris()));
        return playlist;
    }

    /**
     * One path for both dialects: {@code GET /playlists/{id}} (its embedded first page may be of any size), then
     * pages from the offset the service's pages reached, at this dialect's page size, for as long as the service
     * says more follow. Episodes are asked for ({@code additional_types=episode}); every entry is kept.
     */
    private Playlist read(String playlistId) {
        String field = dialect == ApiDialect.ITEMS ? "item" : "track";
        JsonNode playlist = json(caller.call("get playlist", playlistId,
                token -> request(token, "GET", "/v1/playlists/{playlist_id}")
                        .setPathParameter("playlist_id", playlistId)
                        .setQueryParameter("additional_types", "episode").build().execute()));
        if (playlist.isEmpty()) {
            throw new PlaylistServiceException("playlist '" + playlistId + "' could not be read: the service "
                    + "answered without a body", true);
        }
        List<Track> items = new ArrayList<>();
        JsonNode embedded = playlist.get(dialect == ApiDialect.ITEMS ? "items" : "tracks");
        PlaylistJson.Page page = embedded == null || embedded.isNull() || !embedded.has("items")
                ? itemsPage(playlistId, 0, field) : PlaylistJson.page(embedded, field);
        while (true) {
            items.addAll(page.entries());
            if (!page.hasNext() || page.entries().isEmpty()) {
                break;
            }
            page = itemsPage(playlistId, page.offset() + page.entries().size(), field);
        }
        return new Playlist(playlistId, playlist.path("name").asText(""), PlaylistJson.text(playlist.path("owner"),
                "id"), PlaylistJson.text(playlist, "snapshot_id"), items);
    }

    private PlaylistJson.Page itemsPage(String playlistId, int offset, String field) {
        return PlaylistJson.page(json(caller.call("get items of playlist", playlistId,
                token -> request(token, "GET", "/v1/playlists/{playlist_id}/" + dialect.itemsSegment())
                        .setPathParameter("playlist_id", playlistId)
                        .setQueryParameter("limit", dialect.playlistPageSize())
                        .setQueryParameter("offset", offset)
                        .setQueryParameter("additional_types", "episode")
                        .build().execute())), field);
    }

    @Override
    public List<PlaylistSummary> playlists() {
        List<PlaylistSummary> out = new ArrayList<>();
        int offset = 0;
        while (true) {
            int from = offset;
            JsonNode page = json(caller.call("list the user's playlists", null,
                    token -> request(token, "GET", "/v1/me/playlists")
                            .setQueryParameter("limit", PLAYLISTS_PAGE)
                            .setQueryParameter("offset", from).build().execute()));
            int seen = PlaylistJson.summaries(page, out);
            offset += seen;
            JsonNode next = page.get("next");
            if (next == null || next.isNull() || seen == 0) {
                return out;
            }
        }
    }

    @Override
    public String addTracks(String playlistId, List<String> uris, Integer position) {
        requireId("playlistId", playlistId);
        batch(uris, 1);
        if (position != null && position < 0) {
            throw new IllegalArgumentException("position must be 0 or more, was " + position);
        }
        ObjectNode body = JSON.createObjectNode();
        uriArray(body.putArray("uris"), uris);
        if (position != null) {
            body.put("position", position);
        }
        List<String> added = List.copyOf(uris);
        Known before = known.get(playlistId);
        String snapshot = caller.write("add items to playlist", playlistId,
                token -> snapshot(request(token, "POST", itemsPath())
                        .setPathParameter("playlist_id", playlistId).jsonBody(body.toString()).build().execute()),
                () -> WriteCheck.added(read(playlistId), before, added, position));
        remember(playlistId, before, snapshot, list -> {
            list.addAll(position == null || position > list.size() ? list.size() : position, added);
        });
        return snapshot;
    }

    @Override
    public String removeTracks(String playlistId, List<String> uris) {
        requireId("playlistId", playlistId);
        batch(uris, 1);
        ObjectNode body = JSON.createObjectNode();
        ArrayNode items = body.putArray(dialect == ApiDialect.ITEMS ? "items" : "tracks");
        uris.forEach(uri -> items.addObject().put("uri", uri));
        List<String> removed = List.copyOf(uris);
        Known before = known.get(playlistId);
        String snapshot = caller.write("remove items from playlist", playlistId,
                token -> snapshot(request(token, "DELETE", itemsPath())
                        .setPathParameter("playlist_id", playlistId).jsonBody(body.toString()).build().execute()),
                () -> WriteCheck.removed(read(playlistId), removed));
        remember(playlistId, before, snapshot, list -> list.removeIf(removed::contains));
        return snapshot;
    }

    @Override
    public String replaceTracks(String playlistId, List<String> uris) {
        requireId("playlistId", playlistId);
        batch(uris, 0);
        ObjectNode body = JSON.createObjectNode();
        uriArray(body.putArray("uris"), uris);
        List<String> replacement = List.copyOf(uris);
        Known before = known.get(playlistId);
        String snapshot = caller.write("replace items of playlist", playlistId,
                token -> snapshot(request(token, "PUT", itemsPath())
                        .setPathParameter("playlist_id", playlistId).jsonBody(body.toString()).build().execute()),
                () -> WriteCheck.replaced(read(playlistId), replacement));
        remember(playlistId, before == null ? new Known(null, List.of()) : before, snapshot, list -> {
            list.clear();
            list.addAll(replacement);
        });
        return snapshot;
    }

    @Override
    public String reorderTracks(String playlistId, int rangeStart, int rangeLength, int insertBefore) {
        requireId("playlistId", playlistId);
        if (rangeStart < 0 || rangeLength < 1 || insertBefore < 0) {
            throw new IllegalArgumentException("reorder needs rangeStart >= 0, rangeLength >= 1 and insertBefore >= 0,"
                    + " was " + rangeStart + ", " + rangeLength + ", " + insertBefore);
        }
        ObjectNode body = JSON.createObjectNode().put("range_start", rangeStart).put("range_length", rangeLength)
                .put("insert_before", insertBefore);
        Known before = known.get(playlistId);
        String snapshot = caller.write("reorder items of playlist", playlistId,
                token -> snapshot(request(token, "PUT", itemsPath())
                        .setPathParameter("playlist_id", playlistId).jsonBody(body.toString()).build().execute()),
                () -> WriteCheck.reordered(read(playlistId), before, rangeStart, rangeLength, insertBefore));
        remember(playlistId, before, snapshot,
                list -> WriteCheck.move(list, rangeStart, rangeLength, insertBefore));
        return snapshot;
    }

    private String itemsPath() {
        return "/v1/playlists/{playlist_id}/" + dialect.itemsSegment();
    }

    /** After a write: the known entries with the write applied, or forgotten when none were known. */
    private void remember(String playlistId, Known before, String snapshot,
            java.util.function.Consumer<List<String>> change) {
        if (before == null) {
            known.remove(playlistId);
            return;
        }
        List<String> uris = new ArrayList<>(before.uris());
        try {
            change.accept(uris);
        } catch (RuntimeException e) {
            known.remove(playlistId);
            return;
        }
        known.put(playlistId, new Known(snapshot, uris));
    }

    @Override
    public PlaylistSummary createPlaylist(String name, String description, boolean isPublic) {
        if (name == null || name.isBlank()) {
            throw new ValidationException("name", "a new playlist needs a name (not blank)");
        }
        if (dialect == ApiDialect.ITEMS) {
            ObjectNode body = JSON.createObjectNode().put("name", name).put("public", isPublic);
            if (description != null) {
                body.put("description", description);
            }
            JsonNode created = json(caller.call("create a playlist", null,
                    token -> request(token, "POST", "/v1/me/playlists").jsonBody(body.toString()).build().execute()));
            return new PlaylistSummary(created.path("id").asText(), created.path("name").asText(name),
                    text(created.path("owner"), "id"), text(created, "snapshot_id"), 0);
        }
        String userId = currentUserId();
        se.michaelthelin.spotify.model_objects.specification.Playlist created = caller.call("create a playlist", null,
                token -> {
                    var builder = api(token).createPlaylist(userId, name).public_(isPublic);
                    if (description != null) {
                        builder.description(description);
                    }
                    return builder.build().execute();
                });
        return new PlaylistSummary(created.getId(), created.getName(), created.getOwner() == null ? userId
                : created.getOwner().getId(), created.getSnapshotId(), 0);
    }

    @Override
    public List<Track> likedTracks(int limit) {
        return catalog.likedTracks(limit);
    }

    @Override
    public List<Album> artistAlbums(String artistId) {
        requireId("artistId", artistId);
        return catalog.artistAlbums(artistId);
    }

    @Override
    public List<Track> albumTracks(String albumId) {
        requireId("albumId", albumId);
        return catalog.albumTracks(albumId);
    }

    @Override
    public List<Track> searchTracks(String query, int limit) {
        if (query == null || query.isBlank()) {
            throw new ValidationException("query", "a search needs a query (not blank)");
        }
        return catalog.searchTracks(query, limit);
    }

    @Override
    public String toString() {
        return "SpotifyPlaylistService[dialect=" + dialect + ", api=" + scheme + "://" + host + ":" + port + "]";
    }

    private SpotifyApi api(String token) {
        return SpotifyApi.builder().setAccessToken(token).setHttpManager(transport).setScheme(scheme).setHost(host)
                .setPort(port).build();
    }

    private ApiRequest.Builder request(String token, String method, String path) {
        return new ApiRequest.Builder(token, method, path).setDefaults(transport, scheme, host, port);
    }

    private static void batch(List<String> uris, int min) {
        Objects.requireNonNull(uris, "uris");
        if (uris.size() < min || uris.size() > MAX_BATCH) {
            throw new IllegalArgumentException("one call takes " + min + " to " + MAX_BATCH + " uris, got "
                    + uris.size() + "; use the ...All methods to split longer lists");
        }
        for (String uri : uris) {
            if (uri == null || uri.isBlank()) {
                throw new IllegalArgumentException("uris must not contain null or blank entries");
            }
        }
    }

    private static void requireId(String field, String id) {
        if (id == null || !SPOTIFY_ID.matcher(id).matches()) {
            throw new ValidationException(field, "must be a Spotify id (letters and digits, e.g. "
                    + "37i9dQZF1DXcBWIGoYBM5M), was " + (id == null ? "null" : "'" + (id.length() > 64
                    ? id.substring(0, 64) + "…" : id) + "'"));
        }
    }

    private static void uriArray(ArrayNode array, List<String> uris) {
        uris.forEach(array::add);
    }

    private static JsonNode json(String text) {
        if (text == null || text.isBlank()) {
            return JSON.createObjectNode();
        }
        try {
            return JSON.readTree(text);
        } catch (JsonProcessingException e) {
            throw new PlaylistServiceException("the service answered with JSON that could not be read ("
                    + e.getOriginalMessage() + ")", false, null);
        }
    }

    private static String snapshot(String answer) {
        if (answer == null || answer.isBlank()) {
            return null;
        }
        try {
            return text(JSON.readTree(answer), "snapshot_id");
        } catch (JsonProcessingException e) {
            // a 2xx whose body is not JSON (a proxy's page): the write was done, its snapshot id is unknown
            return null;
        }
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node == null ? null : node.get(field);
        return value == null || value.isNull() ? null : value.asText();
    }
}
