package dev.shuffify.spi;

import dev.shuffify.model.JobSpec;
import dev.shuffify.model.Pin;
import dev.shuffify.model.PlaylistPair;
import dev.shuffify.model.Schedule;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.random.RandomGenerator;

/**
 * Everything a {@link JobExecutor} may use during one execution, and nothing more.
 *
 * <p>The {@link #playlists() music service} is already authenticated, rate-limited and retried. The engine
 * snapshots every playlist before the job's first write to it (when the owner's auto-snapshot setting is
 * on), so an executor need not; it may call {@link #snapshotBeforeMutation(String)} to make the moment
 * explicit. Before that first write it also stores the job's intent (the playlist as the job found it),
 * whatever the setting, so a run whose host dies half-way is repaired from it. In a preview, writes are
 * recorded, applied to a model of the playlist so later reads see them, and never sent.
 *
 * @since 0.1.0
 */
public interface JobContext {

    /**
     * The schedule being run.
     *
     * @return never null
     */
    Schedule schedule();

    /**
     * The schedule's job spec ({@code schedule().job()}).
     *
     * @return never null
     */
    default JobSpec spec() {
        return schedule().job();
    }

    /**
     * The job parameters, checked against the executor's declared parameters, defaults filled in.
     *
     * @return never null
     */
    Params params();

    /**
     * The id of this execution.
     *
     * @return never null
     */
    String executionId();

    /**
     * The schedule's owner.
     *
     * @return never null
     */
    default String userId() {
        return schedule().userId();
    }

    /**
     * The owner's music service.
     *
     * @return never null
     */
    PlaylistService playlists();

    /**
     * The registered algorithms, strategies and job types.
     *
     * @return never null
     */
    PluginLookup plugins();

    /**
     * The owner's pair whose production playlist is {@code productionPlaylistId}.
     *
     * @param productionPlaylistId the production playlist
     * @return the pair, or empty
     */
    Optional<PlaylistPair> pair(String productionPlaylistId);

    /**
     * When tracks entered and left playlists, as the engine saw it.
     *
     * @return never null
     */
    MembershipHistory membership();

    /**
     * The owner's active pins in a playlist.
     *
     * @param playlistId the playlist
     * @return never null
     */
    List<Pin> pins(String playlistId);

    /**
     * Snapshots the playlist now unless this execution already did (and the owner has auto-snapshots on).
     * A failing snapshot is logged and never fails the job.
     *
     * @param playlistId the playlist about to be changed
     */
    void snapshotBeforeMutation(String playlistId);

    /**
     * Appends tracks to the end of a playlist, in batches of {@value PlaylistService#MAX_BATCH}, as
     * {@link PlaylistService#addAll(String, List)} does, except that the engine may send them a little later in
     * this execution: at the latest before its next write to any playlist, or when its last step has returned.
     * When that next write is a replace of the same playlist ({@link PlaylistService#replaceTracks}), they are not
     * sent on their own: they ride in it, since the step that replaces wrote the playlist as it read it through
     * {@link #playlists()}, which holds them from the moment they were appended (a raid followed by a shuffle in
     * {@code replace} mode writes each new track once). The playlist is snapshotted, and the job's intent stored,
     * before this returns, as before any write. A job that fails before they are sent leaves the playlist
     * without them.
     *
     * <p>The default sends them at once.
     *
     * @param playlistId the playlist
     * @param uris writable uris, in order; empty does nothing
     * @since 0.2.0
     */
    default void appendTracks(String playlistId, List<String> uris) {
        if (!uris.isEmpty()) {
            playlists().addAll(playlistId, uris);
        }
    }

    /**
     * Tells the engine which writes this job is about to make, before the first of them, so a job that cannot
     * finish before its deadline is refused while nothing is written. The engine counts the calls the plan needs
     * (and the appends still held from {@link #appendTracks}, unless a replace in the plan carries them),
     * estimates how long they take at the service's {@link PlaylistService#requestBudget() request budget} — at
     * least {@code (calls − budget) × window ÷ budget}: a free window's calls at once, then the steady rate of the
     * whole application's budget, the most one job can get — and compares that with the time left before the
     * job's deadline. When they cannot fit, it throws, with the estimate, the deadline and the choices in the
     * message: the plan's {@linkplain WritePlan.Builder#instead alternatives} that fit, and a longer deadline
     * (naming the service's setting). A service without a budget never refuses. In a preview the same check runs.
     *
     * <p>Call it once per write phase, after the reads and before the first write (before
     * {@link #snapshotBeforeMutation}, so a refused job leaves no snapshot either). The default does nothing.
     *
     * @param plan the writes about to be made; never null
     * @throws dev.shuffify.error.JobExecutionException when the writes cannot be made before the job's deadline
     * @since 0.2.0
     */
    default void planWrites(WritePlan plan) {
        java.util.Objects.requireNonNull(plan, "plan");
    }

    /**
     * The engine clock.
     *
     * @return never null
     */
    Clock clock();

    /**
     * The random source of this execution.
     *
     * @return never null
     */
    RandomGenerator random();

    /**
     * When this schedule last succeeded.
     *
     * @return the time, or empty
     */
    Optional<Instant> lastSuccessAt();

    /**
     * Whether this run completes the slot of an earlier run that did not succeed: the newest finished run of
     * this schedule (skipped runs aside) ended failed, rolled back or abandoned. Such an earlier run may have
     * written part of its work before it failed (or its answer was lost after the service applied it); a job
     * that counts what one run may do ({@code limit}, {@code drip_count}) counts those writes too, so a retry
     * never does more than one run would. Always false on a schedule's first run.
     *
     * @return true when an earlier run of this slot did not succeed
     * @since 0.2.0
     */
    default boolean isRetry() {
        return false;
    }

    /**
     * Whether this is a preview (nothing is written).
     *
     * @return true in a preview
     */
    boolean isDryRun();

    /**
     * Reports progress (logged with the execution's MDC keys and shown by hosts that listen).
     *
     * @param message a short line
     */
    void progress(String message);
}
