package dev.shuffify.memory;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;

/**
 * One call made against a music service: by {@link InMemoryPlaylistService} in its own log, or by any
 * {@link dev.shuffify.spi.PlaylistService} as the test kit's harness records it.
 *
 * @param sequence 1-based position of the call among all calls since the last reset
 * @param operation the operation
 * @param userId the user the call was made as
 * @param playlistId the playlist concerned, or null
 * @param uris the uris a write carried, in the order sent (empty for reads, reorders and creates)
 * @param failed whether the call failed (an injected fault, or an exception the service threw)
 * @since 0.1.0
 */
public record Call(int sequence, Operation operation, String userId, String playlistId, List<String> uris,
        boolean failed) {

    /**
     * Copies the uris.
     *
     * @param sequence 1-based position of the call among all calls since the last reset
     * @param operation the operation
     * @param userId the user the call was made as
     * @param playlistId the playlist concerned, or null
     * @param uris the uris a write carried, in the order sent (empty for reads, reorders and creates)
     * @param failed whether the call failed
     */
    public Call {
        Objects.requireNonNull(operation, "operation");
        // a copy that keeps a null uri a caller sent (the service refuses it; the log still shows it)
        uris = uris == null ? List.of() : Collections.unmodifiableList(new ArrayList<>(uris));
    }

    /**
     * How many uris the call carried.
     *
     * @return the size of {@link #uris()} (0 for reads and reorders)
     */
    public int items() {
        return uris.size();
    }
}
