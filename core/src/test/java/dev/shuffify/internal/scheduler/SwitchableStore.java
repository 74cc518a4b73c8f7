package dev.shuffify.internal.scheduler;

import dev.shuffify.store.ExecutionStore;
import dev.shuffify.store.InMemoryShuffifyStore;
import dev.shuffify.store.IntentStore;
import dev.shuffify.store.ScheduleStore;
import dev.shuffify.store.ShuffifyStore;
import dev.shuffify.store.StoreException;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;

/**
 * An in-memory store whose chosen operations ({@code "schedules.find"}, {@code "recordOutcome"},
 * {@code "executions.save"} …) throw a {@link StoreException}: before the call (nothing written) or after it
 * (written, but the caller is told it failed), optionally only for some arguments.
 */
final class SwitchableStore {
    /** When an operation fails. */
    enum When {
        BEFORE, AFTER
    }

    private record Rule(When when, Predicate<Object[]> args) {
    }

    private final InMemoryShuffifyStore delegate = new InMemoryShuffifyStore();
    private final Map<String, Rule> failing = new ConcurrentHashMap<>();
    final Map<String, AtomicInteger> calls = new ConcurrentHashMap<>();
    private final ShuffifyStore store;

    SwitchableStore() {
        this.store = proxy(ShuffifyStore.class, delegate, "", true);
    }

    ShuffifyStore store() {
        return store;
    }

    /** The healthy store underneath. */
    InMemoryShuffifyStore healthy() {
        return delegate;
    }

    SwitchableStore fail(String operation) {
        return fail(operation, When.BEFORE, args -> true);
    }

    SwitchableStore fail(String operation, When when, Predicate<Object[]> args) {
        failing.put(operation, new Rule(when, args));
        return this;
    }

    void heal() {
        failing.clear();
    }

    int calls(String operation) {
        AtomicInteger n = calls.get(operation);
        return n == null ? 0 : n.get();
    }

    private <T> T proxy(Class<T> type, T target, String prefix, boolean root) {
        Object p = Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[] {type}, (self, method, args) -> {
            String name = prefix + method.getName();
            calls.computeIfAbsent(name, k -> new AtomicInteger()).incrementAndGet();
            Rule rule = failing.get(name);
            boolean fails = rule != null && rule.args().test(args == null ? new Object[0] : args);
            if (fails && rule.when() == When.BEFORE) {
                throw new StoreException("store down: " + name);
            }
            Object result;
            try {
                result = method.invoke(target, args);
            } catch (InvocationTargetException e) {
                throw e.getCause();
            }
            if (fails) {
                throw new StoreException("store down after " + name);
            }
            if (root && result instanceof ScheduleStore s) {
                return proxy(ScheduleStore.class, s, "schedules.", false);
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
