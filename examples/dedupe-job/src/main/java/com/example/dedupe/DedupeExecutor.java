package com.example.dedupe;

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
 * Job type {@code dedupe}: removes duplicate tracks from the target, keeping the first occurrence of each.
 *
 * <p>The music service removes a uri everywhere it occurs, so "remove all but one copy" is not a call it
 * offers. The job removes every copy of each duplicated uri and puts one back where the first copy stood, so
 * every other entry keeps its place and its added date; local files and unavailable entries, which the
 * service cannot write, are never touched. The engine records the playlist before the first write; if the
 * run fails (or the host dies) between the removal and the put-back, the engine puts back what was lost.
 *
 * <p>Parameter {@code dry_report} (boolean, default false): only count the duplicates, change nothing.
 */
public final class DedupeExecutor implements JobExecutor {

    @Override
    public String type() {
        return "dedupe";
    }

    @Override
    public String description() {
        return "Removes duplicate tracks from the target playlist, keeping the first occurrence of each";
    }

    @Override
    public List<ParamSpec> parameters() {
        return List.of(ParamSpec.bool("dry_report", "only count the duplicates; change nothing")
                .withDefault(false));
    }

    @Override
    public JobResult execute(JobContext context) {
        String target = context.spec().target().id();
        Playlist playlist = context.playlists().playlist(target);
        List<Track> items = playlist.items();

        // only tracks and episodes can be written back: local files and unavailable entries are left alone
        Map<String, Integer> firstPosition = new HashMap<>();
        Set<String> duplicated = new LinkedHashSet<>();
        int removed = 0;
        for (int i = 0; i < items.size(); i++) {
            Track track = items.get(i);
            if (track.writable() && firstPosition.putIfAbsent(track.uri(), i) != null) {
                duplicated.add(track.uri());
                removed++;
            }
        }
        boolean dryReport = context.params().getBoolean("dry_report", false);
        JobResult.Builder result = JobResult.builder().tracksRemoved(dryReport ? 0 : removed)
                .detail("duplicates", removed);
        if (duplicated.isEmpty() || dryReport) {
            return result.tracksTotal(items.size()).build();
        }

        context.progress(duplicated.size() + " uris occur more than once; removing " + removed + " copies");
        context.playlists().removeAll(target, List.copyOf(duplicated));
        List<String> putBack = new ArrayList<>();
        int runStart = 0;
        int position = 0; // in the playlist as it will be
        for (int i = 0; i < items.size(); i++) {
            Track track = items.get(i);
            if (!track.writable() || !duplicated.contains(track.uri())) {
                putBack(context, target, putBack, runStart);
                position++;
            } else if (firstPosition.get(track.uri()) == i) {
                if (putBack.isEmpty()) {
                    runStart = position;
                }
                putBack.add(track.uri());
                position++;
            }
        }
        putBack(context, target, putBack, runStart);
        return result.tracksTotal(items.size() - removed).build();
    }

    private static void putBack(JobContext context, String playlistId, List<String> uris, int position) {
        if (!uris.isEmpty()) {
            context.playlists().insertAll(playlistId, List.copyOf(uris), position);
            uris.clear();
        }
    }
}
