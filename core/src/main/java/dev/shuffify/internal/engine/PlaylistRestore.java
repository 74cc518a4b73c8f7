package dev.shuffify.internal.engine;

import dev.shuffify.spi.PlaylistService;
import java.util.List;
import java.util.Objects;

/**
 * Brings a playlist back to a wanted order of uris: the one home of every restore the library makes
 * (rollback after a failed job, a user's snapshot restore, the repair of an interrupted job).
 */
public final class PlaylistRestore {
    private PlaylistRestore() {
    }

    /**
     * What a restore did.
     *
     * @param playlistId the playlist
     * @param notRestored the wanted uris it could not bring back (entries the service will not take back),
     *     in wanted order; empty when the playlist now holds exactly the wanted entries
     * @param calls the write calls made
     */
    public record Outcome(String playlistId, List<String> notRestored, int calls) {
        /**
         * Copies.
         *
         * @param playlistId the playlist
         * @param notRestored the wanted uris it could not bring back (entries the service will not take back),
         *     in wanted order; empty when the playlist now holds exactly the wanted entries
         * @param calls the write calls made
         */
        public Outcome {
            Objects.requireNonNull(playlistId, "playlistId");
            notRestored = List.copyOf(notRestored);
        }

        /**
         * Whether the playlist now holds exactly the wanted entries.
         *
         * @return true when nothing was left out
         */
        public boolean complete() {
            return notRestored.isEmpty();
        }
    }

    /**
     * Restores {@code wanted} on the playlist.
     *
     * @param service the owner's service
     * @param playlistId the playlist
     * @param wanted the wanted uris in order
     * @return what was done
     */
    public static Outcome restore(PlaylistService service, String playlistId, List<String> wanted) {
        int calls = service.replaceAll(playlistId, wanted);
        return new Outcome(playlistId, List.of(), calls);
    }
}
