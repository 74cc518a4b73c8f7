package dev.shuffify.spi;

import dev.shuffify.error.JobExecutionException;
import dev.shuffify.error.ValidationException;
import dev.shuffify.model.JobResult;
import dev.shuffify.model.JobSpec;
import dev.shuffify.model.SnapshotType;
import java.util.List;
import java.util.Set;

/**
 * One job type. Found through {@link java.util.ServiceLoader} (declare the class in
 * {@code META-INF/services/dev.shuffify.spi.JobExecutor}) or registered on the builder.
 *
 * <p>Implementations are stateless and thread-safe; their constructor is cheap. They touch the music service
 * only through {@link JobContext#playlists()} and never reach stores, tokens or HTTP.
 *
 * <pre>{@code
 * public final class DedupeExecutor implements JobExecutor {
 *     public String type() { return "dedupe"; }
 *     public String description() { return "Removes duplicate tracks, keeping the first."; }
 *     public List<ParamSpec> parameters() { return List.of(); }
 *     public JobResult execute(JobContext context) { ... }
 * }
 * }</pre>
 *
 * @since 0.1.0
 */
public interface JobExecutor {

    /**
     * The job type id, e.g. {@code shuffle}: lower case letters, digits and underscores.
     *
     * @return never blank
     */
    String type();

    /**
     * One sentence for listings.
     *
     * @return never null
     */
    String description();

    /**
     * A short name for people, e.g. {@code Raid and drip} (listed in {@link PluginDescriptor#displayName()}).
     *
     * @return never blank; by default the type with underscores as spaces and a capital first letter
     * @since 0.2.0
     */
    default String displayName() {
        return PluginDescriptor.displayNameOf(type());
    }

    /**
     * The declared parameters of {@link dev.shuffify.model.JobSpec#params()}; undeclared names are rejected.
     *
     * @return never null
     */
    List<ParamSpec> parameters();

    /**
     * Whether a schedule of this type needs a target playlist (default true).
     *
     * @return true when a target is required
     */
    default boolean requiresTarget() {
        return true;
    }

    /**
     * Whether a run needs the target's playlist pair (production and archive), as {@code rotate} does. The engine
     * locks the pair's archive with the target for every job type; a job type that answers true is also what the
     * facade reports as the playlist's rotation ({@code rotationStatus}). Default false.
     *
     * @return true when the job type works on the target's pair
     * @since 0.2.0
     */
    default boolean usesPair() {
        return false;
    }

    /**
     * A few words saying what a run of this job does, named in the descriptions of the snapshots the engine
     * takes before the job's first write ({@code schedule 42 (rotate: swap)}). Called with the job as stored;
     * it must tolerate missing or malformed values. Default: the job type.
     *
     * @param spec the job as stored
     * @return never blank, e.g. {@code shuffle: balanced}
     * @since 0.2.0
     */
    default String summary(JobSpec spec) {
        return type();
    }

    /**
     * Playlists other than the target that a run of this job type may write, such as a staging playlist named
     * by a parameter. The engine keeps other jobs off them while the run lasts, as it does for the target and
     * for the archive of the target's pair (which it knows without asking). Called before the parameters are
     * checked, so it must tolerate missing or malformed values. Default: none.
     *
     * @param spec the job as stored
     * @return the ids of the other playlists written; never null
     */
    default Set<String> otherPlaylistsWritten(JobSpec spec) {
        return Set.of();
    }

    /**
     * The snapshot type the engine uses when it snapshots a playlist before this job's first write. The set is
     * open: name your own with {@link SnapshotType#of} ({@code auto_pre_dedupe}).
     *
     * @return default {@link SnapshotType#SCHEDULED_PRE_EXECUTION}
     */
    default SnapshotType snapshotType() {
        return SnapshotType.SCHEDULED_PRE_EXECUTION;
    }

    /**
     * Cross-field checks at schedule creation and update, after the declared parameters were checked.
     * Name fields relative to the job spec ({@code algorithm}, {@code params.rotation_count},
     * {@code sources[0].argument}); the engine prefixes them with {@code job.}.
     *
     * @param context the spec, its checked parameters and the plugin lookup
     * @throws ValidationException naming each field and what is allowed
     */
    default void validate(ValidationContext context) {
    }

    /**
     * Runs the job.
     *
     * @param context everything the job may use
     * @return what the job did
     * @throws JobExecutionException when the job fails; service exceptions may also propagate
     */
    JobResult execute(JobContext context);
}
