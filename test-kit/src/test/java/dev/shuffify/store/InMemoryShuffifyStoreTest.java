package dev.shuffify.store;

import dev.shuffify.testkit.ShuffifyStoreContract;

/** The store contract against the in-memory store. */
class InMemoryShuffifyStoreTest extends ShuffifyStoreContract {
    @Override
    protected ShuffifyStore createStore() {
        return new InMemoryShuffifyStore();
    }
}
