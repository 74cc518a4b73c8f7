package dev.shuffify.spotify.internal;

import com.fasterxml.jackson.databind.JsonNode;
import dev.shuffify.model.Album;
import dev.shuffify.model.Artist;
import dev.shuffify.model.Track;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import se.michaelthelin.spotify.model_objects.IPlaylistItem;
import se.michaelthelin.spotify.model_objects.specification.AlbumSimplified;
import se.michaelthelin.spotify.model_objects.specification.ArtistSimplified;
import se.michaelthelin.spotify.model_objects.specification.PlaylistTrack;
import se.michaelthelin.spotify.model_objects.specification.TrackSimplified;

/**
 * Turns the service's track shapes into the core's {@link Track}: Jackson trees for the current dialect
 * (playlist items carry {@code item}) and spotify-web-api-java's model objects for the older one.
 */
public final class TrackMapping {

    private TrackMapping() {
    }

    /**
     * A playlist item object ({@code PlaylistTrackObject}) read as JSON.
     *
     * @param entry the entry
     * @param field {@code item} or {@code track}
     * @return the track, or null when the entry has no item (removed from the catalogue, no uri to keep)
     */
    public static Track fromPlaylistEntry(JsonNode entry, String field) {
        JsonNode item = entry.get(field);
        if (item == null || item.isNull()) {
            return null;
        }
        boolean local = entry.path("is_local").asBoolean(false) || item.path("is_local").asBoolean(false);
        Track track = fromTrackJson(item, local);
        return track == null ? null : track.withAddedAt(instant(entry.path("added_at").asText(null)));
    }

    /**
     * A {@code TrackObject} or {@code EpisodeObject} read as JSON.
     *
     * @param item the object
     * @param local whether it is a local file
     * @return the track, or null without a uri
     */
    public static Track fromTrackJson(JsonNode item, boolean local) {
        String uri = item.path("uri").asText(null);
        if (uri == null || uri.isBlank()) {
            return null;
        }
        List<Artist> artists = new ArrayList<>();
        for (JsonNode artist : item.path("artists")) {
            artists.add(new Artist(text(artist, "id"), artist.path("name").asText("")));
        }
        JsonNode albumNode = item.get("album");
        Album album = albumNode == null || albumNode.isNull() ? null
                : new Album(text(albumNode, "id"), albumNode.path("name").asText(""),
                        text(albumNode, "release_date"));
        return new Track(uri, local ? null : text(item, "id"), item.path("name").asText(""), artists, album,
                Duration.ofMillis(item.path("duration_ms").asLong(0)), item.path("popularity").asInt(0), null,
                local || uri.startsWith("spotify:local:"));
    }

    /**
     * A playlist item read by spotify-web-api-java.
     *
     * @param entry the entry
     * @return the track, or null when the entry has no item
     */
    public static Track fromModel(PlaylistTrack entry) {
        IPlaylistItem item = entry.getTrack();
        if (item == null || item.getUri() == null) {
            return null;
        }
        boolean local = Boolean.TRUE.equals(entry.getIsLocal()) || item.getUri().startsWith("spotify:local:");
        Track track = fromModelItem(item, local);
        return track.withAddedAt(instant(entry.getAddedAt()));
    }

    /**
     * A track or episode read by spotify-web-api-java.
     *
     * @param item the item
     * @param local whether it is a local file
     * @return the track
     */
    public static Track fromModelItem(IPlaylistItem item, boolean local) {
        List<Artist> artists = List.of();
        Album album = null;
        int popularity = 0;
        if (item instanceof se.michaelthelin.spotify.model_objects.specification.Track t) {
            artists = artists(t.getArtists());
            album = album(t.getAlbum());
            popularity = t.getPopularity() == null ? 0 : t.getPopularity();
        }
        long duration = item.getDurationMs() == null ? 0 : item.getDurationMs();
        return new Track(item.getUri(), local ? null : item.getId(), item.getName(), artists, album,
                Duration.ofMillis(duration), popularity, null, local);
    }

    /**
     * A simplified track (album tracks) read by spotify-web-api-java.
     *
     * @param t the track
     * @param album the album it belongs to
     * @return the track
     */
    public static Track fromSimplified(TrackSimplified t, Album album) {
        long duration = t.getDurationMs() == null ? 0 : t.getDurationMs();
        return new Track(t.getUri(), t.getId(), t.getName(), artists(t.getArtists()), album,
                Duration.ofMillis(duration), 0, null, t.getUri().startsWith("spotify:local:"));
    }

    /**
     * An album read by spotify-web-api-java.
     *
     * @param a the album, may be null
     * @return the album, or null
     */
    public static Album album(AlbumSimplified a) {
        return a == null ? null : new Album(a.getId(), a.getName(), a.getReleaseDate());
    }

    private static List<Artist> artists(ArtistSimplified[] artists) {
        if (artists == null) {
            return List.of();
        }
        List<Artist> out = new ArrayList<>(artists.length);
        for (ArtistSimplified a : artists) {
            out.add(new Artist(a.getId(), a.getName()));
        }
        return out;
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value == null || value.isNull() ? null : value.asText();
    }

    private static Instant instant(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return Instant.parse(text);
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    private static Instant instant(Date date) {
        return date == null ? null : date.toInstant();
    }
}
