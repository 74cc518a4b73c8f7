package dev.shuffify.internal.engine;

import dev.shuffify.model.Account;
import dev.shuffify.model.AccountHealth;
import dev.shuffify.model.Execution;
import dev.shuffify.model.ExecutionStatus;
import dev.shuffify.model.JobIntent;
import dev.shuffify.model.Schedule;
import dev.shuffify.model.TriggerSource;
import dev.shuffify.spi.JobExecutor;
import dev.shuffify.store.PlaylistLeaseRule;
import dev.shuffify.store.ShuffifyStore;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What must hold before a run's job may start: which playlists it writes (it locks and leases them all), its
 * account not quarantined, no earlier run of its schedule half-written; and the taking of its playlist leases.
 */
final class RunGuards {
    private static final Logger LOG = LoggerFactory.getLogger(ExecutionEngine.class);
    /**
     * How long a run's cross-node playlist leases last unless released: longer than a job may run (the Spotify
     * adapter's job deadline is 15 minutes by default). A host that dies leaves them to expire, or to the repair
     * of its run, which takes them over.
     */
    static final Duration PLAYLIST_LEASE = Duration.ofMinutes(30);

    private final EngineConfig config;
    private final ShuffifyStore store;

    RunGuards(EngineConfig config) {
        this.config = config;
        this.store = config.store();
    }

    /**
     * The playlists a run may write, in a fixed order: the target, the archive of the target's pair (rotate
     * writes it) and those the job type names ({@link JobExecutor#otherPlaylistsWritten}, e.g. drip's staging
     * playlist). Locking all of them keeps two jobs from interleaving writes on any one playlist.
     */
    List<String> playlistsWritten(Schedule schedule) {
        TreeSet<String> ids = new TreeSet<>();
        if (schedule.job().target() != null) {
            String target = schedule.job().target().id();
            ids.add(target);
            try {
                store.pairs().find(schedule.userId(), target).ifPresent(p -> ids.add(p.archive().id()));
            } catch (RuntimeException e) {
                LOG.warn("could not read the pair of playlist {}; locking the target only", target, e);
            }
        }
        try {
            for (JobExecutor step : config.jobTypes().resolve(schedule.jobType())) {
                ids.addAll(step.otherPlaylistsWritten(schedule.job()));
            }
        } catch (RuntimeException e) {
            // an unknown job type or a failing plugin: the run itself reports it; lock what is known
            LOG.debug("could not ask the job type which playlists it writes", e);
        }
        return List.copyOf(ids);
    }

    /**
     * Why a scheduled run is skipped before its job: its account is quarantined. A manual run is never skipped.
     *
     * @param accounts the accounts of a batch read already, or null to read this one
     */
    Optional<String> skipReason(Schedule schedule, TriggerSource source, Map<String, Account> accounts) {
        if (source == TriggerSource.MANUAL) {
            return Optional.empty();
        }
        try {
            Optional<Account> account = accounts != null ? Optional.ofNullable(accounts.get(schedule.userId()))
                    : store.accounts().find(schedule.userId());
            if (account.isPresent() && account.get().health() == AccountHealth.QUARANTINED) {
                return Optional.of("account of user '" + schedule.userId() + "' is quarantined after "
                        + account.get().consecutiveFailures() + " consecutive failures"
                        + (account.get().reason() == null ? "" : ": " + account.get().reason()));
            }
        } catch (RuntimeException e) {
            LOG.warn("could not read the account health of user {}; running anyway", schedule.userId(), e);
        }
        return Optional.empty();
    }

    /**
     * Another run of this schedule that has written and not finished: it runs on another node without a lease (a
     * "run now"), or its process died and it has not been found abandoned yet. Building on its playlists could
     * lose what it took out, so this run is skipped until that one ends or is repaired.
     *
     * @param intents the schedule's intents read already, or null to read them
     */
    Optional<String> unfinishedRun(Schedule schedule, String executionId, List<JobIntent> intents) {
        try {
            for (JobIntent intent : intents != null ? intents : store.intents().listBySchedule(schedule.id())) {
                if (intent.executionId().equals(executionId)) {
                    continue;
                }
                Optional<Execution> run = store.executions().find(intent.executionId());
                if (run.isPresent() && run.get().status() == ExecutionStatus.RUNNING) {
                    return Optional.of("run '" + intent.executionId() + "' of this schedule has written to its "
                            + "playlists and not finished (running elsewhere, or its process stopped and it is "
                            + "repaired once found abandoned); skipped so as not to build on a half-written playlist");
                }
            }
        } catch (RuntimeException e) {
            LOG.warn("could not read the intents of schedule {}; running anyway", schedule.id(), e);
        }
        return Optional.empty();
    }

    /**
     * Takes the cross-node lease of every playlist, in order, for {@code holder}, as {@link PlaylistLeaseRule}
     * allows. Stops at the first playlist another running execution holds, releasing nothing itself (the caller
     * releases {@code leased}).
     *
     * @return the playlist that is busy, or empty when every lease was taken
     */
    Optional<String> leasePlaylists(List<String> playlists, String holder, String takeOverFrom, List<String> leased) {
        Instant now = config.clock().instant();
        return PlaylistLeaseRule.acquireAll(store.playlistLeases(), id -> store.executions().find(id)
                .map(Execution::status), playlists, holder, takeOverFrom, now.plus(PLAYLIST_LEASE), now, leased);
    }

    void releaseLeases(List<String> leased, String holder) {
        for (String playlistId : leased) {
            try {
                store.playlistLeases().release(playlistId, holder);
            } catch (RuntimeException e) {
                LOG.warn("could not release the lease of playlist {}; it expires by itself", playlistId, e);
            }
        }
    }
}
