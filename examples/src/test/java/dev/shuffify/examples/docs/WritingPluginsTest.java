package dev.shuffify.examples.docs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.shuffify.error.ValidationException;
import dev.shuffify.memory.InMemoryPlaylistService;
import dev.shuffify.spi.ParamSpec;
import dev.shuffify.spi.Params;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.stream.Stream;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Runs the host-side code of {@code docs/writing-plugins.md}: declarations, and loading a plugin jar. */
class WritingPluginsTest {

    @TempDir
    Path work;

    static final String HELLO = """
            package com.example.hello;

            import dev.shuffify.model.JobResult;
            import dev.shuffify.spi.JobContext;
            import dev.shuffify.spi.JobExecutor;
            import java.util.List;

            public final class HelloExecutor implements JobExecutor {
                @Override
                public String type() {
                    return "hello";
                }

                @Override
                public String description() {
                    return "Says hello.";
                }

                @Override
                public List<dev.shuffify.spi.ParamSpec> parameters() {
                    return List.of();
                }

                @Override
                public JobResult execute(JobContext context) {
                    return JobResult.builder().build();
                }
            }
            """;

    @Test
    void theDeclarationsCheckValuesAsThePageSays() {
        List<ParamSpec> specs = WritingPlugins.declarations();
        Params params = Params.parse(specs, Map.of("uris", "a, b", "shuffle_within_albums", "yes", "keep", "LAST",
                "until", "2026-01-31"), "job.params");
        assertThat(params.getInt("section_count")).isEqualTo(4);
        assertThat(params.getList("uris")).containsExactly("a", "b");
        assertThat(params.getBoolean("shuffle_within_albums", false)).isTrue();
        assertThat(params.getString("keep", "first")).isEqualTo("last");
        assertThatThrownBy(() -> Params.parse(specs, Map.of("uris", "a", "section_count", 12), "job.params"))
                .isInstanceOf(ValidationException.class)
                .hasMessageContaining("job.params.section_count: must be an integer 2..10, default 4, was 12");
        assertThatThrownBy(() -> Params.parse(specs, Map.of("uris", "a", "keep", "middle"), "job.params"))
                .hasMessageContaining("job.params.keep: must be one of first, last, was 'middle'");
    }

    @Test
    void aJarLoadedThroughItsOwnClassLoaderIsListedWithItsSource() throws IOException {
        Path jar = helloJar();

        List<String> found = WritingPlugins.loadJar(jar, new InMemoryPlaylistService());

        assertThat(found).anyMatch(line -> line.startsWith("JOB_TYPE hello from ") && line.endsWith("hello.jar"));
        assertThat(found).anyMatch(line -> line.startsWith("JOB_TYPE shuffle from "));
    }

    /** Compiles {@link #HELLO} and packs it with its {@code META-INF/services} file. */
    private Path helloJar() throws IOException {
        Path src = work.resolve("src/com/example/hello/HelloExecutor.java");
        Files.createDirectories(src.getParent());
        Files.writeString(src, HELLO);
        Path classes = work.resolve("classes");
        Files.createDirectories(classes);
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        int code = javac.run(null, null, null, "-d", classes.toString(), "-classpath",
                System.getProperty("java.class.path"), src.toString());
        assertThat(code).isZero();
        Path jar = work.resolve("hello.jar");
        try (OutputStream out = Files.newOutputStream(jar); JarOutputStream zip = new JarOutputStream(out);
                Stream<Path> files = Files.walk(classes)) {
            for (Path f : files.filter(Files::isRegularFile).toList()) {
                zip.putNextEntry(new JarEntry(classes.relativize(f).toString().replace('\\', '/')));
                zip.write(Files.readAllBytes(f));
                zip.closeEntry();
            }
            zip.putNextEntry(new JarEntry("META-INF/services/dev.shuffify.spi.JobExecutor"));
            zip.write("com.example.hello.HelloExecutor\n".getBytes(StandardCharsets.UTF_8));
            zip.closeEntry();
        }
        return jar;
    }
}
