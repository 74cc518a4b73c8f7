package dev.shuffify.testkit;

import dev.shuffify.error.PlaylistNotFoundException;
import dev.shuffify.memory.InMemoryPlaylistService;
import dev.shuffify.model.PlaylistSummary;
import dev.shuffify.spi.PlaylistService;
import dev.shuffify.spi.PlaylistServiceConnector;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * How the harness reads playlists for its entry check, outside the call log: the in-memory service's own
 * inspection (no call is counted), or any other connector's service as the harness user sees it (one read of
 * the library and one per playlist, made on the wrapped connector, so the run's call log does not show them).
 */
interface PlaylistReader {

    /**
     * The uris of every playlist the reader can see, by id.
     *
     * @return the playlists' uris
     */
    Map<String, List<String>> all();

    /**
     * The uris of one playlist, or empty when it does not exist (any more).
     *
     * @param playlistId the playlist
     * @return its uris
     */
    Optional<List<String>> uris(String playlistId);

    static PlaylistReader of(PlaylistServiceConnector connector, String userId) {
        if (connector instanceof InMemoryPlaylistService music) {
            return new PlaylistReader() {
                @Override
                public Map<String, List<String>> all() {
                    Map<String, List<String>> all = new LinkedHashMap<>();
                    music.playlistIds().forEach(id -> all.put(id, music.uris(id)));
                    return all;
                }

                @Override
                public Optional<List<String>> uris(String playlistId) {
                    return music.hasPlaylist(playlistId) ? Optional.of(music.uris(playlistId)) : Optional.empty();
                }
            };
        }
        return new PlaylistReader() {
            @Override
            public Map<String, List<String>> all() {
                PlaylistService service = connector.connect(userId);
                Map<String, List<String>> all = new LinkedHashMap<>();
                for (PlaylistSummary p : service.playlists()) {
                    all.put(p.id(), service.playlist(p.id()).uris());
                }
                return all;
            }

            @Override
            public Optional<List<String>> uris(String playlistId) {
                try {
                    return Optional.of(connector.connect(userId).playlist(playlistId).uris());
                } catch (PlaylistNotFoundException e) {
                    return Optional.empty();
                }
            }
        };
    }
}
