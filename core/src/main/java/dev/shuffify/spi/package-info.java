/**
 * The plugin contracts: {@link dev.shuffify.spi.JobExecutor job types},
 * {@link dev.shuffify.spi.ShuffleAlgorithm shuffle algorithms},
 * {@link dev.shuffify.spi.DiscoveryStrategy discovery strategies}, the context they run in, typed
 * parameters, and the {@link dev.shuffify.spi.PlaylistService music-service port}.
 */
package dev.shuffify.spi;
