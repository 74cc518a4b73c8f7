package dev.shuffify.testkit;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import java.util.List;
import java.util.Objects;

/**
 * The import rule for plugin modules, checked with ArchUnit: a plugin's main classes use nothing of the
 * library's but the plugin API, {@code dev.shuffify.spi..}, {@code dev.shuffify.model..} and
 * {@code dev.shuffify.error..}. The engine, the stores, the facade, the in-memory service and the test kit are
 * for hosts and tests: a plugin that reaches for them breaks when they change. A plugin module checks itself
 * in one test:
 *
 * <pre>{@code
 * class ArchitectureTest {
 *     @Test
 *     void importsOnlyThePluginApi() {
 *         PluginArchitecture.check("com.example.dedupe");
 *     }
 * }
 * }</pre>
 *
 * <p>Tests are not checked (they may use the test kit and {@code dev.shuffify.memory}); only classes compiled
 * from main sources, as found on the class path under the package, are.
 *
 * @since 0.2.0
 */
public final class PluginArchitecture {

    /** The packages of the library a plugin's main classes may use. */
    public static final List<String> ALLOWED = List.of("dev.shuffify.spi..", "dev.shuffify.model..", "dev.shuffify.error..");

    private PluginArchitecture() {
    }

    /**
     * The rule for the main classes of a plugin: no dependency on a class of {@code dev.shuffify..} outside
     * {@link #ALLOWED} and the plugin's own package.
     *
     * @param rootPackage the plugin's package, whose classes may use each other
     * @return the rule
     */
    public static ArchRule rule(String rootPackage) {
        Objects.requireNonNull(rootPackage, "rootPackage");
        return noClasses().should().dependOnClassesThat(DescribedPredicate.<JavaClass>describe(
                "are in dev.shuffify.. outside " + String.join(", ", ALLOWED) + " and " + rootPackage + "..",
                c -> c.getPackageName().startsWith("dev.shuffify.") && !allowed(c.getPackageName())
                        && !within(c.getPackageName(), rootPackage)))
                .because("a plugin uses only the plugin API (spi, model, error)");
    }

    /**
     * Checks the main classes under a package (a plugin's own root package, e.g. {@code "com.example.dedupe"}).
     *
     * @param rootPackage the plugin's package
     * @throws AssertionError naming each offending class and what it uses
     * @throws IllegalArgumentException when no main class is found under the package
     */
    public static void check(String rootPackage) {
        Objects.requireNonNull(rootPackage, "rootPackage");
        JavaClasses classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_JARS).importPackages(rootPackage);
        if (classes.isEmpty()) {
            throw new IllegalArgumentException("no main classes found under " + rootPackage);
        }
        rule(rootPackage).check(classes);
    }

    private static boolean within(String pkg, String root) {
        return pkg.equals(root) || pkg.startsWith(root + ".");
    }

    private static boolean allowed(String pkg) {
        for (String a : ALLOWED) {
            if (within(pkg, a.substring(0, a.length() - 2))) {
                return true;
            }
        }
        return false;
    }
}
