package dev.shuffify.executor.shuffle;

import dev.shuffify.model.JobResult;
import dev.shuffify.model.Playlist;
import dev.shuffify.model.SnapshotType;
import dev.shuffify.spi.JobContext;
import dev.shuffify.spi.JobExecutor;
import dev.shuffify.spi.ParamSpec;
import java.util.List;

/**
 * A stand-in for the raid job type (this module does not depend on executor-raid): appends the uris of its
 * {@code raid_uris} parameter that the target does not hold yet, reading the target through the context and
 * appending through {@link JobContext#appendTracks}, as the raid does.
 */
final class TestRaid implements JobExecutor {

    @Override
    public String type() {
        return "raid";
    }

    @Override
    public String description() {
        return "Appends the given uris that are new to the target.";
    }

    @Override
    public List<ParamSpec> parameters() {
        return List.of(ParamSpec.list("raid_uris", "uris to add").asRequired());
    }

    @Override
    public SnapshotType snapshotType() {
        return SnapshotType.AUTO_PRE_RAID;
    }

    @Override
    public JobResult execute(JobContext context) {
        String target = context.spec().target().id();
        Playlist before = context.playlists().playlist(target);
        List<String> fresh = context.params().getList("raid_uris").stream()
                .filter(u -> !before.uris().contains(u)).distinct().toList();
        if (!fresh.isEmpty()) {
            context.snapshotBeforeMutation(target);
        }
        context.appendTracks(target, fresh);
        return JobResult.of(fresh.size(), 0, before.size() + fresh.size());
    }
}
