package dev.shuffify.spi;

import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * What the facade found or was given: one job type, chain, algorithm or discovery strategy.
 *
 * @param kind the plugin kind; never null
 * @param id the job type, chain name, algorithm name or strategy id; never blank
 * @param displayName a short name for people, e.g. {@code Artist spacing}; never blank
 * @param aliases other accepted names (algorithms); never null
 * @param description one sentence; never null
 * @param parameters the declared parameters (a chain's are its steps'); never null
 * @param className the implementing class; never null
 * @param source where the class came from: a jar or folder location, or {@code registered} for instances
 *     given to the builder; never null
 * @param artifact the Maven coordinates ({@code groupId:artifactId:version}) of the jar the class came from,
 *     as Maven recorded them in the jar; null when the jar does not say (a folder, a jar built by other tools)
 * @since 0.1.0
 */
public record PluginDescriptor(Kind kind, String id, String displayName, List<String> aliases, String description,
        List<ParamSpec> parameters, String className, String source, String artifact) {

    /**
     * Validates and copies.
     *
     * @param kind the plugin kind; never null
     * @param id the job type, chain name, algorithm name or strategy id; never blank
     * @param displayName a short name for people; null or blank for {@link #displayNameOf(String) the id's}
     * @param aliases other accepted names (algorithms); never null
     * @param description one sentence; never null
     * @param parameters the declared parameters; never null
     * @param className the implementing class; never null
     * @param source where the class came from: a jar or folder location, or {@code registered} for instances
     *     given to the builder; never null
     * @param artifact the Maven coordinates ({@code groupId:artifactId:version}) of the jar the class came
     *     from; null when the jar does not say
     */
    public PluginDescriptor {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(id, "id");
        displayName = displayName == null || displayName.isBlank() ? displayNameOf(id) : displayName.strip();
        aliases = List.copyOf(aliases);
        description = description == null ? "" : description;
        parameters = List.copyOf(parameters);
        Objects.requireNonNull(className, "className");
        Objects.requireNonNull(source, "source");
    }

    /**
     * The display name the plugin interfaces default to: the id with underscores as spaces and its first letter
     * upper case ({@code artist_spacing} → {@code Artist spacing}).
     *
     * @param id the id
     * @return never null
     * @since 0.2.0
     */
    public static String displayNameOf(String id) {
        if (id == null || id.isBlank()) {
            return "";
        }
        String words = id.strip().replace('_', ' ');
        return words.substring(0, 1).toUpperCase(Locale.ROOT) + words.substring(1);
    }

    /** The plugin kinds. */
    public enum Kind {
        /** A {@link dev.shuffify.spi.JobExecutor}. */
        JOB_TYPE,
        /** A {@link dev.shuffify.spi.JobChain}: a named chain of job types. */
        JOB_CHAIN,
        /** A {@link dev.shuffify.spi.ShuffleAlgorithm}. */
        ALGORITHM,
        /** A {@link dev.shuffify.spi.DiscoveryStrategy}. */
        DISCOVERY_STRATEGY
    }
}
