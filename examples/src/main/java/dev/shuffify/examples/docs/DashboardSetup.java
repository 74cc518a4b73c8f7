package dev.shuffify.examples.docs;

import dev.shuffify.Shuffify;
import dev.shuffify.dashboard.Dashboard;
import dev.shuffify.dashboard.DashboardAuthenticator;
import dev.shuffify.dashboard.DashboardServer;
import dev.shuffify.dashboard.DashboardUser;
import dev.shuffify.spi.PlaylistServiceConnector;
import java.util.Set;

/** The code of {@code docs/dashboard.md}: the dashboard on the JDK's HTTP server, behind a host's authenticator. */
public final class DashboardSetup {

    private DashboardSetup() {
    }

    /**
     * Serves the dashboard on a port, trusting the user name a fronting proxy has authenticated.
     *
     * @param shuffify the facade
     * @param connector the connector the facade was built with
     * @param operators the user names that are operators
     * @param port the port, or 0 for any free one
     * @return the running server
     */
    public static DashboardServer serve(Shuffify shuffify, PlaylistServiceConnector connector, Set<String> operators,
            int port) {
        // who is asking: here the user a fronting proxy authenticated; empty answers 401
        DashboardAuthenticator authenticator = request -> request.header("X-Authenticated-User")
                .map(user -> operators.contains(user) ? DashboardUser.operator(user) : DashboardUser.user(user));
        DashboardServer server = Dashboard.builder(shuffify)
                .authenticator(authenticator)
                .connector(connector)        // optional: lets the page read playlists as they are now
                .start(port);                // on 127.0.0.1 unless bindAddress(…) says otherwise
        System.out.println("dashboard at " + server.uri());
        return server;
    }
}
