package dev.shuffify.internal.plugins;

import dev.shuffify.spi.PluginDescriptor;
import dev.shuffify.error.PluginException;
import dev.shuffify.spi.DiscoveryStrategy;
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

    private record Entry<T>(T plugin, String source) {
    }

    private PluginRegistry(Map<String, Entry<JobExecutor>> jobTypes, Map<String, Entry<ShuffleAlgorithm>> algorithms,
            Map<String, Entry<ShuffleAlgorithm>> algorithmAliases, Map<String, Entry<DiscoveryStrategy>> strategies) {
        this.jobTypes = jobTypes;
        this.algorithms = algorithms;
        this.algorithmAliases = algorithmAliases;
        this.strategies = strategies;
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
     * @throws PluginException on a duplicate id, a blank or malformed id, or (unless lenient) a broken provider
     */
    public static PluginRegistry build(List<ClassLoader> loaders, boolean lenient, List<JobExecutor> jobTypes,
            List<ShuffleAlgorithm> algorithms, List<DiscoveryStrategy> strategies) {
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
        }
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
                Collections.unmodifiableMap(aliases), Collections.unmodifiableMap(strats));
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
        if (checkFormat && kind.equals("job type") && !ID.matcher(id).matches()) {
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
     * Everything registered, job types first, then algorithms, then strategies, each sorted by id.
     *
     * @return never null
     */
    public List<PluginDescriptor> describe() {
        List<PluginDescriptor> list = new ArrayList<>();
        new TreeSet<>(jobTypes.keySet()).forEach(id -> {
            Entry<JobExecutor> e = jobTypes.get(id);
            list.add(descriptor(PluginDescriptor.Kind.JOB_TYPE, id, List.of(), e.plugin().description(),
                    e.plugin().parameters(), e));
        });
        new TreeSet<>(algorithms.keySet()).forEach(id -> {
            Entry<ShuffleAlgorithm> e = algorithms.get(id);
            list.add(descriptor(PluginDescriptor.Kind.ALGORITHM, id, e.plugin().aliases(), e.plugin().description(),
                    e.plugin().parameters(), e));
        });
        new TreeSet<>(strategies.keySet()).forEach(id -> {
            Entry<DiscoveryStrategy> e = strategies.get(id);
            list.add(descriptor(PluginDescriptor.Kind.DISCOVERY_STRATEGY, id, List.of(), e.plugin().description(),
                    e.plugin().parameters(), e));
        });
        return List.copyOf(list);
    }

    private static PluginDescriptor descriptor(PluginDescriptor.Kind kind, String id, List<String> aliases,
            String description, List<ParamSpec> params, Entry<?> e) {
        return new PluginDescriptor(kind, id, aliases, description, params, e.plugin().getClass().getName(),
                e.source(), PluginOrigins.artifactOf(e.plugin().getClass()).orElse(null));
    }
}
