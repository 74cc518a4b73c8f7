package dev.shuffify.executor.raid.discovery;

import dev.shuffify.model.Album;
import dev.shuffify.model.DiscoverySource;
import dev.shuffify.model.Track;
import dev.shuffify.spi.DiscoveryRequest;
import dev.shuffify.spi.DiscoveryStrategy;
import dev.shuffify.spi.ParamSpec;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * An artist's new releases: the tracks of the artist's albums and singles released since the schedule's last
 * successful run, newest release first, each release in album order. On the first run (no successful run yet)
 * the window starts at the parameter {@code since} (a date), or {@value #DEFAULT_FIRST_RUN_DAYS} days before
 * today when it is not given. Only tracks that credit the artist are kept (a compilation brings in only the
 * artist's own tracks).
 *
 * <p>The argument is an artist id, {@code spotify:artist:} uri or {@code open.spotify.com/artist/} link.
 * Release dates are compared by day in UTC, inclusive; a date given only as a year or a month counts as its
 * last day, so a release is never missed (the raid never adds a track twice anyway).
 *
 * @since 0.1.0
 */
public final class ArtistDiscovery implements DiscoveryStrategy {
    /** The strategy id. */
    public static final String ID = "artist";
    /** Parameter: the first day of the window on the first run. */
    public static final String SINCE = "since";
    /** How many days back the first run looks when {@code since} is not given. */
    public static final int DEFAULT_FIRST_RUN_DAYS = 30;

    /** Creates the strategy. */
    public ArtistDiscovery() {
    }

    @Override
    public String id() {
        return ID;
    }

    @Override
    public String displayName() {
        return "Artist releases";
    }

    @Override
    public String description() {
        return "An artist's releases since the schedule's last successful run.";
    }

    @Override
    public List<ParamSpec> parameters() {
        return List.of(ParamSpec.date(SINCE, "On the first run, take releases from this day on (default: "
                + DEFAULT_FIRST_RUN_DAYS + " days before the first run)"));
    }

    @Override
    public void validate(DiscoverySource source) {
        CatalogLinks.id(source.argument(), "artist", "argument");
    }

    @Override
    public List<Track> discover(DiscoveryRequest request) {
        String artistId = CatalogLinks.id(request.source().argument(), "artist", "argument");
        LocalDate from = windowStart(request);
        Map<String, Album> releases = new LinkedHashMap<>();
        for (Album album : request.playlists().artistAlbums(artistId)) {
            boolean recent = ReleaseDates.latestDay(album.releaseDate()).map(day -> !day.isBefore(from))
                    .orElse(false);
            if (recent && album.id() != null) {
                releases.putIfAbsent(album.id(), album);
            }
        }
        List<Album> newestFirst = new ArrayList<>(releases.values());
        newestFirst.sort(Comparator.comparing((Album a) -> ReleaseDates.latestDay(a.releaseDate()).orElseThrow())
                .reversed());
        List<Track> tracks = new ArrayList<>();
        for (Album album : newestFirst) {
            for (Track t : AlbumTracks.withAlbum(request.playlists().albumTracks(album.id()), album)) {
                if (t.writable() && credits(t, artistId)) {
                    tracks.add(t);
                }
            }
        }
        return tracks;
    }

    /**
     * The first day of the window: the day of the last successful run, else {@code since}, else
     * {@value #DEFAULT_FIRST_RUN_DAYS} days ago.
     */
    static LocalDate windowStart(DiscoveryRequest request) {
        if (request.lastSuccessAt() != null) {
            return LocalDate.ofInstant(request.lastSuccessAt(), ZoneOffset.UTC);
        }
        return request.params().getDate(SINCE).orElseGet(() ->
                LocalDate.ofInstant(request.clock().instant(), ZoneOffset.UTC).minusDays(DEFAULT_FIRST_RUN_DAYS));
    }

    private static boolean credits(Track track, String artistId) {
        return track.artists().isEmpty() || track.artists().stream().anyMatch(a -> artistId.equals(a.id()));
    }
}
