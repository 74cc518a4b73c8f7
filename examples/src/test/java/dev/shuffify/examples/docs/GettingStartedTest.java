package dev.shuffify.examples.docs;

import static org.assertj.core.api.Assertions.assertThat;

import dev.shuffify.examples.EmbeddedDemo;
import dev.shuffify.model.Execution;
import dev.shuffify.model.ExecutionStatus;
import dev.shuffify.store.jdbc.JdbcShuffifyStore;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Runs the ten lines of {@code docs/getting-started.md}, and the demo it describes. */
class GettingStartedTest {

    static final Path PAGE = Path.of("..", "docs", "getting-started.md");
    /** Lines of the demo's output that change from run to run: times, durations, counts after the runs. */
    static final Pattern VARIES = Pattern.compile(
            "(Mon|Tue|Wed|Thu|Fri|Sat|Sun) \\d\\d:\\d\\d|^database |→|^restored |^executions per status");

    @TempDir
    Path data;

    @Test
    void theTenLinesRunAShuffleAndKeepTheScheduleInTheDatabaseFile() {
        Execution run = GettingStarted.tenLines(data, GettingStarted.music());

        assertThat(run.status()).isEqualTo(ExecutionStatus.SUCCESS);
        assertThat(run.tracksTotal()).isEqualTo(4);
        assertThat(Files.exists(data.resolve("shuffify.mv.db"))).isTrue();
        try (JdbcShuffifyStore reopened = JdbcShuffifyStore.embedded(data.resolve("shuffify"))) {
            assertThat(reopened.schedules().listByUser("alice")).singleElement().satisfies(s -> {
                assertThat(s.trigger().describe()).isEqualTo("cron '0 4 * * *' Europe/Paris");
                assertThat(s.lastStatus()).isEqualTo(ExecutionStatus.SUCCESS);
            });
            assertThat(reopened.executions().listBySchedule(run.scheduleId(), 10)).hasSize(1);
        }
    }

    @Test
    void theDemoStillPrintsTheLinesThePageShows() throws IOException {
        String page = Files.readString(PAGE);
        int start = page.indexOf("```\n== Shuffify embedded demo");
        List<String> shown = page.substring(start + 4, page.indexOf("```", start + 4)).lines()
                .filter(line -> !line.isBlank() && !line.equals("…") && !VARIES.matcher(line).find()).toList();

        ByteArrayOutputStream out = new ByteArrayOutputStream();
        PrintStream console = System.out;
        System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
        try {
            EmbeddedDemo.main(new String[] {"--data", data.toString(), "--days", "1", "--plugin-jar",
                dedupeJar().toString()});
        } finally {
            System.setOut(console);
        }

        // a plugin's source is its jar after `package`, its classes folder before: compare up to the source
        List<String> printed = out.toString(StandardCharsets.UTF_8).lines().map(GettingStartedTest::withoutSource)
                .toList();
        assertThat(shown).hasSizeGreaterThan(15);
        assertThat(printed).containsAll(shown.stream().map(GettingStartedTest::withoutSource).toList());
    }

    /** The example plugin jar, which the reactor builds before this module (README command 1 loads it). */
    static Path dedupeJar() throws IOException {
        Path target = Path.of("..", "examples", "dedupe-job", "target");
        String missing = "no plugin jar in " + target
                + ": build examples/dedupe-job first (mvn -pl examples,examples/dedupe-job -am verify)";
        if (!Files.isDirectory(target)) {
            throw new IllegalStateException(missing);
        }
        try (var jars = Files.list(target)) {
            return jars.filter(p -> p.getFileName().toString().matches("shuffify-example-dedupe-[0-9.]+\\.jar"))
                    .findFirst().orElseThrow(() -> new IllegalStateException(missing));
        }
    }

    private static String withoutSource(String line) {
        boolean plugin = line.startsWith("job_type ") || line.startsWith("algorithm ")
                || line.startsWith("discovery_strategy ");
        return plugin && line.length() > 77 ? line.substring(0, 77) : line;
    }
}
