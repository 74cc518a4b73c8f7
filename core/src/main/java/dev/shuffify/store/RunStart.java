package dev.shuffify.store;

import dev.shuffify.model.Execution;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * The start of one run, recorded by {@link ShuffifyStore#startRuns}: its execution, {@code running}, and the
 * cross-node leases of the playlists it writes.
 *
 * @param execution the execution, {@code running}
 * @param playlists the playlists the run writes, in a fixed order; each is leased to the execution's id
 * @param leaseUntil when the playlist leases expire unless released
 * @since 0.2.0
 */
public record RunStart(Execution execution, List<String> playlists, Instant leaseUntil) {
    /**
     * Validates and copies.
     *
     * @param execution the execution, {@code running}
     * @param playlists the playlists the run writes
     * @param leaseUntil when the playlist leases expire
     */
    public RunStart {
        Objects.requireNonNull(execution, "execution");
        playlists = List.copyOf(playlists);
        Objects.requireNonNull(leaseUntil, "leaseUntil");
    }
}
