package dev.shuffify.spotify.internal;

import com.fasterxml.jackson.databind.JsonNode;
import dev.shuffify.model.Album;
import dev.shuffify.model.Artist;
import dev.shuffify.model.PlaylistSummary;
import dev.shuffify.model.Track;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

/**
 * The one reading of the service's playlist JSON, for both dialects: they differ only in the entry's field name
 * ({@code item} or {@code track}), the path segment and the page size, never in meaning.
 *
 * <p>Every entry of a page becomes a {@link Track} at its position: a {@code null} (or uri-less) item is
 * {@link Track#unavailable(Instant)}; {@code is_local} or a {@code spotify:local:} uri is a local file; an item of
 * type {@code episode}, in the {@code EpisodeObject} shape or the older track-like one, is an episode; any other
 * type is kept as {@link Track.Kind#OTHER}. No entry is dropped.
 */
public final class PlaylistJson {

    /**
     * One page of playlist entries.
     *
     * @param entries the entries, in order, every one of them
     * @param offset the page's offset
     * @param hasNext whether the service says more follow
     */
    public record Page(List<Track> entries, int offset, boolean hasNext) {
        /** Copies the entries. */
        public Page {
            entries = List.copyOf(entries);
        }
    }

    private PlaylistJson() {
    }

    /**
     * Reads a paging object of playlist entries.
     *
     * @param page the paging object
     * @param field {@code item} or {@code track}
     * @return the page
     */
    public static Page page(JsonNode page, String field) {
        List<Track> entries = new ArrayList<>();
        for (JsonNode entry : page.path("items")) {
            entries.add(entry(entry, field));
        }
        JsonNode next = page.get("next");
        return new Page(entries, page.path("offset").asInt(0), next != null && !next.isNull()
                && !next.asText("").isBlank());
    }

    /**
     * Reads one playlist entry ({@code PlaylistTrackObject}).
     *
     * @param entry the entry; a JSON null is an unavailable entry
     * @param field {@code item} or {@code track}; the other name is read when this one is absent
     * @return the entry, never null
     */
    public static Track entry(JsonNode entry, String field) {
        if (entry == null || entry.isNull()) {
            return Track.unavailable(null);
        }
        Instant addedAt = instant(text(entry, "added_at"));
        JsonNode item = entry.get(field);
        if (item == null) {
            item = entry.get(field.equals("item") ? "track" : "item");
        }
        if (item == null || item.isNull() || !item.isObject()) {
            return Track.unavailable(addedAt);
        }
        String uri = text(item, "uri");
        if (uri == null || uri.isBlank()) {
            return Track.unavailable(addedAt);
        }
        boolean local = entry.path("is_local").asBoolean(false) || item.path("is_local").asBoolean(false)
                || uri.startsWith("spotify:local:");
        String type = item.path("type").asText("");
        Track.Kind kind;
        if (local) {
            kind = Track.Kind.LOCAL;
        } else if (type.equals("episode") || uri.startsWith("spotify:episode:")) {
            kind = Track.Kind.EPISODE;
        } else if (type.equals("track") || (type.isEmpty() && uri.startsWith("spotify:track:"))) {
            kind = Track.Kind.TRACK;
        } else {
            kind = Track.Kind.OTHER;
        }
        List<Artist> artists = new ArrayList<>();
        for (JsonNode artist : item.path("artists")) {
            artists.add(new Artist(text(artist, "id"), artist.path("name").asText("")));
        }
        Album album = album(item.get("album"));
        JsonNode show = item.get("show");
        if (kind == Track.Kind.EPISODE && show != null && show.isObject()) {
            // the EpisodeObject shape: the show stands where a track has its album and artist
            album = new Album(text(show, "id"), show.path("name").asText(""), text(item, "release_date"));
            if (artists.isEmpty() && show.hasNonNull("publisher")) {
                artists.add(new Artist(null, show.get("publisher").asText()));
            }
        }
        return new Track(uri, local ? null : text(item, "id"), item.path("name").asText(""), artists, album,
                Duration.ofMillis(item.path("duration_ms").asLong(0)), item.path("popularity").asInt(0), addedAt,
                kind);
    }

    /**
     * Reads the entries of {@code GET /me/playlists}: entries that are {@code null} or carry no id (the service
     * sends such for some playlists it owns) are skipped.
     *
     * @param page the paging object
     * @param out where the summaries go
     * @return how many entries the page held, skipped ones included
     */
    public static int summaries(JsonNode page, List<PlaylistSummary> out) {
        int seen = 0;
        for (JsonNode p : page.path("items")) {
            seen++;
            if (p == null || p.isNull() || !p.isObject()) {
                continue;
            }
            String id = text(p, "id");
            if (id == null || id.isBlank()) {
                continue;
            }
            JsonNode counts = p.hasNonNull("items") ? p.get("items") : p.path("tracks");
            out.add(new PlaylistSummary(id, p.path("name").asText(""), text(p.path("owner"), "id"),
                    text(p, "snapshot_id"), counts.path("total").asInt(0)));
        }
        return seen;
    }

    private static Album album(JsonNode node) {
        if (node == null || !node.isObject()) {
            return null;
        }
        return new Album(text(node, "id"), node.path("name").asText(""), text(node, "release_date"));
    }

    /**
     * A text field, or null when absent or JSON null.
     *
     * @param node the object
     * @param field the field
     * @return the text, or null
     */
    public static String text(JsonNode node, String field) {
        JsonNode value = node == null ? null : node.get(field);
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
}
