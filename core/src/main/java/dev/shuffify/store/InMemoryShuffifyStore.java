package dev.shuffify.store;

import dev.shuffify.model.Account;
import dev.shuffify.model.AccountHealth;
import dev.shuffify.model.Activity;
import dev.shuffify.model.Execution;
import dev.shuffify.model.JobIntent;
import dev.shuffify.model.ExecutionStatus;
import dev.shuffify.model.Membership;
import dev.shuffify.model.Pin;
import dev.shuffify.model.PlaylistPair;
import dev.shuffify.model.Schedule;
import dev.shuffify.model.Snapshot;
import dev.shuffify.model.UserSettings;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * A thread-safe store that keeps everything in memory: for tests, demos and throwaway embedding. Every
 * operation holds one lock, so compound writes such as {@link #recordOutcome} are atomic.
 *
 * @since 0.1.0
 */
public final class InMemoryShuffifyStore implements ShuffifyStore {
    private final Object lock = new Object();
    private final Map<String, Schedule> schedules = new LinkedHashMap<>();
    private final Map<String, Execution> executions = new LinkedHashMap<>();
    private final Map<String, Snapshot> snapshots = new LinkedHashMap<>();
    private final Map<String, PlaylistPair> pairs = new LinkedHashMap<>();
    private final Map<String, Account> accounts = new LinkedHashMap<>();
    private final List<Activity> activity = new ArrayList<>();
    private final Map<String, Map<String, Membership>> membership = new LinkedHashMap<>();
    private final Map<String, UserSettings> settings = new LinkedHashMap<>();
    private final Map<String, Pin> pins = new LinkedHashMap<>();
    private final Map<String, Lease> leases = new LinkedHashMap<>();
    private final Map<String, Integer> retryAttempts = new HashMap<>();
    private final Map<String, JobIntent> intents = new LinkedHashMap<>();

    private final ScheduleStore scheduleStore = new Schedules();
    private final ExecutionStore executionStore = new InMemoryRunRecords.Executions(lock, executions);
    private final SnapshotStore snapshotStore = new InMemoryUserRecords.Snapshots(lock, snapshots);
    private final PairStore pairStore = new InMemoryUserRecords.Pairs(lock, pairs);
    private final AccountStore accountStore = new InMemoryUserRecords.Accounts(lock, accounts);
    private final ActivityStore activityStore = new InMemoryUserRecords.ActivityLog(lock, activity);
    private final MembershipStore membershipStore = new InMemoryUserRecords.Memberships(lock, membership);
    private final SettingsStore settingsStore = new InMemoryUserRecords.Settings(lock, settings);
    private final PinStore pinStore = new InMemoryUserRecords.Pins(lock, pins);
    private final IntentStore intentStore = new InMemoryRunRecords.Intents(lock, intents);
    private final Map<String, Map.Entry<String, Instant>> playlistLeases = new HashMap<>();
    private final PlaylistLeaseStore playlistLeaseStore = new InMemoryRunRecords.PlaylistLeases(lock, playlistLeases);

    /** Creates an empty store. */
    public InMemoryShuffifyStore() {
    }

    @Override
    public ScheduleStore schedules() {
        return scheduleStore;
    }

    @Override
    public ExecutionStore executions() {
        return executionStore;
    }

    @Override
    public SnapshotStore snapshots() {
        return snapshotStore;
    }

    @Override
    public PairStore pairs() {
        return pairStore;
    }

    @Override
    public AccountStore accounts() {
        return accountStore;
    }

    @Override
    public ActivityStore activity() {
        return activityStore;
    }

    @Override
    public MembershipStore membership() {
        return membershipStore;
    }

    @Override
    public SettingsStore settings() {
        return settingsStore;
    }

    @Override
    public PinStore pins() {
        return pinStore;
    }

    @Override
    public IntentStore intents() {
        return intentStore;
    }

    @Override
    public PlaylistLeaseStore playlistLeases() {
        return playlistLeaseStore;
    }

    /** Under the store's one lock: the batch is atomic. */
    @Override
    public List<java.util.Optional<String>> startRuns(List<RunStart> starts) {
        synchronized (lock) {
            return ShuffifyStore.super.startRuns(starts);
        }
    }

    /** Under the store's one lock: the claims and starts are atomic (a plan that throws claims nothing). */
    @Override
    public ClaimedStarts claimAndStartRuns(String owner, Instant now, java.time.Duration lease, int limit,
            java.util.function.Function<List<ScheduleClaim>, List<RunStart>> plan) {
        synchronized (lock) {
            List<ScheduleClaim> claims = schedules().claimDue(owner, now, lease, limit);
            try {
                List<RunStart> starts = plan.apply(claims);
                return new ClaimedStarts(claims, starts.isEmpty() ? List.of() : startRuns(starts));
            } catch (RuntimeException e) {
                // as a transaction would: nothing claimed
                claims.forEach(c -> schedules().release(c.token(), c.slot(), c.slot(), c.attempt() > 1
                        ? c.attempt() : 0));
                throw e;
            }
        }
    }

    /** Under the store's one lock: the batch is atomic. */
    @Override
    public void completeRuns(List<RunCompletion> completions) {
        synchronized (lock) {
            ShuffifyStore.super.completeRuns(completions);
        }
    }

    @Override
    public void recordOutcome(Execution execution, Schedule schedule) {
        synchronized (lock) {
            executions.put(execution.id(), execution);
            schedules.put(schedule.id(), schedule);
            intents.remove(execution.id());
        }
    }

    private final class Schedules implements ScheduleStore {
        @Override
        public void save(Schedule schedule) {
            synchronized (lock) {
                schedules.put(schedule.id(), schedule);
            }
        }

        @Override
        public Optional<Schedule> find(String id) {
            synchronized (lock) {
                return Optional.ofNullable(schedules.get(id));
            }
        }

        @Override
        public List<Schedule> listByUser(String userId) {
            synchronized (lock) {
                return schedules.values().stream().filter(s -> s.userId().equals(userId))
                        .sorted(Comparator.comparing(Schedule::createdAt)).toList();
            }
        }

        @Override
        public List<Schedule> listAll() {
            synchronized (lock) {
                return schedules.values().stream().sorted(Comparator.comparing(Schedule::createdAt)).toList();
            }
        }

        @Override
        public List<Schedule> findDue(Instant now, int limit) {
            synchronized (lock) {
                return schedules.values().stream()
                        .filter(s -> s.enabled() && s.nextRunAt() != null && !s.nextRunAt().isAfter(now))
                        .sorted(Comparator.comparing(Schedule::nextRunAt)).limit(limit).toList();
            }
        }

        @Override
        public boolean delete(String id) {
            synchronized (lock) {
                leases.remove(id);
                retryAttempts.remove(id);
                return schedules.remove(id) != null;
            }
        }

        @Override
        public long count() {
            synchronized (lock) {
                return schedules.size();
            }
        }

        @Override
        public List<ScheduleClaim> claimDue(String owner, Instant now, Duration lease, int limit) {
            synchronized (lock) {
                Set<String> busyTargets = leases.values().stream().map(Lease::target).filter(Objects::nonNull)
                        .collect(Collectors.toCollection(HashSet::new));
                List<Schedule> due = schedules.values().stream()
                        .filter(s -> s.enabled() && s.nextRunAt() != null && !s.nextRunAt().isAfter(now)
                                && !leases.containsKey(s.id()))
                        .sorted(Comparator.comparing(Schedule::nextRunAt)).toList();
                List<ScheduleClaim> claims = new ArrayList<>();
                for (Schedule s : due) {
                    if (claims.size() >= limit) {
                        break;
                    }
                    String target = target(s);
                    if (target == null || busyTargets.add(target)) {
                        claims.add(take(s, owner, now, lease));
                    }
                }
                return claims;
            }
        }

        @Override
        public Optional<ScheduleClaim> claim(String scheduleId, String owner, Instant now, Duration lease) {
            synchronized (lock) {
                Schedule s = schedules.get(scheduleId);
                if (s == null || leases.containsKey(scheduleId)) {
                    return Optional.empty();
                }
                String target = target(s);
                if (target != null && leases.values().stream().anyMatch(l -> target.equals(l.target()))) {
                    return Optional.empty();
                }
                return Optional.of(take(s, owner, now, lease));
            }
        }

        private ScheduleClaim take(Schedule s, String owner, Instant now, Duration duration) {
            Lease lease = new Lease(s.id(), owner, UUID.randomUUID().toString(), s.nextRunAt(), now,
                    now.plus(duration), target(s));
            leases.put(s.id(), lease);
            return claimOf(lease);
        }

        @Override
        public int renew(Collection<String> tokens, Instant expiresAt) {
            synchronized (lock) {
                Set<String> wanted = new HashSet<>(tokens);
                int renewed = 0;
                for (Map.Entry<String, Lease> e : leases.entrySet()) {
                    if (wanted.contains(e.getValue().token())) {
                        e.setValue(e.getValue().withExpiresAt(expiresAt));
                        renewed++;
                    }
                }
                return renewed;
            }
        }

        @Override
        public boolean release(String token, Instant expectedNextRunAt, Instant nextRunAt, int retryAttempt) {
            synchronized (lock) {
                return end(token, null, expectedNextRunAt, nextRunAt, retryAttempt);
            }
        }

        @Override
        public List<ScheduleClaim> findExpired(Instant now, int limit) {
            synchronized (lock) {
                return leases.values().stream().filter(l -> l.expiresAt().isBefore(now))
                        .sorted(Comparator.comparing(Lease::expiresAt)).limit(limit)
                        .map(InMemoryShuffifyStore.this::claimOf).toList();
            }
        }

        @Override
        public boolean recoverExpired(String token, Instant now, Instant expectedNextRunAt, Instant nextRunAt,
                int retryAttempt) {
            synchronized (lock) {
                return end(token, now, expectedNextRunAt, nextRunAt, retryAttempt);
            }
        }

        private boolean end(String token, Instant expiredBefore, Instant expectedNextRunAt, Instant nextRunAt,
                int retryAttempt) {
            Lease lease = leases.values().stream().filter(l -> l.token().equals(token)).findFirst().orElse(null);
            if (lease == null || expiredBefore != null && !lease.expiresAt().isBefore(expiredBefore)) {
                return false;
            }
            leases.remove(lease.scheduleId());
            Schedule s = schedules.get(lease.scheduleId());
            if (s != null) {
                if (Objects.equals(s.nextRunAt(), expectedNextRunAt)) {
                    schedules.put(s.id(), s.withNextRunAt(nextRunAt));
                }
                if (retryAttempt > 1) {
                    retryAttempts.put(s.id(), retryAttempt);
                } else {
                    retryAttempts.remove(s.id());
                }
            }
            return true;
        }

        @Override
        public List<ScheduleClaim> listLeases() {
            synchronized (lock) {
                return leases.values().stream().map(InMemoryShuffifyStore.this::claimOf).toList();
            }
        }

        @Override
        public DueBacklog dueBacklog(Instant now) {
            synchronized (lock) {
                long count = 0;
                Instant oldest = null;
                for (Schedule s : schedules.values()) {
                    if (s.enabled() && s.nextRunAt() != null && !s.nextRunAt().isAfter(now)
                            && !leases.containsKey(s.id())) {
                        count++;
                        oldest = oldest == null || s.nextRunAt().isBefore(oldest) ? s.nextRunAt() : oldest;
                    }
                }
                return new DueBacklog(count, oldest);
            }
        }
    }

    private ScheduleClaim claimOf(Lease lease) {
        return new ScheduleClaim(schedules.get(lease.scheduleId()), lease.owner(), lease.token(), lease.slot(),
                lease.acquiredAt(), lease.expiresAt(), Math.max(1, retryAttempts.getOrDefault(lease.scheduleId(), 1)));
    }

    private static String target(Schedule s) {
        return s.job().target() == null ? null : s.job().target().id();
    }

    private record Lease(String scheduleId, String owner, String token, Instant slot, Instant acquiredAt,
            Instant expiresAt, String target) {
        Lease withExpiresAt(Instant value) {
            return new Lease(scheduleId, owner, token, slot, acquiredAt, value, target);
        }
    }

}
