package dev.shuffify.store;

import dev.shuffify.model.Execution;
import dev.shuffify.model.Schedule;

/**
 * Where Shuffify keeps its state. One implementation holds every part: schedules, executions, snapshots,
 * pairs, accounts, activity, membership history, settings, pins and the intents of running jobs.
 * Implementations are thread-safe.
 *
 * <p>Ships with {@link InMemoryShuffifyStore} (tests, throwaway embedding) and a JDBC store.
 * Implementers: run the contract suite in {@code dev.shuffify.testing} against yours.
 *
 * @since 0.1.0
 */
public interface ShuffifyStore extends AutoCloseable {

    /**
     * Schedules.
     *
     * @return never null
     */
    ScheduleStore schedules();

    /**
     * Executions.
     *
     * @return never null
     */
    ExecutionStore executions();

    /**
     * Snapshots.
     *
     * @return never null
     */
    SnapshotStore snapshots();

    /**
     * Playlist pairs.
     *
     * @return never null
     */
    PairStore pairs();

    /**
     * Accounts and their encrypted credentials.
     *
     * @return never null
     */
    AccountStore accounts();

    /**
     * The activity log.
     *
     * @return never null
     */
    ActivityStore activity();

    /**
     * Playlist membership history.
     *
     * @return never null
     */
    MembershipStore membership();

    /**
     * Per-user settings.
     *
     * @return never null
     */
    SettingsStore settings();

    /**
     * Pins.
     *
     * @return never null
     */
    PinStore pins();

    /**
     * The intents of running jobs (what they are about to change), kept for the repair of interrupted runs.
     *
     * @return never null
     * @since 0.2.0
     */
    IntentStore intents();

    /**
     * The leases of playlists that runs write, shared by every node of the store. The built-in stores share
     * them (a database table for the JDBC store); the default, for a store that does not, grants every lease
     * ({@link PlaylistLeaseStore#UNSHARED}), which excludes runs of one node only.
     *
     * @return never null
     * @since 0.2.0
     */
    default PlaylistLeaseStore playlistLeases() {
        return PlaylistLeaseStore.UNSHARED;
    }

    /**
     * Records the end of an execution and the schedule's new last-run fields and next run, and deletes the
     * execution's {@linkplain #intents() intent}, in one transaction: either all of it happens or none of it.
     *
     * @param execution the finished execution
     * @param schedule the schedule with its outcome fields updated
     */
    void recordOutcome(Execution execution, Schedule schedule);

    /** Releases resources (connections, files). The default does nothing. */
    @Override
    default void close() {
    }
}
