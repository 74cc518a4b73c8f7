package dev.shuffify.examples.spotify;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The Spotify application's credentials and the user's refresh token, read from the environment.
 * {@link #toString()} shows none of the secrets.
 *
 * @param clientId {@value #CLIENT_ID}
 * @param clientSecret {@value #CLIENT_SECRET}; never printed
 * @param refreshToken {@value #REFRESH_TOKEN}; never printed
 */
record SpotifyCredentials(String clientId, String clientSecret, String refreshToken) {

    /** The application's client id. */
    public static final String CLIENT_ID = "SPOTIFY_CLIENT_ID";
    /** The application's client secret. */
    public static final String CLIENT_SECRET = "SPOTIFY_CLIENT_SECRET";
    /** A refresh token of the user's login to that application. */
    public static final String REFRESH_TOKEN = "SPOTIFY_REFRESH_TOKEN";

    /** Every variable the demo needs, with what it is, in the order they are reported. */
    public static final Map<String, String> VARIABLES = variables();

    /**
     * The variables that are missing or blank.
     *
     * @param env the environment
     * @return their names, in the order of {@link #VARIABLES}; empty when all are set
     */
    public static List<String> missing(Map<String, String> env) {
        List<String> missing = new ArrayList<>();
        for (String name : VARIABLES.keySet()) {
            String value = env.get(name);
            if (value == null || value.isBlank()) {
                missing.add(name);
            }
        }
        return missing;
    }

    /**
     * Reads the credentials.
     *
     * @param env the environment
     * @return the credentials, trimmed
     * @throws IllegalStateException when one is missing (check {@link #missing(Map)} first)
     */
    public static SpotifyCredentials from(Map<String, String> env) {
        List<String> missing = missing(env);
        if (!missing.isEmpty()) {
            throw new IllegalStateException("missing environment variables: " + String.join(", ", missing));
        }
        return new SpotifyCredentials(env.get(CLIENT_ID).trim(), env.get(CLIENT_SECRET).trim(),
                env.get(REFRESH_TOKEN).trim());
    }

    /**
     * The message for missing variables: each missing name with what it is, the names that are set (never
     * their values), and where to read more.
     *
     * @param missing the missing names, from {@link #missing(Map)}
     * @return the message, several lines
     */
    public static String missingMessage(List<String> missing) {
        StringBuilder b = new StringBuilder();
        b.append("The Spotify demo needs ").append(missing.size() == 1 ? "this environment variable, which is"
                : "these environment variables, which are").append(" not set:\n");
        for (String name : missing) {
            b.append(String.format("  %-22s %s%n", name, VARIABLES.get(name)));
        }
        List<String> set = VARIABLES.keySet().stream().filter(n -> !missing.contains(n)).toList();
        if (!set.isEmpty()) {
            b.append("Set already: ").append(String.join(", ", set)).append('\n');
        }
        b.append("See docs/spotify.md, \"Running the Spotify demo\", for how to get them.\n");
        b.append("The embedded demo needs no credentials: run exec:java without -Dexec.mainClass.\n");
        return b.toString();
    }

    @Override
    public String toString() {
        return "SpotifyCredentials[clientId=<hidden>, clientSecret=<hidden>, refreshToken=<hidden>]";
    }

    private static Map<String, String> variables() {
        Map<String, String> v = new LinkedHashMap<>();
        v.put(CLIENT_ID, "the client id of your Spotify application (developer dashboard)");
        v.put(CLIENT_SECRET, "the client secret of that application");
        v.put(REFRESH_TOKEN, "a refresh token from your login to that application (authorization-code flow)");
        return java.util.Collections.unmodifiableMap(v);
    }
}
