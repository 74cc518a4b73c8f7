package dev.shuffify.micrometer;

import dev.shuffify.model.Health;
import dev.shuffify.event.JobEvent;
import dev.shuffify.event.JobListener;
import dev.shuffify.Shuffify;
import dev.shuffify.model.AccountHealth;
import dev.shuffify.model.Execution;
import dev.shuffify.spi.RateBudgetUsage;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tag;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.TimeGauge;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.binder.MeterBinder;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.function.ToDoubleFunction;

/**
 * Binds a {@link Shuffify} facade's metrics to a Micrometer {@link MeterRegistry}. Any host can use it; no
 * Spring is needed:
 *
 * <pre>{@code
 * ShuffifyMetrics metrics = new ShuffifyMetrics(shuffify);
 * metrics.bindTo(registry);   // once per registry; metrics.close() stops counting runs
 * }</pre>
 *
 * <p>The meters ({@code docs/operations.md} lists them with their units):
 * <ul>
 * <li>{@value #EXECUTIONS} — a timer of finished executions, tagged {@code job.type}, {@code status} (the
 *     execution status, e.g. {@code success}, {@code failed}) and {@code trigger} ({@code scheduler},
 *     {@code manual}, {@code retry});</li>
 * <li>{@value #TRACKS_ADDED} and {@value #TRACKS_REMOVED} — counters of the tracks executions added and removed,
 *     tagged {@code job.type};</li>
 * <li>{@value #BACKLOG} — the due schedules no node has claimed yet; {@value #BACKLOG_AGE} — how long the oldest of
 *     them has waited (the poll lag);</li>
 * <li>{@value #LAST_POLL_AGE} — the time since this node's scheduler last polled without a store failure;</li>
 * <li>{@value #LEASES_HELD} — the schedule claims (leases) this node holds;</li>
 * <li>{@value #ACCOUNTS} — the accounts of each health, tagged {@code health} ({@code ok}, {@code degraded},
 *     {@code quarantined}, {@code needs_login});</li>
 * <li>{@value #STORE_UP} (1 or 0) and {@value #STORE_LATENCY} — whether the store answered the health check and
 *     how long it took;</li>
 * <li>{@value #RATE_BUDGET_IN_USE}, {@value #RATE_BUDGET_LIMIT} and {@value #RATE_LIMITED} — the calls in the
 *     application's current rate window, the calls it allows now, and the 429 answers met; registered only when
 *     the facade's connector keeps a rate budget (the Spotify adapter does).</li>
 * </ul>
 *
 * <p>Tag values are bounded: a job type the facade does not know is tagged {@code other}; no user, playlist or
 * schedule id is ever a tag. The gauges read one {@link dev.shuffify.service.OperationsService#health() Shuffify.operations().health()} at most once per refresh interval
 * (one second by default, on the facade's clock), so a scrape costs two small store queries; while the store is
 * down the store's gauges read {@code NaN}. Runs are counted through a {@link JobListener} that the first
 * {@link #bindTo} adds to the facade and {@link #close()} removes; only runs that finish after it are counted.
 *
 * @since 0.2.0
 */
public final class ShuffifyMetrics implements MeterBinder, AutoCloseable {

    /** Timer of finished executions. */
    public static final String EXECUTIONS = "shuffify.executions";
    /** Counter of the tracks executions added. */
    public static final String TRACKS_ADDED = "shuffify.tracks.added";
    /** Counter of the tracks executions removed. */
    public static final String TRACKS_REMOVED = "shuffify.tracks.removed";
    /** Gauge of the due schedules no node has claimed. */
    public static final String BACKLOG = "shuffify.backlog";
    /** Time gauge of the wait of the oldest due schedule no node has claimed (the poll lag). */
    public static final String BACKLOG_AGE = "shuffify.backlog.age";
    /** Time gauge of the time since this node's last successful poll. */
    public static final String LAST_POLL_AGE = "shuffify.scheduler.last.poll.age";
    /** Gauge of the schedule leases this node holds. */
    public static final String LEASES_HELD = "shuffify.leases.held";
    /** Gauge of the accounts of one health. */
    public static final String ACCOUNTS = "shuffify.accounts";
    /** Gauge: 1 when the store answered the health check, 0 when not. */
    public static final String STORE_UP = "shuffify.store.up";
    /** Time gauge of how long the store took to answer the health check. */
    public static final String STORE_LATENCY = "shuffify.store.latency";
    /** Gauge of the calls in the application's current rate window. */
    public static final String RATE_BUDGET_IN_USE = "shuffify.rate.budget.in.use";
    /** Gauge of the calls the application's rate budget allows per window now. */
    public static final String RATE_BUDGET_LIMIT = "shuffify.rate.budget.limit";
    /** Counter of the 429 (Too Many Requests) answers the music service gave. */
    public static final String RATE_LIMITED = "shuffify.rate.limited";

    private static final String OTHER = "other";

    private final Shuffify shuffify;
    private final Tags commonTags;
    private final Duration refresh;
    private final Set<String> jobTypes;
    private final JobListener listener = this::onEvent;
    private final List<MeterRegistry> registries = new CopyOnWriteArrayList<>();
    private volatile boolean listening;
    private volatile boolean closed;
    private Health cached;

    /**
     * Metrics of a facade, with no extra tags, refreshing the health figures at most once a second.
     *
     * @param shuffify the facade
     */
    public ShuffifyMetrics(Shuffify shuffify) {
        this(shuffify, Tags.empty(), Duration.ofSeconds(1));
    }

    /**
     * Metrics of a facade.
     *
     * @param shuffify the facade
     * @param tags tags added to every meter (keep their values bounded, e.g. a node id)
     * @param refresh how long one health check serves the gauges (on the facade's clock); zero checks at every
     *     read
     * @throws IllegalArgumentException when {@code refresh} is negative
     */
    public ShuffifyMetrics(Shuffify shuffify, Iterable<Tag> tags, Duration refresh) {
        this.shuffify = Objects.requireNonNull(shuffify, "shuffify");
        this.commonTags = Tags.of(Objects.requireNonNull(tags, "tags"));
        this.refresh = Objects.requireNonNull(refresh, "refresh");
        this.jobTypes = Set.copyOf(shuffify.plugins().jobTypes());
        if (refresh.isNegative()) {
            throw new IllegalArgumentException("refresh must not be negative, was " + refresh);
        }
    }

    /**
     * Registers the gauges on a registry and starts counting runs (for every registry bound).
     *
     * @param registry the registry
     * @throws IllegalStateException after {@link #close()}
     */
    @Override
    public void bindTo(MeterRegistry registry) {
        Objects.requireNonNull(registry, "registry");
        if (closed) {
            throw new IllegalStateException("these metrics were closed; make new ShuffifyMetrics to bind again");
        }
        registries.add(registry);
        gauge(registry, BACKLOG, "due schedules no node has claimed yet", "schedules",
                h -> h.storeUp() ? h.dueSchedules() : Double.NaN);
        timeGauge(registry, BACKLOG_AGE, "how long the oldest due, unclaimed schedule has waited (poll lag)",
                h -> h.storeUp() ? h.oldestDueAge().toNanos() / 1e9 : Double.NaN);
        timeGauge(registry, LAST_POLL_AGE, "time since this node's scheduler last polled without a store failure",
                h -> h.lastPollAt() == null ? Double.NaN : h.lastPollAge().toNanos() / 1e9);
        gauge(registry, LEASES_HELD, "schedule claims (leases) this node holds", "leases", Health::claimsHeld);
        for (AccountHealth health : AccountHealth.values()) {
            Gauge.builder(ACCOUNTS, this, m -> {
                Health h = m.health();
                return h.storeUp() ? h.accounts().getOrDefault(health, 0L) : Double.NaN;
            }).description("accounts of one health").baseUnit("accounts")
                    .tags(commonTags).tag("health", health.name().toLowerCase(Locale.ROOT)).strongReference(true)
                    .register(registry);
        }
        gauge(registry, STORE_UP, "1 when the store answered the health check, 0 when not", null,
                h -> h.storeUp() ? 1 : 0);
        timeGauge(registry, STORE_LATENCY, "how long the store took to answer the health check",
                h -> h.storeLatency().toNanos() / 1e9);
        if (shuffify.operations().rateBudget().isPresent()) {
            Gauge.builder(RATE_BUDGET_IN_USE, shuffify, s -> rate(s, RateBudgetUsage::inWindow))
                    .description("calls in the application's current rate window").baseUnit("calls")
                    .tags(commonTags).strongReference(true).register(registry);
            Gauge.builder(RATE_BUDGET_LIMIT, shuffify, s -> rate(s, RateBudgetUsage::budget))
                    .description("calls the application's rate budget allows per window now").baseUnit("calls")
                    .tags(commonTags).strongReference(true).register(registry);
            FunctionCounter.builder(RATE_LIMITED, shuffify, s -> rate(s, RateBudgetUsage::rateLimitedResponses))
                    .description("429 (Too Many Requests) answers of the music service").tags(commonTags)
                    .register(registry);
        }
        synchronized (this) {
            if (!listening) {
                shuffify.operations().addListener(listener);
                listening = true;
            }
        }
    }

    /** Stops counting runs (the listener leaves the facade); the gauges stay in their registries. */
    @Override
    public synchronized void close() {
        closed = true;
        if (listening) {
            shuffify.operations().removeListener(listener);
            listening = false;
        }
    }

    private void gauge(MeterRegistry registry, String name, String description, String unit,
            ToDoubleFunction<Health> value) {
        Gauge.builder(name, this, m -> value.applyAsDouble(m.health())).description(description).baseUnit(unit)
                .tags(commonTags).strongReference(true).register(registry);
    }

    private void timeGauge(MeterRegistry registry, String name, String description,
            ToDoubleFunction<Health> seconds) {
        TimeGauge.builder(name, this, TimeUnit.SECONDS, m -> seconds.applyAsDouble(m.health()))
                .description(description).tags(commonTags).strongReference(true).register(registry);
    }

    private static double rate(Shuffify s, ToDoubleFunction<RateBudgetUsage> figure) {
        return s.operations().rateBudget().map(figure::applyAsDouble).orElse(Double.NaN);
    }

    /** One health check per refresh interval, shared by every gauge. */
    private synchronized Health health() {
        Instant now = shuffify.clock().instant();
        if (cached == null || refresh.isZero() || !now.isBefore(cached.checkedAt().plus(refresh))
                || now.isBefore(cached.checkedAt())) {
            cached = shuffify.operations().health();
        }
        return cached;
    }

    private void onEvent(JobEvent event) {
        Execution execution = event.execution();
        if (execution == null || !execution.status().isFinal() || event.type() == JobEvent.Type.STARTED
                || event.type() == JobEvent.Type.PROGRESS) {
            return;
        }
        Tags jobTag = commonTags.and("job.type", jobType(event.jobType()));
        Tags tags = jobTag.and("status", execution.status().wireName())
                .and("trigger", execution.triggerSource().name().toLowerCase(Locale.ROOT));
        Duration took = execution.duration().orElse(Duration.ZERO);
        for (MeterRegistry registry : registries) {
            Timer.builder(EXECUTIONS).description("finished executions").tags(tags).register(registry)
                    .record(took.isNegative() ? Duration.ZERO : took);
            Counter.builder(TRACKS_ADDED).description("tracks executions added").baseUnit("tracks").tags(jobTag)
                    .register(registry).increment(Math.max(0, execution.tracksAdded()));
            Counter.builder(TRACKS_REMOVED).description("tracks executions removed").baseUnit("tracks")
                    .tags(jobTag).register(registry).increment(Math.max(0, execution.tracksRemoved()));
        }
    }

    /** A job type the facade knows (its installed job types and chains), else {@code other}: bounded. */
    private String jobType(String jobType) {
        if (jobType == null) {
            return OTHER;
        }
        return jobTypes.contains(jobType) ? jobType : OTHER;
    }
}
