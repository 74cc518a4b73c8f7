package dev.shuffify.internal.engine;

import dev.shuffify.spi.PluginDescriptor;
import dev.shuffify.error.ValidationException;
import dev.shuffify.error.ValidationException.FieldError;
import dev.shuffify.internal.plugins.BoundStep;
import dev.shuffify.internal.plugins.Chain;
import dev.shuffify.internal.plugins.PluginOrigins;
import dev.shuffify.internal.plugins.PluginRegistry;
import dev.shuffify.model.DiscoverySource;
import dev.shuffify.model.JobSpec;
import dev.shuffify.spi.DiscoveryStrategy;
import dev.shuffify.spi.JobChain;
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

/**
 * Resolves job types and chains to executors and validates job specs against the executors' declarations.
 * Core names no chain: they are declared by the plugins that provide their steps ({@link JobChain}, found
 * with the other plugins) and by the host ({@code Shuffify.Builder.chain}).
 */
public final class JobTypes {
    private final PluginRegistry registry;
    private final Map<String, JobChain> chains;

    /**
     * Creates the resolver.
     *
     * @param registry the plugins, with the chains they declare
     * @param extraChains chain names registered by the host, in addition to the plugins' (a host's chain
     *     replaces a plugin's of the same name)
     */
    public JobTypes(PluginRegistry registry, Map<String, List<String>> extraChains) {
        this.registry = registry;
        Map<String, JobChain> all = new LinkedHashMap<>(registry.chains());
        extraChains.forEach((name, steps) -> all.put(name, JobChain.of(name, "", JobChain.Step.of(steps))));
        this.chains = Collections.unmodifiableMap(all); // the plugins' by name, then the host's
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
     * The step names of a type: itself, a chain's steps, or the {@code +}-separated parts.
     *
     * @param type the type
     * @return never empty
     */
    public List<String> steps(String type) {
        return declaredSteps(type).stream().map(JobChain.Step::type).toList();
    }

    private List<JobChain.Step> declaredSteps(String type) {
        JobChain chain = chains.get(type);
        if (chain != null) {
            return chain.steps();
        }
        List<String> parts = Arrays.stream(type.split("\\+", -1)).map(String::trim).toList();
        if (parts.size() > 1) {
            for (JobChain declared : chains.values()) {
                if (declared.steps().stream().map(JobChain.Step::type).toList().equals(parts)) {
                    return declared.steps(); // a+b is the declared chain of those steps, bindings included
                }
            }
        }
        List<JobChain.Step> steps = new ArrayList<>();
        for (String part : parts) {
            try {
                steps.add(JobChain.Step.of(part));
            } catch (IllegalArgumentException e) {
                steps.add(null); // not a job type name: resolve reports it as unknown
            }
        }
        return steps;
    }

    /**
     * The executors of a type, in order. Each step of a chain sees only its own parameters.
     *
     * @param type the job type or chain
     * @return the executors
     * @throws ValidationException naming {@code job.type} when a step is unknown
     */
    public List<JobExecutor> resolve(String type) {
        if (type == null || type.isBlank()) {
            throw new ValidationException("job.type", "is required; known: " + known());
        }
        List<JobChain.Step> steps = declaredSteps(type);
        List<String> parts = Arrays.stream(type.split("\\+", -1)).map(String::trim).toList();
        List<Chain.Link> links = new ArrayList<>();
        for (int i = 0; i < steps.size(); i++) {
            JobChain.Step step = steps.get(i);
            String name = step == null ? parts.get(i) : step.type();
            JobExecutor executor = step == null ? null : registry.jobType(name).orElse(null);
            if (executor == null) {
                PluginDescriptor.Kind kind = steps.size() == 1 && PluginOrigins.builtInArtifact(
                        PluginDescriptor.Kind.JOB_CHAIN, name).isPresent() ? PluginDescriptor.Kind.JOB_CHAIN
                                : PluginDescriptor.Kind.JOB_TYPE;
                throw new ValidationException("job.type", "unknown job type '" + name + "'"
                        + (name.equals(type) ? "" : " in '" + type + "'") + "; known: " + known() + ". "
                        + registry.whereToFind(kind, name));
            }
            links.add(new Chain.Link(step, executor));
        }
        if (links.size() == 1) {
            return List.of(links.get(0).executor());
        }
        return new Chain(type, links).executors();
    }

    /**
     * Whether a job of this type works on its target's playlist pair ({@link JobExecutor#usesPair()} of any
     * step).
     *
     * @param type the job type or chain
     * @return false too when the type is unknown
     */
    public boolean usesPair(String type) {
        try {
            return resolve(type).stream().anyMatch(JobExecutor::usesPair);
        } catch (RuntimeException e) {
            return false;
        }
    }

    /**
     * What a run of a job does, in a few words ({@link JobExecutor#summary}), for snapshot descriptions:
     * {@code rotate: swap}, {@code raid_and_shuffle: raid then shuffle: balanced}. Never throws.
     *
     * @param spec the job as stored
     * @return never blank
     */
    public String summary(JobSpec spec) {
        try {
            List<JobExecutor> steps = resolve(spec.type());
            if (steps.size() == 1) {
                return orType(steps.get(0).summary(spec), spec.type());
            }
            List<String> parts = new ArrayList<>();
            steps.forEach(s -> parts.add(orType(s.summary(spec), s.type())));
            return spec.type() + ": " + String.join(" then ", parts);
        } catch (RuntimeException e) {
            return spec.type();
        }
    }

    private static String orType(String summary, String type) {
        return summary == null || summary.isBlank() ? type : summary;
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
        chains.forEach((name, chain) -> {
            if (chain.steps().stream().allMatch(s -> registry.jobType(s.type()).isPresent())) {
                names.add(name);
            }
        });
        return List.copyOf(names);
    }

    /**
     * Checks job parameters: a job type's against its declaration; a chain's step by step, each step's against
     * its own declaration ({@link Chain}). The result is what the engine's context holds; each step of a chain
     * reads its own.
     *
     * @param steps the executors, as {@link #resolve} gave them
     * @param raw the raw parameters
     * @return the checked parameters (for a chain, every step's together, the first step's value of a name first)
     * @throws ValidationException listing every offending field
     */
    public static Params parseParams(List<JobExecutor> steps, Map<String, ?> raw) {
        if (!steps.isEmpty() && steps.get(0) instanceof BoundStep bound) {
            Map<String, Object> merged = new LinkedHashMap<>();
            bound.chain().parse(raw, "job.params").forEach(p -> p.asMap().forEach(merged::putIfAbsent));
            return Params.of(merged);
        }
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
