package dev.shuffify.store;

import dev.shuffify.model.Schedule;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/**
 * Stores schedules, and the scheduler's leases on them.
 *
 * <p>A lease ({@link ScheduleClaim}) is held by one scheduler node while it runs a schedule; the lease columns
 * are not part of {@link Schedule}, so {@link #save} and {@link ShuffifyStore#recordOutcome} never touch them.
 * At most one lease exists per schedule, and at most one per target playlist.
 *
 * @since 0.1.0
 */
public interface ScheduleStore {

    /**
     * Inserts or replaces a schedule by id.
     *
     * @param schedule the schedule
     */
    void save(Schedule schedule);

    /**
     * Finds a schedule.
     *
     * @param id the id
     * @return the schedule, or empty
     */
    Optional<Schedule> find(String id);

    /**
     * A user's schedules, oldest first.
     *
     * @param userId the owner
     * @return never null
     */
    List<Schedule> listByUser(String userId);

    /**
     * Every schedule, oldest first.
     *
     * @return never null
     */
    List<Schedule> listAll();

    /**
     * Enabled schedules with {@code nextRunAt <= now}, earliest first. Cost proportional to the due ones.
     *
     * @param now the time
     * @param limit the most to return
     * @return never null
     */
    List<Schedule> findDue(Instant now, int limit);

    /**
     * Deletes a schedule (its executions stay until pruned).
     *
     * @param id the id
     * @return whether it existed
     */
    boolean delete(String id);

    /**
     * How many schedules there are.
     *
     * @return the count
     */
    long count();

    /**
     * Claims due schedules for a node: enabled, {@code nextRunAt <= now}, not leased, and whose target playlist
     * is not leased through another schedule; earliest first. Each claimed schedule gets a lease expiring at
     * {@code now + lease}. Two nodes calling this at once never claim the same schedule, and one call never
     * claims two schedules with the same target. Cost proportional to the due schedules.
     *
     * @param owner the claiming node's id
     * @param now the time
     * @param lease how long the lease lasts unless renewed
     * @param limit the most to claim
     * @return the claims; never null
     */
    List<ScheduleClaim> claimDue(String owner, Instant now, Duration lease, int limit);

    /**
     * Claims one schedule whether due or not (an operator's "trigger now"), if neither it nor its target
     * playlist is leased. Disabled schedules can be claimed this way.
     *
     * @param scheduleId the schedule
     * @param owner the claiming node's id
     * @param now the time
     * @param lease how long the lease lasts unless renewed
     * @return the claim, or empty when the schedule is missing or busy
     */
    Optional<ScheduleClaim> claim(String scheduleId, String owner, Instant now, Duration lease);

    /**
     * Extends leases (the holder's heartbeat). A lease that was released or recovered is not renewed.
     *
     * @param tokens the leases' tokens
     * @param expiresAt the new expiry
     * @return how many leases were renewed
     */
    int renew(Collection<String> tokens, Instant expiresAt);

    /**
     * Ends a lease held by its holder: clears it, sets the pending retry attempt, and moves the next run to
     * {@code nextRunAt} when it still equals {@code expectedNextRunAt} (two nulls are equal), so a change made
     * meanwhile by someone else is kept.
     *
     * @param token the lease's token
     * @param expectedNextRunAt the next run the caller last saw; may be null
     * @param nextRunAt the next run to set; may be null
     * @param retryAttempt the attempt of the pending retry, or 0 when none is pending
     * @return whether the lease was still held (false when it had been recovered by another node)
     */
    boolean release(String token, Instant expectedNextRunAt, Instant nextRunAt, int retryAttempt);

    /**
     * Leases that expired before {@code now} (their holder stopped renewing them), oldest expiry first.
     *
     * @param now the time
     * @param limit the most to return
     * @return never null
     */
    List<ScheduleClaim> findExpired(Instant now, int limit);

    /**
     * Like {@link #release}, but only while the lease is still expired at {@code now}: a holder that renewed
     * it in the meantime keeps it.
     *
     * @param token the lease's token
     * @param now the time
     * @param expectedNextRunAt the next run the caller last saw; may be null
     * @param nextRunAt the next run to set; may be null
     * @param retryAttempt the attempt of the pending retry, or 0 when none is pending
     * @return whether this call ended the lease
     */
    boolean recoverExpired(String token, Instant now, Instant expectedNextRunAt, Instant nextRunAt,
            int retryAttempt);

    /**
     * Every lease currently held (expired or not).
     *
     * @return never null
     */
    List<ScheduleClaim> listLeases();

    /**
     * The due schedules no node has claimed: enabled, {@code nextRunAt <= now}, no lease (see
     * {@link DueBacklog}). For health checks and metrics, so it should be cheap: the JDBC store answers with one
     * aggregate query over its index of next runs. This default reads the due schedules and the leases.
     *
     * @param now the time
     * @return never null
     * @throws StoreException when the store fails
     * @since 0.2.0
     */
    default DueBacklog dueBacklog(Instant now) {
        java.util.Set<String> leased = new java.util.HashSet<>();
        for (ScheduleClaim claim : listLeases()) {
            leased.add(claim.scheduleId());
        }
        long count = 0;
        Instant oldest = null;
        for (Schedule s : findDue(now, Integer.MAX_VALUE)) {
            if (!leased.contains(s.id())) {
                count++;
                oldest = oldest == null || s.nextRunAt().isBefore(oldest) ? s.nextRunAt() : oldest;
            }
        }
        return new DueBacklog(count, oldest);
    }
}
