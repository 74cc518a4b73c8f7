/**
 * A complete, deterministic in-memory music service: playlists with snapshot ids and added dates, liked
 * songs, artists, albums and search, with per-operation call counting and fault injection. For embedding,
 * demos and tests; it enforces the same limits as the real service (at most 100 items per write).
 *
 * <p>Playlists hold every kind of entry the real service serves: tracks, episodes, local files, unavailable
 * entries (content withdrawn from the catalogue or blocked in the user's market,
 * {@link dev.shuffify.model.Track#unavailable}) and items of unknown types. As on the real service, reads return
 * all of them at their positions, positions of {@code reorderTracks} and {@code addTracks} count all of them,
 * and a write carrying anything but a track or episode uri (a local file,
 * {@value dev.shuffify.model.Track#UNAVAILABLE_URI}, an unknown type) is refused with a non-transient
 * {@link dev.shuffify.error.PlaylistServiceException} ("HTTP 400 Invalid track uri") and changes nothing.
 *
 * <p>The call log ({@link dev.shuffify.memory.Call}) records each call's operation, user, playlist and the
 * uris a write carried.
 */
package dev.shuffify.memory;
