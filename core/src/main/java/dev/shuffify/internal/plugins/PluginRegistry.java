package dev.shuffify.internal.plugins;

import dev.shuffify.spi.PluginDescriptor;
import dev.shuffify.error.PluginException;
import dev.shuffify.spi.DiscoveryStrategy;
import dev.shuffify.spi.JobChain;
import dev.shuffify.spi.JobExecutor;
import dev.shuffify.spi.ParamSpec;
import dev.shuffify.spi.PluginLookup;
import dev.shuffify.spi.ShuffleAlgorithm;
import java.net.URL;
import java.security.CodeSource;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The registered plugins: discovered with {@link ServiceLoader} from explicit class loaders, plus instances
 * given by hand. Immutable once built.
 */
public final class PluginRegistry implements PluginLookup {
    private static final Logger LOG = LoggerFactory.getLogger(PluginRegistry.class);
    private static final Pattern ID = Pattern.compile("[a-z0-9][a-z0-9_]*");

    private final Map<String, Entry<JobExecutor>> jobTypes;
    private final Map<String, Entry<ShuffleAlgorithm>> algorithms;
    private final Map<String, Entry<ShuffleAlgorithm>> algorithmAliases;
    private final Map<String, Entry<DiscoveryStrategy>> strategies;
    private final Map<String, Entry<JobChain>> chains;

    private record Entry<T>(T plugin, String source) {
    }

    private PluginRegistry(Map<String, Entry<JobExecutor>> jobTypes, Map<String, Entry<ShuffleAlgorithm>> algorithms,
            Map<String, Entry<ShuffleAlgorithm>> algorithmAliases, Map<String, Entry<DiscoveryStrategy>> strategies,
            Map<String, Entry<JobChain>> chains) {
        this.jobTypes = jobTypes;
        this.algorithms = algorithms;
        this.algorithmAliases = algorithmAliases;
        this.strategies = strategies;
        this.chains = chains;
    }

    /**
     * Builds a registry.
     *
     * @param loaders class loaders to search, in order (empty when auto-discovery is off)
     * @param lenient whether a provider that fails to load is skipped with a warning instead of failing
     * @param jobTypes hand-registered job types
     * @param algorithms hand-registered algorithms
     * @param strategies hand-registered strategies
     * @return the registry
     * @throws PluginException on a duplicate id, a blank or malformed id, a parameter declared twice by one plugin,
     *     a chain named like a job type, or (unless lenient) a broken provider
     */
    public static PluginRegistry build(List<ClassLoader> loaders, boolean lenient, List<JobExecutor> jobTypes,
            List<ShuffleAlgorithm> algorithms, List<DiscoveryStrategy> strategies) {
        return build(loaders, lenient, jobTypes, algorithms, strategies, List.of());
    }

    /** The class loaders of hand-registered job types that are not searched already. */
    private static List<ClassLoader> chainLoaders(List<ClassLoader> loaders, List<JobExecutor> jobTypes) {
        List<ClassLoader> chainLoaders = new ArrayList<>();
        for (JobExecutor job : jobTypes) {
            ClassLoader loader = job.getClass().getClassLoader();
            if (loader != null && !loaders.contains(loader) && !chainLoaders.contains(loader)) {
                chainLoaders.add(loader);
            }
        }
        return chainLoaders;
    }

    /** A chain is not named like a job type and has at least two steps. */
    private static void checkChains(Map<String, Entry<JobChain>> chainMap, Map<String, Entry<JobExecutor>> jobs) {
        for (Entry<JobChain> e : chainMap.values()) {
            String name = e.plugin().name();
            if (jobs.containsKey(name)) {
                throw new PluginException("job chain " + e.plugin().getClass().getName() + " (" + e.source()
                        + ") is named '" + name + "', like the job type " + jobs.get(name).plugin().getClass()
                        .getName() + " (" + jobs.get(name).source() + "); rename one of them");
            }
            List<JobChain.Step> steps = e.plugin().steps();
            if (steps == null || steps.size() < 2) {
                throw new PluginException("job chain '" + name + "' (" + e.plugin().getClass().getName()
                        + ") needs at least two steps");
            }
        }
    }

    /**
     * Builds a registry, with hand-registered chains too.
     *
     * @param loaders class loaders to search, in order (empty when auto-discovery is off)
     * @param lenient whether a provider that fails to load is skipped with a warning instead of failing
     * @param jobTypes hand-registered job types
     * @param algorithms hand-registered algorithms
     * @param strategies hand-registered strategies
     * @param jobChains hand-registered chains
     * @return the registry
     * @throws PluginException as {@link #build(List, boolean, List, List, List)}
     */
    public static PluginRegistry build(List<ClassLoader> loaders, boolean lenient, List<JobExecutor> jobTypes,
            List<ShuffleAlgorithm> algorithms, List<DiscoveryStrategy> strategies, List<JobChain> jobChains) {
        Map<String, Entry<JobChain>> chainMap = new LinkedHashMap<>();
        jobChains.forEach(p -> add(chainMap, "job chain", p.name(), p, "registered", true));
        Map<String, Entry<JobExecutor>> jobs = new LinkedHashMap<>();
        Map<String, Entry<ShuffleAlgorithm>> algos = new LinkedHashMap<>();
        Map<String, Entry<ShuffleAlgorithm>> aliases = new LinkedHashMap<>();
        Map<String, Entry<DiscoveryStrategy>> strats = new LinkedHashMap<>();

        jobTypes.forEach(p -> add(jobs, "job type", p.type(), p, "registered", true));
        algorithms.forEach(p -> add(algos, "algorithm", p.name(), p, "registered", true));
        strategies.forEach(p -> add(strats, "discovery strategy", p.id(), p, "registered", true));

        for (ClassLoader loader : loaders) {
            discover(JobExecutor.class, loader, lenient).forEach(
                    e -> add(jobs, "job type", safeId(e.plugin(), JobExecutor::type), e.plugin(), e.source(), true));
            discover(ShuffleAlgorithm.class, loader, lenient).forEach(
                    e -> add(algos, "algorithm", safeId(e.plugin(), ShuffleAlgorithm::name), e.plugin(), e.source(),
                            true));
            discover(DiscoveryStrategy.class, loader, lenient).forEach(
                    e -> add(strats, "discovery strategy", safeId(e.plugin(), DiscoveryStrategy::id), e.plugin(),
                            e.source(), true));
            discover(JobChain.class, loader, lenient).forEach(
                    e -> add(chainMap, "job chain", safeId(e.plugin(), JobChain::name), e.plugin(), e.source(), true));
        }
        // a chain adds no job of its own: it is also found next to the job types registered by hand
        for (ClassLoader loader : chainLoaders(loaders, jobTypes)) {
            discover(JobChain.class, loader, lenient).forEach(
                    e -> add(chainMap, "job chain", safeId(e.plugin(), JobChain::name), e.plugin(), e.source(), true));
        }
        checkChains(chainMap, jobs);
        jobs.forEach((id, e) -> checkParameters("job type", id, e, () -> e.plugin().parameters()));
        algos.forEach((id, e) -> checkParameters("algorithm", id, e, () -> e.plugin().parameters()));
        strats.forEach((id, e) -> checkParameters("discovery strategy", id, e, () -> e.plugin().parameters()));
        for (Entry<ShuffleAlgorithm> e : algos.values()) {
            for (String alias : e.plugin().aliases()) {
                if (algos.containsKey(alias) && algos.get(alias) != e) {
                    throw duplicate("algorithm", alias, algos.get(alias), e);
                }
                Entry<ShuffleAlgorithm> previous = aliases.putIfAbsent(alias, e);
                if (previous != null && previous.plugin() != e.plugin()) {
                    throw duplicate("algorithm alias", alias, previous, e);
                }
            }
        }
        return new PluginRegistry(Collections.unmodifiableMap(jobs), Collections.unmodifiableMap(algos),
                Collections.unmodifiableMap(aliases), Collections.unmodifiableMap(strats),
                Collections.unmodifiableMap(chainMap));
    }

    /** One plugin's parameter list: present, and no name declared twice (the second would never be read). */
    private static void checkParameters(String kind, String id, Entry<?> e,
            java.util.function.Supplier<List<ParamSpec>> declared) {
        String where = kind + " '" + id + "' (" + e.plugin().getClass().getName() + ", " + e.source() + ")";
        List<ParamSpec> params;
        try {
            params = declared.get();
        } catch (RuntimeException failure) {
            throw new PluginException(where + " failed to declare its parameters: " + failure.getMessage(), failure);
        }
        if (params == null) {
            throw new PluginException(where + " returned no parameter list; return List.of() for none");
        }
        Set<String> seen = new java.util.HashSet<>();
        for (ParamSpec p : params) {
            if (p == null) {
                throw new PluginException(where + " declares a null parameter");
            }
            if (!seen.add(p.name())) {
                throw new PluginException(where + " declares the parameter '" + p.name() + "' twice");
            }
        }
    }

    private static <T> String safeId(T plugin, Function<T, String> id) {
        try {
            return id.apply(plugin);
        } catch (RuntimeException e) {
            throw new PluginException("plugin " + plugin.getClass().getName() + " failed to report its id: " + e, e);
        }
    }

    private static <T> void add(Map<String, Entry<T>> map, String kind, String id, T plugin, String source,
            boolean checkFormat) {
        String className = plugin.getClass().getName();
        if (id == null || id.isBlank()) {
            throw new PluginException(kind + " " + className + " (" + source + ") has a blank id");
        }
        if (checkFormat && (kind.equals("job type") || kind.equals("job chain")) && !ID.matcher(id).matches()) {
            throw new PluginException(kind + " " + className + " (" + source + ") has id '" + id
                    + "'; job type ids use lower-case letters, digits and underscores");
        }
        Entry<T> entry = new Entry<>(plugin, source);
        Entry<T> previous = map.get(id);
        if (previous != null) {
            if (previous.plugin().getClass() == plugin.getClass()) {
                return; // the same class seen through two loaders of one hierarchy
            }
            throw duplicate(kind, id, previous, entry);
        }
        map.put(id, entry);
    }

    private static PluginException duplicate(String kind, String id, Entry<?> first, Entry<?> second) {
        return new PluginException("two " + kind + "s have the id '" + id + "': "
                + first.plugin().getClass().getName() + " from " + first.source() + " and "
                + second.plugin().getClass().getName() + " from " + second.source()
                + "; remove one of the jars from the classpath or register only one");
    }

    private static <T> List<Entry<T>> discover(Class<T> type, ClassLoader loader, boolean lenient) {
        List<Entry<T>> found = new ArrayList<>();
        Iterator<T> it = ServiceLoader.load(type, loader).iterator();
        int failures = 0;
        while (true) {
            try {
                if (!it.hasNext()) {
                    break;
                }
                T plugin = it.next();
                found.add(new Entry<>(plugin, sourceOf(plugin.getClass())));
            } catch (ServiceConfigurationError | LinkageError e) {
                String message = type.getSimpleName() + " provider failed to load: " + e.getMessage()
                        + (e.getCause() == null ? "" : " (" + e.getCause() + ")");
                if (!lenient) {
                    throw new PluginException(message
                            + "; fix or remove the jar that declares it, or build with lenientPluginLoading(true)"
                            + " to skip it", e);
                }
                LOG.warn("{}; skipping it", message);
                if (++failures > 1000) {
                    break; // a broken loader that keeps failing; stop rather than spin
                }
            }
        }
        return found;
    }

    /**
     * Where a class was loaded from.
     *
     * @param type the class
     * @return a jar or folder location, or {@code unknown}
     */
    public static String sourceOf(Class<?> type) {
        CodeSource cs = type.getProtectionDomain() == null ? null : type.getProtectionDomain().getCodeSource();
        URL url = cs == null ? null : cs.getLocation();
        return url == null ? "unknown" : url.toString();
    }

    @Override
    public String whereToFind(PluginDescriptor.Kind kind, String id) {
        return PluginOrigins.advice(kind, id);
    }

    @Override
    public Optional<JobExecutor> jobType(String type) {
        return Optional.ofNullable(jobTypes.get(type)).map(Entry::plugin);
    }

    @Override
    public Set<String> jobTypes() {
        return Collections.unmodifiableSet(new TreeSet<>(jobTypes.keySet()));
    }

    @Override
    public Optional<ShuffleAlgorithm> algorithm(String nameOrAlias) {
        if (nameOrAlias == null) {
            return Optional.empty();
        }
        Entry<ShuffleAlgorithm> e = algorithms.get(nameOrAlias);
        if (e == null) {
            e = algorithmAliases.get(nameOrAlias);
        }
        return Optional.ofNullable(e).map(Entry::plugin);
    }

    @Override
    public Set<String> algorithmNames() {
        return Collections.unmodifiableSet(new TreeSet<>(algorithms.keySet()));
    }

    @Override
    public Optional<DiscoveryStrategy> strategy(String id) {
        return Optional.ofNullable(strategies.get(id)).map(Entry::plugin);
    }

    @Override
    public Set<String> strategyIds() {
        return Collections.unmodifiableSet(new TreeSet<>(strategies.keySet()));
    }

    /**
     * The declared chains (discovered and hand-registered), by name, whether or not their steps are registered.
     *
     * @return never null
     */
    public Map<String, JobChain> chains() {
        Map<String, JobChain> out = new LinkedHashMap<>();
        new TreeSet<>(chains.keySet()).forEach(name -> out.put(name, chains.get(name).plugin()));
        return Collections.unmodifiableMap(out);
    }

    /**
     * Everything registered: job types, then the chains whose steps are all registered, then algorithms, then
     * strategies, each sorted by id.
     *
     * @return never null
     */
    public List<PluginDescriptor> describe() {
        List<PluginDescriptor> list = new ArrayList<>();
        new TreeSet<>(jobTypes.keySet()).forEach(id -> {
            Entry<JobExecutor> e = jobTypes.get(id);
            list.add(descriptor(PluginDescriptor.Kind.JOB_TYPE, id, e.plugin().displayName(), List.of(),
                    e.plugin().description(), e.plugin().parameters(), e));
        });
        new TreeSet<>(chains.keySet()).forEach(id -> {
            Entry<JobChain> e = chains.get(id);
            if (!e.plugin().steps().stream().allMatch(step -> jobTypes.containsKey(step.type()))) {
                return; // a chain is offered, and listed, only when all its steps are registered
            }
            list.add(descriptor(PluginDescriptor.Kind.JOB_CHAIN, id, e.plugin().displayName(), List.of(),
                    e.plugin().description(), List.of(), e));
        });
        new TreeSet<>(algorithms.keySet()).forEach(id -> {
            Entry<ShuffleAlgorithm> e = algorithms.get(id);
            list.add(descriptor(PluginDescriptor.Kind.ALGORITHM, id, e.plugin().displayName(), e.plugin().aliases(),
                    e.plugin().description(), e.plugin().parameters(), e));
        });
        new TreeSet<>(strategies.keySet()).forEach(id -> {
            Entry<DiscoveryStrategy> e = strategies.get(id);
            list.add(descriptor(PluginDescriptor.Kind.DISCOVERY_STRATEGY, id, e.plugin().displayName(), List.of(),
                    e.plugin().description(), e.plugin().parameters(), e));
        });
        return List.copyOf(list);
    }

    private static PluginDescriptor descriptor(PluginDescriptor.Kind kind, String id, String displayName,
            List<String> aliases, String description, List<ParamSpec> params, Entry<?> e) {
        return new PluginDescriptor(kind, id, displayName, aliases, description, params,
                e.plugin().getClass().getName(), e.source(), PluginOrigins.artifactOf(e.plugin().getClass())
                        .orElse(null));
    }
}
