package dev.shuffify.spotify;

import dev.shuffify.error.ValidationException;
import dev.shuffify.error.ValidationException.FieldError;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Random;
import java.util.random.RandomGenerator;

/**
 * How the adapter reaches Spotify: the application's credentials, the base URIs, the API dialect, and the
 * retry, rate-budget and health settings. Immutable; build one with {@link #builder(String, String)}.
 *
 * <pre>{@code
 * SpotifyConfig config = SpotifyConfig.builder(clientId, clientSecret)
 *         .dialect(ApiDialect.ITEMS)
 *         .requestsPerWindow(150)
 *         .build();
 * }</pre>
 *
 * <p>{@link #toString()} never shows the client secret.
 *
 * @since 0.1.0
 */
public final class SpotifyConfig {

    /** The public Web API. */
    public static final URI DEFAULT_API_BASE_URI = URI.create("https://api.spotify.com");
    /** The public accounts service (token endpoint). */
    public static final URI DEFAULT_ACCOUNTS_BASE_URI = URI.create("https://accounts.spotify.com");

    private final String clientId;
    private final String clientSecret;
    private final URI apiBaseUri;
    private final URI accountsBaseUri;
    private final ApiDialect dialect;
    private final int maxAttempts;
    private final Duration baseBackoff;
    private final Duration maxBackoff;
    private final Duration maxRetryAfter;
    private final Duration jobDeadline;
    private final int requestsPerWindow;
    private final Duration rateWindow;
    private final int degradedAfter;
    private final int quarantinedAfter;
    private final Duration refreshAhead;
    private final Duration requestTimeout;
    private final Clock clock;
    private final Sleeper sleeper;
    private final RandomGenerator random;

    private SpotifyConfig(Builder b) {
        this.clientId = b.clientId;
        this.clientSecret = b.clientSecret;
        this.apiBaseUri = b.apiBaseUri;
        this.accountsBaseUri = b.accountsBaseUri;
        this.dialect = b.dialect;
        this.maxAttempts = b.maxAttempts;
        this.baseBackoff = b.baseBackoff;
        this.maxBackoff = b.maxBackoff;
        this.maxRetryAfter = b.maxRetryAfter;
        this.jobDeadline = b.jobDeadline;
        this.requestsPerWindow = b.requestsPerWindow;
        this.rateWindow = b.rateWindow;
        this.degradedAfter = b.degradedAfter;
        this.quarantinedAfter = b.quarantinedAfter;
        this.refreshAhead = b.refreshAhead;
        this.requestTimeout = b.requestTimeout;
        this.clock = b.clock;
        this.sleeper = b.sleeper;
        this.random = b.random;
    }

    /**
     * Starts a configuration for an application.
     *
     * @param clientId the application's client id; never blank
     * @param clientSecret the application's client secret; never blank, never logged
     * @return a builder with the defaults described on each setter
     */
    public static Builder builder(String clientId, String clientSecret) {
        return new Builder(clientId, clientSecret);
    }

    /** @return the application's client id */
    public String clientId() {
        return clientId;
    }

    /** @return the client secret; keep it out of logs */
    String clientSecret() {
        return clientSecret;
    }

    /** @return the Web API's base URI (scheme, host and port) */
    public URI apiBaseUri() {
        return apiBaseUri;
    }

    /** @return the accounts service's base URI (scheme, host and port) */
    public URI accountsBaseUri() {
        return accountsBaseUri;
    }

    /** @return the API dialect */
    public ApiDialect dialect() {
        return dialect;
    }

    /** @return the most attempts of one call on 5xx and I/O errors */
    public int maxAttempts() {
        return maxAttempts;
    }

    /** @return the first backoff step; step n is {@code baseBackoff * 2^(n-1)}, capped, with full jitter */
    public Duration baseBackoff() {
        return baseBackoff;
    }

    /** @return the cap of one backoff step */
    public Duration maxBackoff() {
        return maxBackoff;
    }

    /** @return the longest {@code Retry-After} the adapter waits for; a longer one fails the call at once */
    public Duration maxRetryAfter() {
        return maxRetryAfter;
    }

    /** @return how long one connection (one job) may spend waiting and retrying in total */
    public Duration jobDeadline() {
        return jobDeadline;
    }

    /** @return the application's request budget per {@link #rateWindow()} */
    public int requestsPerWindow() {
        return requestsPerWindow;
    }

    /** @return the rolling window of the rate budget */
    public Duration rateWindow() {
        return rateWindow;
    }

    /** @return consecutive failures after which an account is degraded */
    public int degradedAfter() {
        return degradedAfter;
    }

    /** @return consecutive failures after which an account is quarantined */
    public int quarantinedAfter() {
        return quarantinedAfter;
    }

    /** @return access tokens expiring within this are refreshed ahead */
    public Duration refreshAhead() {
        return refreshAhead;
    }

    /** @return the timeout of one HTTP request */
    public Duration requestTimeout() {
        return requestTimeout;
    }

    /** @return the clock */
    public Clock clock() {
        return clock;
    }

    /** @return the sleeper every wait goes through */
    public Sleeper sleeper() {
        return sleeper;
    }

    /** @return the random source of backoff jitter */
    public RandomGenerator random() {
        return random;
    }

    @Override
    public String toString() {
        return "SpotifyConfig[clientId=" + clientId + ", clientSecret=<hidden>, apiBaseUri=" + apiBaseUri
                + ", accountsBaseUri=" + accountsBaseUri + ", dialect=" + dialect + ", maxAttempts=" + maxAttempts
                + ", requestsPerWindow=" + requestsPerWindow + "/" + rateWindow + ", degradedAfter=" + degradedAfter
                + ", quarantinedAfter=" + quarantinedAfter + "]";
    }

    /**
     * Builds a {@link SpotifyConfig}. Setters check their argument at once; {@link #build()} checks the whole
     * and does not change the builder.
     */
    public static final class Builder {
        private final String clientId;
        private final String clientSecret;
        private URI apiBaseUri = DEFAULT_API_BASE_URI;
        private URI accountsBaseUri = DEFAULT_ACCOUNTS_BASE_URI;
        private ApiDialect dialect = ApiDialect.ITEMS;
        private int maxAttempts = 6;
        private Duration baseBackoff = Duration.ofMillis(500);
        private Duration maxBackoff = Duration.ofSeconds(30);
        private Duration maxRetryAfter = Duration.ofSeconds(120);
        private Duration jobDeadline = Duration.ofMinutes(15);
        private int requestsPerWindow = 150;
        private Duration rateWindow = Duration.ofSeconds(30);
        private int degradedAfter = 3;
        private int quarantinedAfter = 10;
        private Duration refreshAhead = Duration.ofMinutes(5);
        private Duration requestTimeout = Duration.ofSeconds(30);
        private Clock clock = Clock.systemUTC();
        private Sleeper sleeper = Sleeper.SYSTEM;
        private RandomGenerator random = new Random();

        private Builder(String clientId, String clientSecret) {
            List<FieldError> errors = new ArrayList<>();
            if (clientId == null || clientId.isBlank()) {
                errors.add(new FieldError("clientId", "must be the application's client id (not blank)"));
            }
            if (clientSecret == null || clientSecret.isBlank()) {
                errors.add(new FieldError("clientSecret", "must be the application's client secret (not blank)"));
            }
            if (!errors.isEmpty()) {
                throw new ValidationException(errors);
            }
            this.clientId = clientId;
            this.clientSecret = clientSecret;
        }

        /**
         * The Web API's base URI: scheme, host and port only (default {@code https://api.spotify.com}).
         *
         * @param uri the base URI, e.g. {@code http://127.0.0.1:8080} for a local fake
         * @return this
         */
        public Builder apiBaseUri(URI uri) {
            this.apiBaseUri = baseUri("apiBaseUri", uri);
            return this;
        }

        /**
         * The accounts service's base URI: scheme, host and port only (default
         * {@code https://accounts.spotify.com}).
         *
         * @param uri the base URI
         * @return this
         */
        public Builder accountsBaseUri(URI uri) {
            this.accountsBaseUri = baseUri("accountsBaseUri", uri);
            return this;
        }

        /**
         * The API dialect (default {@link ApiDialect#ITEMS}).
         *
         * @param dialect the dialect
         * @return this
         */
        public Builder dialect(ApiDialect dialect) {
            this.dialect = require("dialect", dialect);
            return this;
        }

        /**
         * The most attempts of one call on 5xx and I/O errors, 1..10 (default 6).
         *
         * @param attempts the attempts
         * @return this
         */
        public Builder maxAttempts(int attempts) {
            this.maxAttempts = range("maxAttempts", attempts, 1, 10);
            return this;
        }

        /**
         * The backoff on 5xx and I/O errors: step n waits a random time in
         * {@code [0, min(max, base * 2^(n-1))]} (defaults 500 ms and 30 s).
         *
         * @param base the first step; positive
         * @param max the cap; at least {@code base}
         * @return this
         */
        public Builder backoff(Duration base, Duration max) {
            positive("baseBackoff", base);
            positive("maxBackoff", max);
            if (max.compareTo(base) < 0) {
                throw new ValidationException("maxBackoff", "must be at least baseBackoff (" + base + ")");
            }
            this.baseBackoff = base;
            this.maxBackoff = max;
            return this;
        }

        /**
         * The longest {@code Retry-After} that is waited for (default 120 s); a longer one fails the call with a
         * {@link dev.shuffify.error.RateLimitedException} at once.
         *
         * @param max the cap; positive
         * @return this
         */
        public Builder maxRetryAfter(Duration max) {
            this.maxRetryAfter = positive("maxRetryAfter", max);
            return this;
        }

        /**
         * How long one connection (the engine opens one per job) may spend in total waiting for the rate budget,
         * {@code Retry-After} and backoff (default 15 min). A wait that would pass it fails the call instead.
         *
         * @param deadline the deadline; positive
         * @return this
         */
        public Builder jobDeadline(Duration deadline) {
            this.jobDeadline = positive("jobDeadline", deadline);
            return this;
        }

        /**
         * The application's request budget: at most {@code requests} calls per rolling {@code window}, shared
         * fairly between accounts (defaults 150 per 30 s).
         *
         * @param requests the calls per window, at least 1
         * @return this
         */
        public Builder requestsPerWindow(int requests) {
            this.requestsPerWindow = range("requestsPerWindow", requests, 1, 100_000);
            return this;
        }

        /**
         * The rolling window of the request budget (default 30 s, as the service counts).
         *
         * @param window the window; positive
         * @return this
         */
        public Builder rateWindow(Duration window) {
            this.rateWindow = positive("rateWindow", window);
            return this;
        }

        /**
         * The consecutive failures after which an account becomes degraded and then quarantined (defaults 3 and
         * 10).
         *
         * @param degraded at least 1
         * @param quarantined at least {@code degraded}
         * @return this
         */
        public Builder health(int degraded, int quarantined) {
            range("degradedAfter", degraded, 1, 1000);
            range("quarantinedAfter", quarantined, degraded, 1000);
            this.degradedAfter = degraded;
            this.quarantinedAfter = quarantined;
            return this;
        }

        /**
         * Access tokens expiring within this are refreshed before use (default 5 min).
         *
         * @param ahead not negative
         * @return this
         */
        public Builder refreshAhead(Duration ahead) {
            require("refreshAhead", ahead);
            if (ahead.isNegative()) {
                throw new ValidationException("refreshAhead", "must not be negative");
            }
            this.refreshAhead = ahead;
            return this;
        }

        /**
         * The timeout of one HTTP request (default 30 s).
         *
         * @param timeout positive
         * @return this
         */
        public Builder requestTimeout(Duration timeout) {
            this.requestTimeout = positive("requestTimeout", timeout);
            return this;
        }

        /**
         * The clock (default UTC system clock).
         *
         * @param clock the clock
         * @return this
         */
        public Builder clock(Clock clock) {
            this.clock = require("clock", clock);
            return this;
        }

        /**
         * The sleeper every wait goes through (default {@link Sleeper#SYSTEM}).
         *
         * @param sleeper the sleeper
         * @return this
         */
        public Builder sleeper(Sleeper sleeper) {
            this.sleeper = require("sleeper", sleeper);
            return this;
        }

        /**
         * The random source of backoff jitter (default a new {@link Random}); must be thread-safe when the
         * connector is used from several threads.
         *
         * @param random the random source
         * @return this
         */
        public Builder random(RandomGenerator random) {
            this.random = require("random", random);
            return this;
        }

        /**
         * Builds the configuration.
         *
         * @return a new immutable configuration
         */
        public SpotifyConfig build() {
            return new SpotifyConfig(this);
        }

        private static <T> T require(String field, T value) {
            if (value == null) {
                throw new ValidationException(field, "must not be null");
            }
            return value;
        }

        private static Duration positive(String field, Duration value) {
            require(field, value);
            if (value.isNegative() || value.isZero()) {
                throw new ValidationException(field, "must be positive, was " + value);
            }
            return value;
        }

        private static int range(String field, int value, int min, int max) {
            if (value < min || value > max) {
                throw new ValidationException(field, "must be between " + min + " and " + max + ", was " + value);
            }
            return value;
        }

        private static URI baseUri(String field, URI uri) {
            require(field, uri);
            String path = Objects.requireNonNullElse(uri.getPath(), "");
            boolean ok = ("http".equals(uri.getScheme()) || "https".equals(uri.getScheme())) && uri.getHost() != null
                    && (path.isEmpty() || "/".equals(path)) && uri.getQuery() == null && uri.getUserInfo() == null;
            if (!ok) {
                throw new ValidationException(field, "must be an http or https URI with a host, an optional port and "
                        + "no path, query or user info, was " + uri);
            }
            return uri;
        }
    }
}
