package dev.shuffify.spi;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A named chain of job types run as one execution: one record, one snapshot per playlist, the playlists read
 * once. Declared by the module that provides its steps, found through {@link java.util.ServiceLoader}
 * ({@code META-INF/services/dev.shuffify.spi.JobChain}) like the other plugin kinds, or named by a host
 * ({@code Shuffify.builder().chain(name, steps)}). A chain is accepted as a job type when every step is
 * registered.
 *
 * <p>Each step has its own parameters: in a job of a chain, {@code params} holds one section per step, named
 * after the step's type, and a step reads only its own section:
 * <pre>{@code
 * JobSpec.builder("raid_and_drip").target("mix", "Mix")
 *         .stepParam("raid", "limit", 20)
 *         .stepParam("drip", "staging_playlist", "staging").stepParam("drip", "drip_count", 3)
 *         .build();
 * }</pre>
 * The flat layout of earlier versions ({@code params: {limit: 20, staging_playlist: "staging"}}) is still
 * accepted: each value goes to every step that declares a parameter of that name.
 *
 * <p>A step may take a parameter from another step instead of from the user ({@link Step#bind}): in
 * {@code raid_and_drip}, the raid's {@code destination} is the drip's {@code staging_playlist}, so the raid
 * fills the playlist the drip releases from, and the user names it once.
 *
 * <pre>{@code
 * public final class RaidAndDrip implements JobChain {
 *     public String name() { return "raid_and_drip"; }
 *     public String description() { return "Raids into a staging playlist, then drips from it."; }
 *     public List<Step> steps() {
 *         return List.of(Step.of("raid").bind("destination", "drip", "staging_playlist"), Step.of("drip"));
 *     }
 * }
 * }</pre>
 *
 * @since 0.2.0
 */
public interface JobChain {

    /**
     * The chain's job type name, e.g. {@code raid_and_shuffle}: lower-case letters, digits and underscores.
     *
     * @return never blank
     */
    String name();

    /**
     * One sentence for listings.
     *
     * @return never null
     */
    String description();

    /**
     * A short name for people, e.g. {@code Raid and shuffle}.
     *
     * @return never blank; by default the name with underscores as spaces and a capital first letter
     */
    default String displayName() {
        return PluginDescriptor.displayNameOf(name());
    }

    /**
     * The steps, in the order they run: at least two.
     *
     * @return never null
     */
    List<Step> steps();

    /**
     * A chain of the given steps.
     *
     * @param name the chain's name
     * @param description one sentence
     * @param steps at least two steps
     * @return the chain
     * @throws IllegalArgumentException when the name is malformed or there are fewer than two steps
     */
    static JobChain of(String name, String description, List<Step> steps) {
        Objects.requireNonNull(name, "name");
        if (!Step.ID.matcher(name).matches()) {
            throw new IllegalArgumentException("chain name '" + name + "': use lower-case letters, digits and "
                    + "underscores");
        }
        List<Step> copy = List.copyOf(steps);
        if (copy.size() < 2) {
            throw new IllegalArgumentException("chain '" + name + "' needs at least two steps");
        }
        String text = description == null ? "" : description;
        return new JobChain() {
            @Override
            public String name() {
                return name;
            }

            @Override
            public String description() {
                return text;
            }

            @Override
            public List<Step> steps() {
                return copy;
            }

            @Override
            public String toString() {
                return "JobChain[" + name + " = " + copy + "]";
            }
        };
    }

    /**
     * One step: a job type, and the parameters it takes from other steps.
     *
     * @param type the job type of the step
     * @param bindings this step's parameter name → {@code step.parameter} of the step it is taken from; never
     *     null
     */
    record Step(String type, Map<String, String> bindings) {
        static final Pattern ID = Pattern.compile("[a-z0-9][a-z0-9_]*");

        /**
         * Validates and copies.
         *
         * @param type the job type of the step
         * @param bindings this step's parameter name → {@code step.parameter}; never null
         * @throws IllegalArgumentException when the type or a binding is malformed
         */
        public Step {
            Objects.requireNonNull(type, "type");
            if (!ID.matcher(type).matches()) {
                throw new IllegalArgumentException("step '" + type + "': a job type uses lower-case letters, digits "
                        + "and underscores");
            }
            bindings = bindings == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(bindings));
            for (Map.Entry<String, String> b : bindings.entrySet()) {
                String[] parts = b.getValue() == null ? new String[0] : b.getValue().split("\\.", -1);
                if (parts.length != 2 || !ID.matcher(parts[0]).matches() || parts[1].isBlank()) {
                    throw new IllegalArgumentException("step '" + type + "': binding of '" + b.getKey()
                            + "' must name step.parameter, was '" + b.getValue() + "'");
                }
            }
        }

        /**
         * A step that takes all its parameters from the user.
         *
         * @param type the job type
         * @return the step
         */
        public static Step of(String type) {
            return new Step(type, Map.of());
        }

        /**
         * A copy that takes {@code parameter} from another step's parameter: the user does not give it, and
         * the step gets the other step's value (given or default).
         *
         * @param parameter this step's parameter
         * @param fromStep the type of the step it comes from
         * @param fromParameter that step's parameter
         * @return a copy
         */
        public Step bind(String parameter, String fromStep, String fromParameter) {
            Map<String, String> copy = new LinkedHashMap<>(bindings);
            copy.put(Objects.requireNonNull(parameter, "parameter"), fromStep + "." + fromParameter);
            return new Step(type, copy);
        }

        /**
         * The types of steps, each taking its parameters from the user.
         *
         * @param types the job types
         * @return the steps
         */
        public static List<Step> of(List<String> types) {
            List<Step> steps = new ArrayList<>();
            types.forEach(t -> steps.add(of(t)));
            return List.copyOf(steps);
        }
    }
}
