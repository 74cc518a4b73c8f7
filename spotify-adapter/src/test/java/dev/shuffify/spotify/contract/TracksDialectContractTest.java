package dev.shuffify.spotify.contract;

import dev.shuffify.spotify.ApiDialect;

/** The adapter in the extended-quota dialect ({@code /tracks}, {@code track}, pages of 100) passes the contract. */
class TracksDialectContractTest extends SpotifyContract {
    TracksDialectContractTest() {
        super(ApiDialect.TRACKS);
    }
}
