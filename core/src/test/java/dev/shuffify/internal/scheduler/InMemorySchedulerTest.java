package dev.shuffify.internal.scheduler;

import dev.shuffify.store.InMemoryShuffifyStore;
import dev.shuffify.store.ShuffifyStore;

/** The scheduler over the in-memory store. */
class InMemorySchedulerTest extends SchedulerContract {
    @Override
    ShuffifyStore createStore() {
        return new InMemoryShuffifyStore();
    }
}
