package dev.shuffify.guide;

import dev.shuffify.model.JobResult;
import dev.shuffify.model.Playlist;
import dev.shuffify.spi.JobContext;
import dev.shuffify.spi.JobExecutor;
import dev.shuffify.spi.ParamSpec;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;

/** A job type: removes duplicate tracks from the target playlist, keeping one copy of each. */
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

        List<String> uris = new ArrayList<>(playlist.uris());
        if (keepLast) {
            Collections.reverse(uris);
        }
        List<String> kept = new ArrayList<>(new LinkedHashSet<>(uris));
        if (keepLast) {
            Collections.reverse(kept);
        }
        int removed = playlist.size() - kept.size();
        if (removed > 0) {
            context.progress("removing " + removed + " duplicate(s) from " + playlist.name());
            context.playlists().replaceAll(playlistId, kept); // the engine snapshots the playlist first
        }
        return JobResult.builder().tracksRemoved(removed).tracksTotal(kept.size())
                .detail("duplicates", removed).build();
    }
}
