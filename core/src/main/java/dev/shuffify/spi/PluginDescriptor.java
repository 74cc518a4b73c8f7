package dev.shuffify.spi;

import dev.shuffify.spi.ParamSpec;
import java.util.List;
import java.util.Objects;

/**
 * What the facade found or was given: one job type, algorithm or discovery strategy.
 *
 * @param kind the plugin kind; never null
 * @param id the job type, algorithm name or strategy id; never blank
 * @param aliases other accepted names (algorithms); never null
 * @param description one sentence; never null
 * @param parameters the declared parameters; never null
 * @param className the implementing class; never null
 * @param source where the class came from: a jar or folder location, or {@code registered} for instances
 *     given to the builder; never null
 * @param artifact the Maven coordinates ({@code groupId:artifactId:version}) of the jar the class came from,
 *     as Maven recorded them in the jar; null when the jar does not say (a folder, a jar built by other tools)
 * @since 0.1.0
 */
public record PluginDescriptor(Kind kind, String id, List<String> aliases, String description,
        List<ParamSpec> parameters, String className, String source, String artifact) {

    /**
     * Validates and copies.
     *
     * @param kind the plugin kind; never null
     * @param id the job type, algorithm name or strategy id; never blank
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
        aliases = List.copyOf(aliases);
        description = description == null ? "" : description;
        parameters = List.copyOf(parameters);
        Objects.requireNonNull(className, "className");
        Objects.requireNonNull(source, "source");
    }

    /** The plugin kinds. */
    public enum Kind {
        /** A {@link dev.shuffify.spi.JobExecutor}. */
        JOB_TYPE,
        /** A {@link dev.shuffify.spi.ShuffleAlgorithm}. */
        ALGORITHM,
        /** A {@link dev.shuffify.spi.DiscoveryStrategy}. */
        DISCOVERY_STRATEGY
    }
}
