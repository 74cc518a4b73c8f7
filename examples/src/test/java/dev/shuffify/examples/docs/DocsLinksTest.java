package dev.shuffify.examples.docs;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Links between the pages resolve: the page exists, and so does the heading an anchor names. */
class DocsLinksTest {

    static final Path DOCS = Path.of("..", "docs");
    static final Pattern LINK = Pattern.compile("\\]\\(([^)\\s]*)\\)");

    @ParameterizedTest
    @ValueSource(strings = {"getting-started.md", "concepts.md", "job-types.md", "algorithms.md",
            "writing-plugins.md", "operations.md", "configuration.md", "storage.md", "scheduler.md", "spring-boot.md"})
    void everyLinkToAPageOrHeadingResolves(String page) throws IOException {
        List<String> broken = new ArrayList<>();
        Matcher m = LINK.matcher(withoutCode(Files.readString(DOCS.resolve(page))));
        while (m.find()) {
            String target = m.group(1);
            if (target.startsWith("http://") || target.startsWith("https://")) {
                continue;
            }
            String file = target.contains("#") ? target.substring(0, target.indexOf('#')) : target;
            String anchor = target.contains("#") ? target.substring(target.indexOf('#') + 1) : null;
            Path linked = DOCS.resolve(file.isEmpty() ? page : file);
            if (!Files.isRegularFile(linked)) {
                broken.add(target + " (no such page)");
            } else if (anchor != null && !anchors(Files.readString(linked)).contains(anchor)) {
                broken.add(target + " (no such heading)");
            }
        }
        assertThat(broken).as("broken links in %s", page).isEmpty();
    }

    @Test
    void anchorsAreMadeAsGitHubMakesThem() {
        assertThat(anchors("# A\n## 7. Testing with `ExecutorHarness`\n## ShuffifyBuilder\n### Parameters\n"
                + "### Parameters\n```\n# not a heading\n```\n"))
                .containsExactly("a", "7-testing-with-executorharness", "shuffifybuilder", "parameters",
                        "parameters-1");
    }

    /** The anchors of a page's headings, numbered like GitHub's when a heading repeats. */
    static List<String> anchors(String page) {
        List<String> anchors = new ArrayList<>();
        Map<String, Integer> seen = new HashMap<>();
        for (String line : withoutCode(page).lines().toList()) {
            if (!line.startsWith("#")) {
                continue;
            }
            String slug = line.replaceFirst("^#+\\s*", "").toLowerCase(Locale.ROOT)
                    .replaceAll("[^\\p{L}\\p{N} _-]", "").replace(' ', '-');
            int n = seen.merge(slug, 1, Integer::sum) - 1;
            anchors.add(n == 0 ? slug : slug + "-" + n);
        }
        return anchors;
    }

    /** The page without its fenced code blocks. */
    static String withoutCode(String page) {
        StringBuilder out = new StringBuilder();
        boolean code = false;
        for (String line : page.lines().toList()) {
            if (line.strip().startsWith("```")) {
                code = !code;
            } else if (!code) {
                out.append(line).append('\n');
            }
        }
        return out.toString();
    }
}
