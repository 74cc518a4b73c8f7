package com.example.dedupe;

import dev.shuffify.model.JobResult;
import dev.shuffify.model.Playlist;
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
 * offers. The job therefore writes the deduplicated list back with {@code replaceAll} (one replace of the first
 * 100, then appends of 100). The engine has taken a snapshot before that first write, and its post-write
 * verification restores the snapshot if a call fails halfway; a plugin gets that safety for free.
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
        List<String> uris = playlist.uris();

        Map<String, Integer> firstPosition = new HashMap<>();
        Set<String> duplicated = new LinkedHashSet<>();
        for (int i = 0; i < uris.size(); i++) {
            if (firstPosition.putIfAbsent(uris.get(i), i) != null) {
                duplicated.add(uris.get(i));
            }
        }
        int removed = 0;
        for (String uri : duplicated) {
            removed += (int) uris.stream().filter(uri::equals).count() - 1;
        }
        JobResult.Builder result = JobResult.builder().tracksRemoved(context.params().getBoolean("dry_report",
                false) ? 0 : removed).detail("duplicates", removed);
        if (duplicated.isEmpty() || context.params().getBoolean("dry_report", false)) {
            return result.tracksTotal(uris.size()).build();
        }

        context.progress(duplicated.size() + " uris occur more than once; removing " + removed + " copies");
        List<String> kept = new ArrayList<>(new LinkedHashSet<>(uris));
        context.playlists().replaceAll(target, kept);
        return result.tracksTotal(kept.size()).build();
    }
}
