package dev.shuffify.internal.jdbc;

import dev.shuffify.model.Activity;
import dev.shuffify.model.Execution;
import dev.shuffify.model.Schedule;
import dev.shuffify.store.ClaimedStarts;
import dev.shuffify.store.RunCompletion;
import dev.shuffify.store.RunStart;
import dev.shuffify.store.ScheduleClaim;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.stream.Collectors;
import javax.sql.DataSource;

/**
 * Every part of the JDBC store over one data source, built after the schema is migrated.
 *
 * @param sql the database
 * @param schedules schedules and leases
 * @param executions executions
 * @param snapshots snapshots
 * @param pairs playlist pairs
 * @param accounts accounts
 * @param activity the activity log
 * @param membership membership history
 * @param settings per-user settings
 * @param pins pins
 * @param intents the intents of running jobs
 * @param playlistLeases the leases of playlists that runs write
 * @param schemaVersionBefore the schema version found when the store was opened (0 for a new database)
 */
public record JdbcParts(Sql sql, JdbcSchedules schedules, JdbcExecutions executions, JdbcSnapshots snapshots,
        JdbcPairs pairs, JdbcAccounts accounts, JdbcActivity activity, JdbcMembership membership,
        JdbcSettings settings, JdbcPins pins, JdbcIntents intents, JdbcPlaylistLeases playlistLeases,
        int schemaVersionBefore) {

    /**
     * Detects the dialect, migrates the schema to the latest version and builds the parts.
     *
     * @param dataSource the database
     * @param clock stamps migrations
     * @return the parts
     */
    public static JdbcParts open(DataSource dataSource, Clock clock) {
        Dialect dialect = new Sql(dataSource, Dialect.H2).run("connect to the database", Dialect::detect);
        int before = Migrator.migrate(dataSource, dialect, Migrator.latest(), clock);
        Sql sql = new Sql(dataSource, dialect);
        return new JdbcParts(sql, new JdbcSchedules(sql), new JdbcExecutions(sql), new JdbcSnapshots(sql),
                new JdbcPairs(sql), new JdbcAccounts(sql), new JdbcActivity(sql), new JdbcMembership(sql),
                new JdbcSettings(sql), new JdbcPins(sql), new JdbcIntents(sql), new JdbcPlaylistLeases(sql), before);
    }

    /**
     * Stores a finished execution and its schedule's outcome fields, and deletes the execution's intent, in one
     * transaction.
     *
     * @param execution the execution
     * @param schedule the schedule
     */
    public void recordOutcome(Execution execution, Schedule schedule) {
        sql.inTransaction("record the outcome of execution '" + execution.id() + "'", c -> {
            executions.upsert(c, execution);
            schedules.upsert(c, schedule);
            intents.delete(c, execution.id());
            return null;
        });
    }

    /** H2 is one node: starts are serialised in this JVM, as claims are, so two never insert one lease. */
    private static final Object H2_START_LOCK = new Object();

    /**
     * Records the starts of a batch of runs, their executions and playlist leases, in one transaction.
     *
     * @param starts the runs
     * @return for each run: empty when it holds every lease, else the first busy playlist
     */
    public List<Optional<String>> startRuns(List<RunStart> starts) {
        if (starts.isEmpty()) {
            return List.of();
        }
        Sql.Work<List<Optional<String>>> work = c -> {
            executions.upsertAll(c, starts.stream().map(RunStart::execution).toList());
            return playlistLeases.acquireAll(c, starts);
        };
        String what = "record the start of " + starts.size() + " run(s)";
        if (sql.dialect() == Dialect.H2) {
            synchronized (H2_START_LOCK) {
                return sql.inTransaction(what, work);
            }
        }
        return sql.inTransaction(what, work);
    }

    /**
     * Claims due schedules and records the starts {@code plan} makes of them in one transaction
     * ({@link dev.shuffify.store.ShuffifyStore#claimAndStartRuns}). A race with another node on a target
     * playlist (PostgreSQL) claims nothing this time, as {@code claimDue} does.
     *
     * @param owner the node
     * @param now the time
     * @param lease how long the leases last
     * @param limit at most this many claims
     * @param plan the starts of the claims
     * @return the claims and the busy playlist of each start
     */
    public ClaimedStarts claimAndStartRuns(String owner, Instant now, Duration lease, int limit,
            Function<List<ScheduleClaim>, List<RunStart>> plan) {
        Sql.Work<ClaimedStarts> work = c -> {
            List<ScheduleClaim> claims;
            try {
                claims = schedules.claimDue(c, owner, now, lease, limit);
            } catch (SQLException e) {
                if (sql.dialect() != Dialect.POSTGRESQL || !Sql.isUniqueViolation(e)) {
                    throw e;
                }
                throw new ClaimRaced();
            }
            List<RunStart> starts = plan.apply(claims);
            if (starts.isEmpty()) {
                return new ClaimedStarts(claims, List.of());
            }
            executions.upsertAll(c, starts.stream().map(RunStart::execution).toList());
            return new ClaimedStarts(claims, playlistLeases.acquireAll(c, starts));
        };
        String what = "claim due schedules and record the start of their runs";
        try {
            if (sql.dialect() == Dialect.H2) {
                synchronized (JdbcSchedules.h2ClaimLock()) {
                    synchronized (H2_START_LOCK) {
                        return sql.inTransaction(what, work);
                    }
                }
            }
            return sql.inTransaction(what, work);
        } catch (ClaimRaced raced) {
            // another node leased a schedule with the same target at the same moment; try again next poll
            return new ClaimedStarts(List.of(), List.of());
        }
    }

    /** A claim lost a race on a target playlist: the transaction is rolled back and nothing is claimed. */
    private static final class ClaimRaced extends RuntimeException {
        private static final long serialVersionUID = 1L;

        ClaimRaced() {
            super("claim raced with another node on a target playlist", null, false, false);
        }
    }

    /**
     * Records the ends of a batch of runs in one transaction ({@link dev.shuffify.store.ShuffifyStore#completeRuns}).
     *
     * @param completions the runs
     */
    public void completeRuns(List<RunCompletion> completions) {
        if (completions.isEmpty()) {
            return;
        }
        sql.inTransaction("record the end of " + completions.size() + " run(s)", c -> {
            // the ends of runs whose job ran: written only over a running (or missing) row, so an end that did
            // commit though it was reported failed, or a run another node ended meanwhile, is not written again
            List<RunCompletion> ran = completions.stream().filter(RunCompletion::jobRan).toList();
            boolean[] fresh = executions.endAll(c, ran.stream().map(RunCompletion::execution).toList());
            executions.saveAllIfRunning(c, completions.stream().filter(r -> !r.jobRan())
                    .map(RunCompletion::execution).toList());
            Ends ends = Ends.of(ran, fresh);
            List<RunCompletion> recordedNow = ends.recordedNow();
            List<RunCompletion> endedElsewhere = ends.endedElsewhere();
            Map<String, Schedule> current = schedules.outcomes().lockAll(c, java.util.stream.Stream.concat(
                    recordedNow.stream(), endedElsewhere.stream()).map(r -> r.execution().scheduleId())
                    .collect(Collectors.toCollection(TreeSet::new)));
            Map<String, Schedule> stored = Map.copyOf(current);
            Map<String, Map.Entry<Schedule, Map.Entry<String, Integer>>> outcomes = new LinkedHashMap<>();
            List<String> intentsDone = new ArrayList<>();
            List<Activity> activity = new ArrayList<>();
            for (RunCompletion r : recordedNow) {
                intentsDone.add(r.execution().id());
                Schedule s = current.get(r.execution().scheduleId());
                if (s != null) {
                    Schedule next = r.outcome().apply(s);
                    // one row version: the outcome and the lease's release in one statement
                    outcomes.put(next.id(), Map.entry(next, new java.util.AbstractMap.SimpleEntry<>(
                            r.leaseToken(), r.retryAttempt())));
                    current.put(next.id(), next);
                }
                if (r.activity() != null) {
                    activity.add(r.activity());
                }
            }
            Map<String, ScheduleOutcomes.Release> consumed = consumedElsewhere(endedElsewhere, current,
                    outcomes.keySet());
            List<String[]> playlistLeasesHeld = completions.stream().flatMap(r -> r.playlists().stream()
                    .map(p -> new String[] {p, r.execution().id()})).toList();
            Map<String, Integer> leases = leasesToClear(completions, outcomes.keySet(), consumed.keySet());
            schedules.outcomes().storeOutcomesAndRelease(c, List.copyOf(outcomes.values()), stored);
            schedules.outcomes().releaseMovingNextRun(c, consumed.values());
            intents.deleteAll(c, intentsDone);
            this.activity.appendAll(c, activity);
            playlistLeases.releaseAll(c, playlistLeasesHeld);
            schedules.outcomes().clearLeases(c, leases);
            return null;
        });
    }

    /**
     * The runs whose job ran, by who recorded their end.
     *
     * @param recordedNow their end was written by this batch
     * @param endedElsewhere another node ended their execution meanwhile, and they held a scheduler lease
     */
    private record Ends(List<RunCompletion> recordedNow, List<RunCompletion> endedElsewhere) {
        static Ends of(List<RunCompletion> ran, boolean[] fresh) {
            List<RunCompletion> recordedNow = new ArrayList<>();
            List<RunCompletion> endedElsewhere = new ArrayList<>();
            for (int i = 0; i < ran.size(); i++) {
                if (fresh[i]) {
                    recordedNow.add(ran.get(i));
                } else if (ran.get(i).leaseToken() != null) {
                    endedElsewhere.add(ran.get(i));
                }
            }
            return new Ends(recordedNow, endedElsewhere);
        }
    }

    /**
     * A run whose job ran but whose execution another node ended meanwhile (taken for abandoned, its holder
     * having missed heartbeats) consumes its slot all the same, while its lease is still held.
     */
    private static Map<String, ScheduleOutcomes.Release> consumedElsewhere(List<RunCompletion> endedElsewhere,
            Map<String, Schedule> current, Set<String> withOutcome) {
        Map<String, ScheduleOutcomes.Release> consumed = new LinkedHashMap<>();
        for (RunCompletion r : endedElsewhere) {
            Schedule s = current.get(r.execution().scheduleId());
            if (s != null && !withOutcome.contains(s.id())) {
                consumed.put(r.leaseToken(), new ScheduleOutcomes.Release(r.leaseToken(), r.retryAttempt(),
                        r.outcome().apply(s).nextRunAt()));
            }
        }
        return consumed;
    }

    /** The scheduler leases a batch releases without an outcome statement: token to retry attempt. */
    private static Map<String, Integer> leasesToClear(List<RunCompletion> completions,
            Set<String> withOutcome, Set<String> consumed) {
        Map<String, Integer> leases = new LinkedHashMap<>();
        for (RunCompletion r : completions) {
            if (r.leaseToken() != null && !withOutcome.contains(r.execution().scheduleId())
                    && !consumed.contains(r.leaseToken())) {
                leases.put(r.leaseToken(), r.retryAttempt());
            }
        }
        return leases;
    }

    /**
     * The schema version the database is at now.
     *
     * @return the version
     */
    public int schemaVersion() {
        return sql.run("read the schema version", Migrator::currentVersion);
    }
}
