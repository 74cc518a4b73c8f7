package dev.shuffify.internal.scheduler;

import dev.shuffify.store.InMemoryShuffifyStore;
import dev.shuffify.store.ShuffifyStore;

/** The repair of abandoned runs over the in-memory store. */
class InMemoryAbandonedRunRepairTest extends AbandonedRunRepairContract {
    @Override
    ShuffifyStore createStore() {
        return new InMemoryShuffifyStore();
    }
}
