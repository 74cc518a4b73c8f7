package dev.shuffify.executor.raid.discovery;

import dev.shuffify.error.ValidationException;
import dev.shuffify.model.DiscoverySource;
import dev.shuffify.model.Track;
import dev.shuffify.spi.DiscoveryRequest;
import dev.shuffify.spi.DiscoveryStrategy;
import dev.shuffify.spi.ParamSpec;
import java.util.List;

/**
 * The top results of a catalogue search, in the service's order. The argument is the query, in the service's
 * search syntax (e.g. {@code genre:"lo-fi" year:2024}); the parameter {@code limit} (1..50, default 20) says how
 * many results to consider (the service may return fewer).
 *
 * @since 0.1.0
 */
public final class SearchDiscovery implements DiscoveryStrategy {
    /** The strategy id. */
    public static final String ID = "search";
    /** Parameter: how many results to consider. */
    public static final String LIMIT = "limit";
    /** The longest query accepted. */
    public static final int MAX_QUERY_LENGTH = 250;

    /** Creates the strategy. */
    public SearchDiscovery() {
    }

    @Override
    public String id() {
        return ID;
    }

    @Override
    public String displayName() {
        return "Search";
    }

    @Override
    public String description() {
        return "The top results of a catalogue search.";
    }

    @Override
    public List<ParamSpec> parameters() {
        return List.of(ParamSpec.integer(LIMIT, "How many results to consider").range(1, 50).withDefault(20));
    }

    @Override
    public void validate(DiscoverySource source) {
        query(source);
    }

    @Override
    public List<Track> discover(DiscoveryRequest request) {
        return request.playlists().searchTracks(query(request.source()), request.params().getInt(LIMIT)).stream()
                .filter(Track::writable).toList();
    }

    private static String query(DiscoverySource source) {
        String q = source.argument() == null ? "" : source.argument().strip();
        if (q.isEmpty()) {
            throw new ValidationException("argument", "is required: a search query, e.g. artist:\"Nina Simone\" "
                    + "or genre:jazz year:1960-1969");
        }
        if (q.length() > MAX_QUERY_LENGTH) {
            throw new ValidationException("argument", "a search query may have at most " + MAX_QUERY_LENGTH
                    + " characters, was " + q.length());
        }
        return q;
    }
}
