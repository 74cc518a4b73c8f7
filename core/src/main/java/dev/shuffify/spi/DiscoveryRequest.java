package dev.shuffify.spi;

import dev.shuffify.model.DiscoverySource;
import java.time.Clock;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * The input of one {@link DiscoveryStrategy#discover} call.
 *
 * @param source the configured source; never null
 * @param params its checked parameters; never null
 * @param playlists the owner's music service; never null
 * @param lastSuccessAt when this schedule last succeeded; null on the first run
 * @param clock the engine clock; never null
 * @since 0.1.0
 */
public record DiscoveryRequest(DiscoverySource source, Params params, PlaylistService playlists,
        Instant lastSuccessAt, Clock clock) {
    /**
     * Validates.
     *
     * @param source the configured source; never null
     * @param params its checked parameters; never null
     * @param playlists the owner's music service; never null
     * @param lastSuccessAt when this schedule last succeeded; null on the first run
     * @param clock the engine clock; never null
     */
    public DiscoveryRequest {
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(params, "params");
        Objects.requireNonNull(playlists, "playlists");
        Objects.requireNonNull(clock, "clock");
    }

    /**
     * When this schedule last succeeded.
     *
     * @return the time, or empty on the first run
     */
    public Optional<Instant> lastSuccess() {
        return Optional.ofNullable(lastSuccessAt);
    }
}
