package dev.shuffify.examples.entries;

import static org.assertj.core.api.Assertions.assertThat;

import dev.shuffify.algorithms.BasicShuffle;
import dev.shuffify.executor.rotate.RotateExecutor;
import dev.shuffify.executor.shuffle.ShuffleExecutor;
import dev.shuffify.memory.Fault;
import dev.shuffify.memory.Operation;
import dev.shuffify.model.Album;
import dev.shuffify.model.Artist;
import dev.shuffify.model.ExecutionStatus;
import dev.shuffify.model.JobResult;
import dev.shuffify.model.JobSpec;
import dev.shuffify.model.RestoreResult;
import dev.shuffify.model.Snapshot;
import dev.shuffify.model.SnapshotType;
import dev.shuffify.model.Track;
import dev.shuffify.spi.JobContext;
import dev.shuffify.spi.JobExecutor;
import dev.shuffify.spi.PlaylistService;
import dev.shuffify.testkit.ExecutorHarness;
import dev.shuffify.testkit.HarnessRun;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The rows of "never lose an entry of a real playlist" on the library's side, through the facade and the
 * harness over the in-memory service (which serves unavailable entries and local files and refuses to write
 * them, as the real service does).
 */
class EntrySafetyTest {
    static final Instant ADDED = Instant.parse("2025-01-01T00:00:00Z");

    final ExecutorHarness harness = ExecutorHarness.builder().jobType(new ShuffleExecutor())
            .jobType(new RotateExecutor()).jobType(new ReorderThenCrash()).algorithm(new BasicShuffle()).build();

    static Track track(int n) {
        return Track.of("t" + n, "Song " + n, new Artist("ar" + n % 5, "Artist " + n % 5),
                new Album("al" + n, "Album " + n, "2020-01-01"));
    }

    static Track local(int n) {
        return new Track("spotify:local:Band:Record:Song+" + n + ":200", null, "Local " + n, List.of(), null,
                Duration.ofMinutes(3), 0, null, Track.Kind.LOCAL);
    }

    /** Tracks 1..n with added dates a day apart; {@code special} entries replace the tracks at their positions. */
    static List<Track> entries(int n, Map<Integer, Track> special) {
        List<Track> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            Track t = special.getOrDefault(i, track(i + 1));
            out.add(t.withAddedAt(ADDED.plus(Duration.ofDays(i))));
        }
        return out;
    }

    static Map<String, List<Instant>> addedDates(List<Track> items) {
        Map<String, List<Instant>> m = new HashMap<>();
        items.forEach(t -> m.computeIfAbsent(t.uri(), k -> new ArrayList<>()).add(t.addedAt()));
        m.values().forEach(l -> l.sort(null));
        return m;
    }

    static JobSpec shuffle(String mode) {
        return JobSpec.builder("shuffle").target("p1", "Mix").algorithm(BasicShuffle.NAME)
                .param("write_mode", mode).build();
    }

    @Test
    void aReorderShuffleOfAPlaylistWithAnUnavailableEntryMovesEveryEntryAndKeepsAddedDates() {
        List<Track> before = entries(30, Map.of(4, Track.unavailable(null), 17, local(1)));
        harness.playlist("p1", "Mix", before);

        HarnessRun run = harness.run(shuffle("reorder"));

        assertThat(run.status()).isEqualTo(ExecutionStatus.SUCCESS);
        List<Track> after = harness.music().playlist("p1").items();
        assertThat(after).extracting(Track::uri).isNotEqualTo(before.stream().map(Track::uri).toList())
                .containsExactlyInAnyOrderElementsOf(before.stream().map(Track::uri).toList());
        assertThat(addedDates(after)).isEqualTo(addedDates(before));
        assertThat(run.count(Operation.REPLACE) + run.count(Operation.ADD) + run.count(Operation.REMOVE)).isZero();
    }

    @Test
    void theRollbackOfAFailedJobKeepsUnavailableEntriesAndAddedDatesWhenTheJobOnlyMoved() {
        List<Track> before = entries(12, Map.of(2, Track.unavailable(null), 7, local(1)));
        harness.playlist("p1", "Mix", before);

        HarnessRun run = harness.run(JobSpec.builder(ReorderThenCrash.TYPE).target("p1", "Mix").build());

        assertThat(run.status()).isEqualTo(ExecutionStatus.FAILED_ROLLED_BACK);
        List<Track> after = harness.music().playlist("p1").items();
        assertThat(after).extracting(Track::uri).isEqualTo(before.stream().map(Track::uri).toList());
        // the removed track comes back with a new date; every entry that stayed keeps its own
        Map<String, List<Instant>> kept = addedDates(before);
        kept.remove(track(6).uri());
        Map<String, List<Instant>> now = addedDates(after);
        now.remove(track(6).uri());
        assertThat(now).isEqualTo(kept);
        assertThat(run.count(Operation.REPLACE)).isZero();
    }

    @Test
    void aReplaceShuffleOfAPlaylistWithAnUnavailableEntryKeepsItByMovingInstead() {
        List<Track> before = entries(150, Map.of(40, Track.unavailable(null)));
        harness.playlist("p1", "Mix", before);

        HarnessRun run = harness.run(shuffle("replace"));

        assertThat(run.status()).isEqualTo(ExecutionStatus.SUCCESS);
        assertThat(run.execution().details()).containsEntry("writeMode", "reorder");
        assertThat(run.execution().warnings()).anyMatch(w -> w.contains("cannot add back"));
        List<Track> after = harness.music().playlist("p1").items();
        assertThat(after).hasSize(150).filteredOn(t -> t.kind() == Track.Kind.UNAVAILABLE).hasSize(1);
        assertThat(addedDates(after)).isEqualTo(addedDates(before));
        assertThat(run.count(Operation.REPLACE)).isZero();
    }

    /** Production: an unavailable entry (oldest), a local file, two copies of the oldest track; archive: 6. */
    void rotationPair() {
        List<Track> production = new ArrayList<>();
        production.add(Track.unavailable(ADDED.minus(Duration.ofDays(30))));
        production.add(track(1).withAddedAt(ADDED));
        production.add(local(1).withAddedAt(ADDED.minus(Duration.ofDays(20))));
        for (int i = 2; i <= 6; i++) {
            production.add(track(i).withAddedAt(ADDED.plus(Duration.ofDays(i))));
        }
        production.add(track(1).withAddedAt(ADDED.plus(Duration.ofDays(10))));
        harness.playlist("prod", "Daily", production);
        List<Track> archive = new ArrayList<>();
        for (int i = 101; i <= 106; i++) {
            archive.add(track(i).withAddedAt(ADDED.plus(Duration.ofDays(i))));
        }
        harness.playlist("arch", "Daily archive", archive);
        harness.pair("prod", "arch");
    }

    static JobSpec swap(int count) {
        return JobSpec.builder("rotate").target("prod", "Daily").param("rotation_mode", "swap")
                .param("rotation_count", count).build();
    }

    @Test
    void aSwapNeverTakesOutAnUnavailableEntryOrALocalFileAndKeepsTheSecondCopyOfAnOutgoingTrack() {
        rotationPair();

        HarnessRun run = harness.run(swap(2));

        assertThat(run.status()).isEqualTo(ExecutionStatus.SUCCESS);
        List<String> production = harness.music().uris("prod");
        assertThat(production).contains(Track.UNAVAILABLE_URI, local(1).uri());
        assertThat(production).filteredOn(track(1).uri()::equals).hasSize(1); // one copy left, one archived
        assertThat(production).doesNotContain(track(2).uri()).contains(track(101).uri(), track(102).uri());
        assertThat(harness.music().uris("arch")).contains(track(1).uri(), track(2).uri())
                .doesNotContain(Track.UNAVAILABLE_URI, local(1).uri(), track(101).uri());
    }

    @Test
    void aSwapThatFailsHalfwayIsUndoneWithNothingLostAroundUnavailableEntriesAndLocalFiles() {
        rotationPair();
        List<String> prodBefore = harness.music().uris("prod");
        List<String> archBefore = harness.music().uris("arch");
        for (int nth = 1; nth <= 6; nth++) {
            ExecutorHarness h = ExecutorHarness.builder().jobType(new RotateExecutor()).build();
            h.playlist("prod", "Daily", harness.music().playlist("prod").items());
            h.playlist("arch", "Daily archive", harness.music().playlist("arch").items());
            h.pair("prod", "arch");
            h.music().resetCalls();
            h.music().failOn(nth % 2 == 1 ? Operation.ADD : Operation.REMOVE, (nth + 1) / 2,
                    Fault.SERVER_ERROR);

            HarnessRun run = h.run(swap(2));

            if (run.succeeded()) {
                continue;
            }
            assertThat(h.music().uris("prod")).as("production after a fault at write %d", nth)
                    .containsExactlyInAnyOrderElementsOf(prodBefore);
            assertThat(h.music().uris("arch")).as("archive after a fault at write %d", nth)
                    .containsExactlyInAnyOrderElementsOf(archBefore);
            assertThat(h.music().playlist("prod").items()).filteredOn(t -> !t.writable()).hasSize(2);
        }
    }

    @Test
    void restoringASnapshotOf150EntriesWithALocalFileAt120RestoresAllOfThem() {
        List<Track> entries = entries(150, Map.of(119, local(1)));
        harness.playlist("p1", "Mix", entries);
        Snapshot taken = harness.shuffify().snapshots().take(harness.userId(), "p1");
        harness.run(shuffle("reorder"));
        assertThat(harness.music().uris("p1")).isNotEqualTo(taken.uris());

        RestoreResult restored = harness.shuffify().snapshots().restore(harness.userId(), taken.id());

        assertThat(restored.complete()).isTrue();
        assertThat(restored.safety().type()).isEqualTo(SnapshotType.AUTO_PRE_RESTORE);
        assertThat(harness.music().uris("p1")).hasSize(150).isEqualTo(taken.uris());
        assertThat(harness.music().uris("p1").get(119)).isEqualTo(local(1).uri());
        assertThat(addedDates(harness.music().playlist("p1").items())).isEqualTo(addedDates(entries));
    }

    @Test
    void restoringASnapshotWhoseLocalFileIsGoneRestoresEveryOtherEntryAndNamesIt() {
        List<Track> entries = entries(150, Map.of(119, local(1)));
        harness.playlist("p1", "Mix", entries);
        Snapshot taken = harness.shuffify().snapshots().take(harness.userId(), "p1");
        harness.music().removeEntries("p1", local(1).uri()); // deleted in the desktop app
        PlaylistService otherApp = harness.music().connect(harness.userId());
        otherApp.reorderTracks("p1", 0, 10, 140);
        otherApp.addAll("p1", List.of(track(7).uri(), track(200).uri()));

        RestoreResult restored = harness.shuffify().snapshots().restore(harness.userId(), taken.id());

        assertThat(restored.complete()).isFalse();
        assertThat(restored.notRestored()).containsExactly(local(1).uri());
        List<String> expected = new ArrayList<>(taken.uris());
        expected.remove(119);
        assertThat(harness.music().uris("p1")).hasSize(149).isEqualTo(expected);
        assertThat(harness.shuffify().users().activity(harness.userId(), 1).get(0).description())
                .contains("could not be brought back").contains(local(1).uri());
    }

    /**
     * A third-party job type that moves the first entry to the end, removes the sixth track and then crashes:
     * the failure leaves a track in no playlist, so the engine rolls the playlist back.
     */
    static final class ReorderThenCrash implements JobExecutor {
        static final String TYPE = "reorder_then_crash";

        @Override
        public String type() {
            return TYPE;
        }

        @Override
        public String description() {
            return "Moves an entry, removes a track, then fails.";
        }

        @Override
        public List<dev.shuffify.spi.ParamSpec> parameters() {
            return List.of();
        }

        @Override
        public JobResult execute(JobContext context) {
            PlaylistService service = context.playlists();
            String id = context.spec().target().id();
            int size = service.playlist(id).size();
            service.reorderTracks(id, 0, 1, size);
            service.removeTracks(id, List.of(track(6).uri()));
            throw new IllegalStateException("crashed after two writes");
        }
    }
}
