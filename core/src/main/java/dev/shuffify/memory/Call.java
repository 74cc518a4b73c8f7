package dev.shuffify.memory;

/**
 * One call made against {@link InMemoryPlaylistService}.
 *
 * @param sequence 1-based position of the call among all calls since the last reset
 * @param operation the operation
 * @param userId the user the call was made as
 * @param playlistId the playlist concerned, or null
 * @param items the number of uris in a write (0 for reads and reorders)
 * @param failed whether an injected fault failed the call
 * @since 0.1.0
 */
public record Call(int sequence, Operation operation, String userId, String playlistId, int items, boolean failed) {
}
