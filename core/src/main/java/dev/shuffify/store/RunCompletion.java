package dev.shuffify.store;

import dev.shuffify.model.Activity;
import dev.shuffify.model.Execution;
import dev.shuffify.model.Schedule;
import java.util.List;
import java.util.Objects;
import java.util.function.UnaryOperator;

/**
 * The end of one run, recorded by {@link ShuffifyStore#completeRuns}: the execution's end, the schedule's
 * outcome and next run, the release of its scheduler lease and playlist leases, and its activity entry.
 *
 * @param execution the finished execution
 * @param outcome given the schedule as stored when the outcome is recorded, the schedule to store (its
 *     last-run fields and next run set); null when the run's job never ran: the execution is then stored only
 *     over a {@code running} row and the schedule, its slot still due, is left as it is
 * @param leaseToken the scheduler lease to release, or null for none
 * @param retryAttempt the retry attempt the schedule's next run is (0 when it is not a retry)
 * @param activity the activity entry to append, or null for none
 * @param playlists the playlist leases the execution holds, released
 * @since 0.2.0
 */
public record RunCompletion(Execution execution, UnaryOperator<Schedule> outcome, String leaseToken,
        int retryAttempt, Activity activity, List<String> playlists) {
    /**
     * Validates and copies.
     *
     * @param execution the finished execution
     * @param outcome the schedule's new state from its stored one, or null when the job never ran
     * @param leaseToken the scheduler lease to release, or null
     * @param retryAttempt the retry attempt of the next run
     * @param activity the activity entry, or null
     * @param playlists the playlist leases to release
     */
    public RunCompletion {
        Objects.requireNonNull(execution, "execution");
        if (retryAttempt < 0) {
            throw new IllegalArgumentException("retryAttempt must be 0 or more, was " + retryAttempt);
        }
        playlists = List.copyOf(playlists);
    }

    /**
     * Whether the run's job ran (its outcome moves the schedule on).
     *
     * @return false for a run whose job never ran
     */
    public boolean jobRan() {
        return outcome != null;
    }
}
