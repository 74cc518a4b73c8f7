package dev.shuffify.examples.crash;

import dev.shuffify.event.JobEvent;
import dev.shuffify.Shuffify;
import dev.shuffify.memory.InMemoryPlaylistService;
import dev.shuffify.spi.PlaylistService;
import dev.shuffify.store.jdbc.JdbcShuffifyStore;
import java.io.IOException;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The host that gets killed, run in its own JVM by {@link KillNineRecoveryTest}: opens the embedded database,
 * starts the scheduler (the schedule is due) and lets it run the job against the music service of the state
 * file. After each write the service applied, it saves the service's state and prints {@code WROTE <n>}; after
 * write {@code killAt} it blocks until the parent kills it ({@code kill -9}). With {@code killAt = 0} it lets the
 * job finish and prints {@code DONE <status> <writes>}.
 *
 * <p>Arguments: the database file, the state file, {@code killAt}.
 */
public final class CrashChild {
    static final String WROTE = "WROTE ";
    static final String DONE = "DONE ";
    private static final Set<String> WRITES = Set.of("addTracks", "removeTracks", "replaceTracks",
            "reorderTracks");

    private CrashChild() {
    }

    /**
     * Runs the host.
     *
     * @param args the database file, the state file, the write after which to stop
     * @throws Exception when the host fails
     */
    public static void main(String[] args) throws Exception {
        Path db = Path.of(args[0]);
        Path state = Path.of(args[1]);
        int killAt = Integer.parseInt(args[2]);
        Map<String, String> names = CrashWorld.names(state);
        InMemoryPlaylistService music = CrashWorld.music(state);
        AtomicInteger writes = new AtomicInteger();
        CompletableFuture<JobEvent> ended = new CompletableFuture<>();
        try (JdbcShuffifyStore store = JdbcShuffifyStore.embedded(db)) {
            Shuffify host = CrashWorld.host(store, "child")
                    .connector(user -> applyThenSignal(music.connect(user), music, names, state, writes, killAt))
                    .listener(e -> {
                        if (e.type() == JobEvent.Type.SUCCEEDED || e.type() == JobEvent.Type.FAILED) {
                            ended.complete(e);
                        }
                    })
                    .build();
            host.start();
            JobEvent end = ended.get();
            host.close();
            System.out.println(DONE + end.execution().status().wireName() + " " + writes.get());
            System.out.flush();
        }
    }

    private static PlaylistService applyThenSignal(PlaylistService real, InMemoryPlaylistService music,
            Map<String, String> names, Path state, AtomicInteger writes, int killAt) {
        return (PlaylistService) Proxy.newProxyInstance(CrashChild.class.getClassLoader(),
                new Class<?>[] {PlaylistService.class}, (proxy, method, args) -> {
                    if (method.isDefault()) { // the batching helpers: their single calls come back through here
                        return InvocationHandler.invokeDefault(proxy, method, args);
                    }
                    Object result;
                    try {
                        result = method.invoke(real, args);
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    }
                    if (WRITES.contains(method.getName())) {
                        CrashWorld.save(state, names, music); // the service applied the write: it stays applied
                        int n = writes.incrementAndGet();
                        System.out.println(WROTE + n);
                        System.out.flush();
                        if (n == killAt) {
                            waitForTheKill();
                        }
                    }
                    return result;
                });
    }

    private static void waitForTheKill() throws IOException {
        while (System.in.read() >= 0) {
            // the parent never writes; it kills this process
        }
        throw new IllegalStateException("the parent closed stdin without killing the host");
    }
}
