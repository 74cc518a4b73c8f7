package dev.shuffify.model;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * One source a raid pulls tracks from: a discovery strategy and its argument.
 *
 * @param strategy the strategy id, e.g. {@code playlist}, {@code liked}, {@code artist}; never blank
 * @param argument the strategy's argument (a playlist id or link, an artist id, a query…); may be null for
 *     strategies that take none
 * @param params extra strategy parameters; never null
 * @since 0.1.0
 */
public record DiscoverySource(String strategy, String argument, Map<String, Object> params) {
    /**
     * Validates and copies.
     *
     * @param strategy the strategy id, e.g. {@code playlist}, {@code liked}, {@code artist}; never blank
     * @param argument the strategy's argument (a playlist id or link, an artist id, a query…); may be null for
     *     strategies that take none
     * @param params extra strategy parameters; never null
     */
    public DiscoverySource {
        Objects.requireNonNull(strategy, "strategy");
        params = params == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(params));
    }

    /**
     * A source with no extra parameters.
     *
     * @param strategy the strategy id
     * @param argument the argument, may be null
     * @return the source
     */
    public static DiscoverySource of(String strategy, String argument) {
        return new DiscoverySource(strategy, argument, Map.of());
    }

    /**
     * The classic raid source: another playlist.
     *
     * @param playlistIdOrLink a playlist id, uri or link
     * @return the source
     */
    public static DiscoverySource playlist(String playlistIdOrLink) {
        return of("playlist", playlistIdOrLink);
    }
}
