package dev.shuffify.internal.scheduler;

import dev.shuffify.error.PlaylistServiceException;
import dev.shuffify.internal.engine.EngineConfig;
import dev.shuffify.internal.engine.ExecutionEngine;
import dev.shuffify.internal.engine.JobTypes;
import dev.shuffify.internal.plugins.PluginRegistry;
import dev.shuffify.model.JobResult;
import dev.shuffify.model.JobSpec;
import dev.shuffify.model.MisfirePolicy;
import dev.shuffify.model.Schedule;
import dev.shuffify.model.Trigger;
import dev.shuffify.spi.JobContext;
import dev.shuffify.spi.JobExecutor;
import dev.shuffify.spi.ParamSpec;
import dev.shuffify.spi.PlaylistService;
import dev.shuffify.store.ShuffifyStore;
import java.lang.reflect.Proxy;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * One scheduler node for tests: the real execution engine and scheduler over a store, with a test job type
 * whose behaviour each test sets per schedule.
 */
final class TestNode {
    static final String JOB_TYPE = "scheduler_test";

    /** What the test job does. */
    enum Behaviour {
        SUCCEED, FAIL_TRANSIENT, FAIL_PERMANENT, BLOCK, KILL_NODE
    }

    /** Stands for the death of the process mid-run: the engine rethrows it without recording anything. */
    static final class NodeKilled extends VirtualMachineError {
        private static final long serialVersionUID = 1L;

        NodeKilled() {
            super("node killed");
        }
    }

    final String nodeId;
    final ShuffifyStore store;
    final ManualClock clock;
    final Scheduler scheduler;
    final ExecutionEngine engine;
    final Map<String, Behaviour> behaviours = new ConcurrentHashMap<>();
    volatile Behaviour defaultBehaviour = Behaviour.SUCCEED;
    final AtomicInteger runs = new AtomicInteger();
    /** When the job itself ran, per schedule (the engine's bookkeeping aside). */
    final Map<String, List<Instant>> jobRuns = new ConcurrentHashMap<>();
    /** The executions in which the job itself ran. */
    final java.util.Set<String> jobExecutions = ConcurrentHashMap.newKeySet();
    /** The slots the job ran for, per schedule (the next run of the schedule as claimed). */
    final Map<String, List<Instant>> jobSlots = new ConcurrentHashMap<>();
    final AtomicInteger concurrent = new AtomicInteger();
    final AtomicInteger maxConcurrentPerTarget = new AtomicInteger();
    final Map<String, AtomicInteger> runningPerTarget = new ConcurrentHashMap<>();
    /** A permit for each job that ran (tests with real threads wait for them). */
    final java.util.concurrent.Semaphore jobsRan = new java.util.concurrent.Semaphore(0);
    volatile CountDownLatch blockedStarted = new CountDownLatch(1);
    volatile CountDownLatch unblock = new CountDownLatch(1);

    TestNode(String nodeId, ShuffifyStore store, ManualClock clock, SchedulerConfig config, Executor workers) {
        this.nodeId = nodeId;
        this.store = store;
        this.clock = clock;
        PluginRegistry registry = PluginRegistry.build(List.of(), false, List.of(new TestJob()), List.of(), List.of());
        PlaylistService unused = (PlaylistService) Proxy.newProxyInstance(getClass().getClassLoader(),
                new Class<?>[] {PlaylistService.class}, (proxy, method, args) -> {
                    throw new UnsupportedOperationException("the scheduler test job uses no music service");
                });
        AtomicInteger ids = new AtomicInteger();
        EngineConfig engineConfig = new EngineConfig(store, user -> unused, new JobTypes(registry, Map.of()), clock,
                id -> new SplittableRandom(id.hashCode()), () -> nodeId + "-" + ids.incrementAndGet() + "-"
                        + UUID.randomUUID().toString().substring(0, 8), List.of());
        this.engine = new ExecutionEngine(engineConfig);
        this.scheduler = new Scheduler(store, JobRunner.of(engine), config, clock, new SplittableRandom(42), workers);
    }

    static SchedulerConfig config(String nodeId, int poolSize) {
        return new SchedulerConfig(nodeId, poolSize, 50, Duration.ofSeconds(5), Duration.ofMinutes(5),
                Duration.ofMinutes(1), Duration.ofMinutes(1), Duration.ZERO, RetryPolicy.DEFAULT,
                Housekeeping.DEFAULT);
    }

    /** An hourly schedule of the test job type. */
    static Schedule schedule(String id, String target, Instant nextRunAt, Instant createdAt) {
        return schedule(id, target, Trigger.named("hourly"), MisfirePolicy.RUN_ONCE, nextRunAt, createdAt);
    }

    static Schedule schedule(String id, String target, Trigger trigger, MisfirePolicy misfire, Instant nextRunAt,
            Instant createdAt) {
        JobSpec job = JobSpec.builder(JOB_TYPE).target(target, "Playlist " + target).build();
        return new Schedule(id, "user-" + id, job, trigger, true, true, misfire, createdAt, createdAt, null, null,
                null, nextRunAt);
    }

    private final class TestJob implements JobExecutor {
        @Override
        public String type() {
            return JOB_TYPE;
        }

        @Override
        public String description() {
            return "does what the scheduler test says";
        }

        @Override
        public List<ParamSpec> parameters() {
            return List.of();
        }

        @Override
        public JobResult execute(JobContext context) {
            Schedule s = context.schedule();
            String target = s.job().target().id();
            int now = runningPerTarget.computeIfAbsent(target, k -> new AtomicInteger()).incrementAndGet();
            maxConcurrentPerTarget.accumulateAndGet(now, Math::max);
            runs.incrementAndGet();
            jobExecutions.add(context.executionId());
            jobRuns.computeIfAbsent(s.id(), k -> java.util.Collections.synchronizedList(new java.util.ArrayList<>()))
                    .add(clock.instant());
            jobSlots.computeIfAbsent(s.id(), k -> java.util.Collections.synchronizedList(new java.util.ArrayList<>()))
                    .add(s.nextRunAt());
            try {
                switch (behaviours.getOrDefault(s.id(), defaultBehaviour)) {
                    case FAIL_TRANSIENT -> throw new PlaylistServiceException("the service answered 503", true);
                    case FAIL_PERMANENT -> throw new PlaylistServiceException("playlist is gone (404)", false);
                    case KILL_NODE -> throw new NodeKilled();
                    case BLOCK -> {
                        blockedStarted.countDown();
                        try {
                            if (!unblock.await(30, TimeUnit.SECONDS)) {
                                throw new IllegalStateException("test never unblocked the job");
                            }
                        } catch (InterruptedException e) {
                            Thread.currentThread().interrupt();
                            throw new IllegalStateException("interrupted by shutdown", e);
                        }
                    }
                    default -> {
                    }
                }
                return JobResult.of(1, 0, 10);
            } finally {
                runningPerTarget.get(target).decrementAndGet();
                jobsRan.release();
            }
        }
    }
}
