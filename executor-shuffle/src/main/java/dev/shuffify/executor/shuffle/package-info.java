/**
 * The {@code shuffle} job type: reorders a playlist with a named {@link dev.shuffify.spi.ShuffleAlgorithm},
 * keeping pinned tracks in place, and writes the new order back by replacing the playlist or by moving
 * tracks in place (see {@link dev.shuffify.executor.shuffle.ShuffleExecutor}).
 */
package dev.shuffify.executor.shuffle;
