/**
 * The {@code raid} job type (pull new tracks from discovery sources into a playlist) and the {@code drip} job
 * type (release tracks from a staging playlist a few at a time); with them the chains {@code raid_and_shuffle}
 * and {@code raid_and_drip} work.
 */
package dev.shuffify.executor.raid;
