package dev.shuffify.executor.raid;

import dev.shuffify.testkit.PluginArchitecture;
import org.junit.jupiter.api.Test;

/** This plugin module's main classes use only the plugin API: spi, model and error. */
class ArchitectureTest {
    @Test
    void mainClassesImportOnlyThePluginApi() {
        PluginArchitecture.check("dev.shuffify.executor.raid");
    }
}
