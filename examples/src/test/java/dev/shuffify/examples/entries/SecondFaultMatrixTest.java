package dev.shuffify.examples.entries;

import static org.assertj.core.api.Assertions.assertThat;

import dev.shuffify.examples.entries.FaultMatrixTest.World;
import dev.shuffify.memory.Fault;
import dev.shuffify.model.ExecutionStatus;
import dev.shuffify.model.JobSpec;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Two faults in a row, over the in-memory service and the Spotify adapter against the fake Web API: one at any
 * call of a run, as in {@link FaultMatrixTest}, and a second one at one of the three calls after it — the calls
 * that roll the first failure back, verify, retry the write, or, when the first fault ended the run, the first
 * calls of the retry. Then up to three more runs until one succeeds (the repair of what the second fault
 * interrupted, then the job). Every case must end
 * with 0 entries lost, 0 duplicated and every playlist holding what one run without faults leaves. The
 * figures are printed and quoted in {@code docs/data-safety.md}:
 * {@code mvn -B -o -q -pl examples -am verify -Dtest=SecondFaultMatrixTest -Dsurefire.failIfNoSpecifiedTests=false}.
 */
class SecondFaultMatrixTest {
    static final List<Fault> SECOND = List.of(Fault.SERVER_ERROR, Fault.LOST_RESPONSE);
    static final int AFTER = 3;

    static Stream<org.junit.jupiter.params.provider.Arguments> cases() {
        return Stream.of("in-memory", "spotify-items", "spotify-tracks").flatMap(b -> FaultMatrixTest.jobs().keySet()
                .stream().map(j -> org.junit.jupiter.params.provider.Arguments.of(b, j)));
    }

    @ParameterizedTest(name = "{0}: {1}")
    @MethodSource("cases")
    void aSecondFaultWhileTheFirstIsRepairedLosesNothingAndTheRetriesConverge(String backendName, String jobName) {
        var factory = FaultMatrixTest.backends().get(backendName);
        JobSpec job = FaultMatrixTest.jobs().get(jobName);
        World reference = World.of(factory, job);
        int from = reference.backend().calls();
        assertThat(reference.run()).isEqualTo(ExecutionStatus.SUCCESS);
        int calls = reference.backend().calls() - from;
        Map<String, Map<String, Integer>> expected = reference.multisets();

        int cases = 0;
        int bothFired = 0;
        int thirdRuns = 0;
        int lost = 0;
        int duplicated = 0;
        int notConverged = 0;
        List<String> problems = new ArrayList<>();
        for (Fault first : FaultMatrixTest.FAULTS) {
            for (int k = 1; k <= calls; k++) {
                for (Fault second : SECOND) {
                    for (int d = 1; d <= AFTER; d++) {
                        cases++;
                        World w = World.of(factory, job);
                        Map<String, Map<String, Integer>> was = w.multisets();
                        int start = w.backend().calls();
                        w.backend().failAtCall(k, first);
                        w.backend().failAtCall(k + d, second);
                        List<ExecutionStatus> runs = new ArrayList<>();
                        runs.add(w.run());
                        while (runs.get(runs.size() - 1) != ExecutionStatus.SUCCESS && runs.size() < 4) {
                            runs.add(w.run());
                        }
                        bothFired += w.backend().calls() - start >= k + d ? 1 : 0;
                        thirdRuns += runs.size() > 2 ? 1 : 0;
                        Map<String, Map<String, Integer>> actual = w.multisets();
                        String at = jobName + ", " + first + " at call " + k + ", then " + second + " at call "
                                + (k + d) + " (runs " + runs + ")";
                        FaultMatrixTest.Tally t = FaultMatrixTest.Tally.of(expected, was, actual);
                        int caseLost = t.lost();
                        int caseDup = t.duplicated();
                        if (!actual.equals(expected)) {
                            notConverged++;
                            problems.add(at + ": not converged: " + FaultMatrixTest.diff(expected, actual));
                        }
                        if (caseLost > 0 || caseDup > 0) {
                            problems.add(at + ": " + caseLost + " lost, " + caseDup + " duplicated");
                        }
                        lost += caseLost;
                        duplicated += caseDup;
                    }
                }
            }
        }
        System.out.printf("second fault | %s | %s | %d calls | %d cases | %d with both faults fired | "
                + "%d needing a third run | %d lost | %d duplicated | %d not converged%n", backendName, jobName, calls,
                cases,
                bothFired, thirdRuns, lost, duplicated, notConverged);
        assertThat(problems).as(jobName).isEmpty();
        assertThat(cases).isPositive();
    }
}
