package dev.shuffify.examples.docs;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Code in the docs compiles: every {@code ```java} block of the pages below is found, line for line, in a source
 * file of {@code examples/src/main/java/dev/shuffify/examples/docs/} (which the build compiles and the tests of
 * this package run), or, for the plugin classes of {@code writing-plugins.md}, of
 * {@code test-kit/src/test/java/dev/shuffify/guide/} and the compatibility kit's contract test in
 * {@code test-kit/src/test/java/dev/shuffify/testkit/}. A block may leave out the indentation its lines share in the source; nothing else may
 * differ. To change an example, change the source first, then copy the lines into the page.
 */
class DocsInSyncTest {

    static final Path DOCS = Path.of("..", "docs");
    static final Path SOURCES = Path.of("src", "main", "java", "dev", "shuffify", "examples", "docs");
    /** The plugin examples of writing-plugins.md, compiled and tested in the core (see SpiGuideInSyncTest). */
    static final Path GUIDE_SOURCES = Path.of("..", "test-kit", "src", "test", "java", "dev", "shuffify", "guide");
    /** The compatibility kit's own contract test, which writing-plugins.md shows as the way to pass it. */
    static final Path TEST_KIT_SOURCES = Path.of("..", "test-kit", "src", "test", "java", "dev", "shuffify",
            "testkit");
    /** The Spring Boot application of spring-boot.md, compiled and tested in its own module. */
    static final Path BOOT_APP = Path.of("..", "examples", "spring-boot-app", "src");

    /** The pages whose code must come from compiled sources; each has at least one java block. */
    @ParameterizedTest
    @ValueSource(strings = {"getting-started.md", "concepts.md", "configuration.md", "operations.md", "job-types.md",
            "writing-plugins.md", "algorithms.md", "spring-boot.md", "dashboard.md"})
    void everyJavaBlockIsCopiedFromCompiledSources(String page) throws IOException {
        List<List<String>> blocks = javaBlocks(Files.readAllLines(DOCS.resolve(page)));
        List<List<String>> sources = sources();

        assertThat(blocks).as("java blocks in %s", page).isNotEmpty();
        for (List<String> block : blocks) {
            assertThat(sources.stream().anyMatch(source -> contains(source, block)))
                    .as("%s: this java block is not in any file of %s or %s:%n%s", page, SOURCES, GUIDE_SOURCES,
                            String.join("\n", block))
                    .isTrue();
        }
    }

    /** The README's embedding and plugin snippets are copies of compiled sources too. */
    @Test
    void everyJavaBlockOfTheReadmeIsCopiedFromCompiledSources() throws IOException {
        List<List<String>> blocks = javaBlocks(Files.readAllLines(DOCS.resolveSibling("README.md")));
        List<List<String>> sources = sources();

        assertThat(blocks).as("java blocks in README.md").isNotEmpty();
        for (List<String> block : blocks) {
            assertThat(sources.stream().anyMatch(source -> contains(source, block)))
                    .as("README.md: this java block is not in any compiled source:%n%s", String.join("\n", block))
                    .isTrue();
        }
    }

    /** The reference pages may have no code, but what they have comes from compiled sources too. */
    @ParameterizedTest
    @ValueSource(strings = {"storage.md", "scheduler.md"})
    void theReferencePagesHaveNoUncheckedCode(String page) throws IOException {
        List<List<String>> sources = sources();
        for (List<String> block : javaBlocks(Files.readAllLines(DOCS.resolve(page)))) {
            assertThat(sources.stream().anyMatch(source -> contains(source, block)))
                    .as("%s: this java block is not in any compiled source:%n%s", page, String.join("\n", block))
                    .isTrue();
        }
    }

    /** The properties of spring-boot.md are those the example application runs with (and its test checks). */
    @Test
    void everyPropertiesBlockOfTheSpringBootPageIsCopiedFromTheApplicationsFiles() throws IOException {
        List<List<String>> blocks = fencedBlocks(Files.readAllLines(DOCS.resolve("spring-boot.md")), "properties");
        List<List<String>> files = new ArrayList<>();
        try (Stream<Path> all = Files.walk(BOOT_APP)) {
            for (Path file : all.filter(f -> f.toString().endsWith(".properties")).sorted().toList()) {
                files.add(Files.readAllLines(file));
            }
        }

        assertThat(blocks).as("properties blocks in spring-boot.md").isNotEmpty();
        for (List<String> indented : blocks) {
            int indent = indented.stream().filter(l -> !l.isBlank())
                    .mapToInt(l -> l.length() - l.stripLeading().length()).min().orElse(0);
            List<String> block = indented.stream().map(l -> l.isBlank() ? "" : l.substring(indent)).toList();
            assertThat(files.stream().anyMatch(file -> contains(file, block)))
                    .as("spring-boot.md: this properties block is not in any .properties file of %s:%n%s", BOOT_APP,
                            String.join("\n", block))
                    .isTrue();
        }
    }

    @Test
    void theCheckFindsABlockOnlyWhenEveryLineMatches() {
        List<String> source = List.of("class A {", "    void f() {", "        int a = 1;", "", "        a++;",
                "    }", "}");
        assertThat(contains(source, List.of("int a = 1;", "", "a++;"))).isTrue();
        assertThat(contains(source, List.of("    int a = 1;", "", "    a++;"))).isTrue();
        assertThat(contains(source, List.of("int a = 2;", "", "a++;"))).isFalse();
        assertThat(contains(source, List.of("int a = 1;", "a++;"))).isFalse();
        assertThat(contains(source, List.of("int a = 1;", "", "  a++;"))).isFalse();
        assertThat(javaBlocks(List.of("text", "```java", "x();", "```", "```", "not java", "```")))
                .containsExactly(List.of("x();"));
    }

    /** The lines of every block fenced with {@code ```java}. */
    static List<List<String>> javaBlocks(List<String> page) {
        return fencedBlocks(page, "java");
    }

    /** The lines of every block fenced with {@code ```} and the given language. */
    static List<List<String>> fencedBlocks(List<String> page, String language) {
        List<List<String>> blocks = new ArrayList<>();
        List<String> current = null;
        boolean inOther = false;
        for (String line : page) {
            if (current != null) {
                if (line.strip().equals("```")) {
                    blocks.add(current);
                    current = null;
                } else {
                    current.add(line);
                }
            } else if (inOther) {
                inOther = !line.strip().equals("```");
            } else if (line.strip().equals("```" + language)) {
                current = new ArrayList<>();
            } else if (line.strip().startsWith("```")) {
                inOther = true;
            }
        }
        return blocks;
    }

    private static List<List<String>> sources() throws IOException {
        List<List<String>> sources = new ArrayList<>();
        for (Path root : List.of(SOURCES, GUIDE_SOURCES, TEST_KIT_SOURCES, BOOT_APP.resolve("main"))) {
            try (Stream<Path> files = Files.walk(root)) {
                for (Path file : files.filter(f -> f.toString().endsWith(".java")).sorted().toList()) {
                    sources.add(Files.readAllLines(file));
                }
            }
        }
        return sources;
    }

    /** Whether the source holds the block's lines in a row, each indented by the same extra amount. */
    static boolean contains(List<String> source, List<String> block) {
        String first = block.get(0);
        for (int i = 0; i + block.size() <= source.size(); i++) {
            String line = source.get(i);
            if (!line.endsWith(first) || !line.substring(0, line.length() - first.length()).isBlank()) {
                continue;
            }
            String indent = line.substring(0, line.length() - first.length());
            boolean all = true;
            for (int j = 1; j < block.size() && all; j++) {
                String expected = block.get(j).isEmpty() ? "" : indent + block.get(j);
                all = source.get(i + j).equals(expected);
            }
            if (all) {
                return true;
            }
        }
        return false;
    }
}
