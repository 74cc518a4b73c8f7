package dev.shuffify.benchmarks;

import com.zaxxer.hikari.HikariDataSource;
import dev.shuffify.event.JobEvent;
import dev.shuffify.SchedulerOptions;
import dev.shuffify.Shuffify;
import dev.shuffify.memory.InMemoryPlaylistService;
import dev.shuffify.model.JobSpec;
import dev.shuffify.model.Schedule;
import dev.shuffify.model.ScheduleDefinition;
import dev.shuffify.model.Trigger;
import dev.shuffify.store.jdbc.JdbcShuffifyStore;
import dev.shuffify.store.ScheduleClaim;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Table 2: how the scheduler scales with the number of schedules in the store. For 10k, 100k and 1M schedules
 * of which 100 are due: the cost of a poll that finds none due, of finding the due ones, of claiming them
 * (what the scheduler does), the engine's heap, its start-up time and the time until the due ones have run.
 *
 * <p>The schedules are real rows made by the store (one created through the facade, copied in bulk by SQL
 * with new ids), so the JDBC store reads them like any other.
 */
public final class ScaleBenchmark {
    /** Due schedules among all. */
    public static final int DUE = 100;
    private static final String NODE = "bench-node";

    /**
     * One measured size.
     *
     * @param kind the database
     * @param schedules all schedules
     * @param insertSeconds how long the bulk insert took (set-up, not a result)
     * @param emptyPollMillis a due query when none is due
     * @param findDueMillis a due query returning the 100 due
     * @param claimMillis claiming the 100 due (the scheduler's poll)
     * @param startMillis building the facade and {@code start()}
     * @param firstRunsMillis from {@code start()} until the 100 due have run, or until the cap
     * @param firstRuns how many of the 100 due had run by then
     * @param engineHeapMiB heap held after start-up and the first runs, beyond the store's own
     * @param findExpiredMillis the query for expired leases every poll makes (none expired)
     */
    public record Row(Databases.Kind kind, int schedules, double insertSeconds, Samples emptyPollMillis,
            Samples findDueMillis, Samples claimMillis, double startMillis, double firstRunsMillis, long firstRuns,
            double engineHeapMiB, Samples findExpiredMillis) {
    }

    private ScaleBenchmark() {
    }

    /**
     * Runs the table.
     *
     * @param args {@code [--quick] [--out FILE] [--sizes=10000,100000,1000000]}
     * @throws Exception on a failure
     */
    public static void main(String[] args) throws Exception {
        Options options = Options.parse(args);
        String sizes = options.get("sizes", options.quick() ? "10000" : "10000,100000,1000000");
        Path dir = Files.createTempDirectory("shuffify-scale-");
        long[] ticks = Machine.cpuTicks();
        StringBuilder out = new StringBuilder();
        for (Databases.Kind kind : EngineOverheadBenchmark.kinds()) {
            Table table = new Table("schedules (100 due)", "due query with none due, ms", "find the 100 due, ms",
                    "claim the 100 due, ms", "claim per due schedule, ms (goal: flat)",
                    "expired-lease query of every poll, ms (goal: flat)", "build + start(), ms",
                    "start() until the 100 ran, ms", "engine heap, MiB", "bulk insert, s");
            Double base = null;
            for (String size : sizes.split(",")) {
                Row r = measure(kind, Integer.parseInt(size.trim()), dir, options.quick() ? 5 : 15,
                        Duration.ofSeconds(options.quick() ? 20 : 60));
                double perDue = r.claimMillis().median() / DUE;
                if (base == null) {
                    base = perDue;
                }
                table.row(String.format(Locale.ROOT, "%,d", r.schedules()), r.emptyPollMillis().format("%.2f"),
                        r.findDueMillis().format("%.2f"), r.claimMillis().format("%.1f"),
                        String.format(Locale.ROOT, "%.3f (×%.2f)", perDue, perDue / base),
                        r.findExpiredMillis().format("%.2f"),
                        String.format(Locale.ROOT, "%.0f", r.startMillis()),
                        r.firstRuns() == DUE ? String.format(Locale.ROOT, "%.0f", r.firstRunsMillis())
                                : String.format(Locale.ROOT, "only %d ran in %.0f", r.firstRuns(), r.firstRunsMillis()),
                        String.format(Locale.ROOT, "%.1f", r.engineHeapMiB()),
                        String.format(Locale.ROOT, "%.1f", r.insertSeconds()));
            }
            out.append("### Table 2 (").append(EngineOverheadBenchmark.label(kind)).append(")\n\n")
                    .append(table.markdown()).append('\n');
        }
        out.append(Machine.steal(ticks, Machine.cpuTicks())).append(" during this table.\n");
        options.report(out.toString());
    }

    /**
     * Measures one size on a fresh database.
     *
     * @param kind the database
     * @param n all schedules
     * @param repeats how many times each query is timed
     * @param dir the folder for H2 files
     * @param cap the longest wait for the first runs
     * @return the row
     * @throws Exception on a failure
     */
    public static Row measure(Databases.Kind kind, int n, Path dir, int repeats, Duration cap) throws Exception {
        try (HikariDataSource ds = Databases.fresh(kind, dir, 8)) {
            JdbcShuffifyStore store = JdbcShuffifyStore.create(ds);
            Instant now = Instant.now();
            double insert = fill(store, ds, kind, n, now);
            Samples empty = new Samples();
            Samples find = new Samples();
            Samples claim = new Samples();
            Samples expired = new Samples();
            // at a million rows a poll on H2 takes seconds; three samples tell that story
            int times = n >= 1_000_000 ? Math.min(3, repeats) : repeats;
            for (int i = 0; i < times; i++) {
                expired.add(millis(() -> check(store.schedules().findExpired(now, DUE), 0)));
                empty.add(millis(() -> check(store.schedules().findDue(now.minus(Duration.ofHours(2)), DUE), 0)));
                find.add(millis(() -> check(store.schedules().findDue(now, DUE), DUE)));
                List<ScheduleClaim> claims = new java.util.ArrayList<>();
                claim.add(millis(() -> claims.addAll(check(store.schedules().claimDue(NODE, now, Duration.ofMinutes(5),
                        DUE), DUE))));
                for (ScheduleClaim c : claims) {
                    store.schedules().release(c.token(), c.slot(), c.slot(), 0);
                }
            }
            long heapBefore = heap();
            AtomicLong ran = new AtomicLong();
            long t0 = System.nanoTime();
            Shuffify shuffify = Shuffify.builder().store(store)
                    .connector(new InMemoryPlaylistService().addUser(ShuffifyEngine.USER)).jobType(new NoopJob())
                    .listener(e -> {
                        if (e.type() == JobEvent.Type.SUCCEEDED) {
                            ran.incrementAndGet();
                        }
                    })
                    .scheduler(SchedulerOptions.builder().nodeId(NODE).poolSize(4).pollInterval(Duration.ofMillis(1))
                            .build())
                    .build();
            shuffify.start();
            long t1 = System.nanoTime();
            while (ran.get() < DUE && System.nanoTime() - t1 < cap.toNanos()) {
                Thread.sleep(1);
            }
            long t2 = System.nanoTime();
            long heapAfter = heap();
            shuffify.close(Duration.ofSeconds(30));
            // close() stops the poll loop without waiting for a poll in progress; let it end before the pool goes
            Thread.sleep(Math.min(5_000, 50 + (t2 - t1) / 1_000_000 / Math.max(1, ran.get())));
            store.close();
            return new Row(kind, n, insert, empty, find, claim, (t1 - t0) / 1e6, (t2 - t1) / 1e6, ran.get(),
                    (heapAfter - heapBefore) / 1024.0 / 1024.0, expired);
        }
    }

    private static <T extends List<?>> T check(T list, int expected) {
        if (list.size() != expected) {
            throw new IllegalStateException("expected " + expected + " schedules, got " + list.size());
        }
        return list;
    }

    /** Creates one schedule through the facade and copies it in bulk; {@link #DUE} of them are due at {@code now}. */
    private static double fill(JdbcShuffifyStore store, HikariDataSource ds, Databases.Kind kind, int n, Instant now)
            throws SQLException {
        Shuffify setup = Shuffify.builder().store(store).connector(new InMemoryPlaylistService()).jobType(new NoopJob())
                .build();
        Schedule template = setup.schedules().create(ShuffifyEngine.USER, ScheduleDefinition.of(
                JobSpec.builder(NoopJob.TYPE).build(), Trigger.named("hourly")).withVerifyWrites(false));
        store.schedules().save(template.withNextRunAt(now.plus(Duration.ofDays(1))));
        long t0 = System.nanoTime();
        ShuffifyEngine.copySchedule(ds, kind, template.id(), n - 1, n / DUE, now.minus(Duration.ofMinutes(1)),
                now.plus(Duration.ofDays(1)));
        return (System.nanoTime() - t0) / 1e9;
    }

    private static double millis(Runnable r) {
        long t0 = System.nanoTime();
        r.run();
        return (System.nanoTime() - t0) / 1e6;
    }

    private static long heap() throws InterruptedException {
        for (int i = 0; i < 3; i++) {
            System.gc();
            Thread.sleep(50);
        }
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }
}
