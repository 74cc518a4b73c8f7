package dev.shuffify.event;

/**
 * Receives job events, to feed metrics or activity feeds. Called synchronously on the thread running the
 * job; keep it quick. A listener that throws is logged and never fails the job.
 *
 * <pre>{@code
 * Shuffify.builder().listener(event -> metrics.count(event.type().name())).build();
 * }</pre>
 *
 * @since 0.1.0
 */
@FunctionalInterface
public interface JobListener {

    /**
     * Called for every event.
     *
     * @param event the event; never null
     */
    void onEvent(JobEvent event);
}
