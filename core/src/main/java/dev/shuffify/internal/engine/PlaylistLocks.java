package dev.shuffify.internal.engine;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;
import java.util.function.Supplier;

/**
 * This node's locks of playlists: a run, a repair and a direct write (a restore) each hold the lock of every
 * playlist they write, so two never interleave writes on one playlist on this node (the playlist leases do so
 * across nodes).
 */
final class PlaylistLocks {
    private final Map<String, Semaphore> locks = new ConcurrentHashMap<>();

    /**
     * Takes a playlist's lock without waiting.
     *
     * @param playlistId the playlist
     * @param held receives the lock when taken
     * @return false when another holds it
     */
    boolean tryLock(String playlistId, List<Semaphore> held) {
        Semaphore lock = locks.computeIfAbsent(playlistId, k -> new Semaphore(1));
        if (!lock.tryAcquire()) {
            return false;
        }
        held.add(lock);
        return true;
    }

    /**
     * Runs an action holding a playlist's lock.
     *
     * @return the action's result, or empty when another holds the lock
     */
    <T> Optional<T> withLock(String playlistId, Supplier<T> action) {
        List<Semaphore> held = new java.util.ArrayList<>(1);
        if (!tryLock(playlistId, held)) {
            return Optional.empty();
        }
        try {
            return Optional.of(action.get());
        } finally {
            held.forEach(Semaphore::release);
        }
    }
}
