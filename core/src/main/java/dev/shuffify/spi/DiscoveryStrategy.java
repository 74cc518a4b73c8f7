package dev.shuffify.spi;

import dev.shuffify.error.ValidationException;
import dev.shuffify.model.DiscoverySource;
import dev.shuffify.model.Track;
import java.util.List;

/**
 * A way to find tracks for a raid: another playlist, liked songs, an artist's new releases, a search…
 * Found through {@link java.util.ServiceLoader}
 * ({@code META-INF/services/dev.shuffify.spi.DiscoveryStrategy}) or registered on the builder.
 *
 * @since 0.1.0
 */
public interface DiscoveryStrategy {

    /**
     * The strategy id, e.g. {@code playlist}.
     *
     * @return never blank
     */
    String id();

    /**
     * One sentence for listings.
     *
     * @return never null
     */
    String description();

    /**
     * A short name for people, e.g. {@code Artist spacing} (listed in {@link PluginDescriptor#displayName()}).
     *
     * @return never blank; by default the id with underscores as spaces and a capital first letter
     * @since 0.2.0
     */
    default String displayName() {
        return PluginDescriptor.displayNameOf(id());
    }

    /**
     * The declared parameters of {@link DiscoverySource#params()}.
     *
     * @return never null
     */
    default List<ParamSpec> parameters() {
        return List.of();
    }

    /**
     * Checks a source's argument at schedule creation (ids, links, queries).
     *
     * @param source the source
     * @throws ValidationException naming {@code argument} and what is accepted
     */
    default void validate(DiscoverySource source) {
    }

    /**
     * Finds candidate tracks, in the order the raid should consider them.
     *
     * @param request the source, its parameters, the service and the time of the last successful run
     * @return never null
     * @throws dev.shuffify.error.PlaylistNotFoundException when the source is gone or unreadable (the raid skips it)
     */
    List<Track> discover(DiscoveryRequest request);
}
