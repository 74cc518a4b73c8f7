package dev.shuffify.spring.boot;

import dev.shuffify.Shuffify;
import java.time.Duration;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

/**
 * Starts a {@link Shuffify} facade's scheduler with the application context and closes it when the context
 * stops. Closing waits for running jobs up to the scheduler's shutdown timeout, never longer than the context's
 * {@code spring.lifecycle.timeout-per-shutdown-phase} (less a second, so that jobs still running are marked
 * abandoned and rescheduled before Spring stops waiting), and leaves no execution {@code running}.
 *
 * @since 0.2.0
 */
public class ShuffifyLifecycle implements SmartLifecycle {
    private static final Logger LOG = LoggerFactory.getLogger(ShuffifyLifecycle.class);

    private final Shuffify shuffify;
    private final boolean startScheduler;
    private final Duration closeTimeout;
    private volatile boolean running;

    /**
     * Creates the lifecycle.
     *
     * @param shuffify the facade
     * @param startScheduler whether {@link #start()} starts the scheduler
     * @param shutdownTimeout how long closing may wait for running jobs
     * @param shutdownPhaseTimeout how long the context waits for one shutdown phase
     */
    public ShuffifyLifecycle(Shuffify shuffify, boolean startScheduler, Duration shutdownTimeout,
            Duration shutdownPhaseTimeout) {
        this.shuffify = Objects.requireNonNull(shuffify, "shuffify");
        this.startScheduler = startScheduler;
        Duration phase = Objects.requireNonNull(shutdownPhaseTimeout, "shutdownPhaseTimeout").minusSeconds(1);
        Duration timeout = Objects.requireNonNull(shutdownTimeout, "shutdownTimeout");
        Duration bounded = timeout.compareTo(phase) > 0 ? phase : timeout;
        this.closeTimeout = bounded.isNegative() ? Duration.ZERO : bounded;
    }

    /** Starts the scheduler, unless it is turned off ({@code shuffify.scheduler.enabled=false}). */
    @Override
    public void start() {
        if (startScheduler && !shuffify.isStarted()) {
            shuffify.start();
        }
        running = true;
    }

    /** Closes the facade: stops claiming schedules and waits for running jobs (see the class comment). */
    @Override
    public void stop() {
        running = false;
        if (!shuffify.close(closeTimeout)) {
            LOG.warn("Shuffify jobs still running after {} were marked abandoned and rescheduled", closeTimeout);
        }
    }

    /**
     * Whether {@link #start()} ran and {@link #stop()} did not.
     *
     * @return true while running
     */
    @Override
    public boolean isRunning() {
        return running;
    }

    /**
     * How long closing waits for running jobs.
     *
     * @return the timeout
     */
    public Duration closeTimeout() {
        return closeTimeout;
    }
}
