/**
 * The built-in discovery strategies of the raid job type — {@code playlist}, {@code liked}, {@code artist},
 * {@code album_queue} and {@code search} — and {@link dev.shuffify.executor.raid.discovery.CatalogLinks},
 * which reads ids, {@code spotify:} uris and {@code open.spotify.com} links.
 */
package dev.shuffify.executor.raid.discovery;
