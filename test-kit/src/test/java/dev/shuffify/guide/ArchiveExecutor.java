package dev.shuffify.guide;

import dev.shuffify.error.JobExecutionException;
import dev.shuffify.model.JobResult;
import dev.shuffify.model.Playlist;
import dev.shuffify.model.PlaylistPair;
import dev.shuffify.model.Track;
import dev.shuffify.spi.JobContext;
import dev.shuffify.spi.JobExecutor;
import dev.shuffify.spi.ParamSpec;
import dev.shuffify.spi.support.Pinning;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A job type that moves tracks between two playlists: tracks in the target for longer than
 * {@code older_than_days} go to the target's archive (its playlist pair). Pinned tracks stay.
 */
public final class ArchiveExecutor implements JobExecutor {

    @Override
    public String type() {
        return "archive_old";
    }

    @Override
    public String description() {
        return "Moves tracks older than older_than_days to the playlist's archive.";
    }

    @Override
    public List<ParamSpec> parameters() {
        return List.of(ParamSpec.integer("older_than_days", "Age in days").atLeast(1).withDefault(30));
    }

    @Override
    public JobResult execute(JobContext context) {
        String productionId = context.spec().target().id();
        PlaylistPair pair = context.pair(productionId).orElseThrow(() -> new JobExecutionException(
                "playlist '" + productionId + "' has no archive; create a pair first"));
        String archiveId = pair.archive().id();

        Playlist production = context.playlists().playlist(productionId);
        Set<String> archived = new HashSet<>(context.playlists().playlist(archiveId).uris());
        Map<String, Instant> firstSeen = context.membership().firstSeen(productionId);
        Instant cutoff = context.clock().instant().minus(Duration.ofDays(context.params().getInt("older_than_days")));

        Set<String> pinned = new HashSet<>();
        for (int position : Pinning.pinnedPositions(context.pins(productionId), production.items())) {
            pinned.add(production.items().get(position).uri());
        }
        Set<String> old = new LinkedHashSet<>();
        for (Track track : production.items()) {
            Instant since = earliest(firstSeen.get(track.uri()), track.addedAt());
            if (since != null && since.isBefore(cutoff) && !pinned.contains(track.uri())) {
                old.add(track.uri());
            }
        }
        List<String> toArchive = old.stream().filter(uri -> !archived.contains(uri)).toList();
        context.playlists().addAll(archiveId, toArchive); // 1. add to the destination
        context.playlists().removeAll(productionId, List.copyOf(old)); // 2. then remove from the source

        int removed = (int) production.uris().stream().filter(old::contains).count();
        return JobResult.builder().tracksRemoved(removed).tracksTotal(production.size() - removed)
                .detail("archived", toArchive.size()).build();
    }

    private static Instant earliest(Instant a, Instant b) {
        return a == null ? b : b == null || a.isBefore(b) ? a : b;
    }
}
