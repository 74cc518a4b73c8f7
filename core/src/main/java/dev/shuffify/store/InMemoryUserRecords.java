package dev.shuffify.store;

import dev.shuffify.model.Account;
import dev.shuffify.model.AccountHealth;
import dev.shuffify.model.Activity;
import dev.shuffify.model.Membership;
import dev.shuffify.model.Pin;
import dev.shuffify.model.PlaylistPair;
import dev.shuffify.model.Snapshot;
import dev.shuffify.model.UserSettings;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** The in-memory store's per-user records (snapshots, pairs, accounts, activity, membership, settings, pins). */
final class InMemoryUserRecords {

    private InMemoryUserRecords() {
    }

    static final class Snapshots implements SnapshotStore {
        private final Object lock;
        private final LockedRecords<Snapshot> snapshots;

        Snapshots(Object lock, Map<String, Snapshot> snapshots) {
            this.lock = lock;
            this.snapshots = new LockedRecords<>(lock, snapshots, Snapshot::id);
        }

        @Override
        public void save(Snapshot snapshot) {
            snapshots.save(snapshot);
        }

        @Override
        public Optional<Snapshot> find(String id) {
            return snapshots.find(id);
        }

        @Override
        public List<Snapshot> listByPlaylist(String userId, String playlistId) {
            List<Snapshot> list = new ArrayList<>(snapshots.where(
                    s -> s.userId().equals(userId) && s.playlistId().equals(playlistId)));
            Collections.reverse(list); // newest (last inserted) first among equal times
            list.sort(Comparator.comparing(Snapshot::createdAt).reversed());
            return List.copyOf(list);
        }

        @Override
        public boolean delete(String id) {
            return snapshots.delete(id);
        }

        @Override
        public int prune(String userId, String playlistId, int keep) {
            synchronized (lock) {
                List<Snapshot> list = listByPlaylist(userId, playlistId);
                List<Snapshot> doomed = list.subList(Math.min(keep, list.size()), list.size());
                doomed.forEach(s -> snapshots.delete(s.id()));
                return doomed.size();
            }
        }

        @Override
        public int pruneEachPlaylist(int keep) {
            synchronized (lock) {
                Set<List<String>> keys = new LinkedHashSet<>();
                snapshots.where(s -> true).forEach(s -> keys.add(List.of(s.userId(), s.playlistId())));
                int deleted = 0;
                for (List<String> key : keys) {
                    deleted += prune(key.get(0), key.get(1), keep);
                }
                return deleted;
            }
        }
    }

    static final class Pairs implements PairStore {
        private final LockedRecords<PlaylistPair> pairs;

        Pairs(Object lock, Map<String, PlaylistPair> pairs) {
            this.pairs = new LockedRecords<>(lock, pairs, p -> key(p.userId(), p.production().id()));
        }

        @Override
        public void save(PlaylistPair pair) {
            pairs.save(pair);
        }

        @Override
        public Optional<PlaylistPair> find(String userId, String productionId) {
            return pairs.find(key(userId, productionId));
        }

        @Override
        public List<PlaylistPair> listByUser(String userId) {
            return pairs.where(p -> p.userId().equals(userId));
        }

        @Override
        public boolean delete(String userId, String productionId) {
            return pairs.delete(key(userId, productionId));
        }

        private static String key(String userId, String productionId) {
            return userId + '\u0000' + productionId;
        }
    }

    static final class Accounts implements AccountStore {
        private final LockedRecords<Account> accounts;

        Accounts(Object lock, Map<String, Account> accounts) {
            this.accounts = new LockedRecords<>(lock, accounts, Account::userId);
        }

        @Override
        public void save(Account account) {
            accounts.save(account);
        }

        @Override
        public Optional<Account> find(String userId) {
            return accounts.find(userId);
        }

        @Override
        public List<Account> listAll() {
            return accounts.where(a -> true);
        }

        @Override
        public void saveRefreshToken(String userId, byte[] encryptedRefreshToken, Instant at) {
            accounts.locked(m -> {
                AccountStore.super.saveRefreshToken(userId, encryptedRefreshToken, at);
                return null;
            });
        }

        @Override
        public boolean updateHealth(Account expected, Account next) {
            return accounts.locked(m -> AccountStore.super.updateHealth(expected, next));
        }

        @Override
        public Map<AccountHealth, Long> countByHealth() {
            Map<AccountHealth, Long> counts = new EnumMap<>(AccountHealth.class);
            listAll().forEach(account -> counts.merge(account.health(), 1L, Long::sum));
            return counts;
        }
    }

    static final class ActivityLog implements ActivityStore {
        private final Object lock;
        private final List<Activity> activity;

        ActivityLog(Object lock, List<Activity> activity) {
            this.lock = lock;
            this.activity = activity;
        }

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

    static final class Memberships implements MembershipStore {
        private final Object lock;
        private final Map<String, Map<String, Membership>> membership;

        Memberships(Object lock, Map<String, Map<String, Membership>> membership) {
            this.lock = lock;
            this.membership = membership;
        }

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

    static final class Settings implements SettingsStore {
        private final Object lock;
        private final Map<String, UserSettings> settings;

        Settings(Object lock, Map<String, UserSettings> settings) {
            this.lock = lock;
            this.settings = settings;
        }

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

    static final class Pins implements PinStore {
        private final LockedRecords<Pin> pins;

        Pins(Object lock, Map<String, Pin> pins) {
            this.pins = new LockedRecords<>(lock, pins, Pin::id);
        }

        @Override
        public void save(Pin pin) {
            pins.save(pin);
        }

        @Override
        public List<Pin> listByPlaylist(String userId, String playlistId) {
            return pins.where(p -> p.userId().equals(userId) && p.playlistId().equals(playlistId));
        }

        @Override
        public boolean delete(String id) {
            return pins.delete(id);
        }
    }
}
