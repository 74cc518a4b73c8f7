package dev.shuffify.benchmarks;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/** What the benchmarks ran on: CPU, cores, memory, JVM, operating system, and CPU steal while they ran. */
public final class Machine {
    private Machine() {
    }

    /** @return one Markdown line describing the machine and the JVM */
    public static String describe() {
        Runtime rt = Runtime.getRuntime();
        return String.format(Locale.ROOT, "%s, %d cores visible to the JVM, %s RAM; %s %s (%s), max heap %d MiB; %s %s",
                cpuModel(), rt.availableProcessors(), memTotal(), System.getProperty("java.vm.name"),
                System.getProperty("java.runtime.version"), System.getProperty("java.vendor"),
                rt.maxMemory() >> 20, System.getProperty("os.name"), System.getProperty("os.version"));
    }

    /** @return the 1, 5 and 15-minute load averages, e.g. {@code "load average 7.9 8.1 7.7"} */
    public static String loadAverage() {
        List<String> lines = lines("/proc/loadavg");
        if (lines.isEmpty()) {
            return "load average n/a";
        }
        String[] f = lines.get(0).split("\\s+");
        return "load average " + f[0] + " " + f[1] + " " + f[2];
    }

    private static String cpuModel() {
        for (String line : lines("/proc/cpuinfo")) {
            if (line.startsWith("model name")) {
                return line.substring(line.indexOf(':') + 1).trim();
            }
        }
        return System.getProperty("os.arch");
    }

    private static String memTotal() {
        for (String line : lines("/proc/meminfo")) {
            if (line.startsWith("MemTotal:")) {
                long kib = Long.parseLong(line.replaceAll("[^0-9]", ""));
                return String.format(Locale.ROOT, "%.1f GiB", kib / 1024.0 / 1024.0);
            }
        }
        return "unknown";
    }

    /**
     * The CPU counters of {@code /proc/stat}: total and steal jiffies, to report how much of the run the
     * hypervisor took away.
     *
     * @return {total, steal}, or zeros when unreadable
     */
    public static long[] cpuTicks() {
        for (String line : lines("/proc/stat")) {
            if (line.startsWith("cpu ")) {
                String[] f = line.trim().split("\\s+");
                long total = 0;
                for (int i = 1; i < f.length; i++) {
                    total += Long.parseLong(f[i]);
                }
                long steal = f.length > 8 ? Long.parseLong(f[8]) : 0;
                return new long[] {total, steal};
            }
        }
        return new long[] {0, 0};
    }

    /**
     * The share of CPU time stolen between two readings of {@link #cpuTicks()}.
     *
     * @param before the first reading
     * @param after the second reading
     * @return e.g. {@code "CPU steal 3.1 %, load average 2.0 1.9 1.5"}
     */
    public static String steal(long[] before, long[] after) {
        long total = after[0] - before[0];
        if (total <= 0) {
            return "CPU steal n/a, " + loadAverage();
        }
        return String.format(Locale.ROOT, "CPU steal %.1f %%, %s", 100.0 * (after[1] - before[1]) / total,
                loadAverage());
    }

    private static List<String> lines(String file) {
        try {
            return Files.readAllLines(Path.of(file));
        } catch (IOException | RuntimeException e) {
            return List.of();
        }
    }
}
