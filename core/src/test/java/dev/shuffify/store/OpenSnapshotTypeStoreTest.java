package dev.shuffify.store;

import static org.assertj.core.api.Assertions.assertThat;

import dev.shuffify.model.Snapshot;
import dev.shuffify.model.SnapshotType;
import dev.shuffify.store.jdbc.JdbcShuffifyStore;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** A plugin's own snapshot type is stored as its name and read back, in memory and over JDBC. */
class OpenSnapshotTypeStoreTest {
    @TempDir
    Path dir;

    @ParameterizedTest
    @ValueSource(strings = {"memory", "h2"})
    void aPluginsSnapshotTypeRoundTrips(String kind) {
        try (ShuffifyStore store = kind.equals("memory") ? new InMemoryShuffifyStore()
                : JdbcShuffifyStore.embedded(dir.resolve("shuffify"))) {
            roundTrip(store);
        }
    }

    private static void roundTrip(ShuffifyStore store) {
        SnapshotType longest = SnapshotType.of("a".repeat(SnapshotType.MAX_LENGTH));
        Instant t0 = Instant.parse("2026-01-01T00:00:00Z");
        store.snapshots().save(new Snapshot("s1", "alice", "p1", "Mix", List.of("spotify:track:a"),
                SnapshotType.of("auto_pre_dedupe"), "schedule 1 (dedupe)", t0));
        store.snapshots().save(new Snapshot("s2", "alice", "p1", "Mix", List.of(), longest, "", t0.plusSeconds(1)));
        store.snapshots().save(new Snapshot("s3", "alice", "p1", "Mix", List.of(), SnapshotType.AUTO_PRE_RAID, "",
                t0.plusSeconds(2)));
        assertThat(store.snapshots().find("s1").orElseThrow().type()).isEqualTo(SnapshotType.of("auto_pre_dedupe"));
        assertThat(store.snapshots().listByPlaylist("alice", "p1")).extracting(Snapshot::type)
                .containsExactly(SnapshotType.AUTO_PRE_RAID, longest, SnapshotType.of("auto_pre_dedupe"));
        assertThat(store.snapshots().find("s3").orElseThrow().type()).isSameAs(SnapshotType.AUTO_PRE_RAID);
    }
}
