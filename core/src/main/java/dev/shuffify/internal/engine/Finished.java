package dev.shuffify.internal.engine;

import dev.shuffify.model.Activity;
import dev.shuffify.model.Execution;
import java.util.List;

/**
 * The end of a run, not stored yet: {@link Outcomes#completion} makes of it what the store records, with the
 * release of its leases, in one transaction ({@link dev.shuffify.store.ShuffifyStore#completeRuns}).
 *
 * @param execution the finished execution
 * @param activity its activity entry, or null for none
 * @param playlists the playlist leases its execution holds
 * @param jobRan false when the job never ran: the slot stays due
 * @param waiting true when it did not run because another run holds one of its playlists: try it again later
 *     rather than at once
 * @param failure the class of its failure ({@link FailureKind#NONE} when it did not fail)
 * @param unlock gives back this node's locks of the playlists; run once the end is stored (or given up)
 */
public record Finished(Execution execution, Activity activity, List<String> playlists, boolean jobRan,
        boolean waiting, FailureKind failure, Runnable unlock) {
}
