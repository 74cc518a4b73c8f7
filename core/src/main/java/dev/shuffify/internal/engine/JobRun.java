package dev.shuffify.internal.engine;

import dev.shuffify.error.JobExecutionException;
import dev.shuffify.error.ShuffifyException;
import dev.shuffify.model.Execution;
import dev.shuffify.model.ExecutionStatus;
import dev.shuffify.model.JobResult;
import dev.shuffify.model.Schedule;
import dev.shuffify.model.UserSettings;
import dev.shuffify.spi.JobExecutor;
import dev.shuffify.spi.Params;
import dev.shuffify.spi.PlaylistService;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The job of one run, its playlists locked and leased: connects, repairs an interrupted earlier run, runs the
 * job's steps through the tracking service (intent and snapshot before the first write), verifies the writes
 * and rolls back a mismatch, and ends the run through {@link Outcomes}.
 */
final class JobRun {
    private static final Logger LOG = LoggerFactory.getLogger(ExecutionEngine.class);
    private final EngineParts parts;

    JobRun(EngineParts parts) {
        this.parts = parts;
    }

    /** Runs the job; its end goes to {@code state}. Never throws (but for {@link VirtualMachineError}). */
    void run(Schedule schedule, Execution execution, RunState state) {
        List<String> warnings = new ArrayList<>();
        TrackingPlaylistService tracking = null;
        boolean invoked = false;
        try {
            List<JobExecutor> steps = parts.config.jobTypes().resolve(schedule.jobType());
            Params params = JobTypes.parseParams(steps, schedule.job().params());
            PlaylistService service = parts.accounts.connect(schedule.userId());
            UserSettings settings = state.settings != null ? state.settings
                    : parts.snapshots.settings(schedule.userId());
            if (state.intents == null || !state.intents.isEmpty()) {
                parts.repairs.beforeRun(schedule, service);
            }
            SnapshotHooks hooks = new SnapshotHooks(parts.config, parts.snapshots, parts.checks,
                    () -> parts.guards.playlistsWritten(schedule), schedule, settings, warnings, execution.id());
            tracking = new TrackingPlaylistService(service, false, parts.config.clock(), hooks);
            EngineJobContext context = new EngineJobContext(schedule, execution.id(), params, tracking, parts.config,
                    parts.config.randomFactory().apply(execution.id()), false, parts.events::progress);
            invoked = true;
            JobResult result = runSteps(steps, context, hooks);
            succeeded(schedule, execution, state, result, warnings, tracking);
        } catch (VirtualMachineError e) {
            throw e;
        } catch (Throwable e) {
            if (!invoked && Failures.isStoreFailure(e)) {
                parts.outcomes.notRun(state, schedule, execution, e);
                return;
            }
            failed(schedule, execution, state, e, warnings, tracking);
        }
    }

    /** The job returned: verifies its writes (rolling back a mismatch) and ends the run. */
    private void succeeded(Schedule schedule, Execution execution, RunState state, JobResult result,
            List<String> warnings, TrackingPlaylistService tracking) {
        List<Verification.Check> checks = null;
        if (schedule.verifyWrites()) {
            try {
                checks = WriteChecks.checks(tracking);
            } catch (RuntimeException e) {
                LOG.warn("could not re-read the playlists to verify the job's writes", e);
                warnings.add("the job's writes could not be verified: " + e.getMessage());
            }
        }
        if (checks != null) {
            List<Verification.Check> mismatched = checks.stream().filter(c -> !c.matchesIntent()).toList();
            if (!mismatched.isEmpty()) {
                String message = "verification failed after " + schedule.jobType() + ": " + String.join("; ",
                        mismatched.stream().map(Verification.Check::describeMismatch).toList());
                rollBack(schedule, execution, state, checks, message, warnings, tracking, FailureKind.PERMANENT);
                return;
            }
            parts.checks.observeAfter(checks);
        } else {
            parts.checks.observeModel(tracking);
        }
        warnings.addAll(0, result.warnings());
        JobResult withWarnings = new JobResult(result.tracksAdded(), result.tracksRemoved(), result.tracksTotal(),
                result.details(), warnings);
        parts.outcomes.end(state, schedule, execution, ExecutionStatus.SUCCESS, withWarnings, null, List.of(),
                FailureKind.NONE);
    }

    /** The job failed: when it wrote, checks that it lost no track (rolling back if it did), and ends the run. */
    private void failed(Schedule schedule, Execution started, RunState state, Throwable e, List<String> warnings,
            TrackingPlaylistService tracking) {
        Execution execution = started;
        FailureKind kind = FailureKind.of(e);
        String message = Failures.describe(schedule, e);
        if (e instanceof ShuffifyException) {
            LOG.warn("{} failed: {}", schedule.jobType(), message);
        } else {
            LOG.error("{} failed with an unexpected error", schedule.jobType(), e);
        }
        if (tracking != null && schedule.verifyWrites() && !tracking.written().isEmpty()) {
            try {
                List<Verification.Check> checks = WriteChecks.checks(tracking);
                List<String> lost = Verification.lostTracks(checks);
                if (!lost.isEmpty()) {
                    rollBack(schedule, execution, state, checks, message + "; the failure left " + lost.size()
                            + " track(s) in no playlist: " + Verification.sample(lost), warnings, tracking, kind);
                    return;
                }
                parts.checks.observeAfter(checks);
                execution = KeptWrites.counted(execution, schedule, checks);
            } catch (RuntimeException verifyFailure) {
                LOG.warn("could not verify playlists after the failure", verifyFailure);
                message += "; the playlists could not be re-read to check for lost tracks: "
                        + verifyFailure.getMessage();
                execution = KeptWrites.counted(execution, schedule, tracking);
            }
        } else if (tracking != null) {
            execution = KeptWrites.counted(execution, schedule, tracking);
        }
        parts.outcomes.end(state, schedule, execution, ExecutionStatus.FAILED, null, message, warnings, kind);
    }

    private void rollBack(Schedule schedule, Execution execution, RunState state, List<Verification.Check> checks,
            String message, List<String> warnings, TrackingPlaylistService tracking, FailureKind kind) {
        WriteChecks.Rollback r = parts.checks.rollBack(checks, message, tracking);
        parts.outcomes.end(state, schedule, execution, r.status(), null, r.message(), warnings, kind);
    }

    /** Runs a job's steps (one, or a chain's) and sends the appends they held back. */
    static JobResult runSteps(List<JobExecutor> steps, EngineJobContext context, SnapshotHooks hooks) {
        if (steps.size() == 1) {
            hooks.snapshotType = steps.get(0).snapshotType();
            JobResult only = requireResult(steps.get(0), steps.get(0).execute(context));
            context.sendHeldAppends();
            return only;
        }
        int added = 0;
        int removed = 0;
        int total = 0;
        Map<String, Object> details = new LinkedHashMap<>();
        List<String> warnings = new ArrayList<>();
        for (JobExecutor step : steps) {
            if (!hooks.snapshotTaken()) {
                hooks.snapshotType = step.snapshotType();
            }
            JobResult r = requireResult(step, step.execute(context));
            added += r.tracksAdded();
            removed += r.tracksRemoved();
            total = r.tracksTotal();
            r.details().forEach((k, v) -> details.put(step.type() + "." + k, v));
            warnings.addAll(r.warnings());
        }
        context.sendHeldAppends();
        return new JobResult(added, removed, total, details, warnings);
    }

    private static JobResult requireResult(JobExecutor step, JobResult result) {
        if (result == null) {
            throw new JobExecutionException("job type '" + step.type() + "' returned no result");
        }
        return result;
    }
}
