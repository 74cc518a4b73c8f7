package dev.shuffify.testing;

import dev.shuffify.store.ActivityStore;
import dev.shuffify.store.ExecutionStore;
import dev.shuffify.store.IntentStore;
import dev.shuffify.store.InMemoryShuffifyStore;
import dev.shuffify.store.ShuffifyStore;
import dev.shuffify.store.SnapshotStore;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * An in-memory store whose chosen operations ({@code "activity.append"}, {@code "snapshots.save"},
 * {@code "executions.save"}, {@code "recordOutcome"} …) can be switched to throw. Built from dynamic proxies, so
 * it keeps delegating whatever the store interfaces grow.
 */
final class FailingStore {
    private final InMemoryShuffifyStore delegate = new InMemoryShuffifyStore();
    private final Set<String> failing = ConcurrentHashMap.newKeySet();
    private final ShuffifyStore store;

    FailingStore() {
        this.store = proxy(ShuffifyStore.class, delegate, "", true);
    }

    /** The store to hand to the facade. */
    ShuffifyStore store() {
        return store;
    }

    /** The healthy store underneath, to inspect what was kept. */
    InMemoryShuffifyStore healthy() {
        return delegate;
    }

    /** Makes an operation throw from now on. */
    FailingStore fail(String operation) {
        failing.add(operation);
        return this;
    }

    /** Makes every operation work again. */
    void heal() {
        failing.clear();
    }

    private <T> T proxy(Class<T> type, T target, String prefix, boolean root) {
        Object p = Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[] {type}, (self, method, args) -> {
            String name = prefix + method.getName();
            if (failing.contains(name)) {
                throw new IllegalStateException("store down: " + name);
            }
            Object result;
            try {
                result = method.invoke(target, args);
            } catch (InvocationTargetException e) {
                throw e.getCause();
            }
            if (root && result instanceof ActivityStore a) {
                return proxy(ActivityStore.class, a, "activity.", false);
            }
            if (root && result instanceof SnapshotStore s) {
                return proxy(SnapshotStore.class, s, "snapshots.", false);
            }
            if (root && result instanceof ExecutionStore e) {
                return proxy(ExecutionStore.class, e, "executions.", false);
            }
            if (root && result instanceof IntentStore i) {
                return proxy(IntentStore.class, i, "intents.", false);
            }
            return result;
        });
        return type.cast(p);
    }
}
