package dev.shuffify.spi;

import static org.assertj.core.api.Assertions.assertThat;

import dev.shuffify.Shuffify;
import dev.shuffify.memory.InMemoryPlaylistService;
import dev.shuffify.model.ExecutionStatus;
import dev.shuffify.model.JobResult;
import dev.shuffify.model.JobSpec;
import dev.shuffify.model.Schedule;
import dev.shuffify.model.ScheduleDefinition;
import dev.shuffify.model.Snapshot;
import dev.shuffify.model.SnapshotType;
import dev.shuffify.model.Track;
import dev.shuffify.model.Trigger;
import dev.shuffify.store.jdbc.JdbcShuffifyStore;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A third-party job type names its own snapshot type; the engine takes it and the JDBC store keeps it. */
class OwnSnapshotTypeTest {
    static final SnapshotType PRE_FLIP = SnapshotType.of("auto_pre_flip");

    @TempDir
    Path dir;

    /** Reverses the target. */
    static final class Flip implements JobExecutor {
        @Override
        public String type() {
            return "flip";
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
            return PRE_FLIP;
        }

        @Override
        public String summary(JobSpec spec) {
            return "flip: reversed";
        }

        @Override
        public JobResult execute(JobContext context) {
            String id = context.spec().target().id();
            List<String> uris = new ArrayList<>(context.playlists().playlist(id).uris());
            Collections.reverse(uris);
            context.snapshotBeforeMutation(id);
            context.playlists().replaceAll(id, uris);
            return JobResult.of(0, 0, uris.size());
        }
    }

    @Test
    void theJobTypesSnapshotTypeAndSummaryAreStored() {
        InMemoryPlaylistService music = new InMemoryPlaylistService();
        music.createPlaylist("alice", "mix", "Mix", List.of(Track.ofUri("spotify:track:a"),
                Track.ofUri("spotify:track:b")));
        try (JdbcShuffifyStore store = JdbcShuffifyStore.embedded(dir.resolve("db"));
                Shuffify shuffify = Shuffify.builder().store(store).connector(music).autoDiscovery(false)
                        .jobType(new Flip()).build()) {
            Schedule s = shuffify.createSchedule("alice", ScheduleDefinition.of(
                    JobSpec.builder("flip").target("mix", "Mix").build(), Trigger.named("daily")));
            assertThat(shuffify.executeNow(s.id(), "alice").status()).isEqualTo(ExecutionStatus.SUCCESS);
            List<Snapshot> snapshots = store.snapshots().listByPlaylist("alice", "mix");
            assertThat(snapshots).singleElement().satisfies(snap -> {
                assertThat(snap.type()).isEqualTo(PRE_FLIP);
                assertThat(snap.trigger()).isEqualTo("schedule " + s.id() + " (flip: reversed)");
                assertThat(snap.uris()).containsExactly("spotify:track:a", "spotify:track:b");
            });
        }
    }
}
