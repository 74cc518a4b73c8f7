package dev.shuffify.dashboard;

import dev.shuffify.Shuffify;
import dev.shuffify.dashboard.internal.Backend;
import dev.shuffify.dashboard.internal.Router;
import dev.shuffify.spi.PlaylistServiceConnector;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.security.SecureRandom;
import java.util.Objects;

/**
 * The dashboard over one facade: the page, its assets and the JSON API ({@code docs/dashboard.md}), answering
 * {@link DashboardRequest}s. Serve it on the JDK's HTTP server with {@link Builder#start(int)}, or pass requests
 * in from a host's own server with {@link #handle(DashboardRequest)} (the Spring Boot starter mounts it so).
 *
 * <pre>{@code
 * DashboardServer server = Dashboard.builder(shuffify)
 *         .authenticator(request -> request.cookie("user").map(DashboardUser::user))
 *         .start(8080);
 * System.out.println("dashboard at " + server.uri());
 * }</pre>
 *
 * <p>Safe by default: without an authenticator every request answers 401; a user sees and changes only their
 * own schedules and snapshots (another user's answer 404); state-changing calls take POST with the CSRF token of
 * {@code GET api/session}; the page writes every value as text, under a Content-Security-Policy that allows
 * only the dashboard's own scripts; no token of an account reaches the page.
 *
 * @since 0.2.0
 */
public final class Dashboard {

    private final Router router;

    private Dashboard(Builder b) {
        byte[] key = b.csrfKey != null ? b.csrfKey.clone() : new byte[32];
        if (b.csrfKey == null) {
            new SecureRandom().nextBytes(key);
        }
        this.router = new Router(new Backend(b.shuffify, b.connector), b.authenticator, key);
    }

    /**
     * A builder over the facade.
     *
     * @param shuffify the facade whose schedules, runs and snapshots the dashboard shows
     * @return the builder
     */
    public static Builder builder(Shuffify shuffify) {
        return new Builder(Objects.requireNonNull(shuffify, "shuffify"));
    }

    /**
     * Answers one request: the page and its assets below {@code /}, the JSON API below {@code /api/}. Never
     * throws for a bad request: it answers 4xx with a JSON {@code {"error": …}}.
     *
     * @param request the request, its path below the mount point
     * @return the response to send
     */
    public DashboardResponse handle(DashboardRequest request) {
        return router.handle(Objects.requireNonNull(request, "request"));
    }

    /**
     * Builds a {@link Dashboard}.
     *
     * @since 0.2.0
     */
    public static final class Builder {
        private final Shuffify shuffify;
        private DashboardAuthenticator authenticator = DashboardAuthenticator.DENY_ALL;
        private PlaylistServiceConnector connector;
        private InetAddress bindAddress = InetAddress.getLoopbackAddress();
        private int threads = 4;
        private byte[] csrfKey;

        private Builder(Shuffify shuffify) {
            this.shuffify = shuffify;
        }

        /**
         * Who is asking, for every request. Without one, every request answers 401.
         *
         * @param value the host's authenticator
         * @return this builder
         */
        public Builder authenticator(DashboardAuthenticator value) {
            this.authenticator = Objects.requireNonNull(value, "authenticator");
            return this;
        }

        /**
         * The connector the facade reaches music accounts with, so the dashboard can read a playlist as it is
         * now: the restore confirmation then compares with the playlist itself (not its newest snapshot), a
         * preview shows the new order, and a shuffle's artist spread is drawn. Optional; the dashboard only
         * reads through it.
         *
         * @param value the connector
         * @return this builder
         */
        public Builder connector(PlaylistServiceConnector value) {
            this.connector = Objects.requireNonNull(value, "connector");
            return this;
        }

        /**
         * The address {@link #start(int)} listens on; default the loopback address.
         *
         * @param value the address
         * @return this builder
         */
        public Builder bindAddress(InetAddress value) {
            this.bindAddress = Objects.requireNonNull(value, "bindAddress");
            return this;
        }

        /**
         * The threads {@link #start(int)} answers requests with; default 4.
         *
         * @param value at least 1
         * @return this builder
         */
        public Builder threads(int value) {
            if (value < 1) {
                throw new IllegalArgumentException("threads must be at least 1, was " + value);
            }
            this.threads = value;
            return this;
        }

        /**
         * The key CSRF tokens are derived from; default a random one per dashboard. Several nodes behind one
         * address share a key so a token from one is accepted by the others. It never reaches the page.
         *
         * @param value at least 16 bytes
         * @return this builder
         */
        public Builder csrfKey(byte[] value) {
            if (value.length < 16) {
                throw new IllegalArgumentException("the CSRF key must have at least 16 bytes, had " + value.length);
            }
            this.csrfKey = value.clone();
            return this;
        }

        /**
         * The dashboard, to mount in a host's server.
         *
         * @return the dashboard
         */
        public Dashboard build() {
            return new Dashboard(this);
        }

        /**
         * Builds the dashboard and serves it on the JDK's HTTP server at {@code /}.
         *
         * @param port the port, or 0 for any free one
         * @return the running server; close it to stop
         * @throws UncheckedIOException when the port cannot be bound
         */
        public DashboardServer start(int port) {
            Dashboard dashboard = build();
            try {
                return DashboardServer.start(dashboard, new InetSocketAddress(bindAddress, port), threads);
            } catch (IOException e) {
                throw new UncheckedIOException("could not serve the dashboard on " + bindAddress + ":" + port, e);
            }
        }
    }
}
