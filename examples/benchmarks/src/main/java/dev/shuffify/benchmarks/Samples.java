package dev.shuffify.benchmarks;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;

/** Repeated measurements of one quantity, reported as median with min–max. */
public final class Samples {
    private final List<Double> values = new ArrayList<>();

    /**
     * Adds a measurement.
     *
     * @param value the value
     * @return this
     */
    public Samples add(double value) {
        values.add(value);
        return this;
    }

    /** @return how many measurements */
    public int count() {
        return values.size();
    }

    /** @return the measurements, in the order they were taken */
    public List<Double> values() {
        return List.copyOf(values);
    }

    /** @return the median (mean of the two middle values for an even count); NaN when empty */
    public double median() {
        if (values.isEmpty()) {
            return Double.NaN;
        }
        List<Double> sorted = sorted();
        int n = sorted.size();
        return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
    }

    /** @return the smallest value; NaN when empty */
    public double min() {
        return values.isEmpty() ? Double.NaN : Collections.min(values);
    }

    /** @return the largest value; NaN when empty */
    public double max() {
        return values.isEmpty() ? Double.NaN : Collections.max(values);
    }

    /**
     * Formats as {@code median (min–max)}.
     *
     * @param format the format of each number, e.g. {@code %.2f}
     * @return the text
     */
    public String format(String format) {
        return String.format(Locale.ROOT, format + " (" + format + "–" + format + ")", median(), min(), max());
    }

    private List<Double> sorted() {
        List<Double> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        return sorted;
    }
}
