package dev.shuffify.examples;

import static org.assertj.core.api.Assertions.assertThat;

import dev.shuffify.spi.PluginDescriptor;
import dev.shuffify.Shuffify;
import dev.shuffify.memory.InMemoryPlaylistService;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * The table core uses to name the artifact of a missing built-in plugin matches what the built-in jars really
 * provide: every plugin of ours is in it with the artifact it comes from, and it lists nothing else.
 */
class BuiltInPluginsTest {

    @Test
    void theBuiltInTableNamesEveryShippedPluginWithTheArtifactItComesFrom() throws IOException {
        Map<String, String> shipped = new TreeMap<>();
        try (Shuffify shuffify = Shuffify.builder().connector(new InMemoryPlaylistService()).build()) {
            for (PluginDescriptor d : shuffify.plugins().list()) {
                if (!d.className().startsWith("dev.shuffify.")) {
                    continue;
                }
                String kind = d.kind().name().toLowerCase(Locale.ROOT);
                shipped.put(kind + "." + d.id(), artifactOf(d));
                d.aliases().forEach(alias -> shipped.put(kind + "." + alias, artifactOf(d)));
            }
        }
        Map<String, String> table = new TreeMap<>();
        Properties p = new Properties();
        try (InputStream in = Shuffify.class.getResourceAsStream(
                "/dev/shuffify/internal/plugins/built-in-plugins.properties")) {
            assertThat(in).as("the built-in table in shuffify-core").isNotNull();
            p.load(in);
        }
        p.stringPropertyNames().forEach(k -> table.put(k, p.getProperty(k)));

        assertThat(shipped).hasSizeGreaterThan(20);
        assertThat(table).isEqualTo(shipped);
    }

    /** The artifact id: from the jar's Maven coordinates, or from the module folder in a reactor build. */
    private static String artifactOf(PluginDescriptor d) {
        if (d.artifact() != null) {
            return d.artifact().split(":")[1];
        }
        Path location = Path.of(URI.create(d.source()));
        assertThat(Files.isDirectory(location)).as("%s comes from a module's classes folder", d.source()).isTrue();
        // <module>/target/classes
        return "shuffify-" + location.getParent().getParent().getFileName();
    }
}
