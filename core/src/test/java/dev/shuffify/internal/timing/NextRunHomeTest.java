package dev.shuffify.internal.timing;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** {@link NextRun} is the one home of a schedule's next run: no other main source of core calls the trigger. */
class NextRunHomeTest {
    private static final Pattern CALL = Pattern.compile("\\.nextAfter\\s*\\(");

    @Test
    void onlyNextRunCallsTriggerNextAfter() throws IOException {
        Path main = Path.of("src/main/java");
        assertThat(main).isDirectory();
        List<String> callers;
        try (Stream<Path> files = Files.walk(main)) {
            callers = files.filter(p -> p.toString().endsWith(".java"))
                    .filter(p -> !p.endsWith(Path.of("dev/shuffify/model/Trigger.java")))
                    .filter(NextRunHomeTest::calls)
                    .map(p -> main.relativize(p).toString().replace('\\', '/')).sorted().toList();
        }
        assertThat(callers).containsExactly("dev/shuffify/internal/timing/NextRun.java");
    }

    private static boolean calls(Path file) {
        try {
            return CALL.matcher(Files.readString(file)).find();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
