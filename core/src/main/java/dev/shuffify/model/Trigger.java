package dev.shuffify.model;

import com.cronutils.model.CronType;
import com.cronutils.model.definition.CronDefinitionBuilder;
import com.cronutils.model.time.ExecutionTime;
import com.cronutils.parser.CronParser;
import dev.shuffify.ValidationException;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
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
     * @throws ValidationException naming {@code trigger.expression} or {@code trigger.zone}
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
        /** Validates the length. */
        public Interval {
            if (every == null || every.compareTo(Duration.ofMinutes(1)) < 0 || every.toSeconds() % 60 != 0) {
                throw new ValidationException("trigger.interval",
                        "an interval must be whole minutes and at least 1 minute, was " + every);
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
     * @param expression five Unix cron fields
     * @param zone the zone the fields are read in
     */
    record Cron(String expression, ZoneId zone) implements Trigger {
        private static final CronParser PARSER =
                new CronParser(CronDefinitionBuilder.instanceDefinitionFor(CronType.UNIX));

        /** Parses the expression, so a stored trigger is always valid. */
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
            try {
                PARSER.parse(expression).validate();
            } catch (IllegalArgumentException e) {
                throw new ValidationException("trigger.expression",
                        "'" + expression + "' is not a valid cron expression: " + e.getMessage());
            }
        }

        @Override
        public Optional<Instant> nextAfter(Instant after) {
            ExecutionTime time = ExecutionTime.forCron(PARSER.parse(expression));
            return time.nextExecution(ZonedDateTime.ofInstant(after, zone)).map(ZonedDateTime::toInstant);
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
