/**
 * Internals of the Spotify adapter (transport, request builders, retries, rate budget, tokens); may change at
 * any time and never appears in a public signature.
 */
package dev.shuffify.spotify.internal;
