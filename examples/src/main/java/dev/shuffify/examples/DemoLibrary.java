package dev.shuffify.examples;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.shuffify.memory.InMemoryPlaylistService;
import dev.shuffify.model.Album;
import dev.shuffify.model.Artist;
import dev.shuffify.model.Track;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The demo's music library, shipped as the resource {@code demo/library.json}: a few hundred tracks over dozens
 * of artists and albums with release dates, several playlists (one of another user's), liked songs.
 */
public final class DemoLibrary {

    /** The demo user. */
    public final String user;
    /** Every track by id. */
    public final Map<String, Track> tracks;
    private final JsonNode root;
    private final Map<String, Artist> artists;
    private final Map<String, Album> albums;
    private final Map<String, String> albumArtist;

    private DemoLibrary(JsonNode root) {
        this.root = root;
        this.user = root.get("user").asText();
        this.artists = new LinkedHashMap<>();
        root.get("artists").forEach(a -> artists.put(a.get("id").asText(),
                new Artist(a.get("id").asText(), a.get("name").asText())));
        this.albums = new LinkedHashMap<>();
        this.albumArtist = new HashMap<>();
        root.get("albums").forEach(a -> {
            albums.put(a.get("id").asText(), new Album(a.get("id").asText(), a.get("name").asText(),
                    a.get("releaseDate").asText()));
            albumArtist.put(a.get("id").asText(), a.get("artist").asText());
        });
        this.tracks = new LinkedHashMap<>();
        root.get("tracks").forEach(t -> {
            String id = t.get("id").asText();
            tracks.put(id, new Track("spotify:track:" + id, id, t.get("name").asText(),
                    List.of(artists.get(t.get("artist").asText())), albums.get(t.get("album").asText()),
                    Duration.ofMillis(t.get("durationMs").asLong()), t.get("popularity").asInt(), null, false));
        });
    }

    /**
     * Loads the library from the class path.
     *
     * @return the library
     */
    public static DemoLibrary load() {
        try (InputStream in = DemoLibrary.class.getResourceAsStream("/demo/library.json")) {
            if (in == null) {
                throw new IllegalStateException("demo/library.json is missing from the class path");
            }
            return new DemoLibrary(new ObjectMapper().readTree(in));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * A music service seeded with the library: every playlist (items added one day apart, oldest first, ending
     * a day before the clock's now), the liked songs, the artists' albums.
     *
     * @param clock the service's clock
     * @return the service
     */
    public InMemoryPlaylistService seed(Clock clock) {
        InMemoryPlaylistService music = new InMemoryPlaylistService(clock);
        music.addUser(user);
        Instant now = clock.instant();
        for (JsonNode p : root.get("playlists")) {
            List<Track> items = new ArrayList<>();
            JsonNode ids = p.get("tracks");
            for (int i = 0; i < ids.size(); i++) {
                items.add(tracks.get(ids.get(i).asText()).withAddedAt(now.minus(Duration.ofDays(ids.size() - i))));
            }
            music.createPlaylist(p.get("owner").asText(), p.get("id").asText(), p.get("name").asText(), items);
        }
        List<Track> liked = new ArrayList<>();
        root.get("liked").forEach(id -> liked.add(tracks.get(id.asText())));
        music.setLikedTracks(user, liked);
        Map<String, List<Track>> byAlbum = new LinkedHashMap<>();
        tracks.values().forEach(t -> byAlbum.computeIfAbsent(t.album().id(), k -> new ArrayList<>()).add(t));
        byAlbum.forEach((albumId, list) -> music.addAlbum(artists.get(albumArtist.get(albumId)),
                albums.get(albumId), list));
        return music;
    }

    /**
     * The artists, by id.
     *
     * @return the artists
     */
    public Map<String, Artist> artists() {
        return artists;
    }
}
