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
     * The snapshot type the engine uses when it snapshots a playlist before this job's first write.
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
