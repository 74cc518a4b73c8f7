package dev.shuffify.internal.engine;

import dev.shuffify.model.Activity;
import dev.shuffify.model.Execution;
import dev.shuffify.model.JobIntent;
import dev.shuffify.model.UserSettings;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicBoolean;

/** What a run has read and holds, and, once it ends, its {@link Finished end}. */
final class RunState {
    /** The owner's settings, read for the batch; null: read them when the job runs. */
    UserSettings settings;
    /** The schedule's intents, read for the batch; null: read them when the job runs. */
    List<JobIntent> intents;
    /** The playlist leases the run's execution holds, released with its end. */
    final List<String> playlists = new ArrayList<>();
    /** This node's locks of the playlists. */
    final List<Semaphore> local = new ArrayList<>();
    private final AtomicBoolean unlocked = new AtomicBoolean();
    private Finished result;

    void finished(Execution done, Activity activity, boolean jobRan) {
        finished(done, activity, jobRan, false, FailureKind.NONE);
    }

    void finished(Execution done, Activity activity, boolean jobRan, boolean waiting, FailureKind failure) {
        result = new Finished(done, activity, List.copyOf(playlists), jobRan, waiting, failure, this::unlock);
    }

    /** @return the end, or null while the run goes on */
    Finished result() {
        return result;
    }

    /** Gives back this node's playlist locks, once. */
    void unlock() {
        if (unlocked.compareAndSet(false, true)) {
            local.forEach(Semaphore::release);
        }
    }
}
