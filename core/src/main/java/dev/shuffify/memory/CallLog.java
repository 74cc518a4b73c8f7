package dev.shuffify.memory;

import dev.shuffify.error.AuthenticationException;
import dev.shuffify.error.PlaylistNotFoundException;
import dev.shuffify.error.PlaylistServiceException;
import dev.shuffify.error.RateLimitedException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The in-memory service's call log, per-operation counters and injected faults, under the service's lock.
 */
final class CallLog {
    private final Object lock;
    private final List<Call> log = new ArrayList<>();
    private final Map<Operation, Integer> counts = new EnumMap<>(Operation.class);
    private final List<FaultRule> faults = new ArrayList<>();

    CallLog(Object lock) {
        this.lock = lock;
    }

    /**
     * Logs a call and fires the fault aimed at it, if any: a lost answer of a write is returned (the write is
     * applied, then {@link #failure} is thrown), every other fault is thrown at once.
     */
    Fault enter(Operation op, String userId, String playlistId, List<String> uris) {
        int sequence = log.size() + 1;
        int opCount = counts.merge(op, 1, Integer::sum);
        Fault fault = null;
        for (Iterator<FaultRule> it = faults.iterator(); it.hasNext();) {
            FaultRule rule = it.next();
            boolean hit = rule.operation == null ? rule.at == sequence : rule.operation == op && rule.at == opCount;
            if (hit) {
                fault = rule.fault;
                it.remove();
                break;
            }
        }
        log.add(new Call(sequence, op, userId, playlistId, uris, fault != null));
        if (fault != null && (fault != Fault.LOST_RESPONSE || !op.isWrite())) {
            throw failure(fault, playlistId);
        }
        return fault;
    }

    static RuntimeException failure(Fault fault, String playlistId) {
        return switch (fault) {
            case SERVER_ERROR, LOST_RESPONSE -> new PlaylistServiceException("injected server error (HTTP 502)", true);
            case PERMANENT_ERROR -> new PlaylistServiceException("injected permanent error (HTTP 400)", false);
            case RATE_LIMITED -> new RateLimitedException("injected rate limit (HTTP 429)", Duration.ofSeconds(1));
            case NOT_FOUND -> new PlaylistNotFoundException(playlistId == null ? "?" : playlistId);
            case UNAUTHORIZED -> new AuthenticationException(AuthenticationException.MUST_LOG_IN_AGAIN);
        };
    }

    List<Call> calls() {
        synchronized (lock) {
            return List.copyOf(log);
        }
    }

    int count(Operation operation) {
        synchronized (lock) {
            return counts.getOrDefault(operation, 0);
        }
    }

    int total() {
        synchronized (lock) {
            return log.size();
        }
    }

    int writes() {
        synchronized (lock) {
            return (int) log.stream().filter(c -> c.operation().isWrite()).count();
        }
    }

    /** Clears the log and counters; faults that have not fired stay aimed at the same future call. */
    void reset() {
        synchronized (lock) {
            faults.replaceAll(rule -> new FaultRule(rule.operation,
                    rule.at - (rule.operation == null ? log.size() : counts.getOrDefault(rule.operation, 0)),
                    rule.fault));
            log.clear();
            counts.clear();
        }
    }

    void failOn(Operation operation, int nth, Fault fault) {
        Objects.requireNonNull(operation, "operation");
        checked(nth, fault);
        synchronized (lock) {
            faults.add(new FaultRule(operation, count(operation) + nth, fault));
        }
    }

    void failAtCall(int nth, Fault fault) {
        checked(nth, fault);
        synchronized (lock) {
            faults.add(new FaultRule(null, log.size() + nth, fault));
        }
    }

    void clearFaults() {
        synchronized (lock) {
            faults.clear();
        }
    }

    private static void checked(int nth, Fault fault) {
        Objects.requireNonNull(fault, "fault");
        if (nth < 1) {
            throw new IllegalArgumentException("nth must be at least 1, got " + nth);
        }
    }

    private record FaultRule(Operation operation, int at, Fault fault) {
    }
}
