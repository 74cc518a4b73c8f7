package dev.shuffify.internal.engine;

import dev.shuffify.spi.PluginDescriptor;
import dev.shuffify.error.ValidationException;
import dev.shuffify.error.ValidationException.FieldError;
import dev.shuffify.internal.plugins.PluginRegistry;
import dev.shuffify.model.DiscoverySource;
import dev.shuffify.model.JobSpec;
import dev.shuffify.spi.DiscoveryStrategy;
import dev.shuffify.spi.JobExecutor;
import dev.shuffify.spi.ParamSpec;
import dev.shuffify.spi.Params;
import dev.shuffify.spi.PluginLookup;
import dev.shuffify.spi.ShuffleAlgorithm;
import dev.shuffify.spi.ValidationContext;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Resolves job types and chains to executors and validates job specs against the executors' declarations.
 */
public final class JobTypes {
    /** The well-known chain names. */
    public static final Map<String, List<String>> WELL_KNOWN_CHAINS = Map.of(
            "raid_and_shuffle", List.of("raid", "shuffle"),
            "raid_and_drip", List.of("raid", "drip"));

    private final PluginRegistry registry;
    private final Map<String, List<String>> chains;

    /**
     * Creates the resolver.
     *
     * @param registry the plugins
     * @param extraChains chain names registered by the host, in addition to the well-known ones
     */
    public JobTypes(PluginRegistry registry, Map<String, List<String>> extraChains) {
        this.registry = registry;
        Map<String, List<String>> all = new LinkedHashMap<>(new TreeMap<>(WELL_KNOWN_CHAINS));
        all.putAll(extraChains);
        this.chains = Collections.unmodifiableMap(all); // insertion order: well-known, then the host's
    }

    /**
     * The plugins.
     *
     * @return the registry
     */
    public PluginRegistry registry() {
        return registry;
    }

    /**
     * The step names of a type: itself, a chain alias's steps, or the {@code +}-separated parts.
     *
     * @param type the type
     * @return never empty
     */
    public List<String> steps(String type) {
        List<String> alias = chains.get(type);
        if (alias != null) {
            return alias;
        }
        return Arrays.stream(type.split("\\+", -1)).map(String::trim).toList();
    }

    /**
     * The executors of a type, in order.
     *
     * @param type the job type or chain
     * @return the executors
     * @throws ValidationException naming {@code job.type} when a step is unknown
     */
    public List<JobExecutor> resolve(String type) {
        if (type == null || type.isBlank()) {
            throw new ValidationException("job.type", "is required; known: " + known());
        }
        List<JobExecutor> executors = new ArrayList<>();
        for (String step : steps(type)) {
            executors.add(registry.jobType(step).orElseThrow(() -> new ValidationException("job.type",
                    "unknown job type '" + step + "'" + (step.equals(type) ? "" : " in '" + type + "'")
                            + "; known: " + known() + ". "
                            + registry.whereToFind(PluginDescriptor.Kind.JOB_TYPE, step))));
        }
        return executors;
    }

    private String known() {
        List<String> names = names();
        return names.isEmpty() ? "none (no job type plugin on the class path)" : String.join(", ", names);
    }

    /**
     * The accepted job type names: the registered types, then the chains whose steps all exist.
     *
     * @return the names
     */
    public List<String> names() {
        List<String> names = new ArrayList<>(registry.jobTypes());
        chains.forEach((name, steps) -> {
            if (steps.stream().allMatch(s -> registry.jobType(s).isPresent())) {
                names.add(name);
            }
        });
        return List.copyOf(names);
    }

    /**
     * Checks job parameters against the union of the steps' declarations (first declaration of a name wins).
     *
     * @param steps the executors
     * @param raw the raw parameters
     * @return the checked parameters
     */
    public static Params parseParams(List<JobExecutor> steps, Map<String, ?> raw) {
        Map<String, ParamSpec> specs = new LinkedHashMap<>();
        steps.forEach(s -> s.parameters().forEach(p -> specs.putIfAbsent(p.name(), p)));
        return Params.parse(List.copyOf(specs.values()), raw, "job.params");
    }

    /**
     * Validates a spec completely: type, target, parameters, algorithm, sources, and each executor's own
     * checks. Collects every error before throwing.
     *
     * @param spec the spec
     * @throws ValidationException listing every offending field
     */
    public void validate(JobSpec spec) {
        List<JobExecutor> steps = resolve(spec.type());
        List<FieldError> errors = new ArrayList<>();
        if (spec.target() == null && steps.stream().anyMatch(JobExecutor::requiresTarget)) {
            errors.add(new FieldError("job.target", "a target playlist is required for job type '"
                    + spec.type() + "'"));
        } else if (spec.target() != null && spec.target().id().isBlank()) {
            errors.add(new FieldError("job.target.id", "must not be blank"));
        }
        Params params = null;
        try {
            params = parseParams(steps, spec.params());
        } catch (ValidationException e) {
            errors.addAll(e.errors());
        }
        collect(errors, () -> validateAlgorithm(spec));
        for (int i = 0; i < spec.sources().size(); i++) {
            int index = i;
            collect(errors, () -> validateSource(spec.sources().get(index), "job.sources[" + index + "]"));
        }
        if (params != null) {
            Params checked = params;
            ValidationContext context = new ValidationContext() {
                @Override
                public JobSpec spec() {
                    return spec;
                }

                @Override
                public Params params() {
                    return checked;
                }

                @Override
                public PluginLookup plugins() {
                    return registry;
                }
            };
            for (JobExecutor step : steps) {
                collect(errors, () -> {
                    try {
                        step.validate(context);
                    } catch (ValidationException e) {
                        throw e.prefixed("job");
                    }
                });
            }
        }
        if (!errors.isEmpty()) {
            throw new ValidationException(errors.stream().distinct().toList());
        }
    }

    private void validateAlgorithm(JobSpec spec) {
        if (spec.algorithm() == null) {
            if (!spec.algorithmParams().isEmpty()) {
                throw new ValidationException("job.algorithmParams", "given without an algorithm");
            }
            return;
        }
        ShuffleAlgorithm algorithm = registry.algorithm(spec.algorithm()).orElseThrow(() ->
                new ValidationException("job.algorithm", "unknown algorithm '" + spec.algorithm() + "'; known: "
                        + (registry.algorithmNames().isEmpty() ? "none"
                                : String.join(", ", registry.algorithmNames())) + ". "
                        + registry.whereToFind(PluginDescriptor.Kind.ALGORITHM, spec.algorithm())));
        Params p = Params.parse(algorithm.parameters(), spec.algorithmParams(), "job.algorithmParams");
        try {
            algorithm.validate(p);
        } catch (ValidationException e) {
            throw e.prefixed("job.algorithmParams");
        }
    }

    private void validateSource(DiscoverySource source, String path) {
        DiscoveryStrategy strategy = registry.strategy(source.strategy()).orElseThrow(() ->
                new ValidationException(path + ".strategy", "unknown discovery strategy '" + source.strategy()
                        + "'; known: " + (registry.strategyIds().isEmpty() ? "none"
                                : String.join(", ", registry.strategyIds())) + ". "
                        + registry.whereToFind(PluginDescriptor.Kind.DISCOVERY_STRATEGY, source.strategy())));
        Params.parse(strategy.parameters(), source.params(), path + ".params");
        try {
            strategy.validate(source);
        } catch (ValidationException e) {
            throw e.prefixed(path);
        }
    }

    private static void collect(List<FieldError> errors, Runnable check) {
        try {
            check.run();
        } catch (ValidationException e) {
            errors.addAll(e.errors());
        }
    }
}
