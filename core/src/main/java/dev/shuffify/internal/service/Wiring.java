package dev.shuffify.internal.service;

import dev.shuffify.event.JobListener;
import dev.shuffify.internal.engine.EngineConfig;
import dev.shuffify.internal.engine.ExecutionEngine;
import dev.shuffify.internal.engine.JobTypes;
import dev.shuffify.internal.plugins.PluginRegistry;
import dev.shuffify.internal.scheduler.JobRunner;
import dev.shuffify.internal.scheduler.Scheduler;
import dev.shuffify.internal.scheduler.SchedulerConfig;
import dev.shuffify.service.OperationsService;
import dev.shuffify.service.PairService;
import dev.shuffify.service.PinService;
import dev.shuffify.service.PluginService;
import dev.shuffify.service.RunService;
import dev.shuffify.service.ScheduleService;
import dev.shuffify.service.SnapshotService;
import dev.shuffify.service.UserService;
import dev.shuffify.spi.JobChain;
import dev.shuffify.spi.DiscoveryStrategy;
import dev.shuffify.spi.JobExecutor;
import dev.shuffify.spi.PlaylistServiceConnector;
import dev.shuffify.spi.ShuffleAlgorithm;
import dev.shuffify.store.InMemoryShuffifyStore;
import dev.shuffify.store.ShuffifyStore;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.random.RandomGenerator;

/**
 * The object graph behind one facade: plugins, engine, scheduler and the services over them.
 *
 * @param store the store
 * @param ownsStore whether the store was created here (and is closed with the facade)
 * @param clock the clock
 * @param scheduler the scheduler
 * @param schedules the schedule service
 * @param runs the run service
 * @param snapshots the snapshot service
 * @param pins the pin service
 * @param pairs the pair service
 * @param users the user service
 * @param operations the operator's service
 * @param plugins the plugin service
 */
public record Wiring(ShuffifyStore store, boolean ownsStore, Clock clock, Scheduler scheduler,
        ScheduleService schedules, RunService runs, SnapshotService snapshots, PinService pins, PairService pairs,
        UserService users, OperationsService operations, PluginService plugins) {

    /**
     * What the builder collected.
     *
     * @param store the store, or null for a new in-memory store
     * @param connector how to reach a user's music account
     * @param clock the clock
     * @param seed the seed of every random source, or null for unseeded
     * @param ids the id source
     * @param classLoader the plugins' class loader, or null for the default ones
     * @param autoDiscovery whether plugins are discovered with {@code ServiceLoader}
     * @param lenientPlugins whether a provider that fails to load is skipped
     * @param jobTypes hand-registered job types
     * @param algorithms hand-registered algorithms
     * @param strategies hand-registered discovery strategies
     * @param jobChains hand-registered chain declarations
     * @param chains chains named by the host
     * @param listeners the listeners known up front
     * @param scheduler the scheduler's configuration
     */
    public record Plan(ShuffifyStore store, PlaylistServiceConnector connector, Clock clock, Long seed,
            Supplier<String> ids, ClassLoader classLoader, boolean autoDiscovery, boolean lenientPlugins,
            List<JobExecutor> jobTypes, List<ShuffleAlgorithm> algorithms, List<DiscoveryStrategy> strategies,
            List<JobChain> jobChains, Map<String, List<String>> chains, List<JobListener> listeners, SchedulerConfig scheduler) {
    }

    /**
     * Builds the graph: discovers and checks the plugins, then wires engine, scheduler and services.
     *
     * @param plan what the builder collected
     * @return the graph
     */
    public static Wiring wire(Plan plan) {
        ShuffifyStore store = plan.store() != null ? plan.store() : new InMemoryShuffifyStore();
        PluginRegistry registry = PluginRegistry.build(loaders(plan), plan.lenientPlugins(), plan.jobTypes(),
                plan.algorithms(), plan.strategies(), plan.jobChains());
        JobTypes jobTypes = new JobTypes(registry, plan.chains());
        Long seed = plan.seed();
        Function<String, RandomGenerator> randoms = seed == null
                ? id -> new SplittableRandom()
                : id -> new SplittableRandom(seed * 0x9E3779B97F4A7C15L + id.hashCode());
        List<JobListener> listeners = new CopyOnWriteArrayList<>(plan.listeners());
        ExecutionEngine engine = new ExecutionEngine(new EngineConfig(store, plan.connector(), jobTypes,
                plan.clock(), randoms, plan.ids(), listeners));
        Scheduler scheduler = new Scheduler(store, JobRunner.of(engine), plan.scheduler(), plan.clock(),
                seed == null ? new SplittableRandom() : new SplittableRandom(seed), null);
        ServiceContext context = new ServiceContext(store, plan.clock(), plan.ids(), jobTypes, engine, scheduler,
                plan.connector(), listeners);
        Schedules schedules = new Schedules(context);
        return new Wiring(store, plan.store() == null, plan.clock(), scheduler, schedules,
                new Runs(context, schedules), new Snapshots(context), new Pins(context), new Pairs(context),
                new Users(context), new Operations(context), new Plugins(jobTypes));
    }

    private static List<ClassLoader> loaders(Plan plan) {
        List<ClassLoader> loaders = new ArrayList<>();
        if (!plan.autoDiscovery()) {
            return loaders;
        }
        if (plan.classLoader() != null) {
            loaders.add(plan.classLoader());
            return loaders;
        }
        ClassLoader context = Thread.currentThread().getContextClassLoader();
        if (context != null) {
            loaders.add(context);
        }
        loaders.add(Wiring.class.getClassLoader());
        return loaders;
    }
}
