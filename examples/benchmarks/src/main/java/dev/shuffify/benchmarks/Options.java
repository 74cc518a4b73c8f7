package dev.shuffify.benchmarks;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.HashMap;
import java.util.Map;

/**
 * Command-line options shared by the benchmarks: {@code --quick} (a short pass with small sizes),
 * {@code --out FILE} (also append the report to FILE) and {@code --name=value} settings.
 */
public final class Options {
    private final boolean quick;
    private final Path out;
    private final Map<String, String> values;

    private Options(boolean quick, Path out, Map<String, String> values) {
        this.quick = quick;
        this.out = out;
        this.values = values;
    }

    /**
     * Parses arguments.
     *
     * @param args the arguments
     * @return the options
     */
    public static Options parse(String... args) {
        boolean quick = false;
        Path out = null;
        Map<String, String> values = new HashMap<>();
        for (int i = 0; i < args.length; i++) {
            String a = args[i];
            if (a.equals("--quick")) {
                quick = true;
            } else if (a.equals("--out") && i + 1 < args.length) {
                out = Path.of(args[++i]);
            } else if (a.startsWith("--") && a.contains("=")) {
                values.put(a.substring(2, a.indexOf('=')), a.substring(a.indexOf('=') + 1));
            } else {
                throw new IllegalArgumentException("unknown argument '" + a
                        + "'; allowed: --quick, --out FILE, --name=value");
            }
        }
        return new Options(quick, out, values);
    }

    /** @return whether this is the short pass */
    public boolean quick() {
        return quick;
    }

    /**
     * A setting.
     *
     * @param name its name
     * @param fallback the value when absent
     * @return the value
     */
    public String get(String name, String fallback) {
        return values.getOrDefault(name, fallback);
    }

    /**
     * An integer setting.
     *
     * @param name its name
     * @param fallback the value when absent
     * @return the value
     */
    public int getInt(String name, int fallback) {
        return values.containsKey(name) ? Integer.parseInt(values.get(name)) : fallback;
    }

    /**
     * Prints text and appends it to the {@code --out} file, if any.
     *
     * @param text the text
     */
    public void report(String text) {
        System.out.println(text);
        System.out.flush();
        if (out != null) {
            try {
                if (out.getParent() != null) {
                    Files.createDirectories(out.getParent());
                }
                Files.writeString(out, text + "\n", StandardCharsets.UTF_8, StandardOpenOption.CREATE,
                        StandardOpenOption.APPEND);
            } catch (IOException e) {
                throw new UncheckedIOException("could not write " + out, e);
            }
        }
    }
}
