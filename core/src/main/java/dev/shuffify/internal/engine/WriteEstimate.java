package dev.shuffify.internal.engine;

import dev.shuffify.error.JobExecutionException;
import dev.shuffify.spi.PlaylistService;
import dev.shuffify.spi.RequestBudget;
import dev.shuffify.spi.WritePlan;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The estimate a job's writes get before the first of them (the one home of it, for every job type): the calls a
 * {@link WritePlan} needs, the least time they take at a {@link RequestBudget}, and the refusal of a plan that
 * cannot be done before the job's deadline.
 *
 * <p>The least time assumes the best the budget allows one job: a whole window's calls at once, then the steady
 * rate of the whole application's budget, so {@code max(0, calls − requests) × window ÷ requests}. A job that is
 * refused could not have finished even alone; one that is let through may still meet its deadline when other
 * jobs share the budget, or after a 429.
 */
final class WriteEstimate {
    private WriteEstimate() {
    }

    /** The calls one edit needs. */
    static int calls(WritePlan.Edit edit) {
        int n = edit.count();
        return switch (edit.kind()) {
            case ADD, REMOVE -> batches(n);
            case REPLACE -> Math.max(1, batches(n));
            case REORDER -> n;
        };
    }

    /** The calls a plan needs. */
    static int calls(WritePlan plan) {
        int calls = 0;
        for (WritePlan.Edit e : plan.edits()) {
            calls += calls(e);
        }
        return calls;
    }

    static int batches(int uris) {
        return (uris + PlaylistService.MAX_BATCH - 1) / PlaylistService.MAX_BATCH;
    }

    /** The least time {@code calls} take at the budget. */
    static Duration leastTime(int calls, RequestBudget budget) {
        long beyond = Math.max(0, (long) calls - budget.requests());
        long nanos = beyond * budget.window().toNanos();
        return Duration.ofNanos((nanos + budget.requests() - 1) / budget.requests());
    }

    /**
     * Refuses a plan that cannot be done before the deadline.
     *
     * @param job what runs, for the message (the job type)
     * @param plan the step's plan
     * @param heldCalls calls for appends still held that the plan does not carry
     * @param budget the service's budget
     * @param now the time now
     * @param callsMade write calls this execution already made
     * @return a line for the job's progress, or empty when there is no deadline or nothing to write
     * @throws JobExecutionException when the writes cannot be made in time
     */
    static Optional<String> check(String job, WritePlan plan, int heldCalls, RequestBudget budget, Instant now,
            int callsMade) {
        int calls = calls(plan) + heldCalls;
        Optional<Instant> deadline = budget.deadline();
        if (calls == 0 || deadline.isEmpty()) {
            return Optional.empty();
        }
        Duration least = leastTime(calls, budget);
        Duration left = Duration.between(now, deadline.get());
        String estimate = count(calls) + " write call" + (calls == 1 ? "" : "s") + " (" + describe(plan, heldCalls)
                + "), at least " + time(least) + " at the request budget of " + count(budget.requests()) + " calls per "
                + time(budget.window());
        if (least.compareTo(left) <= 0) {
            return Optional.of(job + ": " + estimate + "; " + timeLeft(left)
                    + " left before the job's deadline");
        }
        List<String> choices = new ArrayList<>();
        for (WritePlan.Alternative a : plan.alternatives()) {
            int alternativeCalls = calls(a.plan()) + heldCalls;
            Duration alternativeTime = leastTime(alternativeCalls, budget);
            if (alternativeTime.compareTo(left) <= 0) {
                choices.add(a.choice() + ": " + count(alternativeCalls) + " write call"
                        + (alternativeCalls == 1 ? "" : "s") + ", at least " + time(alternativeTime));
            }
        }
        Duration elapsed = Duration.between(budget.jobStart(), now);
        long neededMinutes = (elapsed.plus(least).toSeconds() + 59) / 60;
        choices.add("a job deadline of at least " + neededMinutes + " minutes"
                + (budget.deadlineSetting().isEmpty() ? "" : " (" + budget.deadlineSetting() + ")"));
        String before = callsMade == 0 ? " refused before writing anything"
                : " stopped before its remaining writes (" + count(callsMade) + " write call"
                        + (callsMade == 1 ? "" : "s") + " already made)";
        throw new JobExecutionException(job + before + ": its writes need " + estimate + ", longer than the "
                + timeLeft(left) + " left before the job's deadline of "
                + time(budget.jobDeadline()) + ". Choices: " + String.join("; or ", choices) + ".");
    }

    private static String describe(WritePlan plan, int heldCalls) {
        Map<WritePlan.Kind, int[]> byKind = new EnumMap<>(WritePlan.Kind.class); // [calls, uris]
        for (WritePlan.Edit e : plan.edits()) {
            int[] sum = byKind.computeIfAbsent(e.kind(), k -> new int[2]);
            sum[0] += calls(e);
            sum[1] += e.count();
        }
        List<String> parts = new ArrayList<>();
        byKind.forEach((kind, sum) -> {
            switch (kind) {
                case REORDER -> parts.add(count(sum[0]) + " reorder move" + (sum[0] == 1 ? "" : "s"));
                case REPLACE -> parts.add("a replace of " + count(sum[1]) + " tracks in " + count(sum[0])
                        + " call" + (sum[0] == 1 ? "" : "s"));
                case ADD -> parts.add(count(sum[1]) + " tracks added in " + count(sum[0]) + " call"
                        + (sum[0] == 1 ? "" : "s"));
                case REMOVE -> parts.add(count(sum[1]) + " tracks removed in " + count(sum[0]) + " call"
                        + (sum[0] == 1 ? "" : "s"));
            }
        });
        if (heldCalls > 0) {
            parts.add(count(heldCalls) + " call" + (heldCalls == 1 ? "" : "s") + " for tracks appended earlier");
        }
        return String.join(", ", parts);
    }

    /** {@code 4,859}. */
    static String count(long n) {
        return String.format(Locale.ROOT, "%,d", n);
    }

    /** {@code 15.7 minutes}, {@code 30 s}: rounded up (an estimate's least time, a window). */
    static String time(Duration d) {
        return time(d, true);
    }

    /** As {@link #time(Duration)}, rounded down (the time left). */
    static String timeLeft(Duration d) {
        return time(d.isNegative() ? Duration.ZERO : d, false);
    }

    private static String time(Duration d, boolean up) {
        long millis = d.toMillis();
        if (millis < 60_000) {
            long seconds = up ? (millis + 999) / 1000 : millis / 1000;
            return seconds + " s";
        }
        if (millis % 60_000 == 0) {
            long minutes = millis / 60_000;
            return minutes + (minutes == 1 ? " minute" : " minutes");
        }
        long tenths = up ? (millis + 5_999) / 6_000 : millis / 6_000;
        return String.format(Locale.ROOT, "%d.%d minutes", tenths / 10, tenths % 10);
    }
}
