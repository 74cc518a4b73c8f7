package dev.shuffify.guide;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import dev.shuffify.testkit.PluginArchitecture;
import org.junit.jupiter.api.Test;

/**
 * The guide's plugins — the job type, the algorithm and the discovery strategy that {@code
 * docs/writing-plugins.md} shows ({@link SpiGuideInSyncTest} keeps them equal to the page) — use only the plugin
 * API: no class of core's {@code internal} packages, no facade. They are tested through the kit alone
 * ({@link GuideExamplesTest}, {@link DedupeExecutorTest}, {@link BlockShuffleContractTest}).
 */
class GuidePluginsArchitectureTest {

    @Test
    void theGuidesPluginsUseOnlyThePluginApi() {
        JavaClasses plugins = new ClassFileImporter().importClasses(DedupeExecutor.class, BlockShuffle.class,
                AlbumStrategy.class, ArchiveExecutor.class);
        PluginArchitecture.rule("dev.shuffify.guide").check(plugins);
    }

    @Test
    void theRuleRefusesAClassThatReachesIntoCore() {
        JavaClasses tests = new ClassFileImporter().importClasses(GuideExamplesTest.class);
        assertThatThrownBy(() -> PluginArchitecture.rule("dev.shuffify.guide").check(tests))
                .isInstanceOf(AssertionError.class).hasMessageContaining("dev.shuffify.");
    }
}
