package dev.shuffify.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** The plugin rule fails a module that reaches past the plugin API, and names what it uses. */
class PluginArchitectureTest {

    @Test
    void theKitItselfIsNoPluginItUsesTheStoreTheFacadeAndTheInMemoryService() {
        assertThatThrownBy(() -> PluginArchitecture.check("dev.shuffify.testkit"))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("dev.shuffify.memory.InMemoryPlaylistService")
                .hasMessageContaining("dev.shuffify.store.");
    }

    @Test
    void allowsExactlyThePluginApi() {
        assertThat(PluginArchitecture.ALLOWED).containsExactly("dev.shuffify.spi..", "dev.shuffify.model..",
                "dev.shuffify.error..");
    }

    @Test
    void aPackageWithoutMainClassesIsAMistakeNotAPass() {
        assertThatThrownBy(() -> PluginArchitecture.check("com.example.nothing.here"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("com.example.nothing.here");
    }
}
