package dev.shuffify.model;

import com.cronutils.model.CronType;
import com.cronutils.model.definition.CronDefinitionBuilder;
import com.cronutils.model.time.ExecutionTime;
import com.cronutils.parser.CronParser;
import dev.shuffify.error.ValidationException;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.zone.ZoneOffsetTransition;
import java.time.zone.ZoneRules;
import java.util.ArrayList;
import java.util.List;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * When a schedule runs: every fixed interval, or on a cron expression in a time zone.
 *
 * <pre>{@code
 * Trigger.named("daily");                          // every 24 hours
 * Trigger.every(Duration.ofMinutes(30));           // every 30 minutes
 * Trigger.cron("30 2 * * 1-5", ZoneId.of("Europe/Paris")); // 02:30 Paris time on weekdays
 * }</pre>
 *
 * @since 0.1.0
 */
public sealed interface Trigger permits Trigger.Interval, Trigger.Cron {

    /** The named interval values and their lengths, in the order they are documented. */
    Map<String, Duration> NAMED_INTERVALS = namedIntervals();

    /**
     * The first run time strictly after {@code after}.
     *
     * @param after a point in time
     * @return the next run time, or empty when the trigger never fires again
     */
    Optional<Instant> nextAfter(Instant after);

    /**
     * A short human-readable description, e.g. {@code every 6h} or {@code cron '0 6 * * *' Europe/Paris}.
     *
     * @return never null
     */
    String describe();

    /**
     * A named interval: one of {@link #NAMED_INTERVALS} ({@code hourly, every_6h, every_12h, daily, every_3d,
     * weekly}).
     *
     * @param name the name, case-insensitive
     * @return the trigger
     * @throws ValidationException naming {@code trigger.interval} and the allowed names
     */
    static Interval named(String name) {
        String key = name == null ? "" : name.trim().toLowerCase(Locale.ROOT);
        Duration every = NAMED_INTERVALS.get(key);
        if (every == null) {
            throw new ValidationException("trigger.interval",
                    "unknown interval '" + name + "'; allowed: " + String.join(", ", NAMED_INTERVALS.keySet())
                            + ", or every N minutes/hours/days");
        }
        return new Interval(key, every);
    }

    /**
     * Every {@code every}, which must be whole minutes and at least one minute.
     *
     * @param every the interval
     * @return the trigger
     * @throws ValidationException naming {@code trigger.interval}
     */
    static Interval every(Duration every) {
        return new Interval(null, every);
    }

    /**
     * A five-field Unix cron expression (minute hour day-of-month month day-of-week; day-of-week 0 or 7 is
     * Sunday, 1 is Monday) evaluated in {@code zone}.
     *
     * @param expression the expression
     * @param zone the zone; never null
     * @return the trigger
     * @throws ValidationException naming {@code trigger.expression} (also when the expression matches no date,
     *     such as {@code 0 4 31 2 *}) or {@code trigger.zone}
     */
    static Cron cron(String expression, ZoneId zone) {
        return new Cron(expression, zone);
    }

    /**
     * A cron trigger with the zone given by id.
     *
     * @param expression the expression
     * @param zoneId a zone id such as {@code Europe/Paris} or {@code UTC}
     * @return the trigger
     * @throws ValidationException naming {@code trigger.zone} when the zone is unknown
     */
    static Cron cron(String expression, String zoneId) {
        ZoneId zone;
        try {
            zone = ZoneId.of(Objects.requireNonNullElse(zoneId, ""));
        } catch (DateTimeException e) {
            throw new ValidationException("trigger.zone", "unknown time zone '" + zoneId
                    + "'; use a region id such as Europe/Paris or UTC");
        }
        return new Cron(expression, zone);
    }

    /**
     * A fixed interval.
     *
     * @param name the named value this came from ({@code daily} …), or null for a custom interval
     * @param every the length; whole minutes, at least one minute
     */
    record Interval(String name, Duration every) implements Trigger {
        /**
         * Validates the length.
         *
         * @param name the named value this came from ({@code daily} …), or null for a custom interval
         * @param every the length; whole minutes, at least one minute
         */
        public Interval {
            if (every == null || every.compareTo(Duration.ofMinutes(1)) < 0 || every.toSeconds() % 60 != 0) {
                throw new ValidationException("trigger.interval",
                        "an interval must be whole minutes and at least 1 minute, was " + every);
            }
            if (name != null && !every.equals(NAMED_INTERVALS.get(name))) {
                throw new ValidationException("trigger.interval", "interval name '" + name + "' does not match its "
                        + "length " + every + "; allowed names: " + String.join(", ", NAMED_INTERVALS.keySet())
                        + ", or no name");
            }
        }

        @Override
        public Optional<Instant> nextAfter(Instant after) {
            return Optional.of(after.plus(every));
        }

        @Override
        public String describe() {
            if (name != null) {
                return name;
            }
            long minutes = every.toMinutes();
            if (minutes % (60 * 24) == 0) {
                return "every " + minutes / (60 * 24) + "d";
            }
            if (minutes % 60 == 0) {
                return "every " + minutes / 60 + "h";
            }
            return "every " + minutes + "m";
        }
    }

    /**
     * A cron expression in a time zone.
     *
     * <p>The fields are matched against the zone's wall-clock time. Around daylight-saving changes:
     * <ul>
     *   <li>a time that does not exist (spring forward, e.g. 02:30 when clocks jump from 02:00 to 03:00) runs
     *       once, shifted forward by the length of the gap (03:30);</li>
     *   <li>a time that occurs twice (fall back) runs once, at its first occurrence, unless the hour field is
     *       {@code *} or {@code *}/n: a job that runs every hour (or every few minutes) runs in both
     *       occurrences of the repeated hour, so it keeps its real-time rhythm.</li>
     * </ul>
     * So a daily 02:30 job runs exactly once on both DST days.
     *
     * @param expression five Unix cron fields
     * @param zone the zone the fields are read in
     */
    record Cron(String expression, ZoneId zone) implements Trigger {
        private static final CronParser PARSER =
                new CronParser(CronDefinitionBuilder.instanceDefinitionFor(CronType.UNIX));
        /** A bound on the matches inspected for one next time (a minute-level cron near an overlap needs ~180). */
        private static final int MAX_STEPS = 5000;
        private static final Duration TRANSITION_SEARCH = Duration.ofHours(6);

        /**
         * Parses the expression and checks that it matches some date, so a stored trigger is always valid and
         * always fires again.
         *
         * @param expression five Unix cron fields
         * @param zone the zone the fields are read in
         */
        public Cron {
            if (zone == null) {
                throw new ValidationException("trigger.zone", "a cron trigger needs a time zone, e.g. UTC");
            }
            if (expression == null || expression.isBlank()) {
                throw new ValidationException("trigger.expression",
                        "a cron trigger needs five fields: minute hour day-of-month month day-of-week");
            }
            expression = expression.trim().replaceAll("\\s+", " ");
            if (expression.split(" ").length != 5) {
                throw new ValidationException("trigger.expression", "'" + expression
                        + "' must have exactly five fields: minute hour day-of-month month day-of-week");
            }
            com.cronutils.model.Cron parsed;
            try {
                parsed = PARSER.parse(expression).validate();
            } catch (IllegalArgumentException e) {
                throw new ValidationException("trigger.expression",
                        "'" + expression + "' is not a valid cron expression: " + e.getMessage());
            }
            // the fields repeat every calendar year; the latest first match from 1 January of a leap year is
            // 29 February, so a match that exists at all is found within these eight years (two leap years)
            ZonedDateTime from = ZonedDateTime.of(2000, 1, 1, 0, 0, 0, 0, ZoneOffset.UTC);
            if (ExecutionTime.forCron(parsed).nextExecution(from).filter(t -> t.isBefore(from.plusYears(8)))
                    .isEmpty()) {
                throw new ValidationException("trigger.expression", "'" + expression + "' never fires: no date "
                        + "matches its day of month and month (February has at most 29 days; April, June, September "
                        + "and November have 30)");
            }
        }

        @Override
        public Optional<Instant> nextAfter(Instant after) {
            // cron fields are matched in wall-clock time (evaluated in UTC, which has no DST), then each wall-clock
            // match is mapped to the instants it denotes in the zone
            ExecutionTime time = ExecutionTime.forCron(PARSER.parse(expression));
            ZoneRules rules = zone.getRules();
            Duration window = overlapNear(rules, after);
            LocalDateTime local = LocalDateTime.ofInstant(after, zone);
            LocalDateTime horizon = local.plus(window);
            ZonedDateTime cursor = local.minus(window).atZone(ZoneOffset.UTC);
            boolean everyHour = expression.split(" ")[1].startsWith("*");
            Instant best = null;
            for (int step = 0; step < MAX_STEPS; step++) {
                Optional<ZonedDateTime> next = time.nextExecution(cursor);
                if (next.isEmpty()) {
                    break;
                }
                LocalDateTime match = next.get().toLocalDateTime();
                for (Instant candidate : instants(rules, match, everyHour)) {
                    if (candidate.isAfter(after) && (best == null || candidate.isBefore(best))) {
                        best = candidate;
                    }
                }
                if (best != null && !match.isBefore(horizon)) {
                    break;
                }
                cursor = next.get();
            }
            return Optional.ofNullable(best);
        }

        /** The instants a wall-clock time denotes: one, none shifted past a gap, or both sides of an overlap. */
        private List<Instant> instants(ZoneRules rules, LocalDateTime match, boolean everyHour) {
            List<ZoneOffset> offsets = rules.getValidOffsets(match);
            if (offsets.size() == 1) {
                return List.of(match.toInstant(offsets.get(0)));
            }
            if (offsets.isEmpty()) {
                return List.of(ZonedDateTime.ofLocal(match, zone, null).toInstant());
            }
            List<Instant> both = new ArrayList<>();
            both.add(match.toInstant(offsets.get(0)));
            if (everyHour) {
                both.add(match.toInstant(offsets.get(1)));
            }
            return both;
        }

        /** How far to look back in wall-clock time: the length of a fall-back overlap near {@code at}, else 0. */
        private static Duration overlapNear(ZoneRules rules, Instant at) {
            Duration window = Duration.ZERO;
            ZoneOffsetTransition t = rules.nextTransition(at.minus(TRANSITION_SEARCH));
            while (t != null && !t.getInstant().isAfter(at.plus(TRANSITION_SEARCH))) {
                if (t.isOverlap() && t.getDuration().abs().compareTo(window) > 0) {
                    window = t.getDuration().abs();
                }
                t = rules.nextTransition(t.getInstant());
            }
            return window;
        }

        @Override
        public String describe() {
            return "cron '" + expression + "' " + zone.getId();
        }
    }

    private static Map<String, Duration> namedIntervals() {
        Map<String, Duration> map = new LinkedHashMap<>();
        map.put("hourly", Duration.ofHours(1));
        map.put("every_6h", Duration.ofHours(6));
        map.put("every_12h", Duration.ofHours(12));
        map.put("daily", Duration.ofDays(1));
        map.put("every_3d", Duration.ofDays(3));
        map.put("weekly", Duration.ofDays(7));
        return java.util.Collections.unmodifiableMap(map);
    }
}
