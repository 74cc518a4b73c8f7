/**
 * The Spotify demo ({@link dev.shuffify.examples.spotify.SpotifyDemo}): the embedded host run against a real
 * Spotify account, previewing (or, with {@code --apply}, running) a shuffle, raid or rotate schedule on one of
 * the account's playlists.
 */
package dev.shuffify.examples.spotify;
