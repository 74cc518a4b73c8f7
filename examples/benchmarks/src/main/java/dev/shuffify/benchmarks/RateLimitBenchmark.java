package dev.shuffify.benchmarks;

import dev.shuffify.model.DiscoverySource;
import dev.shuffify.model.Execution;
import dev.shuffify.model.ExecutionStatus;
import dev.shuffify.model.JobSpec;
import dev.shuffify.model.Schedule;
import dev.shuffify.model.ScheduleDefinition;
import dev.shuffify.model.Trigger;
import dev.shuffify.spotify.ApiDialect;
import dev.shuffify.spotify.fake.Exchange;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Table 5: many accounts' schedules, all due at once, against the fake Web API through the real adapter, with the
 * application's rate budget and 429 answers injected at intervals.
 *
 * <p>Every account has five schedules on playlists of 100 tracks: two shuffles, a raid, a raid_and_shuffle and
 * a rotate swap, all due at the same minute (the worst case: a popular "daily at 06:00"). Worker threads take
 * due schedules from the store and run them through the facade's scheduler entry point
 * ({@code Shuffify.operations().execute}), which records each execution and moves the schedule to its next run.
 *
 * <p>Time is simulated ({@link VirtualTime}): the fake, the adapter (budget, Retry-After, backoff, token
 * expiry) and the engine all read one clock that stands still while any worker works and jumps to the next
 * wake-up when all wait. Waits are therefore exact and the run takes seconds instead of minutes.
 */
public final class RateLimitBenchmark {

    /** How the run is set up. */
    public record Settings(int accounts, int schedulesPerAccount, int tracks, int workers, int budget,
            Duration window, Duration injectEvery, int retryAfterSeconds, boolean realTime, Duration cap) {
        static Settings of(Options options) {
            int accounts = options.getInt("accounts", options.quick() ? 10 : 50);
            return new Settings(accounts, 5, 100, options.getInt("workers", 4), options.getInt("budget", 150),
                    Duration.ofSeconds(30), Duration.ofSeconds(options.getInt("inject-every", 60)),
                    options.getInt("retry-after", 10), false, Duration.ofDays(1));
        }

        /**
         * The same scenario in real time, ten times faster (window, Retry-After and injection interval divided
         * by ten), stopped after {@code cap}.
         *
         * @param accounts the accounts
         * @param cap the longest real run
         * @return the settings
         */
        public Settings realTimeTenfold(int accounts, Duration cap) {
            return new Settings(accounts, schedulesPerAccount, tracks, workers, budget, window.dividedBy(10),
                    injectEvery.dividedBy(10), Math.max(1, retryAfterSeconds / 10), true, cap);
        }

        /**
         * A copy with another injection interval.
         *
         * @param every the interval; zero for no injection
         * @return the copy
         */
        public Settings withInjectEvery(Duration every) {
            return new Settings(accounts, schedulesPerAccount, tracks, workers, budget, window, every,
                    retryAfterSeconds, realTime, cap);
        }
    }

    /**
     * What one run measured.
     *
     * @param realTime whether this ran in real time
     * @param schedules due schedules
     * @param executions executions recorded for them
     * @param succeeded executions that succeeded
     * @param lost due schedules with an unfinished execution, or more than one
     * @param notRun due schedules with no execution when the run stopped
     * @param simulated simulated time from the start to the last completion
     * @param perMinute completions per full simulated minute
     * @param apiCalls API requests the fake received
     * @param injected429 429 answers the benchmark injected
     * @param inFlight requests answered 429 because they reached the service at the same instant as an injected
     *     429, i.e. they were sent before the adapter could have seen it
     * @param early requests sent after a 429 was answered and before its Retry-After ran out
     * @param earlyLatestMillis the latest of those, in milliseconds after the 429's arrival (0 when none): a
     *     request granted before the adapter read the 429 arrives soon after it, one granted during the pause
     *     anywhere in it
     * @param maxInWindow the most API requests in any rolling window
     * @param callsPerExecution API requests per execution, mean
     * @param slowestAccount when the last account had all its executions done
     * @param fastestAccount when the first account had all its executions done
     * @param wall real time of the run
     */
    public record Result(boolean realTime, int schedules, int executions, int succeeded, int lost, int notRun,
            Duration simulated,
            Samples perMinute, int apiCalls, int injected429, int inFlight, int early, long earlyLatestMillis,
            int maxInWindow,
            double callsPerExecution, Duration slowestAccount, Duration fastestAccount, Duration wall) {
    }

    private RateLimitBenchmark() {
    }

    /**
     * Runs the table.
     *
     * @param args {@code [--quick] [--out FILE] [--accounts=50] [--workers=4] [--budget=150]
     *     [--inject-every=60] [--retry-after=10] [--repeats=5]}
     * @throws InterruptedException when interrupted
     */
    public static void main(String[] args) throws InterruptedException {
        Options options = Options.parse(args);
        Settings injecting = Settings.of(options);
        Settings quiet = injecting.withInjectEvery(Duration.ZERO);
        int repeats = options.getInt("repeats", options.quick() ? 1 : 3);
        int realAccounts = options.getInt("real-accounts", options.quick() ? 5 : injecting.accounts());
        Duration cap = Duration.ofSeconds(options.getInt("real-cap-seconds", options.quick() ? 10 : 60));
        long[] ticks = Machine.cpuTicks();
        List<List<Result>> columns = List.of(new ArrayList<>(), new ArrayList<>(), new ArrayList<>(),
                new ArrayList<>());
        for (int i = 0; i < repeats; i++) {
            columns.get(0).add(run(quiet));
            columns.get(1).add(run(injecting));
        }
        columns.get(2).add(run(quiet.realTimeTenfold(realAccounts, cap)));
        columns.get(3).add(run(injecting.realTimeTenfold(realAccounts, cap)));
        Settings s = injecting;
        Settings r = injecting.realTimeTenfold(realAccounts, cap);
        Table table = new Table("measure, median (min–max)",
                "simulated, no 429 (" + runs(repeats) + ")",
                "simulated, a 429 every " + s.injectEvery().toSeconds() + " s, Retry-After " + s.retryAfterSeconds()
                        + " s (" + runs(repeats) + ")",
                "real time ×10, no 429 (1 run)",
                "real time ×10, a 429 every " + r.injectEvery().toSeconds() + " s, Retry-After "
                        + r.retryAfterSeconds() + " s (1 run)",
                "goal");
        row(table, "schedules due at once", columns, x -> x.schedules(), "%.0f",
                s.accounts() + " accounts × " + s.schedulesPerAccount() + " (real time: " + realAccounts + " × "
                        + s.schedulesPerAccount() + ")");
        row(table, "executions succeeded", columns, x -> x.succeeded(), "%.0f", "all");
        row(table, "lost executions (a run left unfinished, or a slot run twice)", columns, x -> x.lost(), "%.0f",
                "0");
        row(table, "due schedules not yet run when the run stopped (real time is capped at " + cap.toSeconds()
                + " s)", columns, x -> x.notRun(), "%.0f", "0 when not capped");
        row(table, "executions completed per minute (executions ÷ time to the last; real time ×10: per 6 s)",
                columns, x -> x.executions() * 60.0 / Math.max(1, x.simulated().toMillis() / 1000.0)
                        / (x.realTime() ? 10 : 1), "%.1f",
                "≤ budget per minute ÷ calls per execution = " + ceiling(s, columns.get(0).get(0)));
        row(table, "API requests per execution, mean", columns, x -> x.callsPerExecution(), "%.2f", "");
        row(table, "minutes until all executions were done (real time ×10: ×10)", columns,
                x -> x.simulated().toMillis() / 60_000.0 * (x.realTime() ? 10 : 1), "%.2f", "");
        row(table, "429 answers to a request sent while no 429 was pending (the injected ones)", columns,
                x -> x.injected429(), "%.0f", "");
        row(table, "429 answers to requests in flight at that instant (real time: within 20 ms)",
                columns, x -> x.inFlight(), "%.0f", "≤ workers − 1 per injected 429");
        row(table, "requests sent after a 429 and before its Retry-After ran out", columns, x -> x.early(), "%.0f",
                "0");
        row(table, "the latest of those, ms after its 429 arrived (of a Retry-After of " + s.retryAfterSeconds()
                + " s; real time: " + r.retryAfterSeconds() + " s)", columns, x -> x.earlyLatestMillis(), "%.0f",
                "");
        row(table, "most API requests in any rolling window (30 s; real time ×10: 3 s)", columns,
                x -> x.maxInWindow(), "%.0f", "≤ " + s.budget());
        row(table, "real seconds per run", columns, x -> x.wall().toMillis() / 1000.0, "%.1f", "");
        options.report("### Table 5: under rate limiting (" + s.workers() + " worker threads, budget " + s.budget()
                + " calls per rolling " + s.window().toSeconds() + " s shared by all accounts, ITEMS dialect, "
                + s.tracks() + "-track playlists)\n\n" + table.markdown() + "\n"
                + Machine.steal(ticks, Machine.cpuTicks()) + " during this table.\n");
    }

    private static void row(Table table, String measure, List<List<Result>> columns,
            java.util.function.ToDoubleFunction<Result> f, String format, String goal) {
        List<Object> cells = new ArrayList<>();
        cells.add(measure);
        for (List<Result> column : columns) {
            Samples samples = new Samples();
            column.forEach(x -> samples.add(f.applyAsDouble(x)));
            cells.add(samples.count() == 1 ? String.format(Locale.ROOT, format, samples.median())
                    : samples.format(format));
        }
        cells.add(goal);
        table.row(cells.toArray());
    }

    private static String runs(int n) {
        return n == 1 ? "1 run" : n + " runs";
    }

    private static String ceiling(Settings s, Result r) {
        return String.format(Locale.ROOT, "%.0f", 60.0 / s.window().toSeconds() * s.budget() / r.callsPerExecution());
    }

    /**
     * Runs the scenario.
     *
     * @param s the settings
     * @return what it measured
     * @throws InterruptedException when interrupted
     */
    public static Result run(Settings s) throws InterruptedException {
        SharedTime time = s.realTime() ? SharedTime.real() : new VirtualTime(Instant.parse("2026-06-01T06:00:00Z"));
        try (SpotifyWorld world = new SpotifyWorld(ApiDialect.ITEMS, time, time.sleeper(),
                b -> b.requestsPerWindow(s.budget()).rateWindow(s.window()))) {
            time.join();
            List<Schedule> schedules = setUp(world, s);
            time.leave();
            // the set-up's requests leave the budget's memory (it remembers two windows)
            time.advance(s.window().multipliedBy(2).plusMillis(10));
            final Instant start = time.instant();
            world.fake.resetLog();
            List<Schedule> due = new ArrayList<>();
            for (Schedule schedule : schedules) {
                Schedule now = schedule.withNextRunAt(start);
                world.store.schedules().save(now);
                due.add(now);
            }
            long wallStart = System.nanoTime();
            Dispatcher dispatcher = new Dispatcher(world, time, s, start);
            List<Thread> workers = new ArrayList<>();
            AtomicReference<Throwable> failure = new AtomicReference<>();
            for (int i = 0; i < s.workers(); i++) {
                time.join();
                Thread t = new Thread(() -> {
                    try {
                        dispatcher.work();
                    } catch (Throwable e) {
                        failure.compareAndSet(null, e);
                    } finally {
                        time.leave();
                    }
                }, "bench-worker-" + i);
                workers.add(t);
                t.start();
            }
            for (Thread t : workers) {
                t.join();
            }
            if (failure.get() != null) {
                throw new IllegalStateException("a worker failed", failure.get());
            }
            return measure(world, s, due, dispatcher, Duration.ofNanos(System.nanoTime() - wallStart), start);
        }
    }

    private static List<Schedule> setUp(SpotifyWorld world, Settings s) {
        List<Schedule> schedules = new ArrayList<>();
        for (int a = 0; a < s.accounts(); a++) {
            String user = "user" + a;
            world.login(user);
            List<String> playlists = new ArrayList<>();
            for (int p = 0; p < s.schedulesPerAccount(); p++) {
                playlists.add(world.fake.createPlaylist(user, "Mix " + p,
                        world.fake.addTracks("u" + a + "p" + p, s.tracks())));
            }
            String source = world.fake.createPlaylist(user, "New", world.fake.addTracks("u" + a + "new", 20));
            String archive = world.fake.createPlaylist(user, "Archive",
                    world.fake.addTracks("u" + a + "arch", s.tracks()));
            for (int p = 0; p < s.schedulesPerAccount(); p++) {
                JobSpec.Builder spec = switch (p % 5) {
                    case 0, 1 -> JobSpec.builder("shuffle").algorithm("basic");
                    case 2 -> JobSpec.builder("raid").source(DiscoverySource.playlist(source));
                    case 3 -> JobSpec.builder("raid_and_shuffle").source(DiscoverySource.playlist(source))
                            .algorithm("artist_spacing");
                    default -> JobSpec.builder("rotate").param("rotation_mode", "swap").param("rotation_count", 10);
                };
                if (p % 5 == 4) {
                    world.shuffify.pairs().create(user, playlists.get(p), archive);
                }
                schedules.add(world.shuffify.schedules().create(user, ScheduleDefinition.of(
                        spec.target(playlists.get(p), "Mix " + p).build(), Trigger.named("daily"))));
            }
        }
        return schedules;
    }

    /** Hands due schedules to workers, one run per schedule at a time, and injects 429s as time passes. */
    static final class Dispatcher {
        private final SpotifyWorld world;
        private final SharedTime time;
        private final Instant start;
        private final long deadline;
        private final Settings settings;
        private final Set<String> running = new HashSet<>();
        private final List<Instant> completions = new ArrayList<>();
        private Instant nextInjection;
        private int injected;
        private int remaining;

        Dispatcher(SpotifyWorld world, SharedTime time, Settings settings, Instant start) {
            this.world = world;
            this.time = time;
            this.settings = settings;
            this.start = start;
            this.deadline = System.nanoTime() + settings.cap().toNanos();
            this.nextInjection = settings.injectEvery().isZero() ? Instant.MAX
                    : start.plus(settings.injectEvery().dividedBy(2));
            this.remaining = settings.accounts() * settings.schedulesPerAccount();
        }

        void work() throws InterruptedException {
            while (true) {
                if (System.nanoTime() - deadline > 0) {
                    return;
                }
                String next = take();
                if (next == null) {
                    synchronized (this) {
                        if (remaining == 0) {
                            return;
                        }
                    }
                    time.sleep(settings.window().dividedBy(30));
                    continue;
                }
                world.shuffify.operations().execute(next);
                synchronized (this) {
                    running.remove(next);
                    completions.add(time.instant());
                    remaining--;
                }
            }
        }

        private synchronized String take() {
            Instant now = time.instant();
            while (!now.isBefore(nextInjection)) {
                world.fake.rateLimitNext(1, settings.retryAfterSeconds());
                injected++;
                nextInjection = nextInjection.plus(settings.injectEvery());
            }
            for (Schedule s : world.store.schedules().findDue(now, running.size() + 1)) {
                if (running.add(s.id())) {
                    return s.id();
                }
            }
            return null;
        }

        synchronized List<Instant> completions() {
            return List.copyOf(completions);
        }

        synchronized int injected() {
            return injected;
        }
    }

    private static Result measure(SpotifyWorld world, Settings s, List<Schedule> due, Dispatcher dispatcher,
            Duration wall, Instant start) {
        int executions = 0;
        int succeeded = 0;
        int lost = 0;
        int notRun = 0;
        Map<String, Instant> accountDone = new HashMap<>();
        for (Schedule schedule : due) {
            List<Execution> runs = world.store.executions().listBySchedule(schedule.id(), 10);
            executions += runs.size();
            long unfinished = runs.stream().filter(e -> e.status() == ExecutionStatus.RUNNING).count();
            if (runs.isEmpty()) {
                notRun++;
            } else if (unfinished > 0 || runs.size() > 1) {
                lost++;
            }
            for (Execution e : runs) {
                if (e.status() == ExecutionStatus.SUCCESS) {
                    succeeded++;
                }
                if (e.completedAt() != null) {
                    accountDone.merge(schedule.userId(), e.completedAt(), (x, y) -> x.isAfter(y) ? x : y);
                }
            }
        }
        List<Instant> completions = dispatcher.completions();
        Instant last = completions.stream().max(Instant::compareTo).orElse(start);
        Map<Long, Integer> perMinute = new TreeMap<>();
        for (Instant c : completions) {
            perMinute.merge(Duration.between(start, c).toMinutes(), 1, Integer::sum);
        }
        long fullMinutes = Duration.between(start, last).toMinutes();
        Samples minutes = new Samples();
        for (long m = 0; m < fullMinutes; m++) {
            minutes.add(perMinute.getOrDefault(m, 0));
        }
        if (minutes.count() == 0) {
            minutes.add(completions.size() * 60.0 / Math.max(1, Duration.between(start, last).toSeconds()));
        }
        List<Exchange> exchanges = world.fake.exchanges().stream().filter(x -> x.path().startsWith("/v1/")).toList();
        int injected = 0;
        int inFlight = 0;
        int early = 0;
        long earlyLatest = 0;
        Instant episode = Instant.MIN;
        Instant until = Instant.MIN;
        // simulated time stands still while requests are in flight, so they arrive at the 429's very instant;
        // in real time they arrive a few milliseconds later
        Duration inFlightTolerance = s.realTime() ? Duration.ofMillis(20) : Duration.ZERO;
        for (Exchange x : exchanges) {
            if (x.at().isBefore(until)) {
                if (!x.at().isAfter(episode.plus(inFlightTolerance))) {
                    inFlight++;
                } else {
                    early++;
                    earlyLatest = Math.max(earlyLatest, Duration.between(episode, x.at()).toMillis());
                }
            } else if (x.status() == 429) {
                injected++;
                episode = x.at();
                until = x.at().plusSeconds(Long.parseLong(x.retryAfter()));
            }
        }
        Deque<Instant> window = new ArrayDeque<>();
        int maxInWindow = 0;
        for (Exchange x : exchanges) {
            window.addLast(x.at());
            while (!window.peekFirst().isAfter(x.at().minus(s.window()))) {
                window.removeFirst();
            }
            maxInWindow = Math.max(maxInWindow, window.size());
        }
        Duration slowest = accountDone.values().stream().max(Instant::compareTo)
                .map(i -> Duration.between(start, i)).orElse(Duration.ZERO);
        Duration fastest = accountDone.values().stream().min(Instant::compareTo)
                .map(i -> Duration.between(start, i)).orElse(Duration.ZERO);
        return new Result(s.realTime(), due.size(), executions, succeeded, lost, notRun,
                Duration.between(start, last), minutes,
                exchanges.size(), injected, inFlight, early, earlyLatest, maxInWindow, (double) exchanges.size() / Math.max(1, executions),
                slowest, fastest, wall);
    }

}
