package dev.shuffify.testing;

import dev.shuffify.model.JobResult;
import dev.shuffify.model.Playlist;
import dev.shuffify.model.SnapshotType;
import dev.shuffify.spi.JobContext;
import dev.shuffify.spi.JobExecutor;
import dev.shuffify.spi.ParamSpec;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** Small job types used to exercise the engine. */
final class TestJobs {
    private TestJobs() {
    }

    /** Reverses the target: one read, a snapshot, a replace. */
    static class Reverse implements JobExecutor {
        @Override
        public String type() {
            return "reverse";
        }

        @Override
        public String description() {
            return "reverses the target";
        }

        @Override
        public List<ParamSpec> parameters() {
            return List.of();
        }

        @Override
        public SnapshotType snapshotType() {
            return SnapshotType.AUTO_PRE_SHUFFLE;
        }

        @Override
        public JobResult execute(JobContext context) {
            String id = context.spec().target().id();
            Playlist p = context.playlists().playlist(id);
            List<String> uris = new ArrayList<>(p.uris());
            Collections.reverse(uris);
            if (!uris.isEmpty()) {
                context.playlists().replaceAll(id, uris);
            }
            return JobResult.of(0, 0, uris.size());
        }
    }

    /** Appends the tracks named by the {@code uris} parameter. */
    static final class Append implements JobExecutor {
        @Override
        public String type() {
            return "append";
        }

        @Override
        public String description() {
            return "appends tracks";
        }

        @Override
        public List<ParamSpec> parameters() {
            return List.of(ParamSpec.list("uris", "tracks to add").asRequired());
        }

        @Override
        public JobResult execute(JobContext context) {
            String id = context.spec().target().id();
            List<String> uris = context.params().getList("uris");
            context.playlists().addAll(id, uris);
            return JobResult.of(uris.size(), 0, context.playlists().playlist(id).items().size());
        }
    }

    /** Removes the whole target and then fails: the engine must restore it. */
    static final class Wipe implements JobExecutor {
        @Override
        public String type() {
            return "wipe";
        }

        @Override
        public String description() {
            return "removes everything, then fails";
        }

        @Override
        public List<ParamSpec> parameters() {
            return List.of();
        }

        @Override
        public JobResult execute(JobContext context) {
            String id = context.spec().target().id();
            List<String> uris = context.playlists().playlist(id).uris();
            context.playlists().removeAll(id, uris);
            throw new IllegalStateException("wipe failed on purpose");
        }
    }
}
