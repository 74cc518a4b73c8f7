package dev.shuffify.executor.raid;

import dev.shuffify.error.JobExecutionException;
import dev.shuffify.error.PlaylistNotFoundException;
import dev.shuffify.error.ValidationException;
import dev.shuffify.executor.raid.discovery.CatalogLinks;
import dev.shuffify.model.JobResult;
import dev.shuffify.model.JobSpec;
import dev.shuffify.model.Playlist;
import dev.shuffify.spi.JobContext;
import dev.shuffify.spi.JobExecutor;
import dev.shuffify.spi.ParamSpec;
import dev.shuffify.spi.ValidationContext;
import dev.shuffify.spi.WritePlan;
import dev.shuffify.spi.support.Pinning;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The {@code drip} job type: releases tracks from a staging playlist into the target a few at a time.
 *
 * <p>Each run moves {@code drip_count} tracks (default 5) from {@code staging_playlist} (required: an id,
 * {@code spotify:playlist:} uri or {@code open.spotify.com/playlist/} link) to the {@code drip_position}
 * ({@code top}, the default, or {@code bottom}) of the target, choosing them by {@code drip_order}:
 * {@code oldest} (default: the tracks that have waited in staging longest — the earlier of the engine's
 * first sighting and the service's added date, else position) or {@code random}.
 *
 * <p>Add first, remove from staging second: a failure between the two leaves a track in both playlists,
 * never in neither. The next run finds such tracks (in staging and already in the target), removes them from
 * staging without adding them again, and counts them towards its {@code drip_count}; tracks an earlier run
 * since the schedule's last success already moved all the way (a failure, or a lost answer, on a later
 * batch of removals from staging) count too, so a retry never releases more than {@code drip_count} for the
 * drip it completes. "Top" means just below
 * any pinned tracks at the head of the target, so pins stay in place. Local files stay in staging.
 *
 * <p>The result: {@code tracksAdded} = tracks added to the target, {@code tracksRemoved} = 0 (nothing leaves
 * the target), {@code tracksTotal} = the target's size; details {@code staging_playlist},
 * {@code staging_removed}, {@code staging_remaining}, {@code completed_from_earlier_run} (leftovers
 * removed from staging) and {@code released_by_earlier_run} (tracks an earlier failed run moved completely).
 *
 * @since 0.1.0
 */
public final class DripExecutor implements JobExecutor {
    /** The job type id. */
    public static final String TYPE = "drip";
    /** Parameter: the staging playlist. */
    public static final String STAGING_PLAYLIST = "staging_playlist";
    /** Parameter: how many tracks one run moves. */
    public static final String DRIP_COUNT = "drip_count";
    /** Parameter: which tracks move first. */
    public static final String DRIP_ORDER = "drip_order";
    /** Parameter: where they go in the target. */
    public static final String DRIP_POSITION = "drip_position";
    /** Skip code: nothing left to release (staging is empty, or the drip was completed by an earlier run). */
    public static final String NOTHING_TO_RELEASE = "nothing_to_release";

    /** Creates the executor. */
    public DripExecutor() {
    }

    @Override
    public String type() {
        return TYPE;
    }

    @Override
    public String description() {
        return "Moves a few tracks per run from a staging playlist to the target.";
    }

    @Override
    public String displayName() {
        return "Drip";
    }

    @Override
    public List<ParamSpec> parameters() {
        return List.of(
                ParamSpec.string(STAGING_PLAYLIST, "The staging playlist tracks are released from (id, "
                        + "spotify: uri or open.spotify.com link)").asRequired(),
                ParamSpec.integer(DRIP_COUNT, "How many tracks one run moves").range(1, 1000).withDefault(5),
                ParamSpec.choice(DRIP_ORDER, "Which staging tracks move first", "oldest", "random")
                        .withDefault("oldest"),
                ParamSpec.choice(DRIP_POSITION, "Where the tracks go in the target", "top", "bottom")
                        .withDefault("top"));
    }

    /** The staging playlist: the engine keeps other jobs off it while a drip (or raid_and_drip) runs. */
    @Override
    public Set<String> otherPlaylistsWritten(JobSpec spec) {
        return spec.params().get(STAGING_PLAYLIST) instanceof String staging
                ? CatalogLinks.tryId(staging, "playlist").map(Set::of).orElse(Set.of())
                : Set.of();
    }

    @Override
    public void validate(ValidationContext context) {
        String field = "params." + STAGING_PLAYLIST;
        String stagingId = CatalogLinks.id(context.params().getString(STAGING_PLAYLIST).orElse(null), "playlist",
                field);
        if (context.spec().target() != null && stagingId.equals(CatalogLinks.tryId(context.spec().target().id(),
                "playlist").orElse(context.spec().target().id()))) {
            throw new ValidationException(field, "must differ from the target playlist '" + stagingId + "'");
        }
    }

    @Override
    public JobResult execute(JobContext context) {
        String targetId = context.spec().target().id();
        String stagingId = CatalogLinks.id(context.params().getString(STAGING_PLAYLIST).orElse(null), "playlist",
                "params." + STAGING_PLAYLIST);
        Playlist staging = readStaging(context, stagingId);
        Playlist target = context.playlists().playlist(targetId);
        Set<String> inTarget = new HashSet<>(target.uris());
        boolean oldest = "oldest".equals(context.params().getString(DRIP_ORDER, "oldest"));
        Map<String, Instant> firstSeen = oldest ? context.membership().firstSeen(stagingId) : Map.of();
        Set<String> inStaging = new HashSet<>(staging.uris());
        int releasedEarlier = releasedSinceLastSuccess(context, stagingId, target, inStaging);
        DripSelection.Plan plan = DripSelection.plan(staging.items(), inTarget,
                Math.max(0, context.params().getInt(DRIP_COUNT, 5) - releasedEarlier), oldest, firstSeen,
                context.random());
        context.planWrites(WritePlan.builder().add(targetId, plan.moved().size())
                .remove(stagingId, (int) plan.toRemove().stream().distinct().count()).build());
        if (!plan.moved().isEmpty()) {
            addToTarget(context, plan.moved(), target, targetId, stagingId);
        }
        List<String> toRemove = plan.toRemove();
        if (!toRemove.isEmpty()) {
            context.snapshotBeforeMutation(stagingId);
            context.playlists().removeAll(stagingId, toRemove);
        }
        return result(plan, toRemove, staging, stagingId, target, releasedEarlier);
    }

    private static Playlist readStaging(JobContext context, String stagingId) {
        try {
            return context.playlists().playlist(stagingId);
        } catch (PlaylistNotFoundException e) {
            throw new JobExecutionException("the staging playlist '" + stagingId + "' is gone or no longer "
                    + "readable; point " + STAGING_PLAYLIST + " at another playlist", e);
        }
    }

    /** Snapshots the target, then puts the moved tracks at its bottom or just below its pinned head. */
    private static void addToTarget(JobContext context, List<String> moved, Playlist target, String targetId,
            String stagingId) {
        context.snapshotBeforeMutation(targetId);
        context.progress("drip: moving " + moved.size() + " track(s) from '" + stagingId + "' to '"
                + targetId + "'");
        if ("bottom".equals(context.params().getString(DRIP_POSITION, "top"))) {
            context.playlists().addAll(targetId, moved);
        } else {
            int top = firstUnpinned(context, target);
            context.playlists().insertAll(targetId, moved, top);
        }
    }

    /** The result: counts, the staging details, and a skip when nothing moved or left staging. */
    private static JobResult result(DripSelection.Plan plan, List<String> toRemove, Playlist staging,
            String stagingId, Playlist target, int releasedEarlier) {
        Set<String> removed = new HashSet<>(toRemove);
        long remaining = staging.items().stream().filter(t -> !removed.contains(t.uri())).count();
        JobResult.Builder result = JobResult.builder();
        if (plan.moved().isEmpty() && toRemove.isEmpty()) {
            result.skipped(NOTHING_TO_RELEASE, "the staging playlist '" + stagingId + "' holds no track to release"
                    + (releasedEarlier > 0 ? " (an earlier run released " + releasedEarlier + " for this drip)" : ""));
        }
        return result
                .tracksAdded(plan.moved().size())
                .tracksTotal(target.size() + plan.moved().size())
                .detail(STAGING_PLAYLIST, stagingId)
                .detail("staging_removed", staging.size() - (int) remaining)
                .detail("staging_remaining", (int) remaining)
                .detail("completed_from_earlier_run", plan.leftovers().size())
                .detail("released_by_earlier_run", releasedEarlier)
                .build();
    }

    /**
     * How many tracks an earlier, failed run of this schedule already released for the drip that has not yet
     * succeeded: tracks now in the target (and no longer in staging) that the engine saw enter the target and
     * leave staging after the schedule's last success (or since it was created). A retry after a partial
     * release (say the second batch of removals from staging failed, or its answer was lost after it was
     * applied) counts them towards {@code drip_count}, so one drip never releases more than {@code drip_count}.
     */
    private static int releasedSinceLastSuccess(JobContext context, String stagingId, Playlist target,
            Set<String> inStaging) {
        Optional<Instant> lastSuccess = context.lastSuccessAt();
        Instant created = context.schedule().createdAt();
        int released = 0;
        for (Map.Entry<String, Instant> entered : context.membership().firstSeen(target.id()).entrySet()) {
            String uri = entered.getKey();
            if (inStaging.contains(uri) || !since(entered.getValue(), lastSuccess, created)) {
                continue;
            }
            Optional<Instant> left = context.membership().leftAt(stagingId, uri);
            if (left.isPresent() && since(left.get(), lastSuccess, created)) {
                released++;
            }
        }
        return released;
    }

    /** Strictly after the last success, or at or after the schedule's creation when it never succeeded. */
    static boolean since(Instant at, Optional<Instant> lastSuccess, Instant created) {
        return lastSuccess.map(at::isAfter).orElseGet(() -> !at.isBefore(created));
    }

    private static int firstUnpinned(JobContext context, Playlist target) {
        Set<Integer> pinned = Pinning.pinnedPositions(context.pins(target.id()), target.items());
        int position = 0;
        while (pinned.contains(position)) {
            position++;
        }
        return position;
    }
}
