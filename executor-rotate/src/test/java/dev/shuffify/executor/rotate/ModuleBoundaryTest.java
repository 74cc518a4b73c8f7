package dev.shuffify.executor.rotate;

import static org.assertj.core.api.Assertions.assertThat;

import dev.shuffify.spi.JobExecutor;
import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.Modifier;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.ServiceLoader;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The module is a plain plugin jar: found through its service file, and built on the public API only. */
class ModuleBoundaryTest {

    @Test
    void theServiceFileDeclaresTheRotateExecutorWithAPublicNoArgConstructor() throws Exception {
        List<String> declared;
        try (InputStream in = getClass().getClassLoader()
                .getResourceAsStream("META-INF/services/" + JobExecutor.class.getName())) {
            assertThat(in).isNotNull();
            declared = new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().map(String::strip)
                    .filter(l -> !l.isEmpty() && !l.startsWith("#")).toList();
        }
        assertThat(declared).containsExactly(RotateExecutor.class.getName());
        assertThat(Modifier.isPublic(RotateExecutor.class.getConstructor().getModifiers())).isTrue();
        assertThat(ServiceLoader.load(JobExecutor.class).stream().map(p -> p.get().type()))
                .contains(RotateExecutor.TYPE);
    }

    @Test
    void noMainClassUsesTheCoresInternalPackages() throws IOException {
        try (Stream<Path> files = Files.walk(Path.of("src/main/java"))) {
            List<Path> java = files.filter(p -> p.toString().endsWith(".java")).toList();
            assertThat(java).hasSizeGreaterThanOrEqualTo(7);
            assertThat(java).noneMatch(p -> {
                try {
                    return Files.readString(p).contains("dev.shuffify.internal");
                } catch (IOException e) {
                    throw new IllegalStateException(e);
                }
            });
        }
    }
}
