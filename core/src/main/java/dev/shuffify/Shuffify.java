package dev.shuffify;

import dev.shuffify.internal.service.Wiring;
import dev.shuffify.service.OperationsService;
import dev.shuffify.service.PairService;
import dev.shuffify.service.PinService;
import dev.shuffify.service.PluginService;
import dev.shuffify.service.RunService;
import dev.shuffify.service.ScheduleService;
import dev.shuffify.service.SnapshotService;
import dev.shuffify.service.UserService;
import dev.shuffify.store.ShuffifyStore;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The library's facade: it wires the plugins, the engine, the scheduler and the store, and hands out one service
 * per concern. Build one per application with {@link #builder()} and share it; it and its services are
 * thread-safe.
 *
 * <pre>{@code
 * Shuffify shuffify = Shuffify.builder()
 *         .store(store)                 // default: in memory
 *         .connector(spotifyConnector)  // how to reach a user's music account
 *         .build();
 * Schedule s = shuffify.schedules().create("alice", ScheduleDefinition.of(
 *         JobSpec.builder("shuffle").target("37i9dQZF1DX0XUsuxWHRQd", "Mix").algorithm("balanced").build(),
 *         Trigger.named("daily")));
 * Execution e = shuffify.runs().runNow("alice", s.id());
 * shuffify.start();                     // the scheduler, until close()
 * }</pre>
 *
 * <table>
 * <caption>The services</caption>
 * <tr><th>service</th><th>what it does</th></tr>
 * <tr><td>{@link #schedules()}</td><td>create, update, pause, delete and list a user's schedules</td></tr>
 * <tr><td>{@link #runs()}</td><td>run now, dry runs (preview) and history</td></tr>
 * <tr><td>{@link #snapshots()}</td><td>list, take and restore snapshots</td></tr>
 * <tr><td>{@link #pins()}</td><td>pin entries in place</td></tr>
 * <tr><td>{@link #pairs()}</td><td>playlist pairs for rotation, and rotation status</td></tr>
 * <tr><td>{@link #users()}</td><td>a user's settings and activity log</td></tr>
 * <tr><td>{@link #operations()}</td><td>the operator's controls: jobs, pause / resume / trigger for any owner,
 * health, rate budget, counts, listeners</td></tr>
 * <tr><td>{@link #plugins()}</td><td>the plugins and job types found</td></tr>
 * </table>
 *
 * <p>A service method that acts for a user takes the owner's id first, always, and checks ownership: another
 * user's schedule, snapshot, pin or pair is reported as not found, never as forbidden. Bad input is refused with
 * a {@link dev.shuffify.error.ValidationException} naming the parameter before anything is stored (see
 * {@link dev.shuffify.service}).
 *
 * @since 0.1.0
 */
public final class Shuffify implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(Shuffify.class);

    private final Wiring wiring;
    private final Duration shutdownTimeout;

    Shuffify(Wiring wiring, Duration shutdownTimeout) {
        this.wiring = wiring;
        this.shutdownTimeout = shutdownTimeout;
    }

    /**
     * A new builder.
     *
     * @return the builder
     */
    public static ShuffifyBuilder builder() {
        return new ShuffifyBuilder();
    }

    /**
     * A user's schedules.
     *
     * @return the service
     * @since 0.3.0
     */
    public ScheduleService schedules() {
        return wiring.schedules();
    }

    /**
     * Running a user's schedules now, dry runs and history.
     *
     * @return the service
     * @since 0.3.0
     */
    public RunService runs() {
        return wiring.runs();
    }

    /**
     * A user's snapshots.
     *
     * @return the service
     * @since 0.3.0
     */
    public SnapshotService snapshots() {
        return wiring.snapshots();
    }

    /**
     * A user's pins.
     *
     * @return the service
     * @since 0.3.0
     */
    public PinService pins() {
        return wiring.pins();
    }

    /**
     * A user's playlist pairs and rotation status.
     *
     * @return the service
     * @since 0.3.0
     */
    public PairService pairs() {
        return wiring.pairs();
    }

    /**
     * A user's settings and activity log.
     *
     * @return the service
     * @since 0.3.0
     */
    public UserService users() {
        return wiring.users();
    }

    /**
     * The operator's controls, for any owner: jobs, pause / resume / trigger, health, rate budget, listeners.
     *
     * @return the service
     * @since 0.3.0
     */
    public OperationsService operations() {
        return wiring.operations();
    }

    /**
     * The plugins and job types found.
     *
     * @return the service
     * @since 0.3.0
     */
    public PluginService plugins() {
        return wiring.plugins();
    }

    /**
     * The store behind this instance.
     *
     * @return the store
     */
    public ShuffifyStore store() {
        return wiring.store();
    }

    /**
     * The clock this instance reads time from.
     *
     * @return the clock
     */
    public Clock clock() {
        return wiring.clock();
    }

    /**
     * Starts the scheduler (see {@link SchedulerOptions}): runs left {@code running} by a previous life of
     * this node are reconciled, then a loop on daemon threads claims due schedules in batches, runs them on a
     * bounded pool (never two at once on one target playlist), renews their leases, recovers the runs of dead
     * nodes, retries transient failures and prunes old history. Several nodes may share a PostgreSQL store;
     * each due slot runs once. Stop it with {@link #close()}.
     *
     * @throws IllegalStateException when already started, or after {@link #close()}
     */
    public void start() {
        wiring.scheduler().start();
    }

    /**
     * Whether the scheduler is running ({@link #start()} called, {@link #close()} not yet).
     *
     * @return true while running
     */
    public boolean isStarted() {
        return wiring.scheduler().isRunning();
    }

    /**
     * Stops the scheduler, waiting for running jobs up to {@link SchedulerOptions#shutdownTimeout()}, and closes
     * the store when this instance created it (a store given to the builder is the host's to close). Leaves no
     * execution {@code running}.
     */
    @Override
    public void close() {
        close(shutdownTimeout);
    }

    /**
     * Stops claiming due schedules, waits up to {@code timeout} for running jobs, marks those still running
     * {@code abandoned} (their schedules are rescheduled), and closes the store when this instance created it.
     * Idempotent.
     *
     * @param timeout how long to wait for running jobs
     * @return true when every running job finished within the timeout
     */
    public boolean close(Duration timeout) {
        boolean finished = wiring.scheduler().close(Objects.requireNonNull(timeout, "timeout"));
        if (wiring.ownsStore()) {
            try {
                wiring.store().close();
            } catch (Exception e) {
                LOG.warn("could not close the store", e);
            }
        }
        return finished;
    }
}
