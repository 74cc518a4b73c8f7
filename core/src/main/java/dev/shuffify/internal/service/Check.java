package dev.shuffify.internal.service;

import dev.shuffify.error.ValidationException;
import dev.shuffify.error.ValidationException.FieldError;
import dev.shuffify.model.JobSpec;
import dev.shuffify.model.PlaylistRef;
import dev.shuffify.model.ScheduleDefinition;
import dev.shuffify.model.Trigger;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The one home of the services' boundary rules: what a user id, an id, a name, a uri and a limit may be, and
 * how names are normalised. Every check runs before any store or music-service call, and refuses with a
 * {@link ValidationException} naming the parameter. The length limits are the column sizes of the JDBC schema
 * ({@code dev/shuffify/jdbc/&#42;/V1__core_tables.sql}), so the in-memory store refuses what the JDBC store would.
 */
public final class Check {
    /** {@code VARCHAR(200)}: every id, {@code user_id}, {@code playlist_id}, {@code job_type}, {@code target_id}. */
    public static final int ID_LENGTH = 200;
    /** {@code VARCHAR(1000)}: {@code target_name}, {@code playlist_name}. */
    public static final int NAME_LENGTH = 1000;
    /** {@code VARCHAR(500)}: {@code shuffify_pins.uri}. */
    public static final int URI_LENGTH = 500;
    /** {@code VARCHAR(200)}: {@code cron_expression}. */
    public static final int CRON_LENGTH = 200;
    /** {@code VARCHAR(100)}: {@code cron_zone}. */
    public static final int ZONE_LENGTH = 100;
    /** The most entries one listing returns. */
    public static final int MAX_LIMIT = 10_000;
    /** How many characters of an input a message quotes. */
    public static final int QUOTE_LENGTH = 64;

    /** The uris a pin may name: a track, an episode, or a local file (all three are playlist entries). */
    private static final Pattern PIN_URI = Pattern.compile("spotify:(track|episode):[A-Za-z0-9]+|spotify:local:\\S.*");
    /** A long quotation: opened by a quote that does not follow a letter or digit (an apostrophe does). */
    private static final Pattern QUOTED = Pattern.compile("(?<![\\p{L}\\p{N}])'([^']{" + (QUOTE_LENGTH + 1)
            + ",})'");

    private Check() {
    }

    /**
     * A user id: present, not blank, at most {@value #ID_LENGTH} characters. Not normalised (ids are the host's).
     *
     * @param userId the value
     * @return the value
     */
    public static String userId(String userId) {
        return required("userId", userId, ID_LENGTH);
    }

    /**
     * An id (schedule, snapshot, pin, playlist): present, not blank, at most {@value #ID_LENGTH} characters.
     *
     * @param field the parameter's name
     * @param value the value
     * @return the value
     */
    public static String id(String field, String value) {
        return required(field, value, ID_LENGTH);
    }

    /**
     * A value that must be present.
     *
     * @param field the parameter's name
     * @param value the value
     * @param <T> its type
     * @return the value
     */
    public static <T> T present(String field, T value) {
        if (value == null) {
            throw new ValidationException(field, "is required");
        }
        return value;
    }

    /**
     * A text that must be present, not blank and at most {@code max} characters.
     *
     * @param field the parameter's name
     * @param value the value
     * @param max the most characters
     * @return the value
     */
    public static String required(String field, String value, int max) {
        present(field, value);
        if (value.isBlank()) {
            throw new ValidationException(field, "must not be blank");
        }
        return atMost(field, value, max);
    }

    /**
     * A text of at most {@code max} characters (null passes).
     *
     * @param field the parameter's name
     * @param value the value
     * @param max the most characters
     * @return the value
     */
    public static String atMost(String field, String value, int max) {
        if (value != null && value.length() > max) {
            throw new ValidationException(field, "must be at most " + max + " characters, was " + value.length()
                    + " (" + quote(value) + ")");
        }
        return value;
    }

    /**
     * How many entries a listing returns: 1 to {@value #MAX_LIMIT}.
     *
     * @param limit the value
     * @return the value
     */
    public static int limit(int limit) {
        return range("limit", limit, 1, MAX_LIMIT);
    }

    /**
     * A whole number within {@code min..max}.
     *
     * @param field the parameter's name
     * @param value the value
     * @param min the least allowed
     * @param max the most allowed
     * @return the value
     */
    public static int range(String field, int value, int min, int max) {
        if (value < min || value > max) {
            throw new ValidationException(field, "must be between " + min + " and " + max + ", was " + value);
        }
        return value;
    }

    /**
     * The uri of a pinned entry: {@code spotify:track:<id>}, {@code spotify:episode:<id>} or a
     * {@code spotify:local:} file, at most {@value #URI_LENGTH} characters.
     *
     * @param value the value
     * @return the value
     */
    public static String pinUri(String value) {
        required("uri", value, URI_LENGTH);
        if (!PIN_URI.matcher(value).matches()) {
            throw new ValidationException("uri", quote(value) + " is not a track: expected spotify:track:<id>, "
                    + "spotify:episode:<id> or a spotify:local: file");
        }
        return value;
    }

    /**
     * A job type or chain, normalised: each {@code +}-separated step trimmed and lower-cased (job type ids are
     * lower-case, so matching is case-insensitive), at most {@value #ID_LENGTH} characters.
     *
     * @param type the value
     * @param known the accepted names, for the message when none is given
     * @return the normalised type
     */
    public static String jobType(String type, List<String> known) {
        if (type == null || type.isBlank()) {
            throw new ValidationException("job.type", "is required; known: "
                    + (known.isEmpty() ? "none (no job type plugin on the class path)" : String.join(", ", known)));
        }
        atMost("job.type", type, ID_LENGTH);
        String normal = Arrays.stream(type.split("\\+", -1)).map(s -> s.trim().toLowerCase(Locale.ROOT))
                .collect(Collectors.joining("+"));
        if (Arrays.stream(normal.split("\\+", -1)).anyMatch(String::isEmpty)) {
            throw new ValidationException("job.type", quote(type) + " has an empty step");
        }
        return normal;
    }

    /**
     * A definition checked for what the store would refuse, with its names normalised: the job type (see
     * {@link #jobType}), the target (id present, name trimmed and not empty), the column lengths.
     *
     * @param definition the value
     * @param knownTypes the accepted job type names, for the message when none is given
     * @return the normalised definition
     */
    public static ScheduleDefinition definition(ScheduleDefinition definition, List<String> knownTypes) {
        present("definition", definition);
        JobSpec job = definition.job();
        String type = jobType(job.type(), knownTypes);
        PlaylistRef target = job.target();
        if (target != null) {
            String id = required("job.target.id", target.id(), ID_LENGTH).trim();
            String name = required("job.target.name", target.name(), NAME_LENGTH).trim();
            target = new PlaylistRef(id, name);
        }
        if (definition.trigger() instanceof Trigger.Cron cron) {
            atMost("trigger.expression", cron.expression(), CRON_LENGTH);
            atMost("trigger.zone", cron.zone().getId(), ZONE_LENGTH);
        }
        JobSpec normal = new JobSpec(type, target, job.sources(), job.algorithm(), job.algorithmParams(),
                job.params());
        return new ScheduleDefinition(normal, definition.trigger(), definition.enabled(), definition.verifyWrites(),
                definition.misfirePolicy());
    }

    /**
     * An input as a message quotes it: in single quotes, cut to {@value #QUOTE_LENGTH} characters and "…".
     *
     * @param value the input
     * @return the quotation
     */
    public static String quote(String value) {
        if (value == null) {
            return "null";
        }
        return "'" + (value.length() > QUOTE_LENGTH ? value.substring(0, QUOTE_LENGTH) + "…" : value) + "'";
    }

    /**
     * The same exception with every quoted input longer than {@value #QUOTE_LENGTH} characters cut (the
     * plugins' checks quote what they refuse; a message never echoes a long input whole).
     *
     * @param e the exception
     * @return {@code e} itself when nothing was cut, else a copy with the same fields
     */
    public static ValidationException bounded(ValidationException e) {
        List<FieldError> errors = e.errors().stream()
                .map(err -> new FieldError(err.field(), boundQuotes(err.message()))).toList();
        if (errors.equals(e.errors())) {
            return e;
        }
        ValidationException copy = new ValidationException(errors);
        copy.setStackTrace(e.getStackTrace());
        return copy;
    }

    private static String boundQuotes(String message) {
        Matcher m = QUOTED.matcher(message);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            m.appendReplacement(out, Matcher.quoteReplacement(quote(m.group(1))));
        }
        m.appendTail(out);
        String text = out.toString();
        int max = 4 * NAME_LENGTH;
        return text.length() > max ? text.substring(0, max) + "…" : text;
    }
}
