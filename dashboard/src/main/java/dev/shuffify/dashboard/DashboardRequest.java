package dev.shuffify.dashboard;

import java.security.Principal;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A request as the dashboard sees it, whatever server received it: the JDK's HTTP server, a servlet container,
 * or a host's own. {@link #of} makes one from plain values.
 *
 * @since 0.2.0
 */
public interface DashboardRequest {

    /**
     * The HTTP method, upper case.
     *
     * @return e.g. {@code GET} or {@code POST}
     */
    String method();

    /**
     * The path below the dashboard's mount point, starting with {@code /} ({@code /} is the page itself,
     * {@code /api/schedules} an API call).
     *
     * @return the path, not decoded further
     */
    String path();

    /**
     * The raw query string, without the {@code ?}.
     *
     * @return the query, or null when there is none
     */
    String query();

    /**
     * A request header, case-insensitively.
     *
     * @param name the header
     * @return its first value, if any
     */
    Optional<String> header(String name);

    /**
     * The principal the server authenticated, if any (a servlet container's user, the JDK server's
     * {@code HttpPrincipal}).
     *
     * @return the principal, empty by default
     */
    default Optional<Principal> principal() {
        return Optional.empty();
    }

    /**
     * A cookie of the {@code Cookie} header.
     *
     * @param name the cookie
     * @return its value, if sent
     */
    default Optional<String> cookie(String name) {
        Optional<String> header = header("Cookie");
        if (header.isEmpty()) {
            return Optional.empty();
        }
        for (String part : header.get().split(";")) {
            int eq = part.indexOf('=');
            if (eq > 0 && part.substring(0, eq).trim().equals(name)) {
                return Optional.of(part.substring(eq + 1).trim());
            }
        }
        return Optional.empty();
    }

    /**
     * A request from plain values.
     *
     * @param method the method
     * @param path the path below the mount point
     * @param query the raw query, or null
     * @param headers the headers (names in any case; one value each)
     * @return the request
     */
    static DashboardRequest of(String method, String path, String query, Map<String, String> headers) {
        Objects.requireNonNull(method, "method");
        Objects.requireNonNull(path, "path");
        Map<String, String> lower = new java.util.HashMap<>();
        headers.forEach((k, v) -> lower.put(k.toLowerCase(Locale.ROOT), v));
        return new DashboardRequest() {
            @Override
            public String method() {
                return method.toUpperCase(Locale.ROOT);
            }

            @Override
            public String path() {
                return path;
            }

            @Override
            public String query() {
                return query;
            }

            @Override
            public Optional<String> header(String name) {
                return Optional.ofNullable(lower.get(name.toLowerCase(Locale.ROOT)));
            }
        };
    }
}
