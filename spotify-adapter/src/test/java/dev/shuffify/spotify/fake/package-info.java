/**
 * A local, stateful fake of the Spotify Web API and accounts service on a loopback port, for the adapter's tests
 * and for examples and benchmarks (shipped in the adapter's test-jar).
 */
package dev.shuffify.spotify.fake;
