package dev.shuffify.store;

import dev.shuffify.model.ExecutionStatus;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;

/**
 * The one rule for taking over a playlist's lease: a run may take the lease of a playlist when nobody holds it,
 * when the lease has expired, when the run (or the run it finishes, {@code takeOverFrom}) holds it already, or
 * when the holder's execution is no longer {@code running} (it ended, or is no longer stored). Every path that
 * takes playlist leases applies it: the engine's run and repair, {@link ShuffifyStore#startRuns}'s default and
 * the JDBC store's batch (which reads the holder and its status in the transaction and hands the lease over only
 * if the holder is still the one it read).
 *
 * @since 0.2.0
 */
public final class PlaylistLeaseRule {

    private PlaylistLeaseRule() {
    }

    /**
     * Whether a run may take over a lease as it is held now.
     *
     * @param requester the run asking (an execution id)
     * @param takeOverFrom a run whose lease the requester may take over (the run a repair finishes), or null
     * @param holder the current holder, or null when nobody holds the playlist
     * @param expiresAt when the current lease ends, or null when nobody holds it
     * @param holderStatus the stored status of the holder's execution; empty when it is not stored
     * @param now the current time
     * @return true when the lease may become the requester's
     */
    public static boolean mayTakeOver(String requester, String takeOverFrom, String holder, Instant expiresAt,
            Optional<ExecutionStatus> holderStatus, Instant now) {
        Objects.requireNonNull(requester, "requester");
        if (holder == null || holder.equals(requester) || holder.equals(takeOverFrom)) {
            return true;
        }
        if (expiresAt != null && !expiresAt.isAfter(now)) {
            return true;
        }
        return holderEnded(holderStatus);
    }

    /**
     * Whether the holder of a lease has ended: its execution is no longer {@code running}, or not stored.
     *
     * @param holderStatus the stored status of the holder's execution; empty when it is not stored
     * @return true when its lease may be taken over
     */
    public static boolean holderEnded(Optional<ExecutionStatus> holderStatus) {
        return holderStatus.map(ExecutionStatus::isFinal).orElse(true);
    }

    /**
     * Takes the lease of every playlist, in order, through {@link PlaylistLeaseStore#tryAcquire} (which grants a
     * free or expired lease, or one {@code holder} or {@code takeOverFrom} holds), and takes over a lease whose
     * holder {@linkplain #holderEnded ended}. Stops at the first playlist another running execution holds; the
     * caller releases what was {@code leased}.
     *
     * @param leases the lease store
     * @param statusOf the stored status of an execution by id; empty when it is not stored
     * @param playlists the playlists, in the order to take them
     * @param holder the run taking them (an execution id)
     * @param takeOverFrom a run whose leases may be taken over, or null
     * @param until when the leases end unless released
     * @param now the current time
     * @param leased receives each playlist whose lease was taken
     * @return the first busy playlist, or empty when every lease was taken
     */
    public static Optional<String> acquireAll(PlaylistLeaseStore leases,
            Function<String, Optional<ExecutionStatus>> statusOf, List<String> playlists, String holder,
            String takeOverFrom, Instant until, Instant now, List<String> leased) {
        for (String playlistId : playlists) {
            boolean taken = leases.tryAcquire(playlistId, holder, takeOverFrom, until, now);
            if (!taken) {
                Optional<String> other = leases.holder(playlistId, now);
                Optional<ExecutionStatus> status = other.isEmpty() ? Optional.empty() : statusOf.apply(other.get());
                taken = mayTakeOver(holder, takeOverFrom, other.orElse(null), null, status, now)
                        && leases.tryAcquire(playlistId, holder, other.orElse(null), until, now);
            }
            if (!taken) {
                return Optional.of(playlistId);
            }
            leased.add(playlistId);
        }
        return Optional.empty();
    }
}
