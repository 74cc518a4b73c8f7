package dev.shuffify;

import dev.shuffify.internal.scheduler.Housekeeping;
import dev.shuffify.internal.scheduler.RetryPolicy;
import dev.shuffify.internal.scheduler.SchedulerConfig;
import java.time.Duration;
import java.util.Objects;
import java.util.UUID;

/**
 * How the scheduler started by {@link Shuffify#start()} runs: this node's id, its worker pool, how it polls
 * and leases, misfires, jitter, retries and housekeeping. Immutable; build one with {@link #builder()}.
 *
 * <pre>{@code
 * Shuffify shuffify = Shuffify.builder()
 *         .store(JdbcShuffifyStore.postgres(dataSource))
 *         .connector(connector)
 *         .scheduler(SchedulerOptions.builder()
 *                 .nodeId("web-1")               // unique per node sharing the database
 *                 .poolSize(8)
 *                 .retry(3, Duration.ofMinutes(1), Duration.ofMinutes(30))
 *                 .build())
 *         .build();
 * shuffify.start();
 * }</pre>
 *
 * @since 0.1.0
 */
public final class SchedulerOptions {
    private final SchedulerConfig config;
    private final Duration shutdownTimeout;

    private SchedulerOptions(SchedulerConfig config, Duration shutdownTimeout) {
        this.config = config;
        this.shutdownTimeout = shutdownTimeout;
    }

    /**
     * The defaults: a random node id, 4 workers, batches of 20, polling every 5 seconds, 5-minute leases renewed
     * every minute, a 1-minute misfire threshold, no jitter, 3 attempts for transient failures (1 then 2 minutes
     * apart, at most 30), hourly housekeeping keeping 90 days and 200 runs per schedule, 90 days and 1000
     * activity lines per user, 50 snapshots per playlist, and a 30-second wait for running jobs on close.
     *
     * @return the defaults
     */
    public static SchedulerOptions defaults() {
        return builder().build();
    }

    /**
     * A builder starting from the defaults.
     *
     * @return a new builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * This node's id.
     *
     * @return never null
     */
    public String nodeId() {
        return config.nodeId();
    }

    /**
     * The most runs at once on this node.
     *
     * @return the pool size
     */
    public int poolSize() {
        return config.poolSize();
    }

    /**
     * How many claims per worker this node may hold.
     *
     * @return at least 1
     */
    public int claimAhead() {
        return config.claimAhead();
    }

    /**
     * How long {@link Shuffify#close()} waits for running jobs.
     *
     * @return never null
     */
    public Duration shutdownTimeout() {
        return shutdownTimeout;
    }

    SchedulerConfig config() {
        return config;
    }

    @Override
    public String toString() {
        return "SchedulerOptions" + config.toString().substring("SchedulerConfig".length())
                + " shutdownTimeout=" + shutdownTimeout;
    }

    /**
     * Builds {@link SchedulerOptions}. Every setter checks its value at once; {@link #build()} does not change
     * the builder.
     */
    public static final class Builder {
        private String nodeId = "node-" + UUID.randomUUID().toString().substring(0, 8);
        private int poolSize = 4;
        private int batchSize = 20;
        private int claimAhead = 1;
        private Duration pollInterval = Duration.ofSeconds(5);
        private Duration leaseDuration = Duration.ofMinutes(5);
        private Duration heartbeatInterval;
        private Duration misfireThreshold = Duration.ofMinutes(1);
        private Duration jitter = Duration.ZERO;
        private RetryPolicy retry = RetryPolicy.DEFAULT;
        private Housekeeping housekeeping = Housekeeping.DEFAULT;
        private Duration shutdownTimeout = Duration.ofSeconds(30);

        private Builder() {
        }

        /**
         * This node's id, unique among the nodes sharing a database (default: {@code node-} and 8 random
         * characters). Leases name it, so operators see which node runs what. A node restarted with the same id
         * recovers the runs its previous life left at once, without waiting for their leases to expire.
         *
         * @param value the id
         * @return this
         */
        public Builder nodeId(String value) {
            if (value == null || value.isBlank() || value.length() > 200) {
                throw new IllegalArgumentException("nodeId must be 1 to 200 characters, was '" + value + "'");
            }
            this.nodeId = value;
            return this;
        }

        /**
         * The most jobs run at once on this node (default 4). Jobs spend most of their time waiting on the music
         * service, so a pool larger than the core count is fine; the service's rate limit is the real bound.
         *
         * @param value at least 1
         * @return this
         */
        public Builder poolSize(int value) {
            this.poolSize = atLeastOne(value, "poolSize");
            return this;
        }

        /**
         * The most due schedules claimed in one poll, and started together in one transaction (default 20); never
         * more than the node's free capacity ({@code poolSize × claimAhead} less the claims it holds).
         *
         * @param value at least 1
         * @return this
         */
        public Builder batchSize(int value) {
            this.batchSize = atLeastOne(value, "batchSize");
            return this;
        }

        /**
         * How many claims per worker this node may hold, queued or running (default 1: it claims only for free
         * workers). More lets a node claim, start and record runs in bigger batches while its workers are busy,
         * which multiplies the throughput of short jobs (4 is db-scheduler's {@code lock-and-fetch} upper limit);
         * a claim waiting in the queue keeps its lease, so with long jobs it waits for this node rather than run
         * on another.
         *
         * @param value 1 to 64
         * @return this
         * @throws IllegalArgumentException outside 1–64, naming {@code claimAhead}
         */
        public Builder claimAhead(int value) {
            if (value < 1 || value > 64) {
                throw new IllegalArgumentException("claimAhead must be between 1 and 64, was " + value);
            }
            this.claimAhead = value;
            return this;
        }

        /**
         * The wait between polls for due schedules (default 5 seconds).
         *
         * @param value positive
         * @return this
         */
        public Builder pollInterval(Duration value) {
            this.pollInterval = positive(value, "pollInterval");
            return this;
        }

        /**
         * How long a claim on a schedule lasts without a heartbeat (default 5 minutes). A node that is silent
         * this long is taken for dead: its run is marked abandoned and the schedule rescheduled.
         *
         * @param value positive
         * @return this
         */
        public Builder leaseDuration(Duration value) {
            this.leaseDuration = positive(value, "leaseDuration");
            return this;
        }

        /**
         * How often the leases of running jobs are renewed (default: a fifth of the lease duration).
         *
         * @param value positive and shorter than the lease duration
         * @return this
         */
        public Builder heartbeatInterval(Duration value) {
            this.heartbeatInterval = positive(value, "heartbeatInterval");
            return this;
        }

        /**
         * How late a run may start and still count as on time (default 1 minute). A schedule whose misfire
         * policy is {@code SKIP} and that is found later than this skips to its next slot; one whose policy is
         * {@code RUN_ONCE} runs once now.
         *
         * @param value zero or more
         * @return this
         */
        public Builder misfireThreshold(Duration value) {
            this.misfireThreshold = notNegative(value, "misfireThreshold");
            return this;
        }

        /**
         * Up to this much random delay added to each computed next run (default none), so many schedules with
         * one trigger do not all hit the music service in the same second.
         *
         * @param value zero or more
         * @return this
         */
        public Builder jitter(Duration value) {
            this.jitter = notNegative(value, "jitter");
            return this;
        }

        /**
         * Retries for failures classified transient (rate limited, service or I/O error): up to
         * {@code maxAttempts} runs in all, waiting {@code initialBackoff}, then twice as long each time, at most
         * {@code maxBackoff}. Default: 3 attempts, 1 minute, 30 minutes. Each retry is recorded as its own
         * execution with trigger source {@code retry} and its attempt number.
         *
         * @param maxAttempts runs in all, the first included; 1 turns retries off
         * @param initialBackoff the first wait
         * @param maxBackoff the longest wait
         * @return this
         */
        public Builder retry(int maxAttempts, Duration initialBackoff, Duration maxBackoff) {
            this.retry = policy(() -> new RetryPolicy(maxAttempts, initialBackoff, 2.0, maxBackoff,
                    retry.retryAllFailures()));
            return this;
        }

        /**
         * Whether failures that are not transient (the user-visible ones: a playlist gone, a login needed) are
         * retried too (default false: the user has to act first).
         *
         * @param value on or off
         * @return this
         */
        public Builder retryAllFailures(boolean value) {
            RetryPolicy r = retry;
            this.retry = new RetryPolicy(r.maxAttempts(), r.initialBackoff(), r.multiplier(), r.maxBackoff(), value);
            return this;
        }

        /**
         * How long finished executions are kept and how many per schedule (default 90 days, 200); zero turns
         * that limit off.
         *
         * @param maxAge the age limit
         * @param perSchedule the count limit
         * @return this
         */
        public Builder keepExecutions(Duration maxAge, int perSchedule) {
            Housekeeping h = housekeeping;
            this.housekeeping = policy(() -> new Housekeeping(h.interval(), notNegative(maxAge, "maxAge"),
                    perSchedule, h.activityMaxAge(), h.activityPerUser(), h.snapshotsPerPlaylist(),
                    h.staleManualRunAfter()));
            return this;
        }

        /**
         * How long activity lines are kept and how many per user (default 90 days, 1000); zero turns that limit
         * off.
         *
         * @param maxAge the age limit
         * @param perUser the count limit
         * @return this
         */
        public Builder keepActivity(Duration maxAge, int perUser) {
            Housekeeping h = housekeeping;
            this.housekeeping = policy(() -> new Housekeeping(h.interval(), h.executionMaxAge(),
                    h.executionsPerSchedule(), notNegative(maxAge, "maxAge"), perUser, h.snapshotsPerPlaylist(),
                    h.staleManualRunAfter()));
            return this;
        }

        /**
         * The most snapshots kept per playlist by housekeeping (default 50; each user's own retention setting
         * still applies when a snapshot is taken); zero turns it off.
         *
         * @param value zero or more
         * @return this
         */
        public Builder keepSnapshotsPerPlaylist(int value) {
            Housekeeping h = housekeeping;
            this.housekeeping = policy(() -> new Housekeeping(h.interval(), h.executionMaxAge(),
                    h.executionsPerSchedule(), h.activityMaxAge(), h.activityPerUser(), value,
                    h.staleManualRunAfter()));
            return this;
        }

        /**
         * How often housekeeping runs (default hourly).
         *
         * @param value positive
         * @return this
         */
        public Builder housekeepingInterval(Duration value) {
            Housekeeping h = housekeeping;
            this.housekeeping = policy(() -> new Housekeeping(positive(value, "housekeepingInterval"),
                    h.executionMaxAge(), h.executionsPerSchedule(), h.activityMaxAge(), h.activityPerUser(),
                    h.snapshotsPerPlaylist(), h.staleManualRunAfter()));
            return this;
        }

        /**
         * How long {@link Shuffify#close()} waits for running jobs before it marks them abandoned (default 30
         * seconds).
         *
         * @param value zero or more
         * @return this
         */
        public Builder shutdownTimeout(Duration value) {
            this.shutdownTimeout = notNegative(value, "shutdownTimeout");
            return this;
        }

        /**
         * Builds the options.
         *
         * @return the options
         * @throws IllegalArgumentException when the heartbeat interval is not shorter than the lease
         */
        public SchedulerOptions build() {
            Duration fifth = leaseDuration.dividedBy(5);
            Duration heartbeat = heartbeatInterval != null ? heartbeatInterval
                    : fifth.isZero() ? Duration.ofMillis(1) : fifth;
            return new SchedulerOptions(new SchedulerConfig(nodeId, poolSize, batchSize, pollInterval, leaseDuration,
                    heartbeat, misfireThreshold, jitter, retry, housekeeping, claimAhead), shutdownTimeout);
        }

        private static <T> T policy(java.util.function.Supplier<T> make) {
            // the records' own checks throw IllegalArgumentException naming the setting
            return make.get();
        }

        private static int atLeastOne(int value, String name) {
            if (value < 1) {
                throw new IllegalArgumentException(name + " must be at least 1, was " + value);
            }
            return value;
        }

        private static Duration positive(Duration value, String name) {
            Objects.requireNonNull(value, name);
            if (value.isNegative() || value.isZero()) {
                throw new IllegalArgumentException(name + " must be positive, was " + value);
            }
            return value;
        }

        private static Duration notNegative(Duration value, String name) {
            Objects.requireNonNull(value, name);
            if (value.isNegative()) {
                throw new IllegalArgumentException(name + " must not be negative, was " + value);
            }
            return value;
        }
    }
}
