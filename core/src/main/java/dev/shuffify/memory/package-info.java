/**
 * A complete, deterministic in-memory music service: playlists with snapshot ids and added dates, liked
 * songs, artists, albums and search, with per-operation call counting and fault injection. For embedding,
 * demos and tests; it enforces the same limits as the real service (at most 100 items per write).
 */
package dev.shuffify.memory;
