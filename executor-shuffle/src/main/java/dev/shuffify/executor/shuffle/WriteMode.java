package dev.shuffify.executor.shuffle;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/** How a shuffle writes its new order back. */
enum WriteMode {
    /** One replace of the first 100 tracks, then appends of 100: the fewest calls; added dates are reset. */
    REPLACE,
    /** Moves tracks in place (N − LIS tracks, at most as many calls); every track keeps its added date. */
    REORDER;

    /** The parameter value, e.g. {@code replace}. */
    String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Every parameter value, in declaration order. */
    static List<String> wireNames() {
        return Arrays.stream(values()).map(WriteMode::wireName).toList();
    }

    /**
     * The mode of a parameter value.
     *
     * @param value a value checked against {@link #wireNames()}
     * @return the mode
     */
    static WriteMode of(String value) {
        return valueOf(value.toUpperCase(Locale.ROOT));
    }
}
