package dev.shuffify.internal.scheduler;

import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Logs store failures once per episode: a warning at the first, a debug line for each further one, and an info
 * line with the count when a poll goes through without one.
 */
final class StoreTrouble {
    private static final Logger LOG = LoggerFactory.getLogger(Scheduler.class);
    private final AtomicInteger failures = new AtomicInteger();
    private int failuresAtEpisodeStart = -1;

    int failures() {
        return failures.get();
    }

    synchronized void failed(String what, Throwable e) {
        failures.incrementAndGet();
        if (failuresAtEpisodeStart < 0) {
            failuresAtEpisodeStart = failures.get() - 1;
            LOG.warn("scheduler: {} failed; retrying with backoff (further failures logged at debug until it "
                    + "recovers)", what, e);
        } else {
            LOG.debug("scheduler: {} failed again", what, e);
        }
    }

    synchronized void recovered(String nodeId) {
        if (failuresAtEpisodeStart >= 0) {
            LOG.info("scheduler on node {} recovered after {} store failure(s)", nodeId,
                    failures.get() - failuresAtEpisodeStart);
            failuresAtEpisodeStart = -1;
        }
    }
}
