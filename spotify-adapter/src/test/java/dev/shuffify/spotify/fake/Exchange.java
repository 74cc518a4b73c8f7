package dev.shuffify.spotify.fake;

import java.time.Instant;

/**
 * One request the fake received and what it answered.
 *
 * @param at when it arrived, by the fake's clock
 * @param method the HTTP method
 * @param path the request path, e.g. {@code /v1/playlists/p1/items}
 * @param query the raw query string, or null
 * @param endpoint the matched endpoint, e.g. {@code GET /v1/playlists/{playlist_id}/items}, or the path when none
 *     matched
 * @param contentType the request's content type, or null
 * @param requestBody the request body, or empty
 * @param status the answered status
 * @param responseBody the answered body, or empty
 * @param retryAfter the answered Retry-After header, or null
 */
public record Exchange(Instant at, String method, String path, String query, String endpoint, String contentType,
        String requestBody, int status, String responseBody, String retryAfter) {
}
