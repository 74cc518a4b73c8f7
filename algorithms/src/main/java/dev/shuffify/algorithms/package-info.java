/**
 * The built-in shuffle algorithms ({@code basic}, {@code percentage}, {@code balanced}, {@code stratified},
 * {@code artist_spacing}, {@code album_sequence}, {@code newest_first}, {@code artist_spread},
 * {@code merge_shuffle}), found through {@link java.util.ServiceLoader}, and
 * {@link dev.shuffify.algorithms.ArtistSpreadMetrics} to measure how well an order spreads artists.
 */
package dev.shuffify.algorithms;
