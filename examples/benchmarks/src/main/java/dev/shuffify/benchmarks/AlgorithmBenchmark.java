package dev.shuffify.benchmarks;

import dev.shuffify.algorithms.ArtistSpreadMetrics;
import dev.shuffify.model.Track;
import dev.shuffify.spi.Params;
import dev.shuffify.spi.ShuffleAlgorithm;
import dev.shuffify.spi.ShuffleRequest;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.ServiceLoader;
import java.util.SplittableRandom;

/**
 * Table 4: time per shuffle of every algorithm as a ratio to {@link Collections#shuffle(List, Random)} of the
 * same list, and the artist-spread quality of every algorithm on skewed playlists.
 *
 * <p>Timing harness: per algorithm and size, both sides are warmed up, then measured in alternating batches
 * (the side that goes first alternates too), each batch long enough to dwarf the timer; each round gives one
 * ratio, and the table reports the median ratio with min–max over the rounds. The baseline copies the list
 * into an {@link ArrayList} and shuffles the copy, as the algorithms also start from a copy. After the
 * algorithms, each size has three bound rows timed the same way ({@link KeyReading}): copying the list and
 * reading every track's artist key, album key or added date, and nothing else.
 */
public final class AlgorithmBenchmark {

    /** How the timing runs. */
    public record Settings(List<Integer> sizes, int rounds, long warmupNanos, long batchNanos, int qualityTracks,
            int qualitySeeds) {
        static Settings of(Options options) {
            return options.quick()
                    ? new Settings(List.of(1_000, 10_000), 5, 100_000_000L, 20_000_000L, 1_000, 5)
                    : new Settings(List.of(1_000, 10_000, 100_000), 11, 1_000_000_000L, 100_000_000L, 1_000, 20);
        }
    }

    /** An algorithm with the parameters it is measured with. */
    public record Subject(ShuffleAlgorithm algorithm, Map<String, Object> params) {
        /** @return the name with the parameters, if any */
        public String label() {
            return algorithm.name() + (params.isEmpty() ? "" : " " + params);
        }

        List<Track> shuffle(List<Track> tracks, long seed) {
            return algorithm.shuffle(new ShuffleRequest(tracks,
                    Params.parse(algorithm.parameters(), params, "params"), new SplittableRandom(seed)));
        }
    }

    /** One timed cell. */
    public record Speed(String algorithm, int tracks, Samples ratio, Samples nanosPerShuffle, Samples baselineNanos) {
    }

    /** One quality row, averaged over seeds. */
    public record Quality(String algorithm, double adjacentPairs, double floor, double topMinOverIdeal,
            double topMeanOverIdeal, double meanRelativeMinDistance) {
    }

    private static volatile long sink;

    private AlgorithmBenchmark() {
    }

    /**
     * Runs the table.
     *
     * @param args {@code [--quick] [--out FILE]}
     */
    public static void main(String[] args) {
        Options options = Options.parse(args);
        Settings settings = Settings.of(options);
        long[] ticks = Machine.cpuTicks();
        List<Subject> subjects = subjects();
        Table speed = new Table("algorithm", "N", "time per shuffle, median (min–max)",
                "Collections.shuffle, median", "ratio to Collections.shuffle, median (min–max)");
        for (int n : settings.sizes()) {
            List<Track> tracks = SkewedPlaylist.of(n, 1.0 / 3, n);
            for (Subject subject : withBounds(subjects)) {
                Speed s = speed(subject, tracks, settings);
                speed.row(s.algorithm(), n, micros(s.nanosPerShuffle()), micros(s.baselineNanos().median()),
                        s.ratio().format("%.2f"));
            }
        }
        StringBuilder out = new StringBuilder();
        out.append("### Table 4a: time per shuffle (skewed playlist, one artist with 1/3 of the tracks)\n\n");
        out.append(speed.markdown());
        for (double share : List.of(1.0 / 3, 0.6)) {
            Table quality = new Table("algorithm", "same-artist neighbours (mean)", "floor",
                    "top artist min distance / ideal N/k", "top artist mean distance / ideal N/k",
                    "mean relative min distance (all repeated artists)");
            for (Quality q : quality(subjects, settings.qualityTracks(), share, settings.qualitySeeds())) {
                quality.row(q.algorithm(), fmt("%.1f", q.adjacentPairs()), fmt("%.0f", q.floor()),
                        fmt("%.3f", q.topMinOverIdeal()), fmt("%.3f", q.topMeanOverIdeal()),
                        fmt("%.3f", q.meanRelativeMinDistance()));
            }
            out.append(String.format(Locale.ROOT, "%n### Table 4b: artist spread, N = %d, top artist %s of the tracks, "
                    + "%d seeds%n%n", settings.qualityTracks(), share < 0.5 ? "1/3" : "60 %", settings.qualitySeeds()));
            out.append(quality.markdown());
        }
        out.append("\n").append(Machine.steal(ticks, Machine.cpuTicks())).append(" during this table.\n");
        options.report(out.toString());
    }

    /** @return every algorithm found on the class path with default parameters, plus artist_spacing at 2 */
    public static List<Subject> subjects() {
        List<Subject> subjects = new ArrayList<>();
        for (ShuffleAlgorithm a : ServiceLoader.load(ShuffleAlgorithm.class)) {
            subjects.add(new Subject(a, Map.of()));
            if (a.name().equals("artist_spacing")) {
                subjects.add(new Subject(a, Map.of("min_spacing", 2)));
            }
        }
        return subjects;
    }

    /**
     * The algorithms, then the bounds: reading every track's artist key, album key and added date alone
     * ({@link KeyReading}), the least an algorithm by that key must do.
     *
     * @param subjects the algorithms
     * @return the algorithms and the bounds
     */
    public static List<Subject> withBounds(List<Subject> subjects) {
        List<Subject> all = new ArrayList<>(subjects);
        for (KeyReading.Key key : KeyReading.Key.values()) {
            all.add(new Subject(new KeyReading(key), Map.of()));
        }
        return all;
    }

    /**
     * Times one algorithm against the baseline on one list.
     *
     * @param subject the algorithm
     * @param tracks the list
     * @param settings rounds and batch lengths
     * @return the measurements
     */
    public static Speed speed(Subject subject, List<Track> tracks, Settings settings) {
        Runnable baseline = baseline(tracks);
        long[] seed = {1};
        Runnable algorithm = () -> sink += subject.shuffle(tracks, seed[0]++).get(0).hashCode();
        int baseOps = calibrate(baseline, settings.warmupNanos(), settings.batchNanos());
        int algOps = calibrate(algorithm, settings.warmupNanos(), settings.batchNanos());
        Samples ratio = new Samples();
        Samples alg = new Samples();
        Samples base = new Samples();
        for (int round = 0; round < settings.rounds(); round++) {
            double b;
            double a;
            if (round % 2 == 0) {
                b = perOp(baseline, baseOps);
                a = perOp(algorithm, algOps);
            } else {
                a = perOp(algorithm, algOps);
                b = perOp(baseline, baseOps);
            }
            ratio.add(a / b);
            alg.add(a);
            base.add(b);
        }
        return new Speed(subject.label(), tracks.size(), ratio, alg, base);
    }

    private static Runnable baseline(List<Track> tracks) {
        Random random = new Random(1);
        return () -> {
            List<Track> copy = new ArrayList<>(tracks);
            Collections.shuffle(copy, random);
            sink += copy.get(0).hashCode();
        };
    }

    /** Warms up for {@code warmup} nanoseconds and returns how many calls fill a batch of {@code batch}. */
    private static int calibrate(Runnable op, long warmup, long batch) {
        long start = System.nanoTime();
        long calls = 0;
        do {
            op.run();
            calls++;
        } while (System.nanoTime() - start < warmup);
        double per = (double) (System.nanoTime() - start) / calls;
        return (int) Math.max(1, Math.min(1_000_000, Math.round(batch / per)));
    }

    private static double perOp(Runnable op, int calls) {
        long start = System.nanoTime();
        for (int i = 0; i < calls; i++) {
            op.run();
        }
        return (double) (System.nanoTime() - start) / calls;
    }

    /**
     * Measures the artist spread of every algorithm (and of {@code Collections.shuffle} as a reference) on
     * skewed playlists, averaged over seeds; seed {@code s} fixes both the input and the shuffle.
     *
     * @param subjects the algorithms
     * @param tracks N
     * @param topShare the top artist's share
     * @param seeds how many seeds
     * @return one row per algorithm, the reference first
     */
    public static List<Quality> quality(List<Subject> subjects, int tracks, double topShare, int seeds) {
        List<Quality> rows = new ArrayList<>();
        rows.add(average("Collections.shuffle (reference)", seeds, seed -> {
            List<Track> copy = new ArrayList<>(SkewedPlaylist.of(tracks, topShare, seed));
            Collections.shuffle(copy, new Random(seed));
            return copy;
        }));
        for (Subject subject : subjects) {
            rows.add(average(subject.label(), seeds,
                    seed -> subject.shuffle(SkewedPlaylist.of(tracks, topShare, seed), seed)));
        }
        return rows;
    }

    private static Quality average(String label, int seeds, java.util.function.LongFunction<List<Track>> run) {
        double adjacent = 0;
        double floor = 0;
        double topMin = 0;
        double topMean = 0;
        double relative = 0;
        for (long seed = 0; seed < seeds; seed++) {
            ArtistSpreadMetrics m = ArtistSpreadMetrics.of(run.apply(seed));
            adjacent += m.adjacentPairs();
            floor += m.adjacencyFloor();
            topMin += m.topArtistMinDistance() / m.topArtistIdealDistance();
            topMean += m.topArtistMeanDistance() / m.topArtistIdealDistance();
            relative += m.meanRelativeMinDistance();
        }
        return new Quality(label, adjacent / seeds, floor / seeds, topMin / seeds, topMean / seeds,
                relative / seeds);
    }

    private static String micros(Samples nanos) {
        return String.format(Locale.ROOT, "%s µs (%s–%s)", micro(nanos.median()), micro(nanos.min()),
                micro(nanos.max()));
    }

    private static String micros(double nanos) {
        return micro(nanos) + " µs";
    }

    private static String micro(double nanos) {
        double us = nanos / 1000;
        return us >= 100 ? fmt("%.0f", us) : us >= 10 ? fmt("%.1f", us) : fmt("%.2f", us);
    }

    private static String fmt(String format, double value) {
        return String.format(Locale.ROOT, format, value);
    }
}
