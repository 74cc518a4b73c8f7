package dev.shuffify.dashboard;

import java.util.Optional;

/**
 * The host's answer to "who is this?" for every request the dashboard receives. The dashboard has no login of
 * its own: the host reads its session cookie, a header set by its proxy, HTTP Basic credentials or the request's
 * principal, and answers the user, or empty to refuse the request (401).
 *
 * <pre>{@code
 * Dashboard.builder(shuffify)
 *         .authenticator(request -> request.header("X-Forwarded-User")
 *                 .map(user -> user.equals("ops") ? DashboardUser.operator(user) : DashboardUser.user(user)))
 *         .start(8080);
 * }</pre>
 *
 * <p>Until a host supplies one, {@link #DENY_ALL} answers every request, pages and API alike, with 401.
 *
 * @since 0.2.0
 */
@FunctionalInterface
public interface DashboardAuthenticator {

    /** Refuses everybody: the dashboard's authenticator until the host supplies one. */
    DashboardAuthenticator DENY_ALL = request -> Optional.empty();

    /**
     * Who sent the request.
     *
     * @param request the request (method, path, headers, cookies, principal)
     * @return the user, or empty to answer 401
     */
    Optional<DashboardUser> authenticate(DashboardRequest request);

    /**
     * The {@code WWW-Authenticate} header sent with a 401, so a browser can ask for credentials (for example
     * {@code Basic realm="shuffify"}); none by default.
     *
     * @return the challenge, or empty for none
     */
    default Optional<String> challenge() {
        return Optional.empty();
    }
}
