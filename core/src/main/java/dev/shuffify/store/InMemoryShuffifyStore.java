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
    private final ExecutionStore executionStore = new Executions();
    private final SnapshotStore snapshotStore = new Snapshots();
    private final PairStore pairStore = new Pairs();
    private final AccountStore accountStore = new Accounts();
    private final ActivityStore activityStore = new ActivityLog();
    private final MembershipStore membershipStore = new Memberships();
    private final SettingsStore settingsStore = new Settings();
    private final PinStore pinStore = new Pins();
    private final IntentStore intentStore = new Intents();
    private final Map<String, Map.Entry<String, Instant>> playlistLeases = new HashMap<>();
    private final PlaylistLeaseStore playlistLeaseStore = new PlaylistLeases();

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

    private final class PlaylistLeases implements PlaylistLeaseStore {
        @Override
        public boolean tryAcquire(String playlistId, String holder, String takeOverFrom, Instant until,
                Instant now) {
            Objects.requireNonNull(playlistId, "playlistId");
            Objects.requireNonNull(holder, "holder");
            synchronized (lock) {
                Map.Entry<String, Instant> lease = playlistLeases.get(playlistId);
                if (lease != null && lease.getValue().isAfter(now) && !lease.getKey().equals(holder)
                        && !lease.getKey().equals(takeOverFrom)) {
                    return false;
                }
                playlistLeases.put(playlistId, Map.entry(holder, until));
                return true;
            }
        }

        @Override
        public void release(String playlistId, String holder) {
            synchronized (lock) {
                Map.Entry<String, Instant> lease = playlistLeases.get(playlistId);
                if (lease != null && lease.getKey().equals(holder)) {
                    playlistLeases.remove(playlistId);
                }
            }
        }

        @Override
        public Optional<String> holder(String playlistId, Instant now) {
            synchronized (lock) {
                Map.Entry<String, Instant> lease = playlistLeases.get(playlistId);
                return lease == null || !lease.getValue().isAfter(now) ? Optional.empty()
                        : Optional.of(lease.getKey());
            }
        }
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

    private final class Intents implements IntentStore {
        @Override
        public void save(JobIntent intent) {
            Objects.requireNonNull(intent, "intent");
            synchronized (lock) {
                intents.put(intent.executionId(), intent);
            }
        }

        @Override
        public Optional<JobIntent> find(String executionId) {
            synchronized (lock) {
                return Optional.ofNullable(intents.get(executionId));
            }
        }

        @Override
        public List<JobIntent> list(int limit) {
            synchronized (lock) {
                return intents.values().stream().sorted(Comparator.comparing(JobIntent::recordedAt))
                        .limit(Math.max(0, limit)).toList();
            }
        }

        @Override
        public List<JobIntent> listBySchedule(String scheduleId) {
            synchronized (lock) {
                return intents.values().stream().filter(i -> i.scheduleId().equals(scheduleId))
                        .sorted(Comparator.comparing(JobIntent::recordedAt)).toList();
            }
        }

        @Override
        public boolean delete(String executionId) {
            synchronized (lock) {
                return intents.remove(executionId) != null;
            }
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

    private final class Executions implements ExecutionStore {
        @Override
        public void save(Execution execution) {
            synchronized (lock) {
                executions.put(execution.id(), execution);
            }
        }

        @Override
        public Optional<Execution> find(String id) {
            synchronized (lock) {
                return Optional.ofNullable(executions.get(id));
            }
        }

        @Override
        public List<Execution> listBySchedule(String scheduleId, int limit) {
            synchronized (lock) {
                List<Execution> list = new ArrayList<>();
                executions.values().forEach(e -> {
                    if (e.scheduleId().equals(scheduleId)) {
                        list.add(e);
                    }
                });
                return newestFirst(list).stream().limit(limit).toList();
            }
        }

        @Override
        public List<Execution> listByStatus(ExecutionStatus status, int limit) {
            synchronized (lock) {
                // stable sort: insertion order breaks ties between equal start times
                return executions.values().stream().filter(e -> e.status() == status)
                        .sorted(Comparator.comparing(Execution::startedAt)).limit(limit).toList();
            }
        }

        @Override
        public Map<ExecutionStatus, Long> countByStatus() {
            synchronized (lock) {
                Map<ExecutionStatus, Long> counts = new EnumMap<>(ExecutionStatus.class);
                executions.values().forEach(e -> counts.merge(e.status(), 1L, Long::sum));
                return counts;
            }
        }

        @Override
        public int deleteFinishedBefore(Instant cutoff) {
            synchronized (lock) {
                int before = executions.size();
                executions.values().removeIf(e -> e.completedAt() != null && e.completedAt().isBefore(cutoff));
                return before - executions.size();
            }
        }

        @Override
        public int pruneSchedule(String scheduleId, int keep) {
            synchronized (lock) {
                List<Execution> finished = newestFirst(executions.values().stream()
                        .filter(e -> e.scheduleId().equals(scheduleId) && e.status().isFinal()).toList());
                List<Execution> doomed = finished.subList(Math.min(keep, finished.size()), finished.size());
                doomed.forEach(e -> executions.remove(e.id()));
                return doomed.size();
            }
        }

        @Override
        public boolean saveIfRunning(Execution execution) {
            synchronized (lock) {
                Execution stored = executions.get(execution.id());
                if (stored == null || stored.status() != ExecutionStatus.RUNNING) {
                    return false;
                }
                executions.put(execution.id(), execution);
                return true;
            }
        }

        @Override
        public int pruneEachSchedule(int keep) {
            synchronized (lock) {
                Set<String> scheduleIds = executions.values().stream().map(Execution::scheduleId)
                        .collect(Collectors.toCollection(HashSet::new));
                int deleted = 0;
                for (String id : scheduleIds) {
                    deleted += pruneSchedule(id, keep);
                }
                return deleted;
            }
        }

        private List<Execution> newestFirst(List<Execution> list) {
            // insertion order breaks ties between equal start times: later inserted = newer
            List<Execution> copy = new ArrayList<>(list);
            List<String> order = new ArrayList<>(executions.keySet());
            copy.sort(Comparator.comparing(Execution::startedAt).thenComparing(e -> order.indexOf(e.id()))
                    .reversed());
            return copy;
        }
    }

    private final class Snapshots implements SnapshotStore {
        @Override
        public void save(Snapshot snapshot) {
            synchronized (lock) {
                snapshots.put(snapshot.id(), snapshot);
            }
        }

        @Override
        public Optional<Snapshot> find(String id) {
            synchronized (lock) {
                return Optional.ofNullable(snapshots.get(id));
            }
        }

        @Override
        public List<Snapshot> listByPlaylist(String userId, String playlistId) {
            synchronized (lock) {
                List<Snapshot> list = new ArrayList<>();
                snapshots.values().forEach(s -> {
                    if (s.userId().equals(userId) && s.playlistId().equals(playlistId)) {
                        list.add(0, s); // newest (last inserted) first
                    }
                });
                list.sort(Comparator.comparing(Snapshot::createdAt).reversed());
                return List.copyOf(list);
            }
        }

        @Override
        public boolean delete(String id) {
            synchronized (lock) {
                return snapshots.remove(id) != null;
            }
        }

        @Override
        public int prune(String userId, String playlistId, int keep) {
            synchronized (lock) {
                List<Snapshot> list = listByPlaylist(userId, playlistId);
                List<Snapshot> doomed = list.subList(Math.min(keep, list.size()), list.size());
                doomed.forEach(s -> snapshots.remove(s.id()));
                return doomed.size();
            }
        }

        @Override
        public int pruneEachPlaylist(int keep) {
            synchronized (lock) {
                Map<List<String>, Snapshot> keys = snapshots.values().stream().collect(Collectors.toMap(
                        s -> List.of(s.userId(), s.playlistId()), Function.identity(), (a, b) -> a));
                int deleted = 0;
                for (List<String> key : keys.keySet()) {
                    deleted += prune(key.get(0), key.get(1), keep);
                }
                return deleted;
            }
        }
    }

    private final class Pairs implements PairStore {
        @Override
        public void save(PlaylistPair pair) {
            synchronized (lock) {
                pairs.put(key(pair.userId(), pair.production().id()), pair);
            }
        }

        @Override
        public Optional<PlaylistPair> find(String userId, String productionId) {
            synchronized (lock) {
                return Optional.ofNullable(pairs.get(key(userId, productionId)));
            }
        }

        @Override
        public List<PlaylistPair> listByUser(String userId) {
            synchronized (lock) {
                return pairs.values().stream().filter(p -> p.userId().equals(userId)).toList();
            }
        }

        @Override
        public boolean delete(String userId, String productionId) {
            synchronized (lock) {
                return pairs.remove(key(userId, productionId)) != null;
            }
        }

        private static String key(String userId, String productionId) {
            return userId + '\u0000' + productionId;
        }
    }

    private final class Accounts implements AccountStore {
        @Override
        public void save(Account account) {
            synchronized (lock) {
                accounts.put(account.userId(), account);
            }
        }

        @Override
        public Optional<Account> find(String userId) {
            synchronized (lock) {
                return Optional.ofNullable(accounts.get(userId));
            }
        }

        @Override
        public List<Account> listAll() {
            synchronized (lock) {
                return List.copyOf(accounts.values());
            }
        }

        @Override
        public Map<AccountHealth, Long> countByHealth() {
            synchronized (lock) {
                Map<AccountHealth, Long> counts = new java.util.EnumMap<>(AccountHealth.class);
                for (Account account : accounts.values()) {
                    counts.merge(account.health(), 1L, Long::sum);
                }
                return counts;
            }
        }
    }

    private final class ActivityLog implements ActivityStore {
        @Override
        public void append(Activity line) {
            synchronized (lock) {
                activity.add(line);
            }
        }

        @Override
        public List<Activity> listByUser(String userId, int limit) {
            synchronized (lock) {
                List<Activity> list = new ArrayList<>();
                for (int i = activity.size() - 1; i >= 0 && list.size() < limit; i--) {
                    if (activity.get(i).userId().equals(userId)) {
                        list.add(activity.get(i));
                    }
                }
                return List.copyOf(list);
            }
        }

        @Override
        public int deleteBefore(Instant cutoff) {
            synchronized (lock) {
                int before = activity.size();
                activity.removeIf(a -> a.createdAt().isBefore(cutoff));
                return before - activity.size();
            }
        }

        @Override
        public int pruneEachUser(int keep) {
            synchronized (lock) {
                // newest = last appended, as in listByUser
                Map<String, Integer> seen = new HashMap<>();
                Set<Integer> doomed = new HashSet<>();
                for (int i = activity.size() - 1; i >= 0; i--) {
                    if (seen.merge(activity.get(i).userId(), 1, Integer::sum) > keep) {
                        doomed.add(i);
                    }
                }
                List<Activity> kept = new ArrayList<>();
                for (int i = 0; i < activity.size(); i++) {
                    if (!doomed.contains(i)) {
                        kept.add(activity.get(i));
                    }
                }
                activity.clear();
                activity.addAll(kept);
                return doomed.size();
            }
        }
    }

    private final class Memberships implements MembershipStore {
        @Override
        public void observe(String playlistId, Collection<String> uris, Instant at) {
            observe(playlistId, uris, Map.of(), at);
        }

        @Override
        public void observe(String playlistId, Collection<String> uris, Map<String, Instant> addedAt, Instant at) {
            synchronized (lock) {
                Map<String, Membership> records = membership.computeIfAbsent(playlistId, k -> new LinkedHashMap<>());
                Set<String> now = new HashSet<>(uris);
                for (String uri : now) {
                    Membership m = records.get(uri);
                    if (m == null || !m.isPresent()) {
                        records.put(uri, Membership.entering(playlistId, uri, at, addedAt.get(uri), m));
                    }
                }
                records.replaceAll((uri, m) -> m.isPresent() && !now.contains(uri)
                        ? new Membership(playlistId, uri, m.firstSeenAt(), at) : m);
            }
        }

        @Override
        public Map<String, Membership> find(String playlistId) {
            synchronized (lock) {
                return Map.copyOf(membership.getOrDefault(playlistId, Map.of()));
            }
        }
    }

    private final class Settings implements SettingsStore {
        @Override
        public Optional<UserSettings> find(String userId) {
            synchronized (lock) {
                return Optional.ofNullable(settings.get(userId));
            }
        }

        @Override
        public void save(String userId, UserSettings value) {
            synchronized (lock) {
                settings.put(userId, value);
            }
        }
    }

    private final class Pins implements PinStore {
        @Override
        public void save(Pin pin) {
            synchronized (lock) {
                pins.put(pin.id(), pin);
            }
        }

        @Override
        public List<Pin> listByPlaylist(String userId, String playlistId) {
            synchronized (lock) {
                return pins.values().stream()
                        .filter(p -> p.userId().equals(userId) && p.playlistId().equals(playlistId)).toList();
            }
        }

        @Override
        public boolean delete(String id) {
            synchronized (lock) {
                return pins.remove(id) != null;
            }
        }
    }
}
