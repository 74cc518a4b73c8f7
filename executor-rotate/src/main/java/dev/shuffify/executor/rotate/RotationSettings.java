package dev.shuffify.executor.rotate;

import dev.shuffify.error.JobExecutionException;
import dev.shuffify.error.ValidationException;
import dev.shuffify.spi.Params;
import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * The parameters of one rotation as the executor applies them at execution time: a missing mode is
 * {@code archive_oldest}, a missing count is 5 and a count below 1 becomes 1 (schedule creation rejects both,
 * but a stored schedule may predate that check).
 *
 * @param mode the rotation mode
 * @param count the requested number of tracks, at least 1 (clamped to the production size later)
 * @param returnOrder which archived tracks a swap brings back first
 * @param targetSize the production size a swap keeps; null for none
 * @param protectCount how many tracks at the top of production are never rotated out
 */
record RotationSettings(Mode mode, int count, ReturnOrder returnOrder, Integer targetSize, int protectCount) {

    /** The default {@code rotation_count}. */
    static final int DEFAULT_COUNT = 5;

    /** The rotation modes. */
    enum Mode {
        /** Move the N oldest production tracks to the archive. */
        ARCHIVE_OLDEST,
        /** Replace the N oldest production tracks with the N newest archive tracks (copied). */
        REFRESH,
        /** Exchange N production tracks with N archive tracks. */
        SWAP;

        String wireName() {
            return name().toLowerCase(Locale.ROOT);
        }

        static String allowed() {
            return Arrays.stream(values()).map(Mode::wireName).collect(Collectors.joining(", "));
        }

        static Mode parse(String value) {
            for (Mode m : values()) {
                if (m.wireName().equalsIgnoreCase(value.trim())) {
                    return m;
                }
            }
            throw new JobExecutionException("rotation_mode '" + value + "' is not one of " + allowed()
                    + "; edit the schedule");
        }
    }

    /** Which archived tracks a swap brings back first. */
    enum ReturnOrder {
        /** The track that has waited in the archive longest (a queue: every track comes back in turn). */
        LONGEST_ARCHIVED,
        /** The track archived most recently (a stack: the same few tracks bounce). */
        MOST_RECENTLY_ARCHIVED;

        String wireName() {
            return name().toLowerCase(Locale.ROOT);
        }

        static String allowed() {
            return Arrays.stream(values()).map(ReturnOrder::wireName).collect(Collectors.joining(", "));
        }

        static ReturnOrder parse(String value) {
            for (ReturnOrder o : values()) {
                if (o.wireName().equalsIgnoreCase(value.trim())) {
                    return o;
                }
            }
            throw new JobExecutionException("return_order '" + value + "' is not one of " + allowed()
                    + "; edit the schedule");
        }
    }

    /** Validates. */
    RotationSettings {
        if (mode == null || returnOrder == null) {
            throw new IllegalArgumentException("mode and return order are required");
        }
        if (count < 1 || protectCount < 0 || (targetSize != null && targetSize < 1)) {
            throw new IllegalArgumentException("count " + count + ", protectCount " + protectCount
                    + ", targetSize " + targetSize);
        }
    }

    /**
     * Reads the settings of an execution, applying the execution-time defaults and clamps.
     *
     * @param params the job parameters (normally checked by the engine; raw values are tolerated)
     * @return the settings
     * @throws JobExecutionException when a value cannot be understood at all
     */
    static RotationSettings from(Params params) {
        Mode mode = params.getString(RotateExecutor.ROTATION_MODE).map(Mode::parse).orElse(Mode.ARCHIVE_OLDEST);
        int count = Math.max(1, integer(params, RotateExecutor.ROTATION_COUNT, DEFAULT_COUNT));
        ReturnOrder order = params.getString(RotateExecutor.RETURN_ORDER).map(ReturnOrder::parse)
                .orElse(ReturnOrder.LONGEST_ARCHIVED);
        Integer targetSize = params.has(RotateExecutor.TARGET_SIZE)
                ? integer(params, RotateExecutor.TARGET_SIZE, 1) : null;
        if (targetSize != null && targetSize < 1) {
            throw new JobExecutionException("target_size " + targetSize + " would empty production; it must be 1 "
                    + "or more; edit the schedule");
        }
        int protect = Math.max(0, integer(params, RotateExecutor.PROTECT_COUNT, 0));
        return new RotationSettings(mode, count, order, targetSize, protect);
    }

    private static int integer(Params params, String name, int fallback) {
        if (!params.has(name)) {
            return fallback;
        }
        try {
            return params.getInt(name);
        } catch (NumberFormatException | ValidationException e) {
            throw new JobExecutionException(name + " '" + params.asMap().get(name)
                    + "' is not a whole number; edit the schedule");
        }
    }
}
