package dev.shuffify.internal.plugins;

import dev.shuffify.spi.PluginDescriptor;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Enumeration;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.ConcurrentHashMap;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;

/**
 * Where plugins come from: the Maven artifact a plugin class was loaded from, and the artifact that provides
 * each plugin this project ships, so that a missing one is named by its real artifact id and a missing
 * third-party one is never given an invented name.
 */
public final class PluginOrigins {
    private static final String GROUP = "dev.shuffify";
    private static final Properties BUILT_IN = load();
    private static final Map<String, Optional<String>> ARTIFACTS = new ConcurrentHashMap<>();

    private PluginOrigins() {
    }

    /**
     * The artifact of this project that provides a plugin.
     *
     * @param kind the plugin kind
     * @param id the job type, algorithm name or alias, or strategy id
     * @return {@code dev.shuffify:<artifactId>}, or empty when the id is not one of ours
     */
    public static Optional<String> builtInArtifact(PluginDescriptor.Kind kind, String id) {
        String artifact = BUILT_IN.getProperty(kind.name().toLowerCase(Locale.ROOT) + "." + id);
        return Optional.ofNullable(artifact).map(a -> GROUP + ":" + a);
    }

    /**
     * What to do about a missing plugin: name our artifact for one of ours, else ask for the jar that provides it.
     *
     * @param kind the plugin kind
     * @param id the id that was asked for
     * @return a sentence, ending with a full stop
     */
    public static String advice(PluginDescriptor.Kind kind, String id) {
        return builtInArtifact(kind, id)
                .map(a -> "It is provided by " + a + ": add that dependency to the class path.")
                .orElse("Add the jar that provides it to the class path.");
    }

    /**
     * The Maven coordinates of the jar a class was loaded from, from the {@code pom.properties} Maven writes into
     * every jar it builds.
     *
     * @param type the class
     * @return {@code groupId:artifactId:version}, or empty for a folder, a jar built without Maven, or a jar
     *     holding several artifacts' descriptions
     */
    public static Optional<String> artifactOf(Class<?> type) {
        String location = PluginRegistry.sourceOf(type);
        if (!location.startsWith("file:")) {
            return Optional.empty();
        }
        return ARTIFACTS.computeIfAbsent(location, PluginOrigins::readArtifact);
    }

    private static Optional<String> readArtifact(String location) {
        Path path;
        try {
            path = Path.of(URI.create(location));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
        if (!Files.isRegularFile(path)) {
            return Optional.empty();
        }
        try (JarFile jar = new JarFile(path.toFile())) {
            String found = null;
            for (Enumeration<JarEntry> entries = jar.entries(); entries.hasMoreElements();) {
                JarEntry entry = entries.nextElement();
                String name = entry.getName();
                if (name.startsWith("META-INF/maven/") && name.endsWith("/pom.properties")) {
                    if (found != null) {
                        return Optional.empty(); // a shaded jar: which one is the plugin's is unknown
                    }
                    Properties p = new Properties();
                    try (InputStream in = jar.getInputStream(entry)) {
                        p.load(in);
                    }
                    found = p.getProperty("groupId") + ":" + p.getProperty("artifactId") + ":"
                            + p.getProperty("version");
                }
            }
            return Optional.ofNullable(found);
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    private static Properties load() {
        Properties p = new Properties();
        try (InputStream in = PluginOrigins.class.getResourceAsStream("built-in-plugins.properties")) {
            if (in == null) {
                throw new IllegalStateException("built-in-plugins.properties is missing from shuffify-core");
            }
            p.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return p;
    }
}
