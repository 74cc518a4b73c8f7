package dev.shuffify.store;

import dev.shuffify.model.Execution;
import dev.shuffify.model.ExecutionStatus;
import dev.shuffify.model.Schedule;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Where Shuffify keeps its state. One implementation holds every part: schedules, executions, snapshots,
 * pairs, accounts, activity, membership history, settings, pins and the intents of running jobs.
 * Implementations are thread-safe.
 *
 * <p>Ships with {@link InMemoryShuffifyStore} (tests, throwaway embedding) and a JDBC store.
 * Implementers: run the contract suite of {@code shuffify-test-kit} ({@code dev.shuffify.testkit.ShuffifyStoreContract}) against yours.
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

    /**
     * Records the start of a batch of runs: each execution, {@code running}, and the leases of the playlists it
     * writes, taking over a lease whose holder's execution has ended (or is no longer stored). A run one of
     * whose playlists another running execution holds gets none of its leases (any it took are given back) but
     * its execution is recorded all the same. The JDBC store does it all in one transaction; this default does
     * it one call at a time (a failure part way leaves the runs before it started).
     *
     * @param starts the runs
     * @return for each run, in order: empty when it holds every lease, else the first playlist another run holds
     * @throws StoreException when the store fails (the caller takes none of the runs as started)
     * @since 0.2.0
     */
    default List<Optional<String>> startRuns(List<RunStart> starts) {
        List<Optional<String>> busy = new ArrayList<>(starts.size());
        for (RunStart start : starts) {
            executions().save(start.execution());
            String holder = start.execution().id();
            java.time.Instant now = start.execution().startedAt();
            List<String> leased = new ArrayList<>();
            Optional<String> taken = PlaylistLeaseRule.acquireAll(playlistLeases(),
                    id -> executions().find(id).map(Execution::status), start.playlists(), holder, null,
                    start.leaseUntil(), now, leased);
            if (taken.isPresent()) {
                leased.forEach(p -> playlistLeases().release(p, holder));
            }
            busy.add(taken);
        }
        return busy;
    }

    /**
     * Claims due schedules ({@link ScheduleStore#claimDue}) and records the starts of the runs {@code plan} makes
     * of the claims ({@link #startRuns}), in one transaction where the store has them: one commit for a poll's
     * claims and starts. The JDBC store does so; this default claims, then records the starts, one after the
     * other.
     *
     * <p>When this throws after {@code plan} was called, the caller cannot tell whether the claims (and
     * starts) were kept: a commit may take effect though it is reported failed. It ends each planned run as not
     * run and releases each claim ({@link #completeRuns}, {@link ScheduleStore#release}), which changes nothing
     * where nothing was kept.
     *
     * @param owner the claiming node
     * @param now the time
     * @param lease how long the claims' leases last
     * @param limit at most this many claims
     * @param plan given the claims, earliest slot first, the starts to record (a claim may have none); called
     *     once, on the calling thread, before anything is committed
     * @return the claims, and what {@link #startRuns} answers for the starts
     * @throws StoreException when the store fails
     * @since 0.2.0
     */
    default ClaimedStarts claimAndStartRuns(String owner, java.time.Instant now, java.time.Duration lease,
            int limit, java.util.function.Function<List<ScheduleClaim>, List<RunStart>> plan) {
        List<ScheduleClaim> claims = schedules().claimDue(owner, now, lease, limit);
        List<RunStart> starts = plan.apply(claims);
        return new ClaimedStarts(claims, starts.isEmpty() ? List.of() : startRuns(starts));
    }

    /**
     * Records the ends of a batch of runs. For each: unless its execution is stored as ended already (a retry of
     * a write that did take effect), stores the execution — over a {@code running} row only when its job never
     * ran — and, when the job ran, the schedule {@link RunCompletion#outcome} makes of the stored one, deletes
     * the execution's intent and appends its activity entry; then, in every case, releases its playlist leases
     * and its scheduler lease (setting the retry attempt; the next run as stored). A run whose job ran but whose
     * execution is stored as ended by someone else (another node took it for abandoned, its holder having
     * missed heartbeats) still consumes its slot: if it still holds its scheduler lease, the release sets the
     * next run its outcome gives. Idempotent, so a batch reported failed can be retried. The JDBC store does a whole batch in one transaction; this default does it
     * one call at a time.
     *
     * @param completions the runs
     * @throws StoreException when the store fails
     * @since 0.2.0
     */
    default void completeRuns(List<RunCompletion> completions) {
        for (RunCompletion c : completions) {
            Execution e = c.execution();
            Optional<Execution> stored = executions().find(e.id());
            boolean ended = stored.isPresent() && stored.get().status().isFinal();
            Optional<Schedule> current = schedules().find(e.scheduleId());
            if (!ended && !c.jobRan()) {
                if (stored.isPresent() && stored.get().status() == ExecutionStatus.RUNNING) {
                    executions().saveIfRunning(e);
                }
            } else if (!ended) {
                if (current.isPresent()) {
                    Schedule next = c.outcome().apply(current.get());
                    recordOutcome(e, next);
                    current = Optional.of(next);
                } else {
                    executions().save(e);
                    intents().delete(e.id());
                }
                if (c.activity() != null) {
                    activity().append(c.activity());
                }
            }
            for (String playlistId : c.playlists()) {
                playlistLeases().release(playlistId, e.id());
            }
            if (c.leaseToken() != null && current.isPresent()) {
                java.time.Instant asStored = current.get().nextRunAt();
                // a run whose job ran consumes its slot, even when another node ended its execution meanwhile
                java.time.Instant next = ended && c.jobRan() ? c.outcome().apply(current.get()).nextRunAt()
                        : asStored;
                schedules().release(c.leaseToken(), asStored, next, c.retryAttempt());
            }
        }
    }

    /** Releases resources (connections, files). The default does nothing. */
    @Override
    default void close() {
    }
}
