package dev.shuffify.internal.service;

import dev.shuffify.event.JobListener;
import dev.shuffify.internal.engine.ExecutionEngine;
import dev.shuffify.internal.engine.JobTypes;
import dev.shuffify.internal.scheduler.Scheduler;
import dev.shuffify.model.Activity;
import dev.shuffify.model.ActivityType;
import dev.shuffify.spi.PlaylistServiceConnector;
import dev.shuffify.store.ShuffifyStore;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What the services share: the store, the clock, the id source, the engine, the scheduler and the listeners.
 *
 * @param store the store
 * @param clock the clock
 * @param ids the id source
 * @param jobTypes the job types and chains
 * @param engine the engine
 * @param scheduler the scheduler
 * @param connector the music-service connector
 * @param listeners the listeners the engine notifies (mutable, thread-safe)
 */
public record ServiceContext(ShuffifyStore store, Clock clock, Supplier<String> ids, JobTypes jobTypes,
        ExecutionEngine engine, Scheduler scheduler, PlaylistServiceConnector connector,
        List<JobListener> listeners) {

    private static final Logger LOG = LoggerFactory.getLogger(ServiceContext.class);

    /**
     * Appends a line to a user's activity log; a failure is logged and never fails the caller.
     *
     * @param userId the user
     * @param type the kind of entry
     * @param description what happened
     * @param meta its details
     */
    void logActivity(String userId, ActivityType type, String description, Map<String, Object> meta) {
        try {
            store.activity().append(new Activity(ids.get(), userId, type, description, meta, clock.instant()));
        } catch (RuntimeException e) {
            LOG.warn("could not log activity {} for user {}", type, userId, e);
        }
    }
}
