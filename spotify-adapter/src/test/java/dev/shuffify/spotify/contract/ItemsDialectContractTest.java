package dev.shuffify.spotify.contract;

import dev.shuffify.spotify.ApiDialect;

/** The adapter in the current dialect ({@code /items}, {@code item}, pages of 50) passes the contract. */
class ItemsDialectContractTest extends SpotifyContract {
    ItemsDialectContractTest() {
        super(ApiDialect.ITEMS);
    }
}
