package dev.shuffify.executor.shuffle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.shuffify.error.ValidationException;
import dev.shuffify.error.ValidationException.FieldError;
import dev.shuffify.memory.Fault;
import dev.shuffify.memory.Operation;
import dev.shuffify.model.Album;
import dev.shuffify.model.Artist;
import dev.shuffify.model.ExecutionStatus;
import dev.shuffify.model.JobSpec;
import dev.shuffify.model.PlannedChange;
import dev.shuffify.model.Preview;
import dev.shuffify.model.Schedule;
import dev.shuffify.model.SnapshotType;
import dev.shuffify.model.Track;
import dev.shuffify.spi.ParamSpec;
import dev.shuffify.spi.ShuffleAlgorithm;
import dev.shuffify.spi.ShuffleRequest;
import dev.shuffify.store.InMemoryShuffifyStore;
import dev.shuffify.testkit.ExecutorHarness;
import dev.shuffify.testkit.HarnessRun;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The shuffle job type run through the engine, as a plugin author tests it. */
class ShuffleJobTest {
    static final Instant FIRST_ADDED = Instant.parse("2025-01-01T00:00:00Z");

    final ExecutorHarness harness = ExecutorHarness.builder().jobType(new ShuffleExecutor())
            .algorithm(new ReverseAlgorithm()).algorithm(new RandomAlgorithm()).build();

    /** Catalogue tracks with distinct uris, seven artists, and one added date per hour. */
    static List<Track> tracks(int n) {
        return IntStream.range(0, n).mapToObj(i -> Track.of("t" + i, "Song " + i,
                new Artist("a" + (i % 7), "Artist " + (i % 7)), new Album("al" + (i % 11), "Album " + (i % 11),
                        "2020-01-01")).withAddedAt(FIRST_ADDED.plus(Duration.ofHours(i)))).toList();
    }

    static List<String> uris(List<Track> tracks) {
        return tracks.stream().map(Track::uri).toList();
    }

    static <T> List<T> reversed(List<T> list) {
        List<T> out = new ArrayList<>(list);
        Collections.reverse(out);
        return out;
    }

    static JobSpec.Builder shuffle(String algorithm, String writeMode) {
        return JobSpec.builder("shuffle").target("p1", "Mix").algorithm(algorithm).param("write_mode", writeMode);
    }

    static int minimumReplaceCalls(int n) {
        return 1 + (Math.max(0, n - 100) + 99) / 100;
    }

    static Map<String, Instant> addedAtByUri(List<Track> items) {
        Map<String, Instant> out = new HashMap<>();
        items.forEach(t -> out.put(t.uri(), t.addedAt()));
        return out;
    }

    @AfterEach
    void everyRunKeepsEveryTrack() {
        // the invariant behind every test here: whatever happened, the playlist holds the tracks it held before
        if (harness.music().hasPlaylist("p1") && before != null) {
            assertThat(harness.music().uris("p1")).containsExactlyInAnyOrderElementsOf(uris(before));
        }
    }

    private List<Track> before;

    private List<Track> seed(List<Track> items) {
        before = items;
        harness.playlist("p1", "Mix", items);
        harness.clock().advance(Duration.ofDays(30)); // anything the service re-adds gets a visibly new date
        return items;
    }

    @ParameterizedTest(name = "N = {0}")
    @ValueSource(ints = {0, 1, 2, 100, 101, 250, 1000})
    void replaceModeWritesWithTheFewestCalls(int n) {
        List<Track> items = seed(tracks(n));
        HarnessRun run = harness.run(shuffle("reverse", "replace").build());

        assertThat(run.status()).isEqualTo(ExecutionStatus.SUCCESS);
        assertThat(harness.music().uris("p1")).isEqualTo(reversed(uris(items)));
        boolean changes = n > 1; // reversing 0 or 1 track changes nothing, so nothing is written
        assertThat(run.count(Operation.REPLACE)).isEqualTo(changes ? 1 : 0);
        assertThat(run.count(Operation.ADD)).isEqualTo(changes ? minimumReplaceCalls(n) - 1 : 0);
        assertThat(run.writes()).isEqualTo(changes ? minimumReplaceCalls(n) : 0);
        // one read of the target; the engine re-reads it once to verify what was written
        assertThat(run.count(Operation.READ_PLAYLIST)).isEqualTo(changes ? 2 : 1);
        assertThat(run.calls()).hasSize((int) (run.writes() + run.count(Operation.READ_PLAYLIST)));
        assertThat(run.execution().tracksAdded()).isZero();
        assertThat(run.execution().tracksRemoved()).isZero();
        assertThat(run.execution().tracksTotal()).isEqualTo(n);
        assertThat(run.execution().details()).containsEntry("algorithm", "reverse")
                .containsEntry("writeMode", "replace").containsEntry("writeCalls", (int) run.writes())
                .containsEntry("orderChanged", changes);
    }

    @ParameterizedTest(name = "N = {0}")
    @ValueSource(ints = {0, 1, 2, 100, 101, 250, 1000})
    void reorderModeOfAReversalMovesAllButOneTrackAndKeepsAddedDates(int n) {
        List<Track> items = seed(tracks(n));
        HarnessRun run = harness.run(shuffle("reverse", "reorder").build());

        assertThat(run.status()).isEqualTo(ExecutionStatus.SUCCESS);
        assertThat(harness.music().uris("p1")).isEqualTo(reversed(uris(items)));
        // the longest increasing subsequence of a reversal is one track: N − 1 moves, none of them mergeable
        assertThat(run.count(Operation.REORDER)).isEqualTo(Math.max(0, n - 1));
        assertThat(run.writes()).isEqualTo(run.count(Operation.REORDER));
        assertThat(harness.music().playlist("p1").items()).isEqualTo(reversed(items));
    }

    @Test
    void reorderModeMovesExactlyNMinusLisTracksForARandomShuffle() {
        List<Track> items = seed(tracks(400));
        HarnessRun run = harness.run(shuffle(RandomAlgorithm.NAME, "reorder").build());

        assertThat(run.status()).isEqualTo(ExecutionStatus.SUCCESS);
        List<String> after = harness.music().uris("p1");
        assertThat(after).isNotEqualTo(uris(items)).containsExactlyInAnyOrderElementsOf(uris(items));
        int[] source = after.stream().mapToInt(u -> Integer.parseInt(u.substring("spotify:track:t".length())))
                .toArray();
        int lis = lisLengthQuadratic(source);
        assertThat(run.execution().details()).containsEntry("tracksMoved", items.size() - lis);
        assertThat(run.count(Operation.REORDER)).isPositive().isLessThanOrEqualTo(items.size() - lis);
        assertThat(run.count(Operation.REPLACE) + run.count(Operation.ADD)).isZero();
        Map<String, Instant> addedBefore = addedAtByUri(items);
        assertThat(harness.music().playlist("p1").items())
                .allSatisfy(t -> assertThat(t.addedAt()).isEqualTo(addedBefore.get(t.uri())));
    }

    @Test
    void replaceModeGivesTracksANewAddedDate() {
        seed(tracks(5));
        harness.run(shuffle("reverse", "replace").build());
        assertThat(harness.music().playlist("p1").items())
                .allSatisfy(t -> assertThat(t.addedAt()).isEqualTo(harness.clock().instant()));
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"replace", "reorder"})
    void emptyPlaylistIsNothingToDo(String mode) {
        seed(List.of());
        HarnessRun run = harness.run(shuffle("reverse", mode).build());

        assertThat(run.status()).isEqualTo(ExecutionStatus.SUCCESS);
        assertThat(run.writes()).isZero();
        assertThat(run.count(Operation.READ_PLAYLIST)).isEqualTo(1);
        assertThat(run.snapshots()).isEmpty();
        assertThat(run.execution().tracksTotal()).isZero();
    }

    @Test
    void snapshotOfTheTargetIsTakenBeforeTheFirstWrite() {
        List<Track> items = seed(tracks(12));
        HarnessRun run = harness.run(shuffle("reverse", "replace").build());

        assertThat(run.snapshots()).singleElement().satisfies(s -> {
            assertThat(s.type()).isEqualTo(SnapshotType.AUTO_PRE_SHUFFLE);
            assertThat(s.playlistId()).isEqualTo("p1");
            assertThat(s.uris()).isEqualTo(uris(items));
        });
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"replace", "reorder"})
    void unchangedOrderWritesNothingAndTakesNoSnapshot(String mode) {
        List<Track> items = seed(tracks(8));
        harness.shuffify().pins().pinPositions(harness.userId(), "p1", 0, 7);
        HarnessRun run = harness.run(shuffle("reverse", mode).build());

        assertThat(run.status()).isEqualTo(ExecutionStatus.SUCCESS);
        assertThat(harness.music().uris("p1")).isEqualTo(uris(items));
        assertThat(run.writes()).isZero();
        assertThat(run.snapshots()).isEmpty();
        assertThat(run.execution().details()).containsEntry("orderChanged", false).containsEntry("pinnedTracks", 8);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"replace", "reorder"})
    void pinnedTracksKeepTheirPositions(String mode) {
        seed(tracks(10));
        harness.shuffify().pins().pinPositions(harness.userId(), "p1", 0, 1);
        harness.shuffify().pins().pinTrack(harness.userId(), "p1", "spotify:track:t6");
        harness.shuffify().pins().pinTrack(harness.userId(), "p1", "spotify:track:t9",
                harness.clock().instant().minusSeconds(1)); // lapsed: no longer holds
        HarnessRun run = harness.run(shuffle("reverse", mode).build());

        assertThat(run.status()).isEqualTo(ExecutionStatus.SUCCESS);
        // free tracks t2 t3 t4 t5 t7 t8 t9 are reversed around t0, t1 (positions 0-1) and t6 (position 6)
        assertThat(harness.music().uris("p1")).containsExactly("spotify:track:t0", "spotify:track:t1",
                "spotify:track:t9", "spotify:track:t8", "spotify:track:t7", "spotify:track:t5", "spotify:track:t6",
                "spotify:track:t4", "spotify:track:t3", "spotify:track:t2");
        assertThat(run.execution().details()).containsEntry("pinnedTracks", 3);
    }

    @ParameterizedTest(name = "failing ADD call {0}")
    @ValueSource(ints = {1, 2})
    void failureAfterTheReplaceTruncatedThePlaylistIsRolledBack(int failingAdd) {
        List<Track> items = seed(tracks(250));
        harness.music().failOn(Operation.ADD, failingAdd, Fault.SERVER_ERROR);
        HarnessRun run = harness.run(shuffle("reverse", "replace").build());

        assertThat(run.status()).isEqualTo(ExecutionStatus.FAILED_ROLLED_BACK);
        assertThat(harness.music().uris("p1")).isEqualTo(uris(items));
        assertThat(run.execution().errorMessage())
                .contains("shuffle of playlist 'p1' (Mix) failed at write call " + (failingAdd + 1)
                        + " of 3 (write_mode replace): injected server error (HTTP 502)")
                .contains("restored the playlists as they were before the job");
        assertThat(run.snapshots()).singleElement()
                .satisfies(s -> assertThat(s.uris()).isEqualTo(uris(items)));
    }

    @Test
    void failureOfTheReplaceItselfChangesNothing() {
        List<Track> items = seed(tracks(250));
        harness.music().failOn(Operation.REPLACE, 1, Fault.SERVER_ERROR);
        HarnessRun run = harness.run(shuffle("reverse", "replace").build());

        // the failed call applied nothing, so there is nothing to restore
        assertThat(run.status()).isEqualTo(ExecutionStatus.FAILED);
        assertThat(harness.music().uris("p1")).isEqualTo(uris(items));
        assertThat(run.execution().errorMessage()).contains("failed at write call 1 of 3");
    }

    @ParameterizedTest(name = "failing REORDER call {0}")
    @ValueSource(ints = {1, 50, 99})
    void failureAtAnyReorderCallLosesNoTrackAndKeepsAddedDates(int failingMove) {
        List<Track> items = seed(tracks(100));
        harness.music().failOn(Operation.REORDER, failingMove, Fault.SERVER_ERROR);
        HarnessRun run = harness.run(shuffle("reverse", "reorder").build());

        // moves never take a track out, so what was done is safe and is kept; a later run reorders again
        assertThat(run.status()).isEqualTo(ExecutionStatus.FAILED);
        assertThat(run.execution().errorMessage())
                .contains("failed at write call " + failingMove + " of 99 (write_mode reorder)");
        assertThat(run.count(Operation.REORDER)).isEqualTo(failingMove);
        assertThat(harness.music().uris("p1")).containsExactlyInAnyOrderElementsOf(uris(items));
        Map<String, Instant> addedBefore = addedAtByUri(items);
        assertThat(harness.music().playlist("p1").items())
                .allSatisfy(t -> assertThat(t.addedAt()).isEqualTo(addedBefore.get(t.uri())));
    }

    @Test
    void lostAnswerToTheLastWriteFailsTheRunButKeepsTheCompleteNewOrder() {
        List<Track> items = seed(tracks(250));
        harness.music().failOn(Operation.ADD, 2, Fault.LOST_RESPONSE);
        HarnessRun run = harness.run(shuffle("reverse", "replace").build());

        assertThat(run.status()).isEqualTo(ExecutionStatus.FAILED);
        assertThat(run.execution().errorMessage()).contains("failed at write call 3 of 3");
        assertThat(harness.music().uris("p1")).isEqualTo(reversed(uris(items)));
    }

    @Test
    void previewOfReorderWritesNothingAndListsThePlannedMoves() {
        List<Track> items = seed(tracks(10));
        harness.music().resetCalls();
        Preview preview = harness.preview(shuffle("reverse", "reorder").build());

        assertThat(harness.music().writeCalls()).isZero();
        assertThat(harness.music().uris("p1")).isEqualTo(uris(items));
        assertThat(preview.changes()).hasSize(9)
                .allSatisfy(c -> assertThat(c.operation()).isEqualTo(PlannedChange.Operation.REORDER));
        List<String> replayed = new ArrayList<>(uris(items));
        for (PlannedChange c : preview.changes()) {
            List<String> range = new ArrayList<>(replayed.subList(c.position(), c.position() + c.rangeLength()));
            replayed.subList(c.position(), c.position() + c.rangeLength()).clear();
            replayed.addAll(c.insertBefore() > c.position() ? c.insertBefore() - c.rangeLength() : c.insertBefore(),
                    range);
        }
        assertThat(replayed).isEqualTo(reversed(uris(items)));
        assertThat(preview.result().tracksTotal()).isEqualTo(10);
        assertThat(preview.result().details()).containsEntry("tracksMoved", 9);
        assertThat(harness.store().executions().countByStatus()).isEmpty();
    }

    @Test
    void previewOfReplaceListsTheNewOrderInBatches() {
        List<Track> items = seed(tracks(150));
        harness.music().resetCalls();
        Preview preview = harness.preview(shuffle("reverse", "replace").build());

        assertThat(harness.music().writeCalls()).isZero();
        assertThat(preview.changes()).extracting(PlannedChange::operation)
                .containsExactly(PlannedChange.Operation.REPLACE, PlannedChange.Operation.ADD);
        assertThat(preview.changes().stream().flatMap(c -> c.uris().stream()).toList())
                .isEqualTo(reversed(uris(items)));
    }

    @Test
    void localFilesAreNeverDroppedAndForceInPlaceMoves() {
        List<Track> items = new ArrayList<>(tracks(4));
        items.add(1, Track.ofUri("spotify:local:Artist:Album:Demo+tape:215").withAddedAt(FIRST_ADDED));
        items.add(Track.ofUri("spotify:local:Other:Live:Encore:180").withAddedAt(FIRST_ADDED));
        items.add(Track.ofUri("spotify:episode:ep1").withAddedAt(FIRST_ADDED)); // no track id
        seed(items);
        HarnessRun run = harness.run(shuffle("reverse", "replace").build());

        assertThat(run.status()).isEqualTo(ExecutionStatus.SUCCESS);
        assertThat(harness.music().uris("p1")).isEqualTo(reversed(uris(items)));
        assertThat(run.count(Operation.REPLACE) + run.count(Operation.ADD)).isZero();
        assertThat(run.count(Operation.REORDER)).isEqualTo(items.size() - 1);
        assertThat(run.execution().details()).containsEntry("writeMode", "reorder");
        assertThat(run.execution().warnings()).anySatisfy(w -> assertThat(w).contains("local files"));
    }

    @Test
    void algorithmAliasRunsTheAlgorithmUnderItsName() {
        seed(tracks(3));
        HarnessRun run = harness.run(shuffle("ReverseShuffle", "replace").build());
        assertThat(run.succeeded()).isTrue();
        assertThat(run.execution().details()).containsEntry("algorithm", "reverse");
    }

    @Test
    void unknownOrMissingAlgorithmAndBadParametersAreRejectedAtCreation() {
        seed(tracks(3));
        assertThat(catchThrowableOfType(ValidationException.class,
                () -> harness.schedule(shuffle("chaos", "replace").build())).errors())
                .containsExactly(new FieldError("job.algorithm",
                        "unknown algorithm 'chaos'; known: fisher_yates, reverse. Add the jar that provides it to "
                                + "the class path."));
        assertThat(catchThrowableOfType(ValidationException.class,
                () -> harness.schedule(JobSpec.builder("shuffle").target("p1", "Mix").build())).errors())
                .containsExactly(new FieldError("job.algorithm",
                        "is required for job type 'shuffle'; known: fisher_yates, reverse"));
        assertThat(catchThrowableOfType(ValidationException.class, () -> harness.schedule(
                shuffle("reverse", "replace").algorithmParam("keep_first", 11).build())).errors())
                .singleElement().satisfies(e -> {
                    assertThat(e.field()).isEqualTo("job.algorithmParams.keep_first");
                    assertThat(e.message()).contains("0..10");
                });
        assertThat(catchThrowableOfType(ValidationException.class,
                () -> harness.schedule(shuffle("reverse", "sideways").build())).errors())
                .singleElement().satisfies(e -> {
                    assertThat(e.field()).isEqualTo("job.params.write_mode");
                    assertThat(e.message()).contains("replace, reorder");
                });
        assertThat(harness.shuffify().schedules().list(harness.userId())).isEmpty();
    }

    @Test
    void algorithmThatDisappearedFailsTheRunNamingItAndTheKnownOnes() {
        InMemoryShuffifyStore store = new InMemoryShuffifyStore();
        ExecutorHarness withPlugin = ExecutorHarness.builder().store(store).jobType(new ShuffleExecutor())
                .algorithm(new ReverseAlgorithm()).build();
        withPlugin.playlist("p1", "Mix", tracks(5));
        Schedule schedule = withPlugin.schedule(shuffle("reverse", "replace").build());

        // the same store on a host whose algorithms jar is gone
        ExecutorHarness withoutPlugin = ExecutorHarness.builder().store(store).jobType(new ShuffleExecutor())
                .algorithm(new RandomAlgorithm()).build();
        withoutPlugin.playlist("p1", "Mix", tracks(5));
        HarnessRun run = withoutPlugin.run(schedule.id());

        assertThat(run.status()).isEqualTo(ExecutionStatus.FAILED);
        assertThat(run.execution().errorMessage())
                .isEqualTo("shuffle failed: unknown algorithm 'reverse'; known: fisher_yates. Add the jar that "
                        + "provides it to the class path.");
        assertThat(run.writes()).isZero();
        assertThat(withoutPlugin.music().uris("p1")).isEqualTo(uris(tracks(5)));
    }

    @Test
    void algorithmParametersThatBecameInvalidFailTheRun() {
        InMemoryShuffifyStore store = new InMemoryShuffifyStore();
        ExecutorHarness old = ExecutorHarness.builder().store(store).jobType(new ShuffleExecutor())
                .algorithm(new ReverseAlgorithm()).build();
        old.playlist("p1", "Mix", tracks(5));
        Schedule schedule = old.schedule(shuffle("reverse", "replace").algorithmParam("keep_first", 5).build());

        ShuffleAlgorithm narrower = new ShuffleAlgorithm() { // a newer version with a narrower range
            @Override
            public String name() {
                return "reverse";
            }

            @Override
            public String description() {
                return "Reverses.";
            }

            @Override
            public List<ParamSpec> parameters() {
                return List.of(ParamSpec.integer("keep_first", "Tracks left at the top").range(0, 2));
            }

            @Override
            public List<Track> shuffle(ShuffleRequest request) {
                return reversed(request.tracks());
            }
        };
        ExecutorHarness upgraded = ExecutorHarness.builder().store(store).jobType(new ShuffleExecutor())
                .algorithm(narrower).build();
        upgraded.playlist("p1", "Mix", tracks(5));
        HarnessRun run = upgraded.run(schedule.id());

        assertThat(run.status()).isEqualTo(ExecutionStatus.FAILED);
        assertThat(run.execution().errorMessage())
                .contains("the parameters of algorithm 'reverse' are no longer valid")
                .contains("algorithmParams.keep_first").contains("0..2");
        assertThat(run.writes()).isZero();
    }

    static ShuffleAlgorithm algorithm(String name, UnaryOperator<List<Track>> reorder) {
        return new ShuffleAlgorithm() {
            @Override
            public String name() {
                return name;
            }

            @Override
            public String description() {
                return "A test algorithm.";
            }

            @Override
            public List<ParamSpec> parameters() {
                return List.of();
            }

            @Override
            public List<Track> shuffle(ShuffleRequest request) {
                return reorder.apply(request.tracks());
            }
        };
    }

    @Test
    void algorithmThatDropsOrCopiesATrackFailsBeforeAnyWrite() {
        ExecutorHarness h = ExecutorHarness.builder().jobType(new ShuffleExecutor())
                .algorithm(algorithm("lossy", t -> reversed(t.subList(1, t.size()))))
                .algorithm(algorithm("cloning", t -> List.of(t.get(1), t.get(1), t.get(2), t.get(3))))
                .build();
        h.playlist("p1", "Mix", tracks(4));

        HarnessRun lossy = h.run(JobSpec.builder("shuffle").target("p1", "Mix").algorithm("lossy").build());
        assertThat(lossy.status()).isEqualTo(ExecutionStatus.FAILED);
        assertThat(lossy.execution().errorMessage()).contains("algorithm 'lossy' failed")
                .contains("changed the number of tracks from 4 to 3").contains("nothing was written");

        HarnessRun cloning = h.run(JobSpec.builder("shuffle").target("p1", "Mix").algorithm("cloning").build());
        assertThat(cloning.status()).isEqualTo(ExecutionStatus.FAILED);
        assertThat(cloning.execution().errorMessage()).isEqualTo("shuffle of playlist 'p1' (Mix) failed: "
                + "algorithm 'cloning' did not return a permutation of the playlist (expected the same 4 tracks in "
                + "a new order, got 4; missing spotify:track:t0; unexpected spotify:track:t1); nothing was written");

        assertThat(lossy.writes() + cloning.writes()).isZero();
        assertThat(lossy.snapshots()).isEmpty();
        assertThat(cloning.snapshots()).isEmpty();
        assertThat(h.music().uris("p1")).isEqualTo(uris(tracks(4)));
    }

    @Test
    void missingTargetFailsWithTargetPlaylistNotFound() {
        seed(tracks(3));
        Schedule schedule = harness.schedule(shuffle("reverse", "replace").build());
        harness.music().deletePlaylist("p1");
        HarnessRun run = harness.run(schedule.id());

        assertThat(run.status()).isEqualTo(ExecutionStatus.FAILED);
        assertThat(run.execution().errorMessage()).contains("shuffle failed: target playlist not found")
                .contains("'p1'");
    }

    @Test
    void serviceErrorOnReadIsReportedWithTheJobType() {
        seed(tracks(3));
        harness.music().failOn(Operation.READ_PLAYLIST, 1, Fault.SERVER_ERROR);
        HarnessRun run = harness.run(shuffle("reverse", "replace").build());

        assertThat(run.status()).isEqualTo(ExecutionStatus.FAILED);
        assertThat(run.execution().errorMessage())
                .isEqualTo("shuffle failed: reading playlist 'p1' (Mix) failed: injected server error (HTTP 502)");
        assertThat(run.writes()).isZero();
    }

    @Test
    void revokedLoginIsReportedAsSuch() {
        seed(tracks(3));
        harness.music().failOn(Operation.REPLACE, 1, Fault.UNAUTHORIZED);
        HarnessRun run = harness.run(shuffle("reverse", "replace").build());

        assertThat(run.status()).isEqualTo(ExecutionStatus.FAILED);
        assertThat(run.execution().errorMessage()).startsWith("user must log in again");
    }

    @Test
    void sameSeedGivesTheSameOrder() {
        seed(tracks(50));
        harness.run(shuffle(RandomAlgorithm.NAME, "replace").build());
        List<String> first = harness.music().uris("p1");

        ExecutorHarness again = ExecutorHarness.builder().jobType(new ShuffleExecutor())
                .algorithm(new RandomAlgorithm()).build();
        again.playlist("p1", "Mix", tracks(50));
        again.run(shuffle(RandomAlgorithm.NAME, "reorder").build());
        assertThat(again.music().uris("p1")).isEqualTo(first);
    }

    /** The length of a longest strictly increasing subsequence, the slow and obvious way. */
    private static int lisLengthQuadratic(int[] values) {
        int[] best = new int[values.length];
        int max = 0;
        for (int i = 0; i < values.length; i++) {
            best[i] = 1;
            for (int j = 0; j < i; j++) {
                if (values[j] < values[i]) {
                    best[i] = Math.max(best[i], best[j] + 1);
                }
            }
            max = Math.max(max, best[i]);
        }
        return max;
    }
}
