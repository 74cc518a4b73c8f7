package dev.shuffify.examples.crash;

import dev.shuffify.SchedulerOptions;
import dev.shuffify.Shuffify;
import dev.shuffify.ShuffifyBuilder;
import dev.shuffify.memory.InMemoryPlaylistService;
import dev.shuffify.model.Album;
import dev.shuffify.model.Artist;
import dev.shuffify.model.Track;
import dev.shuffify.store.jdbc.JdbcShuffifyStore;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * What the killed host and the restarted host share: the embedded database file, and the music service's
 * state in a file (the music service is another process in real life: its state outlives the host). The state
 * is one line per playlist: id, name and the ordered uris. Tracks are rebuilt from their uris, so both sides
 * see the same catalogue.
 */
final class CrashWorld {
    static final String USER = "alice";
    static final String NODE = "host-1";
    static final long SEED = 14L;

    private CrashWorld() {
    }

    /** A catalogue track; its artist and album follow from the id, so any process rebuilds the same one. */
    static Track track(String uri) {
        String id = uri.substring(uri.lastIndexOf(':') + 1);
        int n = Math.floorMod(id.hashCode(), 9);
        return Track.of(id, "Song " + id, new Artist("artist" + n, "Artist " + n),
                new Album("album" + n, "Album " + n, "2020-01-0" + (1 + n % 9)));
    }

    /** {@code spotify:track:<prefix><i>} for i in [from, to). */
    static List<String> uris(String prefix, int from, int to) {
        List<String> out = new ArrayList<>();
        for (int i = from; i < to; i++) {
            out.add("spotify:track:" + prefix + i);
        }
        return out;
    }

    /** Writes the playlists' state (atomically: a crash of the writer never leaves half a file). */
    static void save(Path file, Map<String, String> names, Map<String, List<String>> playlists) {
        StringBuilder sb = new StringBuilder();
        playlists.forEach((id, uris) -> sb.append(id).append('\t').append(names.getOrDefault(id, id)).append('\t')
                .append(String.join(" ", uris)).append('\n'));
        try {
            Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
            Files.writeString(tmp, sb, StandardCharsets.UTF_8);
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The state of every playlist of the in-memory service named in {@code names}. */
    static void save(Path file, Map<String, String> names, InMemoryPlaylistService music) {
        Map<String, List<String>> state = new LinkedHashMap<>();
        names.keySet().forEach(id -> state.put(id, music.uris(id)));
        save(file, names, state);
    }

    /** Playlist id → name, in file order. */
    static Map<String, String> names(Path file) {
        Map<String, String> names = new LinkedHashMap<>();
        lines(file).forEach(l -> names.put(l[0], l[1]));
        return names;
    }

    /** Playlist id → ordered uris, in file order. */
    static Map<String, List<String>> load(Path file) {
        Map<String, List<String>> state = new LinkedHashMap<>();
        lines(file).forEach(l -> state.put(l[0], l[2].isEmpty() ? List.of() : Arrays.asList(l[2].split(" "))));
        return state;
    }

    private static List<String[]> lines(Path file) {
        try {
            return Files.readAllLines(file, StandardCharsets.UTF_8).stream().filter(l -> !l.isBlank())
                    .map(l -> l.split("\t", -1)).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A music service holding the playlists of the state file. */
    static InMemoryPlaylistService music(Path file) {
        InMemoryPlaylistService music = new InMemoryPlaylistService().addUser(USER);
        Map<String, String> names = names(file);
        load(file).forEach((id, uris) -> music.createPlaylist(USER, id, names.get(id),
                uris.stream().map(CrashWorld::track).toList()));
        return music;
    }

    /**
     * A host over the database: the plugins found on the class path, one scheduler node, ids {@code <process>-1},
     * {@code <process>-2} … (an execution's random source follows from its id, so every run of a case shuffles
     * alike).
     */
    static ShuffifyBuilder host(JdbcShuffifyStore store, String process) {
        AtomicInteger ids = new AtomicInteger();
        return Shuffify.builder().store(store).seed(SEED).idGenerator(() -> process + "-" + ids.incrementAndGet())
                .scheduler(SchedulerOptions.builder().nodeId(NODE).poolSize(1).build());
    }
}
