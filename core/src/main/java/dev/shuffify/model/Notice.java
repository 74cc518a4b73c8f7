package dev.shuffify.model;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A machine-readable code beside the text of a warning or of the reason a job did nothing, e.g.
 * {@code all_tracks_pinned} with "every track of playlist 'mix' is pinned; nothing to shuffle".
 *
 * <p>Codes are the job type's: lower-case letters, digits and underscores, at most {@value #MAX_CODE_LENGTH}
 * characters, stable from release to release (a host may switch on them); the text is for people and may
 * change. A job reports them through {@link JobResult.Builder#warning(String, String)} and
 * {@link JobResult.Builder#skipped(String, String)}; they are read back from {@link JobResult#notices()},
 * {@link JobResult#skipReason()}, {@link Execution#notices()} and {@link Execution#skipReason()}.
 *
 * <p>They travel in the result's details, under {@value #NOTICES_KEY} (a list of {@code {code, message}}) and
 * {@value #SKIP_REASON_KEY} (one {@code {code, message}}); in a chain, a step's are under
 * {@code <step>.notices} and {@code <step>.skip_reason}. Every store keeps the details, so the codes need no
 * store of their own.
 *
 * @param code the code; lower-case letters, digits and underscores
 * @param message the text for people; never null
 * @since 0.2.0
 */
public record Notice(String code, String message) {
    /** The longest code. */
    public static final int MAX_CODE_LENGTH = 64;
    /** The details key of the coded warnings. */
    public static final String NOTICES_KEY = "notices";
    /** The details key of the reason a job did nothing. */
    public static final String SKIP_REASON_KEY = "skip_reason";
    private static final Pattern CODE = Pattern.compile("[a-z][a-z0-9_]*");

    /**
     * Validates.
     *
     * @param code the code; lower-case letters, digits and underscores
     * @param message the text for people; never null
     * @throws IllegalArgumentException when the code is malformed
     */
    public Notice {
        if (code == null || code.length() > MAX_CODE_LENGTH || !CODE.matcher(code).matches()) {
            throw new IllegalArgumentException("a notice code is a lower-case letter followed by lower-case "
                    + "letters, digits and underscores, at most " + MAX_CODE_LENGTH + " characters, was '"
                    + (code != null && code.length() > 80 ? code.substring(0, 80) + "…" : code) + "'");
        }
        Objects.requireNonNull(message, "message");
    }

    /** The notice as a details value. */
    Map<String, Object> toDetail() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("code", code);
        m.put("message", message);
        return m;
    }

    /** A details value read back: a map with a well-formed code, else empty. */
    static Optional<Notice> fromDetail(Object value) {
        if (value instanceof Map<?, ?> m && m.get("code") instanceof String c && m.get("message") != null) {
            try {
                return Optional.of(new Notice(c, String.valueOf(m.get("message"))));
            } catch (IllegalArgumentException e) {
                return Optional.empty();
            }
        }
        return Optional.empty();
    }

    /** Every coded warning in details: the job's own, then its steps' (in a chain), in order. */
    static List<Notice> noticesIn(Map<String, Object> details) {
        List<Notice> out = new ArrayList<>();
        details.forEach((key, value) -> {
            if ((key.equals(NOTICES_KEY) || key.endsWith("." + NOTICES_KEY)) && value instanceof Collection<?> c) {
                c.forEach(v -> fromDetail(v).ifPresent(out::add));
            }
        });
        return List.copyOf(out);
    }

    /** The job's reason for doing nothing, else the first of its steps' (in a chain). */
    static Optional<Notice> skipReasonIn(Map<String, Object> details) {
        Optional<Notice> own = fromDetail(details.get(SKIP_REASON_KEY));
        if (own.isPresent()) {
            return own;
        }
        for (Map.Entry<String, Object> e : details.entrySet()) {
            if (e.getKey().endsWith("." + SKIP_REASON_KEY)) {
                Optional<Notice> step = fromDetail(e.getValue());
                if (step.isPresent()) {
                    return step;
                }
            }
        }
        return Optional.empty();
    }
}
