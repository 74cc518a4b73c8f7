package dev.shuffify.executor.shuffle;

import dev.shuffify.error.AuthenticationException;
import dev.shuffify.error.JobExecutionException;
import dev.shuffify.error.PlaylistNotFoundException;
import dev.shuffify.spi.PluginDescriptor;
import dev.shuffify.error.PlaylistServiceException;
import dev.shuffify.error.ValidationException;
import dev.shuffify.error.ValidationException.FieldError;
import dev.shuffify.model.JobResult;
import dev.shuffify.model.JobSpec;
import dev.shuffify.model.Playlist;
import dev.shuffify.model.PlaylistRef;
import dev.shuffify.model.SnapshotType;
import dev.shuffify.model.Track;
import dev.shuffify.spi.JobContext;
import dev.shuffify.spi.JobExecutor;
import dev.shuffify.spi.ParamSpec;
import dev.shuffify.spi.Params;
import dev.shuffify.spi.PlaylistService;
import dev.shuffify.spi.PluginLookup;
import dev.shuffify.spi.ShuffleAlgorithm;
import dev.shuffify.spi.ShuffleRequest;
import dev.shuffify.spi.ValidationContext;
import dev.shuffify.spi.WritePlan;
import dev.shuffify.spi.support.MovePlan;
import dev.shuffify.spi.support.Pinning;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The {@code shuffle} job type: reads the target playlist once, reorders it with the schedule's algorithm
 * (pinned tracks stay where they are), and writes the new order back.
 *
 * <p>The algorithm is {@link JobSpec#algorithm()} with {@link JobSpec#algorithmParams()}. The job's own
 * parameter is {@value #WRITE_MODE}:
 * <ul>
 * <li>{@code replace} (default) — one replace of the first 100 tracks, then appends of 100:
 * 1 + ceil((N − 100) / 100) calls. The service gives every track a new added date.</li>
 * <li>{@code reorder} — moves tracks in place, so every track keeps its added date. The tracks on a longest
 * increasing subsequence of the new order stay; the other N − LIS are moved once each, neighbours that travel
 * together in one call, so at most N − LIS calls.</li>
 * </ul>
 * A playlist holding any entry the service cannot write back — a local file, an unavailable entry (content
 * withdrawn or blocked in the user's market), an item of an unknown type — is always written with
 * {@code reorder} (a replace would drop those entries for good), with a warning in the result. Every entry
 * counts in the positions of the moves, as it does on the service.
 *
 * <p>Before the first write the job tells the engine its plan ({@link JobContext#planWrites}): a replace of N
 * tracks, or the reorder calls of its moves with a replace as the other choice. The engine refuses a job whose
 * writes cannot be made before the job's deadline at the service's request budget, before anything is written
 * (a reorder of 5,000 tracks needs about 4,900 moves: at least 15.7 minutes at Spotify's default budget of 150
 * calls per 30 s, longer than the adapter's default 15-minute deadline), with the estimate and the choices
 * ({@code write_mode replace}, a longer deadline) in the message.
 *
 * <p>Nothing is written when the playlist is empty or the new order equals the current one. Every track is
 * kept: the new order is checked to be a permutation of the old before the first write. The engine
 * snapshots the playlist ({@link SnapshotType#AUTO_PRE_SHUFFLE}) before that write and restores it if the
 * writes fail halfway and leave tracks missing.
 *
 * <p>In the {@code raid_and_shuffle} chain the shuffle reads the target through the same context as the
 * raid, so it sees the raided tracks without a second read from the service.
 *
 * <pre>{@code
 * JobSpec spec = JobSpec.builder("shuffle")
 *         .target("37i9dQZF1DXcBWIGoYBM5M", "Morning mix")
 *         .algorithm("balanced")
 *         .algorithmParam("section_count", 4)
 *         .param("write_mode", "reorder")
 *         .build();
 * }</pre>
 *
 * @since 0.1.0
 */
public final class ShuffleExecutor implements JobExecutor {

    /** The job type id. */
    public static final String TYPE = "shuffle";

    /** The write-mode parameter: {@code replace} (default) or {@code reorder}. */
    public static final String WRITE_MODE = "write_mode";
    /** Skip code: the playlist is empty. */
    public static final String EMPTY_PLAYLIST = "empty_playlist";
    /** Skip code: every track of the playlist is pinned. */
    public static final String ALL_TRACKS_PINNED = "all_tracks_pinned";
    /** Skip code: the algorithm's order equals the current one. */
    public static final String ORDER_UNCHANGED = "order_unchanged";
    /** Warning code: entries the service cannot write back made the shuffle move tracks instead of replacing. */
    public static final String WROTE_WITH_MOVES = "wrote_with_moves";
    /** The snapshot type of a shuffle. */
    public static final SnapshotType SNAPSHOT_TYPE = SnapshotType.AUTO_PRE_SHUFFLE;

    private static final List<ParamSpec> PARAMETERS = List.of(
            ParamSpec.choice(WRITE_MODE, "How the new order is written: replace (fewest calls; every track gets "
                    + "a new added date) or reorder (moves tracks in place; keeps added dates)",
                    WriteMode.wireNames().toArray(String[]::new)).withDefault(WriteMode.REPLACE.wireName()));

    /** Creates the executor; it holds no state. */
    public ShuffleExecutor() {
    }

    @Override
    public String type() {
        return TYPE;
    }

    @Override
    public String description() {
        return "Reorders the target playlist with a shuffle algorithm, keeping pinned tracks in place.";
    }

    @Override
    public String displayName() {
        return "Shuffle";
    }

    /**
     * Names the algorithm, e.g. {@code shuffle: balanced}.
     *
     * @param spec the job as stored
     * @return {@code shuffle: <algorithm>}, or {@code shuffle} when none is named
     */
    @Override
    public String summary(JobSpec spec) {
        return spec.algorithm() == null || spec.algorithm().isBlank() ? TYPE : TYPE + ": " + spec.algorithm();
    }

    @Override
    public List<ParamSpec> parameters() {
        return PARAMETERS;
    }

    /**
     * {@inheritDoc}
     *
     * @return {@link SnapshotType#AUTO_PRE_SHUFFLE}
     */
    @Override
    public SnapshotType snapshotType() {
        return SNAPSHOT_TYPE;
    }

    /**
     * Checks that an algorithm is named, is registered, and accepts the given algorithm parameters. Errors
     * name {@code algorithm} or {@code algorithmParams.<name>} and say what is allowed.
     *
     * @param context the spec and the plugin lookup
     * @throws ValidationException listing every offending field
     */
    @Override
    public void validate(ValidationContext context) {
        JobSpec spec = context.spec();
        String name = spec.algorithm();
        if (name == null || name.isBlank()) {
            throw new ValidationException("algorithm", "is required for job type '" + TYPE + "'; known: "
                    + knownAlgorithms(context.plugins()));
        }
        Optional<ShuffleAlgorithm> algorithm = context.plugins().algorithm(name);
        if (algorithm.isEmpty()) {
            throw new ValidationException("algorithm", unknownAlgorithm(name, context.plugins()));
        }
        algorithmParams(algorithm.get(), spec, "algorithmParams");
    }

    @Override
    public JobResult execute(JobContext context) {
        PlaylistRef target = context.spec().target();
        if (target == null) {
            throw new JobExecutionException(TYPE + " needs a target playlist; the schedule has none");
        }
        ShuffleAlgorithm algorithm = algorithm(context);
        Params algorithmParams = algorithmParamsAtExecution(algorithm, context.spec());
        WriteMode requested = WriteMode.of(context.params().getString(WRITE_MODE, WriteMode.REPLACE.wireName()));

        Playlist playlist = read(context.playlists(), target);
        String label = label(target, playlist);
        JobResult.Builder result = JobResult.builder().tracksTotal(playlist.size())
                .detail("algorithm", algorithm.name());
        if (playlist.size() == 0) {
            return nothingToWrite(context, result, requested, EMPTY_PLAYLIST, label + " is empty; nothing to shuffle");
        }

        Set<Integer> pinned = Pinning.pinnedPositions(context.pins(target.id()), playlist.items());
        result.detail("pinnedTracks", pinned.size());
        if (pinned.size() >= playlist.size()) {
            return nothingToWrite(context, result, requested, ALL_TRACKS_PINNED, "every track of " + label
                    + " is pinned; nothing to shuffle");
        }
        List<Track> reordered = shuffle(algorithm, algorithmParams, playlist, pinned, context, label);
        if (uris(reordered).equals(playlist.uris())) {
            return nothingToWrite(context, result, requested, ORDER_UNCHANGED, label + ": the new order equals the "
                    + "current one; nothing to write");
        }

        WriteMode mode = requested;
        long fixed = playlist.items().stream().filter(t -> !t.writable()).count();
        if (mode == WriteMode.REPLACE && fixed > 0) {
            mode = WriteMode.REORDER;
            result.warning(WROTE_WITH_MOVES, label + " holds " + fixed + " entr" + (fixed == 1 ? "y" : "ies") + " the service cannot "
                    + "add back (local files or unavailable entries); wrote the new order with in-place moves "
                    + "(write_mode reorder) instead of a replace");
        }
        MovePlan moves = mode == WriteMode.REORDER
                ? MovePlan.of(NewOrder.sourcePositions(playlist.items(), reordered)) : null;
        context.planWrites(writePlan(target.id(), reordered.size(), moves, fixed == 0));
        context.snapshotBeforeMutation(target.id());
        int calls = mode == WriteMode.REPLACE
                ? replace(context, target.id(), reordered, label)
                : reorder(context, target.id(), playlist.items().size(), moves, label, result);
        return result.detail("writeMode", mode.wireName()).detail("writeCalls", calls)
                .detail("orderChanged", true).build();
    }

    private static JobResult nothingToWrite(JobContext context, JobResult.Builder result, WriteMode mode, String code,
            String why) {
        context.progress(why);
        return result.detail("writeMode", mode.wireName()).detail("writeCalls", 0).detail("orderChanged", false)
                .skipped(code, why).build();
    }

    private static ShuffleAlgorithm algorithm(JobContext context) {
        String name = context.spec().algorithm();
        if (name == null || name.isBlank()) {
            throw new JobExecutionException(TYPE + " needs an algorithm; the schedule names none. Known: "
                    + knownAlgorithms(context.plugins()));
        }
        return context.plugins().algorithm(name).orElseThrow(() -> new JobExecutionException(TYPE + " failed: "
                + unknownAlgorithm(name, context.plugins())));
    }

    private static Params algorithmParamsAtExecution(ShuffleAlgorithm algorithm, JobSpec spec) {
        try {
            return algorithmParams(algorithm, spec, "algorithmParams");
        } catch (ValidationException e) {
            throw new JobExecutionException(TYPE + " failed: the parameters of algorithm '" + algorithm.name()
                    + "' are no longer valid: " + e.getMessage(), e);
        }
    }

    private static Params algorithmParams(ShuffleAlgorithm algorithm, JobSpec spec, String field) {
        Params params = Params.parse(algorithm.parameters(), spec.algorithmParams(), field);
        try {
            algorithm.validate(params);
        } catch (ValidationException e) {
            throw e.prefixed(field);
        }
        return params;
    }

    private static String unknownAlgorithm(String name, PluginLookup plugins) {
        return "unknown algorithm '" + name + "'; known: " + knownAlgorithms(plugins) + ". "
                + plugins.whereToFind(PluginDescriptor.Kind.ALGORITHM, name);
    }

    private static String knownAlgorithms(PluginLookup plugins) {
        return plugins.algorithmNames().isEmpty() ? "none" : String.join(", ", plugins.algorithmNames());
    }

    private static Playlist read(PlaylistService service, PlaylistRef target) {
        try {
            return service.playlist(target.id());
        } catch (PlaylistNotFoundException e) {
            throw new JobExecutionException(TYPE + " failed: target playlist not found: " + label(target, null)
                    + " does not exist or can no longer be read", e);
        } catch (AuthenticationException e) {
            throw e;
        } catch (PlaylistServiceException e) {
            throw new JobExecutionException(TYPE + " failed: reading " + label(target, null) + " failed: "
                    + e.getMessage(), e);
        }
    }

    private static List<Track> shuffle(ShuffleAlgorithm algorithm, Params params, Playlist playlist,
            Set<Integer> pinned, JobContext context, String label) {
        List<Track> reordered;
        try {
            reordered = Pinning.reorderAround(playlist.items(), pinned, free -> {
                List<Track> out = algorithm.shuffle(new ShuffleRequest(free, params, context.random()));
                if (out == null) {
                    throw new IllegalStateException("it returned null");
                }
                return out;
            });
        } catch (RuntimeException e) {
            throw new JobExecutionException(TYPE + " of " + label + " failed: algorithm '" + algorithm.name()
                    + "' failed: " + e.getMessage() + "; nothing was written", e);
        }
        Optional<String> difference = NewOrder.difference(playlist.items(), reordered);
        if (difference.isPresent()) {
            throw new JobExecutionException(TYPE + " of " + label + " failed: algorithm '" + algorithm.name()
                    + "' did not return a permutation of the playlist (" + difference.get()
                    + "); nothing was written");
        }
        return reordered;
    }

    private static int replace(JobContext context, String playlistId, List<Track> reordered, String label) {
        List<String> uris = uris(reordered);
        int total = 1 + (Math.max(0, uris.size() - PlaylistService.MAX_BATCH) + PlaylistService.MAX_BATCH - 1)
                / PlaylistService.MAX_BATCH;
        context.progress("writing the new order of " + label + " (" + uris.size() + " tracks) in " + total
                + " call(s)");
        PlaylistService service = context.playlists();
        int call = 0;
        try {
            call++;
            service.replaceTracks(playlistId, uris.subList(0, Math.min(uris.size(), PlaylistService.MAX_BATCH)));
            for (int from = PlaylistService.MAX_BATCH; from < uris.size(); from += PlaylistService.MAX_BATCH) {
                call++;
                service.addTracks(playlistId, uris.subList(from, Math.min(uris.size(),
                        from + PlaylistService.MAX_BATCH)), null);
            }
        } catch (AuthenticationException e) {
            throw e;
        } catch (PlaylistServiceException e) {
            throw writeFailed(label, WriteMode.REPLACE, call, total, e);
        }
        return total;
    }

    /**
     * The writes of the new order: a replace of every track, or the planned moves (with a replace as the choice
     * that needs the fewest calls, when every entry can be written back).
     */
    private static WritePlan writePlan(String playlistId, int size, MovePlan moves, boolean replaceable) {
        if (moves == null) {
            return WritePlan.builder().replace(playlistId, size).build();
        }
        WritePlan.Builder plan = WritePlan.builder().reorder(playlistId, moves.moves().size());
        if (replaceable) {
            plan.instead(WRITE_MODE + " " + WriteMode.REPLACE.wireName() + " (every track gets a new added date)",
                    WritePlan.builder().replace(playlistId, size).build());
        }
        return plan.build();
    }

    private static int reorder(JobContext context, String playlistId, int size, MovePlan plan, String label,
            JobResult.Builder result) {
        int total = plan.moves().size();
        result.detail("tracksMoved", plan.tracksMoved());
        context.progress("moving " + plan.tracksMoved() + " of " + size + " tracks of " + label
                + " in place in " + total + " call(s)");
        PlaylistService service = context.playlists();
        int call = 0;
        try {
            for (MovePlan.Move move : plan.moves()) {
                call++;
                service.reorderTracks(playlistId, move.rangeStart(), move.rangeLength(), move.insertBefore());
            }
        } catch (AuthenticationException e) {
            throw e;
        } catch (PlaylistServiceException e) {
            throw writeFailed(label, WriteMode.REORDER, call, total, e);
        }
        return total;
    }

    private static JobExecutionException writeFailed(String label, WriteMode mode, int call, int total,
            PlaylistServiceException e) {
        return new JobExecutionException(TYPE + " of " + label + " failed at write call " + call + " of " + total
                + " (write_mode " + mode.wireName() + "): " + e.getMessage(), e);
    }

    private static String label(PlaylistRef target, Playlist playlist) {
        String name = playlist != null && !playlist.name().isEmpty() ? playlist.name() : target.name();
        return "playlist '" + target.id() + "'" + (name.isEmpty() ? "" : " (" + name + ")");
    }

    private static List<String> uris(List<Track> tracks) {
        List<String> out = new ArrayList<>(tracks.size());
        tracks.forEach(t -> out.add(t.uri()));
        return out;
    }
}
