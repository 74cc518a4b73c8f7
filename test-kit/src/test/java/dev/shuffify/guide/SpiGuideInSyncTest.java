package dev.shuffify.guide;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** docs/writing-plugins.md shows these examples verbatim; this keeps the guide true to the compiled code. */
class SpiGuideInSyncTest {

    static final Path GUIDE = Path.of("..", "docs", "writing-plugins.md");
    static final Path EXAMPLES = Path.of("src", "test", "java", "dev", "shuffify", "guide");

    @ParameterizedTest
    @ValueSource(strings = {"DedupeExecutor.java", "DedupeExecutorTest.java", "BlockShuffle.java",
            "AlbumStrategy.java"})
    void theGuideShowsTheWholeExample(String file) throws IOException {
        assertThat(Files.readString(GUIDE)).contains(Files.readString(EXAMPLES.resolve(file)).strip());
    }

    @ParameterizedTest
    @ValueSource(strings = {"ArchiveExecutor.java"})
    void theGuideShowsTheExecuteMethod(String file) throws IOException {
        String source = Files.readString(EXAMPLES.resolve(file));
        String execute = source.substring(source.indexOf("    @Override\n    public JobResult execute"),
                source.indexOf("    private static Instant earliest")).strip();
        assertThat(Files.readString(GUIDE)).contains(execute);
    }
}
