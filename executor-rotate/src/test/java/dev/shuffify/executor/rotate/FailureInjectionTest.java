package dev.shuffify.executor.rotate;

import static dev.shuffify.executor.rotate.RotationFixture.ARCH;
import static dev.shuffify.executor.rotate.RotationFixture.ARCH_NAME;
import static dev.shuffify.executor.rotate.RotationFixture.PROD;
import static dev.shuffify.executor.rotate.RotationFixture.PROD_NAME;
import static dev.shuffify.executor.rotate.RotationFixture.assertNothingLost;
import static dev.shuffify.executor.rotate.RotationFixture.ids;
import static dev.shuffify.executor.rotate.RotationFixture.spec;
import static dev.shuffify.executor.rotate.RotationFixture.tracks;
import static dev.shuffify.executor.rotate.RotationFixture.us;
import static org.assertj.core.api.Assertions.assertThat;

import dev.shuffify.memory.Call;
import dev.shuffify.memory.Fault;
import dev.shuffify.memory.Operation;
import dev.shuffify.model.ExecutionStatus;
import dev.shuffify.model.Track;
import dev.shuffify.testkit.HarnessRun;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * For every mode, a failure is injected into every single service call of a rotation in turn. After each failed
 * run every track that was in production or the archive is still in one of them (in fact both playlists are
 * exactly as before), and running the same schedule again converges to what an undisturbed run produces, with
 * no duplicates.
 */
class FailureInjectionTest {

    /** The playlists a case starts from. */
    enum Setup {
        /** 6 production tracks, 4 archive tracks, count 2; no membership history yet. */
        BASIC,
        /** A rotated track duplicated in production, a returning track duplicated in the archive; count 2. */
        DUPLICATES,
        /** 230 production and 150 archive tracks, count 120: every step takes two calls. */
        BATCHES,
        /**
         * Production holds an unavailable entry, a local file and a track twice, the archive a local file and an
         * unavailable entry; count 3, no membership history: the tracks an undo puts back into production get a
         * new added date from the service, and must still rank as old as they were.
         */
        ENTRIES
    }

    static Stream<Arguments> cases() {
        List<Arguments> out = new ArrayList<>();
        for (String mode : List.of("archive_oldest", "refresh", "swap")) {
            for (Setup setup : Setup.values()) {
                for (Fault fault : Fault.values()) {
                    out.add(Arguments.of(mode, setup, fault));
                }
            }
        }
        return out.stream();
    }

    private static RotationFixture fixture(Setup setup) {
        RotationFixture f = new RotationFixture();
        switch (setup) {
            case BASIC -> f.production(ids("p", 6)).archive(ids("a", 4));
            case DUPLICATES -> {
                f.harness.playlist(PROD, PROD_NAME, tracks(0, "p1", "p2", "p1", "p3", "p4", "p5"));
                f.harness.playlist(ARCH, ARCH_NAME, tracks(100, "a1", "a2", "a1", "a3"));
                f.observedGrowing(PROD, "p1", "p2", "p3", "p4", "p5");
            }
            case BATCHES -> {
                f.production(ids("p", 230)).archive(ids("a", 150));
                f.observedGrowing(PROD, ids("p", 230));
            }
            case ENTRIES -> {
                List<Track> production = new ArrayList<>();
                production.add(Track.unavailable(RotationFixture.ADDED_BASE));
                production.addAll(tracks(1, "p1", "p2", "p3"));
                production.add(local("Demo", 4));
                production.addAll(tracks(5, "p4", "p5", "p6", "p7", "p2"));
                f.harness.playlist(PROD, PROD_NAME, production);
                List<Track> archive = new ArrayList<>(tracks(300, "a1", "a2"));
                archive.add(Track.unavailable(RotationFixture.ADDED_BASE));
                archive.addAll(tracks(303, "a3"));
                archive.add(local("Archived", 304));
                archive.addAll(tracks(305, "a4"));
                f.harness.playlist(ARCH, ARCH_NAME, archive);
            }
        }
        f.pair();
        return f;
    }

    private static int count(Setup setup) {
        return switch (setup) {
            case BATCHES -> 120;
            case ENTRIES -> 3;
            default -> 2;
        };
    }

    private static Track local(String name, int day) {
        return new Track("spotify:local:Band:Record:" + name + ":200", null, name, List.of(), null,
                java.time.Duration.ofMinutes(3), 0, RotationFixture.ADDED_BASE.plus(java.time.Duration.ofDays(day)),
                Track.Kind.LOCAL);
    }

    @ParameterizedTest(name = "{0} {1} {2}")
    @MethodSource("cases")
    void aFailureAtAnyCallLosesNothingAndARetryConverges(String mode, Setup setup, Fault fault) {
        RotationFixture clean = fixture(setup);
        HarnessRun undisturbed = clean.run(spec(mode, count(setup)));
        assertThat(undisturbed.succeeded()).isTrue();
        List<String> intendedProduction = clean.prod();
        List<String> intendedArchive = clean.arch();
        int calls = undisturbed.calls().size();

        int failedRuns = 0;
        for (int k = 1; k <= calls; k++) {
            RotationFixture f = fixture(setup);
            String schedule = f.harness.schedule(spec(mode, count(setup)).build()).id();
            List<String> production = f.prod();
            List<String> archive = f.arch();
            f.harness.music().failAtCall(k, fault);

            HarnessRun run = f.harness.run(schedule);

            String at = mode + " " + setup + " " + fault + " at call " + k + " of " + calls;
            assertThat(run.calls()).as(at + ": the fault fired").anyMatch(Call::failed);
            if (run.status() != ExecutionStatus.SUCCESS) {
                failedRuns++;
                assertThat(run.status()).as(at).isEqualTo(ExecutionStatus.FAILED);
                assertNothingLost(production, f.prod(), f.arch());
                assertNothingLost(archive, f.prod(), f.arch());
                assertThat(f.prod()).as(at + ": production as before").isEqualTo(production);
                assertThat(f.arch()).as(at + ": archive as before").isEqualTo(archive);
                assertThat(run.execution().errorMessage()).as(at).isNotBlank();

                HarnessRun retry = f.harness.run(schedule);
                assertThat(retry.succeeded()).as(at + ": the retry succeeds").isTrue();
            }
            assertThat(f.prod()).as(at + ": production converges").isEqualTo(intendedProduction);
            assertThat(f.arch()).as(at + ": archive converges").isEqualTo(intendedArchive);
            assertNoNewDuplicates(production, f.prod(), at);
            assertNoNewDuplicates(archive, f.arch(), at);
        }
        assertThat(failedRuns).as("some injected faults fail the run").isPositive();
    }

    @Test
    void whenUndoingFailsTooNoTrackIsLostAndTheMessageSaysSo() {
        RotationFixture f = fixture(Setup.BASIC);
        List<String> before = f.both();
        // swap removes from the archive (1st remove), then from production (2nd), sends that once more (3rd),
        // then starts undoing with a removal (4th), and undoes that step once more (5th): all four fail
        f.harness.music().failOn(Operation.REMOVE, 2, Fault.SERVER_ERROR)
                .failOn(Operation.REMOVE, 3, Fault.SERVER_ERROR)
                .failOn(Operation.REMOVE, 4, Fault.SERVER_ERROR)
                .failOn(Operation.REMOVE, 5, Fault.SERVER_ERROR);

        HarnessRun run = f.run(spec("swap", 2));

        assertThat(run.status()).isEqualTo(ExecutionStatus.FAILED);
        assertThat(run.execution().errorMessage()).contains("removing 2 track(s) from production")
                .contains("undoing its changes failed too").contains("restore the auto_pre_rotate snapshots");
        assertNothingLost(before, f.prod(), f.arch());
        assertThat(f.prod()).doesNotHaveDuplicates();
        assertThat(f.arch()).doesNotHaveDuplicates();
    }

    @Test
    void anUndoStepThatMeetsATransientErrorIsUndoneOnceMoreAndTheRunLeavesBothPlaylistsAsTheyWere() {
        RotationFixture f = fixture(Setup.BASIC);
        List<String> production = f.prod();
        List<String> archive = f.arch();
        // as above, but only the first undoing removal fails: the step is undone again and that succeeds
        f.harness.music().failOn(Operation.REMOVE, 2, Fault.SERVER_ERROR)
                .failOn(Operation.REMOVE, 3, Fault.SERVER_ERROR)
                .failOn(Operation.REMOVE, 4, Fault.SERVER_ERROR);

        HarnessRun run = f.run(spec("swap", 2));

        assertThat(run.status()).isEqualTo(ExecutionStatus.FAILED);
        assertThat(run.execution().errorMessage()).contains("its changes so far were undone");
        assertThat(f.prod()).isEqualTo(production);
        assertThat(f.arch()).isEqualTo(archive);
    }

    @Test
    void aRevokedLoginHalfwayIsUndoneAndReportedAsSuch() {
        RotationFixture f = fixture(Setup.BASIC);
        f.harness.music().failOn(Operation.REMOVE, 2, Fault.UNAUTHORIZED);

        HarnessRun run = f.run(spec("swap", 2));

        assertThat(run.status()).isEqualTo(ExecutionStatus.FAILED);
        assertThat(run.execution().errorMessage()).contains("user must log in again");
        assertThat(f.prod()).isEqualTo(us(ids("p", 6)));
        assertThat(f.arch()).isEqualTo(us(ids("a", 4)));
    }

    @Test
    void aRemovalWhoseAnswerWasLostIsSentAgainAndTheRunSucceeds() {
        RotationFixture f = fixture(Setup.BASIC);
        f.harness.music().failOn(Operation.REMOVE, 1, Fault.LOST_RESPONSE);

        HarnessRun run = f.run(spec("archive_oldest", 2));

        assertThat(run.succeeded()).isTrue();
        assertThat(run.count(Operation.REMOVE)).isEqualTo(2);
        assertThat(run.execution().warnings()).anySatisfy(w -> assertThat(w).contains("sent again and succeeded"));
        assertThat(f.prod()).isEqualTo(us("p3", "p4", "p5", "p6"));
    }

    private static void assertNoNewDuplicates(List<String> before, List<String> after, String at) {
        Map<String, Long> had = before.stream().collect(Collectors.groupingBy(Function.identity(),
                Collectors.counting()));
        after.stream().collect(Collectors.groupingBy(Function.identity(), Collectors.counting()))
                .forEach((uri, n) -> assertThat(n).as(at + ": copies of " + uri)
                        .isLessThanOrEqualTo(Math.max(1, had.getOrDefault(uri, 0L))));
    }
}
