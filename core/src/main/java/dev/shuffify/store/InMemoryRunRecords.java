package dev.shuffify.store;

import dev.shuffify.model.Execution;
import dev.shuffify.model.JobIntent;
import dev.shuffify.model.ExecutionStatus;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

/** The in-memory store's records of runs: executions, intents and playlist leases. */
final class InMemoryRunRecords {

    private InMemoryRunRecords() {
    }

    static final class PlaylistLeases implements PlaylistLeaseStore {
        private final Object lock;
        private final Map<String, Map.Entry<String, Instant>> playlistLeases;

        PlaylistLeases(Object lock, Map<String, Map.Entry<String, Instant>> playlistLeases) {
            this.lock = lock;
            this.playlistLeases = playlistLeases;
        }

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

    static final class Intents implements IntentStore {
        private final LockedRecords<JobIntent> intents;

        Intents(Object lock, Map<String, JobIntent> intents) {
            this.intents = new LockedRecords<>(lock, intents, JobIntent::executionId);
        }

        @Override
        public void save(JobIntent intent) {
            Objects.requireNonNull(intent, "intent");
            intents.save(intent);
        }

        @Override
        public Optional<JobIntent> find(String executionId) {
            return intents.find(executionId);
        }

        @Override
        public List<JobIntent> list(int limit) {
            return intents.where(i -> true).stream().sorted(Comparator.comparing(JobIntent::recordedAt))
                    .limit(Math.max(0, limit)).toList();
        }

        @Override
        public List<JobIntent> listBySchedule(String scheduleId) {
            return intents.where(i -> i.scheduleId().equals(scheduleId)).stream()
                    .sorted(Comparator.comparing(JobIntent::recordedAt)).toList();
        }

        @Override
        public boolean delete(String executionId) {
            return intents.delete(executionId);
        }
    }

    static final class Executions implements ExecutionStore {
        private final Object lock;
        private final Map<String, Execution> executions;
        private final LockedRecords<Execution> records;

        Executions(Object lock, Map<String, Execution> executions) {
            this.lock = lock;
            this.executions = executions;
            this.records = new LockedRecords<>(lock, executions, Execution::id);
        }

        @Override
        public void save(Execution execution) {
            records.save(execution);
        }

        @Override
        public Optional<Execution> find(String id) {
            return records.find(id);
        }

        @Override
        public List<Execution> listBySchedule(String scheduleId, int limit) {
            synchronized (lock) {
                return newestFirst(records.where(e -> e.scheduleId().equals(scheduleId))).stream().limit(limit)
                        .toList();
            }
        }

        @Override
        public List<Execution> listByStatus(ExecutionStatus status, int limit) {
            // stable sort: insertion order breaks ties between equal start times
            return records.where(e -> e.status() == status).stream()
                    .sorted(Comparator.comparing(Execution::startedAt)).limit(limit).toList();
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

        /** Newest start first; {@code list} is in the store's insertion order, which breaks ties: later = newer. */
        private static List<Execution> newestFirst(List<Execution> list) {
            List<Execution> copy = new ArrayList<>(list);
            java.util.Collections.reverse(copy);
            copy.sort(Comparator.comparing(Execution::startedAt).reversed()); // stable: ties stay later first
            return copy;
        }
    }
}
