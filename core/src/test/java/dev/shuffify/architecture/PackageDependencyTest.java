package dev.shuffify.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.Dependency;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Each core package may use only the packages {@code docs/architecture.md} allows it: the test reads the
 * page's table, so a package that gains an import the page does not list fails here, and so does a page that
 * lists a package core does not have.
 */
class PackageDependencyTest {

    private static final String PREFIX = "dev.shuffify";

    @Test
    void everyCorePackageUsesOnlyWhatTheArchitecturePageAllows() throws IOException {
        Map<String, Set<String>> allowed = allowedFromThePage();
        assertThat(allowed).as("the page's table").containsKeys(PREFIX, PREFIX + ".model", PREFIX + ".spi", PREFIX + ".error");
        Set<String> packages = new TreeSet<>();
        CoreArchitectureTest.CORE.forEach(c -> packages.add(shortName(c.getPackageName())));
        assertThat(allowed.keySet()).as("the page lists exactly core's packages").isEqualTo(packages);
        classes().that().resideInAPackage(PREFIX + "..")
                .should(new ArchCondition<JavaClass>("use only the packages docs/architecture.md allows") {
                    @Override
                    public void check(JavaClass item, ConditionEvents events) {
                        String from = shortName(item.getPackageName());
                        for (Dependency d : item.getDirectDependenciesFromSelf()) {
                            String target = d.getTargetClass().getPackageName();
                            if (!target.startsWith(PREFIX)) {
                                continue;
                            }
                            String to = shortName(target);
                            if (!to.equals(from) && !allowed.getOrDefault(from, Set.of()).contains(to)) {
                                events.add(SimpleConditionEvent.violated(d, from + " -> " + to + ": "
                                        + d.getDescription()));
                            }
                        }
                    }
                }).check(CoreArchitectureTest.CORE);
    }

    private static String shortName(String pkg) {
        return pkg;
    }

    /** Rows of the page's table: a package in backquotes, what lives there, the packages it may use in backquotes. */
    private static Map<String, Set<String>> allowedFromThePage() throws IOException {
        Path page = Path.of("..", "docs", "architecture.md");
        Pattern row = Pattern.compile("^\\| `([^`]+)` \\|[^|]*\\|([^|]*)\\|\\s*$");
        Pattern name = Pattern.compile("`([^`]+)`");
        Map<String, Set<String>> allowed = new java.util.TreeMap<>();
        for (String line : Files.readAllLines(page)) {
            Matcher m = row.matcher(line);
            if (m.matches()) {
                Set<String> uses = new TreeSet<>();
                Matcher n = name.matcher(m.group(2));
                while (n.find()) {
                    uses.add(n.group(1));
                }
                allowed.put(m.group(1), uses);
            }
        }
        return allowed;
    }
}
