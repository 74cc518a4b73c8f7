package dev.shuffify.spring.boot;

import dev.shuffify.spotify.ApiDialect;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The {@code shuffify.*} properties of the starter. Every scheduler option left unset keeps the library's default
 * (see {@code docs/configuration.md}).
 *
 * @param store where Shuffify keeps its state
 * @param scheduler how the scheduler runs
 * @param spotify the Spotify application, when the connector is the Spotify adapter's
 * @param plugins how job types, algorithms and discovery strategies are found
 * @param dashboard where the dashboard is mounted, when {@code shuffify-dashboard} is on the class path
 * @since 0.2.0
 */
@ConfigurationProperties("shuffify")
public record ShuffifyProperties(@DefaultValue Store store, @DefaultValue Scheduler scheduler,
        @DefaultValue Spotify spotify, @DefaultValue Plugins plugins, @DefaultValue Dashboard dashboard) {

    /** The prefix of every property. */
    public static final String PREFIX = "shuffify";

    /** Which store the starter makes. */
    public enum StoreType {
        /** The embedded database: one H2 file at {@code shuffify.store.path}, no server. */
        EMBEDDED,
        /** The application's {@code DataSource} bean (H2 or PostgreSQL, told apart by its metadata). */
        DATASOURCE,
        /** In memory: nothing survives the process (tests, demos). */
        MEMORY
    }

    /**
     * Where Shuffify keeps its state.
     *
     * @param type the store: {@code embedded} (default), {@code datasource} or {@code memory}
     * @param path the embedded database's file, without {@code .mv.db} (default {@code shuffify}, in the working
     *     directory)
     */
    public record Store(@DefaultValue("embedded") StoreType type, @DefaultValue("shuffify") Path path) {
    }

    /**
     * How the scheduler runs. Options left unset keep the library's defaults.
     *
     * @param enabled whether the scheduler starts with the application context (default true); when false the
     *     facade still serves calls such as "run now"
     * @param nodeId this node's id, unique among the nodes sharing a database and stable across restarts
     *     (default: {@code node-} and 8 random characters)
     * @param poolSize jobs run at once on this node (default 4)
     * @param batchSize most due schedules claimed per poll (default 20)
     * @param claimAhead claims per worker a node may hold (default 1)
     * @param pollInterval wait between polls for due schedules (default 5s)
     * @param leaseDuration how long a claim lasts without a heartbeat (default 5m)
     * @param heartbeatInterval how often the leases of running jobs are renewed (default: a fifth of the lease)
     * @param misfireThreshold how late a run may start before it counts as a misfire (default 1m)
     * @param jitter up to this much random delay added to each next run (default 0)
     * @param shutdownTimeout how long closing waits for running jobs (default 30s; never longer than
     *     {@code spring.lifecycle.timeout-per-shutdown-phase})
     * @param retryMaxAttempts attempts of a run that failed transiently, 1 for no retries (default 3)
     * @param retryInitialBackoff wait before the first retry (default 1m)
     * @param retryMaxBackoff the longest wait between retries (default 30m)
     * @param retryAllFailures retry user-visible failures too (default false)
     */
    public record Scheduler(@DefaultValue("true") boolean enabled, String nodeId, Integer poolSize,
            Integer batchSize, Integer claimAhead, Duration pollInterval, Duration leaseDuration,
            Duration heartbeatInterval, Duration misfireThreshold, Duration jitter, Duration shutdownTimeout,
            Integer retryMaxAttempts, Duration retryInitialBackoff, Duration retryMaxBackoff,
            Boolean retryAllFailures) {
    }

    /**
     * The Spotify application. With a client id set (and no connector bean of the application's), the starter
     * makes the Spotify adapter's connector; the secret and the key are never logged nor shown by Actuator.
     *
     * @param clientId the application's client id
     * @param clientSecret the application's client secret
     * @param tokenKey the AES key (16, 24 or 32 bytes, Base64) that encrypts stored refresh tokens
     * @param dialect the Web API's forms: {@code items} (development-mode apps, the default) or {@code tracks}
     *     (extended quota)
     * @param requestsPerWindow the calls per rolling 30-second window the application may make (default: the
     *     adapter's)
     * @param jobDeadline how long one job may spend waiting for the rate budget, {@code Retry-After} and backoff
     *     (default: the adapter's, 15 minutes); a job whose writes cannot be made within it is refused before its
     *     first write
     */
    public record Spotify(String clientId, String clientSecret, String tokenKey,
            @DefaultValue("items") ApiDialect dialect, Integer requestsPerWindow, java.time.Duration jobDeadline) {

        /**
         * The settings without the secret and the key.
         *
         * @return a description that is safe to log
         */
        @Override
        public String toString() {
            return "Spotify[clientId=" + clientId + ", clientSecret=" + mask(clientSecret) + ", tokenKey="
                    + mask(tokenKey) + ", dialect=" + dialect + ", requestsPerWindow=" + requestsPerWindow + ", jobDeadline=" + jobDeadline
                    + "]";
        }

        private static String mask(String secret) {
            return secret == null ? null : "******";
        }
    }

    /**
     * How plugins are found.
     *
     * @param autoDiscovery find plugins with {@code ServiceLoader} (default true); when false only plugin beans of
     *     the application exist
     * @param lenient skip a plugin that fails to load, with a warning, instead of failing start-up (default false)
     * @param jars plugin jars to load besides the class path, each a path to a jar
     */
    public record Plugins(@DefaultValue("true") boolean autoDiscovery, boolean lenient, List<Path> jars) {

        /**
         * Copies the jar list.
         *
         * @param autoDiscovery find plugins with {@code ServiceLoader}
         * @param lenient skip a plugin that fails to load
         * @param jars plugin jars to load besides the class path; null for none
         */
        public Plugins {
            jars = jars == null ? List.of() : List.copyOf(jars);
        }
    }

    /**
     * The dashboard's mount, read when {@code shuffify-dashboard} is on the class path of a servlet web
     * application.
     *
     * @param enabled whether the dashboard is mounted (default true)
     * @param path where: a path below the application's root such as {@code /shuffify} (default) or
     *     {@code /ops/shuffify}; letters, digits and {@code - _ . ~} in segments, with no trailing slash needed
     * @since 0.3.0
     */
    public record Dashboard(@DefaultValue("true") boolean enabled, @DefaultValue("/shuffify") String path) {
        private static final java.util.regex.Pattern PATH = java.util.regex.Pattern.compile(
                "(/[A-Za-z0-9._~-]+)+/?");

        /**
         * Checks the path, so that a mistake fails the start-up instead of mounting the dashboard over the
         * application ({@code /}) or nowhere.
         *
         * @param enabled whether the dashboard is mounted
         * @param path where
         * @throws IllegalArgumentException naming {@code shuffify.dashboard.path} when the path is not one
         */
        public Dashboard {
            if (path == null || !PATH.matcher(path).matches() || path.contains("/./") || path.contains("/../")
                    || path.endsWith("/.") || path.endsWith("/..")) {
                String shown = path == null ? "nothing" : "'" + (path.length() > 64 ? path.substring(0, 64) + "…"
                        : path) + "'";
                throw new IllegalArgumentException("shuffify.dashboard.path must be a path below the application's"
                        + " root such as /shuffify (segments of letters, digits and - _ . ~), not " + shown);
            }
            path = path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
        }
    }
}
