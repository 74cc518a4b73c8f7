package dev.shuffify.internal.service;

import dev.shuffify.event.JobListener;
import dev.shuffify.model.AccountHealth;
import dev.shuffify.model.Execution;
import dev.shuffify.model.ExecutionStatus;
import dev.shuffify.model.Health;
import dev.shuffify.model.Schedule;
import dev.shuffify.model.ScheduleState;
import dev.shuffify.model.TriggerSource;
import dev.shuffify.service.OperationsService;
import dev.shuffify.spi.RateBudgetUsage;
import dev.shuffify.store.DueBacklog;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The {@link OperationsService}: the scheduler's controls, health, the rate budget and the listeners. */
public final class Operations implements OperationsService {
    private static final Logger LOG = LoggerFactory.getLogger(Operations.class);

    private final ServiceContext c;

    /**
     * Creates the service.
     *
     * @param context what the services share
     */
    public Operations(ServiceContext context) {
        this.c = context;
    }

    @Override
    public Optional<Execution> execute(String scheduleId) {
        Check.id("scheduleId", scheduleId);
        return c.engine().execute(scheduleId, TriggerSource.SCHEDULER, 1);
    }

    @Override
    public List<ScheduleState> jobs() {
        return c.scheduler().jobs(null);
    }

    @Override
    public Schedule pause(String scheduleId) {
        Check.id("scheduleId", scheduleId);
        return c.scheduler().pause(scheduleId);
    }

    @Override
    public Schedule resume(String scheduleId) {
        Check.id("scheduleId", scheduleId);
        return c.scheduler().resume(scheduleId);
    }

    @Override
    public Optional<CompletableFuture<Execution>> trigger(String scheduleId) {
        Check.id("scheduleId", scheduleId);
        return c.scheduler().trigger(scheduleId).map(run -> run.thenApply(e -> e.orElse(null)));
    }

    @Override
    public Map<ExecutionStatus, Long> executionCounts() {
        return c.store().executions().countByStatus();
    }

    @Override
    public Health health() {
        Instant now = c.clock().instant();
        long start = System.nanoTime();
        DueBacklog backlog = DueBacklog.EMPTY;
        Map<AccountHealth, Long> accounts = Map.of();
        String error = null;
        try {
            backlog = Objects.requireNonNull(c.store().schedules().dueBacklog(now), "dueBacklog");
            accounts = Objects.requireNonNull(c.store().accounts().countByHealth(), "countByHealth");
        } catch (RuntimeException e) {
            error = describe(e);
            backlog = DueBacklog.EMPTY;
            accounts = Map.of();
        }
        Duration latency = Duration.ofNanos(Math.max(0, System.nanoTime() - start));
        return new Health(now, error == null, latency, error, c.scheduler().isRunning(),
                c.scheduler().lastSuccessfulPoll(), backlog.count(), backlog.oldestNextRunAt(),
                c.scheduler().claimsHeld(), accounts);
    }

    /** A failure in a few words: its class and message (store messages name the operation, never a secret). */
    private static String describe(Throwable e) {
        String message = e.getMessage();
        if (message != null && message.length() > 500) {
            message = message.substring(0, 500) + "…";
        }
        return e.getClass().getName() + (message == null ? "" : ": " + message);
    }

    @Override
    public Optional<RateBudgetUsage> rateBudget() {
        try {
            return c.connector().rateBudget();
        } catch (RuntimeException e) {
            LOG.debug("the connector could not report its rate budget", e);
            return Optional.empty();
        }
    }

    @Override
    public void addListener(JobListener listener) {
        c.listeners().add(Check.present("listener", listener));
    }

    @Override
    public boolean removeListener(JobListener listener) {
        return c.listeners().remove(Check.present("listener", listener));
    }
}
