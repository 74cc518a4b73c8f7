package dev.shuffify.guide;

import dev.shuffify.model.JobResult;
import dev.shuffify.model.Playlist;
import dev.shuffify.model.Track;
import dev.shuffify.spi.JobContext;
import dev.shuffify.spi.JobExecutor;
import dev.shuffify.spi.ParamSpec;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A job type: removes duplicate tracks from the target playlist, keeping one copy of each where it stood.
 * Local files and unavailable entries, which the service cannot write, are never touched.
 */
public final class DedupeExecutor implements JobExecutor {

    @Override
    public String type() {
        return "dedupe";
    }

    @Override
    public String description() {
        return "Removes duplicate tracks, keeping one copy of each.";
    }

    @Override
    public List<ParamSpec> parameters() {
        return List.of(ParamSpec.choice("keep", "Which copy of a duplicate stays", "first", "last")
                .withDefault("first"));
    }

    @Override
    public JobResult execute(JobContext context) {
        String playlistId = context.spec().target().id();
        Playlist playlist = context.playlists().playlist(playlistId);
        boolean keepLast = context.params().getString("keep", "first").equals("last");

        // Only tracks and episodes can be written back: local files and unavailable entries are left alone.
        List<Track> items = playlist.items();
        Map<String, Integer> keptAt = new HashMap<>(); // uri -> position of the copy that stays
        Map<String, Integer> copies = new HashMap<>();
        for (int i = 0; i < items.size(); i++) {
            Track track = items.get(i);
            if (track.writable()) {
                copies.merge(track.uri(), 1, Integer::sum);
                if (keepLast || !keptAt.containsKey(track.uri())) {
                    keptAt.put(track.uri(), i);
                }
            }
        }
        Set<String> duplicated = new LinkedHashSet<>();
        copies.forEach((uri, n) -> {
            if (n > 1) {
                duplicated.add(uri);
            }
        });
        int removed = copies.values().stream().mapToInt(n -> n - 1).sum();
        if (removed == 0) {
            return JobResult.builder().tracksTotal(items.size()).detail("duplicates", 0).build();
        }

        // The service removes a uri everywhere it occurs: remove every copy, then put one back where the kept
        // copy stood. The engine records the playlist before the first write, and puts back what a run that
        // fails (or dies) in between lost. Every other entry keeps its place and its added date.
        context.progress("removing " + removed + " duplicate(s) from " + playlist.name());
        context.playlists().removeAll(playlistId, List.copyOf(duplicated));
        List<String> run = new ArrayList<>();
        int runStart = 0;
        int position = 0; // in the playlist as it will be
        for (int i = 0; i < items.size(); i++) {
            Track track = items.get(i);
            if (!track.writable() || !duplicated.contains(track.uri())) {
                insert(context, playlistId, run, runStart); // an entry that stays ends a run of put-backs
                position++;
            } else if (keptAt.get(track.uri()) == i) {
                if (run.isEmpty()) {
                    runStart = position;
                }
                run.add(track.uri());
                position++;
            }
        }
        insert(context, playlistId, run, runStart);
        return JobResult.builder().tracksRemoved(removed).tracksTotal(items.size() - removed)
                .detail("duplicates", removed).build();
    }

    private static void insert(JobContext context, String playlistId, List<String> run, int position) {
        if (!run.isEmpty()) {
            context.playlists().insertAll(playlistId, List.copyOf(run), position);
            run.clear();
        }
    }
}
