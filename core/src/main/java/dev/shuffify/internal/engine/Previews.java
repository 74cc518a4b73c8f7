package dev.shuffify.internal.engine;

import dev.shuffify.error.JobExecutionException;
import dev.shuffify.model.JobResult;
import dev.shuffify.model.Playlist;
import dev.shuffify.model.Preview;
import dev.shuffify.model.Schedule;
import dev.shuffify.model.UserSettings;
import dev.shuffify.spi.JobExecutor;
import dev.shuffify.spi.Params;
import dev.shuffify.spi.PlaylistService;
import java.util.ArrayList;
import java.util.List;

/** A dry run: the job's steps against a recording model of the service; nothing is written or recorded. */
final class Previews {
    private static final TrackingPlaylistService.Hooks NO_HOOKS = new TrackingPlaylistService.Hooks() {
        @Override
        public void observed(Playlist playlist) {
        }

        @Override
        public void beforeFirstWrite(Playlist before) {
        }
    };
    private final EngineParts parts;

    Previews(EngineParts parts) {
        this.parts = parts;
    }

    Preview preview(Schedule schedule) {
        EngineConfig config = parts.config;
        List<JobExecutor> steps = config.jobTypes().resolve(schedule.jobType());
        Params params = JobTypes.parseParams(steps, schedule.job().params());
        PlaylistService service = parts.accounts.connect(schedule.userId());
        TrackingPlaylistService tracking = new TrackingPlaylistService(service, true, config.clock(), NO_HOOKS);
        String id = "preview-" + config.ids().get();
        EngineJobContext context = new EngineJobContext(schedule, id, params, tracking, config,
                config.randomFactory().apply(id), true, parts.events::progress);
        try {
            JobResult result = JobRun.runSteps(steps, context, new SnapshotHooks(config, parts.snapshots,
                    parts.checks, List::of, schedule, UserSettings.DEFAULTS, new ArrayList<>(), null));
            return new Preview(schedule.id(), result, tracking.changes());
        } catch (JobExecutionException e) {
            throw e;
        } catch (RuntimeException e) {
            throw new JobExecutionException(Failures.describe(schedule, e), e);
        }
    }
}
