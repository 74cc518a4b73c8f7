package dev.shuffify.store;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * Records of one kind in the in-memory store, by key, read and written under the store's one lock: the save,
 * find, delete and filtered reads each record class would otherwise repeat.
 *
 * @param <V> the record
 */
final class LockedRecords<V> {
    private final Object lock;
    private final Map<String, V> map;
    private final Function<? super V, String> key;

    /**
     * Records over a map the store owns.
     *
     * @param lock the store's lock
     * @param map the records by key, in the order they were first saved
     * @param key a record's key
     */
    LockedRecords(Object lock, Map<String, V> map, Function<? super V, String> key) {
        this.lock = Objects.requireNonNull(lock, "lock");
        this.map = Objects.requireNonNull(map, "map");
        this.key = Objects.requireNonNull(key, "key");
    }

    /** Saves a record, replacing the one with its key. */
    void save(V value) {
        synchronized (lock) {
            map.put(key.apply(value), value);
        }
    }

    /** The record with this key. */
    Optional<V> find(String k) {
        synchronized (lock) {
            return Optional.ofNullable(map.get(k));
        }
    }

    /** Deletes the record with this key; whether there was one. */
    boolean delete(String k) {
        synchronized (lock) {
            return map.remove(k) != null;
        }
    }

    /** The records that match, in the order they were first saved. */
    List<V> where(Predicate<? super V> filter) {
        synchronized (lock) {
            return map.values().stream().filter(filter).toList();
        }
    }

    /** Reads or changes the records under the lock, in one step. */
    <T> T locked(Function<Map<String, V>, T> work) {
        synchronized (lock) {
            return work.apply(map);
        }
    }
}
