package dev.shuffify.store;

import java.util.List;
import java.util.Optional;

/**
 * What {@link ShuffifyStore#claimAndStartRuns} claimed and started.
 *
 * @param claims the claims, earliest slot first
 * @param busy for each start the plan made, in order: empty when the run holds every lease it asked for, else
 *     the first playlist another running execution holds
 * @since 0.2.0
 */
public record ClaimedStarts(List<ScheduleClaim> claims, List<Optional<String>> busy) {
    /**
     * Copies the lists.
     *
     * @param claims the claims
     * @param busy the busy playlist of each start
     */
    public ClaimedStarts {
        claims = List.copyOf(claims);
        busy = List.copyOf(busy);
    }
}
