package dev.shuffify.benchmarks;

import dev.shuffify.SchedulerOptions;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.BiFunction;

/**
 * Table 1: executions per second of a no-op job through each scheduler's whole lifecycle, on the same
 * database, the peers' way: 20,000 due schedules per run, 4 and 8 worker threads, PostgreSQL (fsync and
 * synchronous_commit on) and H2, every side in every round, two rounds.
 *
 * <p>Each measurement is a drain: {@code n} schedules, all due, are stored (not timed); the engine starts; the
 * clock stops when every schedule has run once and its completion and next run are in the database. The sides
 * run alternately, in an order that rotates every round, each on a fresh database; the table reports the median
 * rate with min–max. The sides: Shuffify with its default poll interval and with 100 ms; db-scheduler with its
 * default fetch and with {@code pollUsingLockAndFetch(1.0, 4.0)} (PostgreSQL only: it needs {@code SKIP
 * LOCKED}); Quartz's {@code JobStoreTX}; and, on PostgreSQL, the batched-SQL limit ({@link BatchedSqlEngine}),
 * the same claim-and-complete work in SQL alone with as many JDBC clients as threads.
 *
 * <p>Then table 1c, the start-up measure (200 schedules, 4 threads, three repeats: mostly start-up and the first
 * polls), and table 1b, Shuffify's poll loop alone on the in-memory store.
 */
public final class EngineOverheadBenchmark {

    /**
     * A side: builds a fresh engine for a database kind and a thread count.
     *
     * @param label the column title
     * @param kinds the databases it runs on
     * @param factory builds the engine
     */
    public record Side(String label, Set<Databases.Kind> kinds,
            BiFunction<Databases.Kind, Integer, EngineUnderTest> factory) {
        boolean runsOn(Databases.Kind kind) {
            return kinds.contains(kind);
        }
    }

    private EngineOverheadBenchmark() {
    }

    /**
     * Runs the tables.
     *
     * @param args {@code [--quick] [--out FILE] [--schedules=N] [--rounds=R] [--threads=4,8]
     *     [--startup-schedules=N] [--databases=h2,postgresql]}
     * @throws Exception on a failure
     */
    public static void main(String[] args) throws Exception {
        Options options = Options.parse(args);
        int n = options.getInt("schedules", options.quick() ? 400 : 20_000);
        int rounds = options.getInt("rounds", options.quick() ? 1 : 2);
        List<Integer> threadCounts = ints(options.get("threads", "4,8"));
        int startup = options.getInt("startup-schedules", options.quick() ? 50 : 200);
        List<Databases.Kind> kinds = new ArrayList<>();
        for (String k : options.get("databases", "postgresql,h2").split(",")) {
            kinds.add(Databases.Kind.valueOf(k.trim().toUpperCase(Locale.ROOT)));
        }
        Path dir = Files.createTempDirectory("shuffify-bench-");
        long[] ticks = Machine.cpuTicks();
        StringBuilder out = new StringBuilder();
        List<Side> sides = sides(dir);
        for (Databases.Kind kind : kinds) {
            out.append(throughput(kind, sides, threadCounts, n, rounds));
        }
        out.append(startup(dir, kinds, startup, options.quick() ? 1 : 3));
        out.append(pollLoop(options.quick() ? List.of(4) : List.of(1, 4), Math.max(20, startup / 3),
                options.quick() ? 1 : 3));
        out.append(Machine.steal(ticks, Machine.cpuTicks())).append(" during this table.\n");
        options.report(out.toString());
    }

    /**
     * Table 1 for one database: every side at every thread count, the rounds interleaved.
     *
     * @param kind the database
     * @param sides the sides (those that do not run on it get n/a)
     * @param threadCounts worker threads per row
     * @param n due schedules per run
     * @param rounds how many times every side runs per row
     * @return the table as Markdown with its title
     * @throws Exception on a failure
     */
    static String throughput(Databases.Kind kind, List<Side> sides, List<Integer> threadCounts, int n, int rounds)
            throws Exception {
        List<String> header = new ArrayList<>();
        header.add("worker threads");
        sides.forEach(s -> header.add(s.label()));
        header.add("Shuffify's best ÷ db-scheduler's best (goal ≥ 2)");
        header.add("Shuffify's best ÷ batched-SQL limit (goal ≥ 0.6)");
        header.add("load average after the row");
        Table table = new Table(header.toArray(String[]::new));
        List<Side> here = sides.stream().filter(s -> s.runsOn(kind)).toList();
        for (int threads : threadCounts) {
            Map<String, Samples> rates = new LinkedHashMap<>();
            here.forEach(s -> rates.put(s.label(), new Samples()));
            for (int r = 0; r < rounds; r++) {
                for (int i = 0; i < here.size(); i++) {
                    Side side = here.get((i + r) % here.size());
                    double rate = drain(side.factory().apply(kind, threads), n);
                    System.err.printf(Locale.ROOT, "%s, %d threads, round %d: %s %.0f/s%n", kind, threads, r + 1,
                            side.label(), rate);
                    rates.get(side.label()).add(rate);
                }
            }
            List<Object> row = new ArrayList<>();
            row.add(threads);
            for (Side s : sides) {
                row.add(s.runsOn(kind) ? rates.get(s.label()).format("%.0f") : "n/a");
            }
            double ours = best(rates, "Shuffify");
            double peer = best(rates, "db-scheduler");
            double limit = best(rates, "batched SQL");
            row.add(String.format(Locale.ROOT, "%.2f", ours / peer));
            row.add(Double.isNaN(limit) ? "n/a" : String.format(Locale.ROOT, "%.2f", ours / limit));
            row.add(Machine.loadAverage().replace("load average ", ""));
            table.row(row.toArray());
        }
        return String.format(Locale.ROOT, "### Table 1 (%s): no-op executions per second, %,d due schedules drained "
                + "per run, median (min–max) of %d rounds, sides interleaved%n%n", label(kind), n, rounds)
                + table.markdown() + '\n';
    }

    /** The best median among the sides whose label starts with {@code prefix}; NaN when none ran. */
    private static double best(Map<String, Samples> rates, String prefix) {
        return rates.entrySet().stream().filter(e -> e.getKey().startsWith(prefix))
                .mapToDouble(e -> e.getValue().median()).max().orElse(Double.NaN);
    }

    /** Table 1c: 200 due schedules at 4 threads, which mostly measures start-up and the first polls. */
    private static String startup(Path dir, List<Databases.Kind> kinds, int n, int repeats) throws Exception {
        List<Side> sides = new ArrayList<>();
        sides.add(new Side("Shuffify, 1 ms poll", EnumSet.allOf(Databases.Kind.class), (kind, threads) ->
                new ShuffifyEngine(Databases.fresh(kind, dir, threads + 4), threads, Duration.ofMillis(1))));
        sides.add(new Side("Quartz JobStoreTX", EnumSet.allOf(Databases.Kind.class), (kind, threads) ->
                new QuartzEngine(Databases.fresh(kind, dir, threads + 4), kind == Databases.Kind.POSTGRESQL,
                        threads)));
        sides.add(new Side("db-scheduler, default fetch", EnumSet.allOf(Databases.Kind.class), (kind, threads) ->
                new DbSchedulerEngine(Databases.fresh(kind, dir, threads + 4), kind == Databases.Kind.POSTGRESQL,
                        threads, false)));
        List<String> header = new ArrayList<>();
        header.add("database");
        sides.forEach(s -> header.add(s.label() + " (executions/s)"));
        Table table = new Table(header.toArray(String[]::new));
        for (Databases.Kind kind : kinds) {
            Map<String, Samples> rates = new LinkedHashMap<>();
            sides.forEach(s -> rates.put(s.label(), new Samples()));
            for (int r = 0; r < repeats; r++) {
                for (int i = 0; i < sides.size(); i++) {
                    Side side = sides.get((i + r) % sides.size());
                    rates.get(side.label()).add(drain(side.factory().apply(kind, 4), n));
                }
            }
            List<Object> row = new ArrayList<>();
            row.add(kind == Databases.Kind.H2 ? "H2" : "PostgreSQL");
            sides.forEach(s -> row.add(rates.get(s.label()).format("%.0f")));
            table.row(row.toArray());
        }
        return String.format(Locale.ROOT, "### Table 1c (start-up): no-op executions per second, %d due schedules "
                + "drained per run, 4 worker threads, median (min–max) of %d runs%n%n", n, repeats)
                + table.markdown() + '\n';
    }

    /** Table 1b: Shuffify alone on the in-memory store against the poll interval. */
    private static String pollLoop(List<Integer> threadCounts, int small, int repeats) throws Exception {
        List<Duration> polls = List.of(Duration.ofMillis(100), Duration.ofMillis(10), Duration.ofMillis(1));
        List<String> pollHeader = new ArrayList<>();
        pollHeader.add("worker threads");
        polls.forEach(p -> pollHeader.add("poll every " + p.toMillis() + " ms (executions/s)"));
        Table memory = new Table(pollHeader.toArray(String[]::new));
        for (int threads : threadCounts) {
            List<Object> row = new ArrayList<>();
            row.add(threads);
            for (Duration poll : polls) {
                Samples rate = new Samples();
                for (int r = 0; r < repeats; r++) {
                    rate.add(drain(new ShuffifyEngine(null, threads, poll), small));
                }
                row.add(rate.format("%.0f"));
            }
            memory.row(row.toArray());
        }
        return String.format(Locale.ROOT, "### Table 1b (Shuffify alone, in-memory store): executions per second "
                + "against the poll interval, %d due schedules drained per run, median (min–max) of %d runs%n%n",
                small, repeats) + memory.markdown() + '\n';
    }

    private static List<Integer> ints(String csv) {
        List<Integer> list = new ArrayList<>();
        for (String t : csv.split(",")) {
            list.add(Integer.parseInt(t.trim()));
        }
        return list;
    }

    static List<Databases.Kind> kinds() {
        return List.of(Databases.Kind.H2, Databases.Kind.POSTGRESQL);
    }

    static String label(Databases.Kind kind) {
        return kind == Databases.Kind.H2 ? "embedded H2 file, commits written to the file before they return (H2 does "
                + "not fsync each commit)" : Databases.postgresSettings();
    }

    /**
     * The sides of table 1, in column order.
     *
     * @param dir the folder for H2 files
     * @return the sides
     */
    static List<Side> sides(Path dir) {
        Set<Databases.Kind> both = EnumSet.allOf(Databases.Kind.class);
        Set<Databases.Kind> postgres = EnumSet.of(Databases.Kind.POSTGRESQL);
        String dbScheduler = "db-scheduler " + DbSchedulerEngine.version();
        String quartz = "Quartz " + org.quartz.core.QuartzScheduler.getVersionMajor() + "."
                + org.quartz.core.QuartzScheduler.getVersionMinor() + "."
                + org.quartz.core.QuartzScheduler.getVersionIteration();
        List<Side> sides = new ArrayList<>();
        java.util.regex.Matcher poll = java.util.regex.Pattern.compile("pollInterval=PT(\\w+)")
                .matcher(SchedulerOptions.defaults().toString());
        String defaultPoll = poll.find() ? " (" + poll.group(1).toLowerCase(Locale.ROOT) + ")" : "";
        sides.add(new Side("Shuffify, default poll" + defaultPoll, both, (kind, threads) -> new ShuffifyEngine(Databases.fresh(kind, dir, threads + 4), threads,
                null)));
        sides.add(new Side("Shuffify, 100 ms poll", both, (kind, threads) -> new ShuffifyEngine(
                Databases.fresh(kind, dir, threads + 4), threads, Duration.ofMillis(100))));
        sides.add(new Side("Shuffify, 100 ms poll, claimAhead(4)", both, (kind, threads) -> new ShuffifyEngine(
                Databases.fresh(kind, dir, threads + 4), threads, Duration.ofMillis(100), 4)));
        sides.add(new Side("Shuffify, 100 ms poll, claimAhead(16)", both, (kind, threads) -> new ShuffifyEngine(
                Databases.fresh(kind, dir, threads + 4), threads, Duration.ofMillis(100), 16)));
        sides.add(new Side(dbScheduler + ", default fetch", both, (kind, threads) -> new DbSchedulerEngine(
                Databases.fresh(kind, dir, threads + 4), kind == Databases.Kind.POSTGRESQL, threads, false)));
        sides.add(new Side("db-scheduler, lock-and-fetch(1.0, 4.0)", postgres, (kind, threads) ->
                new DbSchedulerEngine(Databases.fresh(kind, dir, threads + 4), true, threads, true)));
        sides.add(new Side(quartz + " JobStoreTX", both, (kind, threads) -> new QuartzEngine(
                Databases.fresh(kind, dir, threads + 4), kind == Databases.Kind.POSTGRESQL, threads)));
        sides.add(new Side("batched SQL limit (as many JDBC clients)", postgres, (kind, threads) ->
                new BatchedSqlEngine(Databases.fresh(kind, dir, threads + 4), threads)));
        return sides;
    }

    /**
     * Drains {@code n} due schedules through one engine and closes it.
     *
     * @param engine the engine
     * @param n how many
     * @return executions per second
     * @throws Exception on a failure
     */
    public static double drain(EngineUnderTest engine, int n) throws Exception {
        try (engine) {
            engine.prepare(n);
            long start = System.nanoTime();
            engine.start();
            long deadline = start + 300_000_000_000L;
            while (engine.executed() < n) {
                check(deadline, engine, n);
                Thread.sleep(1);
            }
            while (!engine.settled()) {
                check(deadline, engine, n);
                Thread.sleep(1);
            }
            double seconds = (System.nanoTime() - start) / 1e9;
            if (engine.executed() != n) {
                throw new IllegalStateException(engine.name() + " ran " + engine.executed() + " executions for " + n
                        + " due schedules");
            }
            return n / seconds;
        }
    }

    private static void check(long deadline, EngineUnderTest engine, int n) {
        if (System.nanoTime() - deadline > 0) {
            throw new IllegalStateException(engine.name() + " did not drain " + n + " schedules in 5 minutes ("
                    + engine.executed() + " ran)");
        }
    }
}
