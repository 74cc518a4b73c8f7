package dev.shuffify.model;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What a schedule does: a job type, its target playlist, and its parameters.
 *
 * <p>The {@code type} is one job type ({@code shuffle}), a chain's name ({@code raid_and_shuffle}, declared
 * by the plugins that provide its steps, see {@link dev.shuffify.spi.JobChain}) or job types joined by
 * {@code +} ({@code raid+shuffle}). Which parameters are allowed is declared by each job type's executor, and
 * checked when the schedule is created; in a chain each step has its own section of {@code params}
 * ({@link Builder#stepParam}).
 *
 * <pre>{@code
 * JobSpec spec = JobSpec.builder("shuffle")
 *         .target("37i9dQZF1DXcBWIGoYBM5M", "Morning mix")
 *         .algorithm("balanced")
 *         .algorithmParam("section_count", 4)
 *         .param("write_mode", "reorder")
 *         .build();
 * }</pre>
 *
 * @param type the job type or chain; never blank
 * @param target the playlist the job writes to; may be null only for job types that need none
 * @param sources discovery sources (raid); never null
 * @param algorithm the shuffle algorithm name (shuffle); may be null
 * @param algorithmParams the algorithm's parameters; never null
 * @param params the job type's own parameters (a chain's: one section per step, or the flat layout of 0.1);
 *     never null
 * @since 0.1.0
 */
public record JobSpec(
        String type,
        PlaylistRef target,
        List<DiscoverySource> sources,
        String algorithm,
        Map<String, Object> algorithmParams,
        Map<String, Object> params) {

    /**
     * Validates and copies.
     *
     * @param type the job type or chain; never blank
     * @param target the playlist the job writes to; may be null only for job types that need none
     * @param sources discovery sources (raid); never null
     * @param algorithm the shuffle algorithm name (shuffle); may be null
     * @param algorithmParams the algorithm's parameters; never null
     * @param params the job type's own parameters; never null
     */
    public JobSpec {
        Objects.requireNonNull(type, "type");
        sources = sources == null ? List.of() : List.copyOf(sources);
        algorithmParams = copy(algorithmParams);
        params = copy(params);
    }

    /**
     * Starts a builder.
     *
     * @param type the job type or chain
     * @return a new builder
     */
    public static Builder builder(String type) {
        return new Builder(type);
    }

    /**
     * A builder initialised from this spec.
     *
     * @return a new builder
     */
    public Builder toBuilder() {
        Builder b = new Builder(type);
        b.target = target;
        b.sources.addAll(sources);
        b.algorithm = algorithm;
        b.algorithmParams.putAll(algorithmParams);
        b.params.putAll(params);
        return b;
    }

    private static Map<String, Object> copy(Map<String, Object> map) {
        if (map == null || map.isEmpty()) {
            return Map.of();
        }
        Map<String, Object> copy = new LinkedHashMap<>();
        map.forEach((k, v) -> copy.put(Objects.requireNonNull(k, "parameter name"), v instanceof List<?> l
                ? Collections.unmodifiableList(new ArrayList<>(l))
                : v instanceof Map<?, ?> section ? Collections.unmodifiableMap(new LinkedHashMap<>(section)) : v));
        return Collections.unmodifiableMap(copy);
    }

    /** Builds a {@link JobSpec}. Not thread-safe; {@link #build()} does not change the builder. */
    public static final class Builder {
        private final String type;
        private PlaylistRef target;
        private final List<DiscoverySource> sources = new ArrayList<>();
        private String algorithm;
        private final Map<String, Object> algorithmParams = new LinkedHashMap<>();
        private final Map<String, Object> params = new LinkedHashMap<>();

        private Builder(String type) {
            this.type = type;
        }

        /**
         * Sets the target playlist.
         *
         * @param playlistId the id
         * @param name the display name
         * @return this builder
         */
        public Builder target(String playlistId, String name) {
            this.target = new PlaylistRef(playlistId, name);
            return this;
        }

        /**
         * Sets the target playlist.
         *
         * @param target the reference
         * @return this builder
         */
        public Builder target(PlaylistRef target) {
            this.target = target;
            return this;
        }

        /**
         * Adds a discovery source.
         *
         * @param source the source
         * @return this builder
         */
        public Builder source(DiscoverySource source) {
            sources.add(Objects.requireNonNull(source, "source"));
            return this;
        }

        /**
         * Sets the shuffle algorithm.
         *
         * @param name the algorithm name
         * @return this builder
         */
        public Builder algorithm(String name) {
            this.algorithm = name;
            return this;
        }

        /**
         * Sets one algorithm parameter.
         *
         * @param name the parameter name
         * @param value its value
         * @return this builder
         */
        public Builder algorithmParam(String name, Object value) {
            algorithmParams.put(name, value);
            return this;
        }

        /**
         * Sets one job parameter.
         *
         * @param name the parameter name
         * @param value its value
         * @return this builder
         */
        public Builder param(String name, Object value) {
            params.put(name, value);
            return this;
        }

        /**
         * Sets one parameter of one step of a chain, in that step's section of {@link JobSpec#params()}
         * ({@code params.<step>.<name>}); each step of a chain reads only its own section (see
         * {@link dev.shuffify.spi.JobChain}).
         *
         * @param step the step's job type, e.g. {@code drip} in {@code raid_and_drip}
         * @param name the parameter name
         * @param value its value
         * @return this builder
         * @throws IllegalArgumentException when {@code params.<step>} holds a value that is no section
         * @since 0.2.0
         */
        @SuppressWarnings("unchecked")
        public Builder stepParam(String step, String name, Object value) {
            Object section = params.computeIfAbsent(Objects.requireNonNull(step, "step"), k -> new LinkedHashMap<>());
            if (!(section instanceof Map<?, ?>)) {
                throw new IllegalArgumentException("params." + step + " holds " + section + ", not a step's section");
            }
            Map<String, Object> own = section instanceof LinkedHashMap<?, ?> m ? (Map<String, Object>) m
                    : new LinkedHashMap<>((Map<String, Object>) section);
            own.put(name, value);
            params.put(step, own);
            return this;
        }

        /**
         * Builds the spec.
         *
         * @return a new immutable spec
         */
        public JobSpec build() {
            return new JobSpec(type, target, sources, algorithm, algorithmParams, params);
        }
    }
}
