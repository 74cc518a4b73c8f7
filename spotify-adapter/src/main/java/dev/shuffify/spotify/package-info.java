/**
 * The Spotify adapter: {@link dev.shuffify.spotify.SpotifyConnector} gives the engine a
 * {@link dev.shuffify.spi.PlaylistService} per user, built on spotify-web-api-java, with encrypted refresh
 * tokens, retries, a per-application rate budget and account health.
 */
package dev.shuffify.spotify;
