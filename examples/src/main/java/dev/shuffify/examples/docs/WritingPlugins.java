package dev.shuffify.examples.docs;

import dev.shuffify.Shuffify;
import dev.shuffify.spi.ParamSpec;
import dev.shuffify.spi.PlaylistServiceConnector;
import java.io.IOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.util.List;

/** The code of {@code docs/writing-plugins.md} that is not a plugin itself: parameter declarations, loading a jar. */
public final class WritingPlugins {

    private WritingPlugins() {
    }

    /**
     * One declaration of each parameter type.
     *
     * @return the declarations
     */
    public static List<ParamSpec> declarations() {
        ParamSpec sections = ParamSpec.integer("section_count", "How many sections").range(2, 10).withDefault(4);
        ParamSpec count = ParamSpec.integer("rotation_count", "Tracks per rotation").atLeast(1).withDefault(5);
        ParamSpec keep = ParamSpec.choice("keep", "Which copy stays", "first", "last").withDefault("first");
        ParamSpec within = ParamSpec.bool("shuffle_within_albums", "Shuffle inside albums").withDefault(false);
        ParamSpec uris = ParamSpec.list("uris", "Tracks to add").asRequired();
        ParamSpec until = ParamSpec.date("until", "Last day");
        ParamSpec label = ParamSpec.string("label", "Free text");
        return List.of(sections, count, keep, within, uris, until, label);
    }

    /**
     * Loads the plugins of a jar through a fresh class loader and lists what the facade found.
     *
     * @param jar the plugin jar
     * @param connector the music service
     * @return one line per plugin: kind, id and where it came from
     * @throws IOException when the jar cannot be opened
     */
    public static List<String> loadJar(Path jar, PlaylistServiceConnector connector) throws IOException {
        try (URLClassLoader plugins = new URLClassLoader(new URL[] {jar.toUri().toURL()},
                Shuffify.class.getClassLoader());   // the parent holds shuffify-core
                Shuffify shuffify = Shuffify.builder()
                        .connector(connector)
                        .classLoader(plugins)       // default: the thread's context loader, then the core's
                        .build()) {
            return shuffify.plugins().list().stream().map(p -> p.kind() + " " + p.id() + " from " + p.source()).toList();
        }
    }
}
