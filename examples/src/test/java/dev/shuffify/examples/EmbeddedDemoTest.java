package dev.shuffify.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The demo of README command one, run in-process on a temporary data folder. */
class EmbeddedDemoTest {

    @TempDir
    Path data;

    private record Result(int code, String out, String err) {
    }

    private static Result run(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = EmbeddedDemo.run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Result(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    @Test
    void runsEveryJobTypeThenRestoresASnapshotAndKeepsItsStateAcrossRuns() {
        Result first = run("--data", data.toString(), "--days", "1", "--seed", "3");

        assertThat(first.code()).isZero();
        assertThat(first.out())
                .contains("raid              on Morning Mix", "created")
                .containsPattern("raid +Morning Mix +success +\\+6")
                .containsPattern("shuffle +Morning Mix +success")
                .containsPattern("raid_and_shuffle +Discover Pool +success")
                .containsPattern("rotate +Road Trip +success +\\+0 +-3")
                .containsPattern("rotate +Road Trip +success +\\+3 +-3")
                .contains("dedupe            rejected: invalid input: job.type: unknown job type 'dedupe'")
                .contains("Add the jar that provides it to the class path")
                .doesNotContain("shuffify-executor-dedupe")
                .contains("auto_pre_shuffle", "auto_pre_rotate", "auto_pre_raid")
                .contains("playlist now equals the snapshot: yes")
                .doesNotContain("failed");

        Result second = run("--data", data.toString(), "--days", "1");
        assertThat(second.code()).isZero();
        assertThat(second.out()).contains("restart    found 6 schedules")
                .contains("kept from the earlier run (last ")
                .doesNotContain(" created, next run");
    }

    @Test
    void helpAndBadOptions() {
        assertThat(run("--help").out()).contains("--data DIR", "--seed N", "--scenario NAME", "--plugin-jar PATH");
        Result bad = run("--scenario", "dance");
        assertThat(bad.code()).isEqualTo(2);
        assertThat(bad.err()).contains("--scenario must be one of [all, raid, shuffle, raid_and_shuffle, rotate, plugin]"
                + ", was 'dance'");
        assertThat(run("--days", "0").err()).contains("--days must be between 1 and 30, was 0");
        assertThat(run("--plugin-jar", data.resolve("missing.jar").toString()).err()).contains("no such file");
    }

    @Test
    void aScenarioRunsOnlyItsSchedules() {
        Result rotate = run("--data", data.toString(), "--days", "1", "--scenario", "rotate");
        assertThat(rotate.out()).containsPattern("rotate +on Road Trip").doesNotContain("raid_and_shuffle  on");
    }
}
