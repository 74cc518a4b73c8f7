package dev.shuffify.executor.rotate;

import dev.shuffify.error.AuthenticationException;
import dev.shuffify.error.JobExecutionException;
import dev.shuffify.error.PlaylistNotFoundException;
import dev.shuffify.error.ValidationException;
import dev.shuffify.error.ValidationException.FieldError;
import dev.shuffify.executor.rotate.RotationSettings.Mode;
import dev.shuffify.executor.rotate.RotationSettings.ReturnOrder;
import dev.shuffify.model.JobResult;
import dev.shuffify.model.JobSpec;
import dev.shuffify.model.Notice;
import dev.shuffify.model.Pin;
import dev.shuffify.model.Playlist;
import dev.shuffify.model.PlaylistPair;
import dev.shuffify.model.PlaylistRef;
import dev.shuffify.model.SnapshotType;
import dev.shuffify.model.Track;
import dev.shuffify.spi.JobContext;
import dev.shuffify.spi.JobExecutor;
import dev.shuffify.spi.ParamSpec;
import dev.shuffify.spi.Params;
import dev.shuffify.spi.PlaylistService;
import dev.shuffify.spi.ValidationContext;
import dev.shuffify.spi.WritePlan;
import dev.shuffify.spi.support.Pinning;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Job type {@code rotate}: cycles tracks between a production playlist (the schedule's target) and the archive
 * playlist it is paired with.
 *
 * <ul>
 * <li>{@code archive_oldest} moves the N oldest production tracks to the archive;</li>
 * <li>{@code refresh} replaces the N oldest production tracks with the N newest archive tracks that are not in
 * production yet; the archive keeps the tracks it lends (they are copied), and receives the tracks taken out of
 * production unless it already holds them;</li>
 * <li>{@code swap} exchanges the N oldest production tracks with N archive tracks, chosen by
 * {@code return_order}; it can keep production at a {@code target_size}.</li>
 * </ul>
 *
 * <p>"Oldest" means earliest in the engine's membership history of the playlist, then earliest
 * {@code addedAt}, then nearest the top. In the archive, how long a track has waited is its membership
 * history, then its position. Pinned tracks and the top {@code protect_count} tracks are never rotated out;
 * local files are never moved (the service cannot add them to a playlist).
 *
 * <p>Every track is added to its destination before it is removed from where it was, so no track is ever in
 * neither playlist; a track already in its destination is never added twice. A removal whose call fails in a
 * way that may have reached the service (a server error) is sent once more, since removing is idempotent. Any
 * other failure undoes the steps already made, newest first, so both playlists are as they were and the next
 * run performs the whole rotation.
 *
 * <p>Parameters: {@value #ROTATION_MODE} (required at schedule creation), {@value #ROTATION_COUNT} (default 5),
 * {@value #RETURN_ORDER}, {@value #TARGET_SIZE} (swap only) and {@value #PROTECT_COUNT}.
 *
 * @since 0.1.0
 */
public final class RotateExecutor implements JobExecutor {

    /** The job type id. */
    public static final String TYPE = "rotate";
    /** Parameter: {@code archive_oldest}, {@code refresh} or {@code swap}. */
    public static final String ROTATION_MODE = "rotation_mode";
    /** Parameter: how many tracks to rotate per run, a positive integer (default 5). */
    public static final String ROTATION_COUNT = "rotation_count";
    /** Parameter (swap): {@code longest_archived} (default) or {@code most_recently_archived}. */
    public static final String RETURN_ORDER = "return_order";
    /** Parameter (swap): the size production is kept at. */
    public static final String TARGET_SIZE = "target_size";
    /** Parameter: how many tracks at the top of production are never rotated out (default 0). */
    public static final String PROTECT_COUNT = "protect_count";
    /** Skip code: production is empty. */
    public static final String EMPTY_PLAYLIST = "empty_playlist";
    /** Skip code: nothing may move for no other reason given (both playlists hold the same tracks …). */
    public static final String NOTHING_TO_ROTATE = "nothing_to_rotate";
    /** Warning and skip code: no production track may leave (all pinned, protected, local or unavailable). */
    public static final String ALL_TRACKS_PROTECTED = RotationPlan.ALL_TRACKS_PROTECTED;
    /** Warning code: fewer production tracks than asked may leave. */
    public static final String ROTATION_LIMITED = RotationPlan.LIMITED;
    /** Warning code: the archive has fewer eligible tracks than asked. */
    public static final String ARCHIVE_EXHAUSTED = RotationPlan.ARCHIVE_EXHAUSTED;
    /** Warning code: production stays above {@code target_size}. */
    public static final String ABOVE_TARGET_SIZE = RotationPlan.ABOVE_TARGET_SIZE;
    /** Warning code: production stays below {@code target_size}. */
    public static final String BELOW_TARGET_SIZE = RotationPlan.BELOW_TARGET_SIZE;
    /** Warning code: a swap-only parameter was given with another mode. */
    public static final String SWAP_ONLY_IGNORED = "swap_only_parameter_ignored";
    /** Warning code: a removal whose call failed was sent again and succeeded. */
    public static final String REMOVAL_SENT_AGAIN = "removal_sent_again";
    /** The snapshot type of a rotation (production and archive). */
    public static final SnapshotType SNAPSHOT_TYPE = SnapshotType.AUTO_PRE_ROTATE;

    private static final List<ParamSpec> PARAMETERS = List.of(
            ParamSpec.choice(ROTATION_MODE, "What a rotation does: archive_oldest moves the oldest production "
                    + "tracks to the archive; refresh replaces them with the newest archive tracks (copied); swap "
                    + "exchanges them with archived tracks. Required when the schedule is created.",
                    Mode.ARCHIVE_OLDEST.wireName(), Mode.REFRESH.wireName(), Mode.SWAP.wireName()),
            ParamSpec.integer(ROTATION_COUNT, "How many tracks to rotate per run: a positive integer; clamped to "
                    + "the production size").withDefault(RotationSettings.DEFAULT_COUNT),
            ParamSpec.choice(RETURN_ORDER, "swap only: which archived tracks come back first. longest_archived "
                    + "brings every archived track back in turn; most_recently_archived makes the same tracks "
                    + "bounce", ReturnOrder.LONGEST_ARCHIVED.wireName(),
                    ReturnOrder.MOST_RECENTLY_ARCHIVED.wireName())
                    .withDefault(ReturnOrder.LONGEST_ARCHIVED.wireName()),
            ParamSpec.integer(TARGET_SIZE, "swap only: keep production at this many tracks; the oldest overflow "
                    + "goes to the archive first, a shortfall is filled from the archive").atLeast(1),
            ParamSpec.integer(PROTECT_COUNT, "How many tracks at the top of production are never rotated out")
                    .atLeast(0).withDefault(0));

    /** Creates the executor (stateless). */
    public RotateExecutor() {
    }

    @Override
    public String type() {
        return TYPE;
    }

    @Override
    public String description() {
        return "Cycles tracks between a production playlist and its paired archive (archive_oldest, refresh, swap)";
    }

    @Override
    public String displayName() {
        return "Rotate";
    }

    /**
     * A rotation works on the target's pair: the production playlist and its archive.
     *
     * @return true
     */
    @Override
    public boolean usesPair() {
        return true;
    }

    /**
     * Names the rotation mode, e.g. {@code rotate: swap}.
     *
     * @param spec the job as stored
     * @return {@code rotate: <rotation_mode>}, or {@code rotate} when none is given
     */
    @Override
    public String summary(JobSpec spec) {
        return spec.params().get(ROTATION_MODE) instanceof String mode && !mode.isBlank()
                ? TYPE + ": " + mode.strip().toLowerCase(java.util.Locale.ROOT) : TYPE;
    }

    @Override
    public List<ParamSpec> parameters() {
        return PARAMETERS;
    }

    @Override
    public SnapshotType snapshotType() {
        return SNAPSHOT_TYPE;
    }

    /**
     * Checks what the declared parameters cannot: {@value #ROTATION_MODE} must be given, {@value #ROTATION_COUNT}
     * must be a positive integer when given, and the swap-only parameters need {@code rotation_mode swap}.
     * Neither an algorithm nor sources are needed. A pair is not needed yet either: it may be created later.
     *
     * @param context the spec and its checked parameters
     * @throws ValidationException naming each offending field and what is allowed
     */
    @Override
    public void validate(ValidationContext context) {
        Map<String, Object> raw = context.spec().params();
        Params params = context.params();
        List<FieldError> errors = new ArrayList<>();
        if (raw.get(ROTATION_MODE) == null) {
            errors.add(new FieldError("params." + ROTATION_MODE, "is required: one of " + Mode.allowed()));
        }
        if (raw.containsKey(ROTATION_COUNT) && raw.get(ROTATION_COUNT) == null) {
            errors.add(new FieldError("params." + ROTATION_COUNT, "must be a positive integer (1 or more, default "
                    + RotationSettings.DEFAULT_COUNT + "), was null"));
        } else if (params.has(ROTATION_COUNT) && params.getInt(ROTATION_COUNT) < 1) {
            errors.add(new FieldError("params." + ROTATION_COUNT, "must be a positive integer (1 or more, default "
                    + RotationSettings.DEFAULT_COUNT + "), was " + params.getInt(ROTATION_COUNT)));
        }
        boolean swap = params.getString(ROTATION_MODE).map(Mode.SWAP.wireName()::equals).orElse(false);
        if (raw.get(ROTATION_MODE) != null && !swap) {
            for (String swapOnly : List.of(RETURN_ORDER, TARGET_SIZE)) {
                if (raw.get(swapOnly) != null) {
                    errors.add(new FieldError("params." + swapOnly, "only applies to rotation_mode swap, not "
                            + params.getString(ROTATION_MODE).orElse("") + "; remove it or use swap"));
                }
            }
        }
        if (!errors.isEmpty()) {
            throw new ValidationException(errors);
        }
    }

    @Override
    public JobResult execute(JobContext context) {
        RotationSettings settings = RotationSettings.from(context.params());
        PlaylistRef target = context.spec().target();
        if (target == null) {
            throw new JobExecutionException("a rotate job needs a target playlist (the production playlist)");
        }
        PlaylistPair pair = requirePair(context, target);
        PlaylistService service = context.playlists();
        Playlist production = read(service, target, "production playlist",
                "it may have been deleted; edit or delete the rotate schedule");
        if (production.size() == 0) {
            String empty = "production playlist " + describe(target) + " is empty; nothing to rotate";
            context.progress(empty);
            return JobResult.builder().detail("mode", settings.mode().wireName()).skipped(EMPTY_PLAYLIST, empty)
                    .build();
        }
        Playlist archive = read(service, pair.archive(), "archive playlist",
                "recreate it, or delete the pair and pair production " + target.id() + " with another archive");

        PlaylistState productionState = state(context, production, settings.protectCount());
        PlaylistState archiveState = state(context, archive, 0);
        RotationPlan plan = RotationPlanner.plan(settings, productionState, archiveState);
        JobResult.Builder result = planned(settings, plan, archive);
        warnIgnoredSwapOnly(context, settings, result);
        if (plan.isEmpty()) {
            String nothing = "nothing to rotate in " + describe(target);
            context.progress(nothing);
            Notice why = plan.notices().isEmpty() ? new Notice(NOTHING_TO_ROTATE, nothing) : plan.notices().get(0);
            return result.skipped(why.code(), why.message()).build();
        }
        context.progress(settings.mode().wireName() + ": " + plan.out().size() + " track(s) out of "
                + describe(target) + ", " + plan.in().size() + " in from " + describe(pair.archive()));
        write(context, settings, plan, production, archive).forEach(n -> result.warning(REMOVAL_SENT_AGAIN, n));
        return result.build();
    }

    /** The target's pair, or a failure telling the user to create one. */
    private static PlaylistPair requirePair(JobContext context, PlaylistRef target) {
        return context.pair(target.id()).orElseThrow(() -> new JobExecutionException(
                "playlist " + describe(target) + " has no archive to rotate with: create a playlist pair for it "
                        + "(production " + target.id() + " and an archive playlist), then run the rotation again"));
    }

    /** The result of a planned rotation: its counts, details and the plan's notices as warnings. */
    private static JobResult.Builder planned(RotationSettings settings, RotationPlan plan, Playlist archive) {
        JobResult.Builder result = JobResult.builder()
                .tracksAdded(plan.in().size())
                .tracksRemoved(plan.out().size())
                .tracksTotal(plan.production().size())
                .detail("mode", settings.mode().wireName())
                .detail("rotation_count", plan.count())
                .detail("archive_id", archive.id())
                .detail("moved_out", plan.out())
                .detail("brought_in", plan.in())
                .detail("archive_total", plan.archive().size());
        if (settings.mode() == Mode.SWAP) {
            result.detail("return_order", settings.returnOrder().wireName());
        }
        plan.notices().forEach(n -> result.warning(n.code(), n.message()));
        return result;
    }

    /** Warns of each swap-only parameter given with another mode: it is ignored. */
    private static void warnIgnoredSwapOnly(JobContext context, RotationSettings settings, JobResult.Builder result) {
        if (settings.mode() != Mode.SWAP) {
            for (String swapOnly : List.of(RETURN_ORDER, TARGET_SIZE)) {
                if (context.spec().params().get(swapOnly) != null) {
                    result.warning(SWAP_ONLY_IGNORED, swapOnly + " only applies to rotation_mode swap; ignored");
                }
            }
        }
    }

    /**
     * Performs the plan, adds before removals; on a failure undoes what was done and throws.
     *
     * @return the writer's notes (removals sent again)
     */
    private static List<String> write(JobContext context, RotationSettings settings, RotationPlan plan,
            Playlist production, Playlist archive) {
        Map<String, List<String>> current = new LinkedHashMap<>();
        current.put(production.id(), production.uris());
        current.put(archive.id(), archive.uris());
        RotationWriter writer = new RotationWriter(context.playlists(), current);
        announce(context, settings, plan, production, archive);
        String step = "";
        try {
            if (!plan.in().isEmpty()) {
                step = "adding " + plan.in().size() + " track(s) to production " + describe(production);
                writer.append(production.id(), plan.in());
            }
            Set<String> inArchive = new HashSet<>(archive.uris());
            List<String> toArchive = plan.out().stream().filter(u -> !inArchive.contains(u)).toList();
            if (!toArchive.isEmpty()) {
                step = "adding " + toArchive.size() + " track(s) to archive " + describe(archive);
                writer.append(archive.id(), toArchive);
            }
            if (settings.mode() == Mode.SWAP && !plan.in().isEmpty()) {
                step = "removing " + plan.in().size() + " track(s) from archive " + describe(archive);
                writer.removeKeeping(archive.id(), plan.in(), plan.archive());
            }
            if (!plan.out().isEmpty()) {
                step = "removing " + plan.out().size() + " track(s) from production " + describe(production);
                writer.removeKeeping(production.id(), plan.out(), plan.production());
            }
            if (!writer.current(archive.id()).equals(plan.archive())) {
                throw new IllegalStateException("archive " + archive.id() + " did not reach its planned state");
            }
        } catch (RuntimeException failure) {
            throw undone(writer, failure, step, production);
        }
        return writer.notes();
    }

    /** Tells the engine the writes to come, then snapshots both playlists before the first of them. */
    private static void announce(JobContext context, RotationSettings settings, RotationPlan plan,
            Playlist production, Playlist archive) {
        Set<String> archived = new HashSet<>(archive.uris());
        context.planWrites(WritePlan.builder()
                .add(production.id(), plan.in().size())
                .add(archive.id(), (int) plan.out().stream().filter(u -> !archived.contains(u)).count())
                .remove(archive.id(), settings.mode() == Mode.SWAP ? plan.in().size() : 0)
                .remove(production.id(), plan.out().size()).build());
        context.snapshotBeforeMutation(production.id());
        context.snapshotBeforeMutation(archive.id());
    }

    /**
     * Undoes the steps made so far and returns what to throw: an authentication failure itself (with the outcome
     * as a suppressed exception), anything else wrapped with the step that failed and the outcome.
     */
    private static RuntimeException undone(RotationWriter writer, RuntimeException failure, String step,
            Playlist production) {
        int started = writer.steps();
        String undoFailure = writer.undo();
        String outcome = undoFailure == null
                ? (started == 0 ? "nothing was changed"
                        : "its changes so far were undone, so both playlists are as they were; the next run "
                                + "rotates them afresh")
                : "undoing its changes failed too (" + undoFailure + "): every track is still in production or "
                        + "the archive, but some may be in both; restore the auto_pre_rotate snapshots to put "
                        + "both playlists back exactly";
        if (failure instanceof AuthenticationException auth) {
            auth.addSuppressed(new JobExecutionException("rotate of " + describe(production) + ": " + outcome));
            return auth;
        }
        return new JobExecutionException("rotate of " + describe(production) + " failed while " + step + ": "
                + failure.getMessage() + "; " + outcome, failure);
    }

    private static Playlist read(PlaylistService service, PlaylistRef ref, String role, String advice) {
        try {
            return service.playlist(ref.id());
        } catch (PlaylistNotFoundException e) {
            throw new JobExecutionException("the " + role + " " + describe(ref) + " no longer exists or cannot be "
                    + "read: " + advice, e);
        }
    }

    private static PlaylistState state(JobContext context, Playlist playlist, int protectCount) {
        List<Track> items = playlist.items();
        List<Pin> pins = context.pins(playlist.id());
        Set<String> protectedUris = new HashSet<>();
        for (int position : Pinning.pinnedPositions(pins, items)) {
            protectedUris.add(items.get(position).uri());
        }
        for (int i = 0; i < Math.min(protectCount, items.size()); i++) {
            protectedUris.add(items.get(i).uri());
        }
        return new PlaylistState(playlist.id(), items, context.membership().firstSeen(playlist.id()),
                protectedUris);
    }

    private static String describe(PlaylistRef ref) {
        return ref.name().isEmpty() ? "'" + ref.id() + "'" : "'" + ref.name() + "' (" + ref.id() + ")";
    }

    private static String describe(Playlist playlist) {
        return describe(new PlaylistRef(playlist.id(), playlist.name()));
    }
}
