package dev.shuffify.executor.raid.discovery;

import dev.shuffify.error.ValidationException;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the ways a user names a catalogue item — a bare id, a {@code spotify:} uri or an
 * {@code open.spotify.com} link — and returns the bare id.
 *
 * <p>Accepted, for a playlist {@code 37i9dQZF1DXcBWIGoYBM5M}:
 * <ul>
 * <li>{@code 37i9dQZF1DXcBWIGoYBM5M}</li>
 * <li>{@code spotify:playlist:37i9dQZF1DXcBWIGoYBM5M} (and the older {@code spotify:user:<user>:playlist:<id>})</li>
 * <li>{@code https://open.spotify.com/playlist/37i9dQZF1DXcBWIGoYBM5M?si=abc}, with or without the scheme, with
 * a locale segment ({@code /intl-de/}), an {@code /embed/} segment or the older {@code /user/<user>/} prefix</li>
 * </ul>
 * Surrounding white space is ignored. Short links ({@code spotify.link/…}) need a network call to resolve and
 * are rejected with a hint to paste the full link.
 *
 * <pre>{@code
 * String id = CatalogLinks.id("https://open.spotify.com/album/4aawyAB9vmqN3uQ7FjRGTy?si=x", "album",
 *         "argument"); // "4aawyAB9vmqN3uQ7FjRGTy"
 * }</pre>
 *
 * @since 0.1.0
 */
public final class CatalogLinks {
    /** The item kinds this class understands. */
    public static final Set<String> KINDS = Set.of("playlist", "track", "album", "artist", "episode", "show");

    private static final Pattern BARE_ID = Pattern.compile("[A-Za-z0-9_-]{1,100}");
    private static final Pattern URI = Pattern.compile(
            "spotify:(?:user:[^:\\s]+:)?([a-z]+):([A-Za-z0-9_-]{1,100})");
    private static final Pattern LINK = Pattern.compile(
            "(?:https?://)?(?:open|play)\\.spotify\\.com/(?:intl-[A-Za-z-]+/)?(?:embed/)?(?:user/[^/\\s?#]+/)?"
                    + "([a-z]+)/([A-Za-z0-9_-]{1,100})/?(?:[?#].*)?",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern SHORT_LINK = Pattern.compile("(?:https?://)?spotify\\.link/.*",
            Pattern.CASE_INSENSITIVE);

    private CatalogLinks() {
    }

    /**
     * The bare id of an item of the given kind, or empty when the input is not one.
     *
     * @param input an id, uri or link; may be null
     * @param kind the expected kind, one of {@link #KINDS}
     * @return the id, or empty when the input is blank, malformed or names another kind of item
     */
    public static Optional<String> tryId(String input, String kind) {
        Parsed parsed = parse(input);
        if (parsed == null || (parsed.kind != null && !parsed.kind.equals(kind))) {
            return Optional.empty();
        }
        return Optional.of(parsed.id);
    }

    /**
     * The bare id of an item of the given kind.
     *
     * @param input an id, uri or link; may be null
     * @param kind the expected kind, one of {@link #KINDS}
     * @param field the field path named in the error, e.g. {@code argument}
     * @return the id
     * @throws ValidationException naming {@code field}, saying what was wrong and which forms are accepted
     */
    public static String id(String input, String kind, String field) {
        requireKnownKind(kind);
        if (input == null || input.isBlank()) {
            throw new ValidationException(field, "is required: " + accepted(kind));
        }
        String trimmed = input.trim();
        if (SHORT_LINK.matcher(trimmed).matches()) {
            throw new ValidationException(field, "'" + trimmed + "' is a short link, which cannot be resolved "
                    + "here; open it and paste the open.spotify.com link instead. Accepted: " + accepted(kind));
        }
        Parsed parsed = parse(trimmed);
        if (parsed == null) {
            throw new ValidationException(field, "'" + trimmed + "' is not " + accepted(kind));
        }
        if (parsed.kind != null && !parsed.kind.equals(kind)) {
            throw new ValidationException(field, "'" + trimmed + "' names " + article(parsed.kind) + " "
                    + parsed.kind + ", not " + article(kind) + " " + kind + "; expected " + accepted(kind));
        }
        return parsed.id;
    }

    /**
     * The uri of an item of the given kind, e.g. {@code spotify:track:<id>}.
     *
     * @param input an id, uri or link; may be null
     * @param kind the expected kind, one of {@link #KINDS}
     * @param field the field path named in the error
     * @return the uri
     * @throws ValidationException as {@link #id(String, String, String)}
     */
    public static String uri(String input, String kind, String field) {
        return "spotify:" + kind + ":" + id(input, kind, field);
    }

    /**
     * Describes the accepted forms for error messages, e.g. {@code a playlist id, a spotify:playlist:… uri or
     * an https://open.spotify.com/playlist/… link}.
     *
     * @param kind the kind
     * @return never null
     */
    public static String accepted(String kind) {
        return article(kind) + " " + kind + " id, a spotify:" + kind + ":… uri or an https://open.spotify.com/"
                + kind + "/… link";
    }

    private static void requireKnownKind(String kind) {
        if (!KINDS.contains(kind)) {
            throw new IllegalArgumentException("unknown catalogue kind '" + kind + "'; known: " + KINDS);
        }
    }

    private static String article(String kind) {
        return "aeiou".indexOf(kind.charAt(0)) >= 0 ? "an" : "a";
    }

    /** A parsed reference; {@code kind} is null for a bare id. */
    private record Parsed(String kind, String id) {
    }

    private static Parsed parse(String input) {
        if (input == null) {
            return null;
        }
        String s = input.trim();
        if (BARE_ID.matcher(s).matches()) {
            return new Parsed(null, s);
        }
        Matcher uri = URI.matcher(s);
        if (uri.matches()) {
            return new Parsed(uri.group(1), uri.group(2));
        }
        Matcher link = LINK.matcher(s);
        if (link.matches()) {
            return new Parsed(link.group(1).toLowerCase(Locale.ROOT), link.group(2));
        }
        return null;
    }
}
