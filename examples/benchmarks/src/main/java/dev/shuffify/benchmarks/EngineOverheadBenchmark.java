package dev.shuffify.benchmarks;

import java.time.Duration;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.BiFunction;

/**
 * Table 1: executions per second of a no-op job through each scheduler's whole lifecycle, on the same
 * database, with 1, 2 and 4 worker threads.
 *
 * <p>Each measurement is a drain: {@code n} schedules, all due, are stored (not timed); the engine starts; the
 * clock stops when every schedule has run once and its completion and next run are in the database. The sides
 * run alternately, in a rotating order, each on a fresh database, and every cell is repeated; the table reports
 * the median rate with min–max and the ratio of the medians.
 */
public final class EngineOverheadBenchmark {

    /** A side: builds a fresh engine for a database kind and a thread count. */
    public record Side(String label, BiFunction<Databases.Kind, Integer, EngineUnderTest> factory) {
    }

    private EngineOverheadBenchmark() {
    }

    /**
     * Runs the table.
     *
     * @param args {@code [--quick] [--out FILE] [--schedules=N] [--repeats=R]}
     * @throws Exception on a failure
     */
    public static void main(String[] args) throws Exception {
        Options options = Options.parse(args);
        int n = options.getInt("schedules", options.quick() ? 50 : 200);
        int repeats = options.getInt("repeats", options.quick() ? 1 : 3);
        List<Integer> threadCounts = options.quick() ? List.of(1, 4) : List.of(1, 2, 4);
        Path dir = Files.createTempDirectory("shuffify-bench-");
        long[] ticks = Machine.cpuTicks();
        List<Side> sides = sides(dir);
        StringBuilder out = new StringBuilder();
        for (Databases.Kind kind : kinds()) {
            Table table = new Table(header(sides));
            for (int threads : threadCounts) {
                Map<String, Samples> rates = new LinkedHashMap<>();
                sides.forEach(s -> rates.put(s.label(), new Samples()));
                for (int r = 0; r < repeats; r++) {
                    for (int i = 0; i < sides.size(); i++) {
                        Side side = sides.get((i + r) % sides.size());
                        rates.get(side.label()).add(drain(side.factory().apply(kind, threads), n));
                    }
                }
                List<Object> row = new ArrayList<>();
                row.add(threads);
                for (Side s : sides) {
                    row.add(rates.get(s.label()).format("%.0f"));
                }
                for (Side o : sides.subList(0, OURS)) {
                    for (Side s : sides.subList(OURS, sides.size())) {
                        row.add(String.format(Locale.ROOT, "%.2f", rates.get(o.label()).median()
                                / rates.get(s.label()).median()));
                    }
                }
                table.row(row.toArray());
            }
            out.append(String.format(Locale.ROOT, "### Table 1 (%s): no-op executions per second, %d due schedules "
                    + "drained per run, median (min–max) of %d runs; Shuffify polls every 1 ms%n%n", label(kind), n,
                    repeats));
            out.append(table.markdown()).append('\n');
        }
        List<Duration> polls = List.of(Duration.ofMillis(100), Duration.ofMillis(10), Duration.ofMillis(1));
        List<String> pollHeader = new ArrayList<>();
        pollHeader.add("worker threads");
        polls.forEach(p -> pollHeader.add("poll every " + p.toMillis() + " ms (executions/s)"));
        pollHeader.add("bound: threads ÷ poll interval at 100 / 10 / 1 ms");
        Table memory = new Table(pollHeader.toArray(String[]::new));
        int small = Math.max(20, n / 3);
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
            row.add(threads * 10 + " / " + threads * 100 + " / " + threads * 1000);
            memory.row(row.toArray());
        }
        out.append(String.format(Locale.ROOT, "### Table 1b (Shuffify alone, in-memory store): executions per second "
                + "against the poll interval, %d due schedules drained per run, median (min–max) of %d runs%n%n",
                small, repeats));
        out.append(memory.markdown()).append('\n');
        out.append(Machine.steal(ticks, Machine.cpuTicks())).append(" during this table.\n");
        options.report(out.toString());
    }

    private static String[] header(List<Side> sides) {
        List<String> h = new ArrayList<>();
        h.add("worker threads");
        for (Side s : sides) {
            h.add(s.label() + " (executions/s)");
        }
        for (Side o : sides.subList(0, OURS)) {
            for (Side s : sides.subList(OURS, sides.size())) {
                h.add(o.label() + " ÷ " + s.label() + " (goal ≥ 1)");
            }
        }
        return h.toArray(String[]::new);
    }

    static List<Databases.Kind> kinds() {
        return List.of(Databases.Kind.H2, Databases.Kind.POSTGRESQL);
    }

    static String label(Databases.Kind kind) {
        return kind == Databases.Kind.H2 ? "embedded H2 file, commits written to the file before they return (H2 does "
                + "not fsync each commit)" : Databases.postgresSettings();
    }

    static List<Side> sides(Path dir) {
        List<Side> sides = new ArrayList<>();
        sides.add(new Side("Shuffify", (kind, threads) -> new ShuffifyEngine(
                Databases.fresh(kind, dir, threads + 4), threads, Duration.ofMillis(1))));
        sides.add(new Side("Quartz", (kind, threads) -> new QuartzEngine(Databases.fresh(kind, dir, threads + 4),
                kind == Databases.Kind.POSTGRESQL, threads)));
        sides.add(new Side("db-scheduler", (kind, threads) -> new DbSchedulerEngine(
                Databases.fresh(kind, dir, threads + 4), kind == Databases.Kind.POSTGRESQL, threads)));
        return sides;
    }

    /** The sides compared with each peer: the first {@value #OURS}. */
    static final int OURS = 1;

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
