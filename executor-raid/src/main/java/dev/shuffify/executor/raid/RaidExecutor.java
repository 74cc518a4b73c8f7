package dev.shuffify.executor.raid;

import dev.shuffify.error.JobExecutionException;
import dev.shuffify.error.NotFoundException;
import dev.shuffify.error.PlaylistNotFoundException;
import dev.shuffify.spi.PluginDescriptor;
import dev.shuffify.error.ValidationException;
import dev.shuffify.error.ValidationException.FieldError;
import dev.shuffify.executor.raid.discovery.CatalogLinks;
import dev.shuffify.executor.raid.discovery.PlaylistDiscovery;
import dev.shuffify.model.DiscoverySource;
import dev.shuffify.model.JobResult;
import dev.shuffify.model.JobSpec;
import dev.shuffify.model.Playlist;
import dev.shuffify.model.SnapshotType;
import dev.shuffify.model.Track;
import dev.shuffify.spi.DiscoveryRequest;
import dev.shuffify.spi.DiscoveryStrategy;
import dev.shuffify.spi.JobContext;
import dev.shuffify.spi.JobExecutor;
import dev.shuffify.spi.MembershipHistory;
import dev.shuffify.spi.ParamSpec;
import dev.shuffify.spi.Params;
import dev.shuffify.spi.ValidationContext;
import dev.shuffify.spi.WritePlan;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;
import java.util.regex.Pattern;

/**
 * The {@code raid} job type: pulls new tracks from the schedule's discovery sources into the target.
 *
 * <p>New means not already in the target and not already picked from an earlier source; the order of first
 * appearance is kept. Parameters (all optional):
 * <ul>
 * <li>{@code limit} — the most tracks one run adds (at least 1; default: no limit);</li>
 * <li>{@code max_per_artist} — the most tracks of one primary artist one run adds (at least 1);</li>
 * <li>{@code cooldown_days} — a track that left the target less than this many days ago is not added back
 * (default 0, off); uses the membership history the engine keeps;</li>
 * <li>{@code excluded_tracks} — tracks the user dismissed: never added. Each entry is a Spotify track id
 * (exactly 22 letters and digits), a {@code spotify:track:} uri or an {@code https://open.spotify.com/track/}
 * link (a query string allowed) with such an id, or an episode uri or link; anything else is refused when the
 * schedule is created or changed;</li>
 * <li>{@code destination} — see below.</li>
 * </ul>
 * A source that is gone or no longer readable is skipped with a warning in the result; the others still
 * run. No sources is not an error: the run adds nothing and reports the target's size. Adds go in batches of
 * at most 100, appended to the end ({@link JobContext#appendTracks}); the engine snapshots the target before the
 * first add. In {@code raid_and_shuffle} with the shuffle's default {@code replace} mode, the new tracks ride in
 * the shuffle's replace instead of being added on their own first (each is written once: {@code ceil((N + k) /
 * 100)} writes instead of {@code ceil(k / 100)} more).
 *
 * <p>{@code destination} is a playlist to fill instead of the target (id, uri or link); tracks already in the
 * target are skipped too. In {@code raid_and_drip} the chain sets it to the drip's {@code staging_playlist}
 * ({@link RaidAndDripChain}), so the raid fills the staging playlist the drip releases from.
 *
 * <p>The result's details hold {@code destination} (the playlist written), {@code sources} (per source: its
 * index, strategy, argument, status {@code ok} or {@code gone}, {@code found} candidates and {@code added}
 * tracks), {@code skipped} (candidates not added, by reason) and {@code added_by_earlier_run}.
 *
 * <p>A retry never adds more than one run would: when the schedule's previous run failed after its add was
 * applied (a later step of a chain failed, or the add's answer was lost), the tracks it added — in the
 * destination now, first seen there after the schedule's last success — count towards {@code limit} and
 * {@code max_per_artist}, and are reported as {@code added_by_earlier_run}.
 *
 * @since 0.1.0
 */
public final class RaidExecutor implements JobExecutor {
    /** The job type id. */
    public static final String TYPE = "raid";
    /** Parameter: the most tracks one run adds. */
    public static final String LIMIT = "limit";
    /** Parameter: the most tracks per primary artist one run adds. */
    public static final String MAX_PER_ARTIST = "max_per_artist";
    /** Parameter: days a track that left the target stays out. */
    public static final String COOLDOWN_DAYS = "cooldown_days";
    /** Parameter: tracks never to add. */
    public static final String EXCLUDED_TRACKS = "excluded_tracks";
    /** Parameter: a playlist to fill instead of the target. */
    public static final String DESTINATION = "destination";
    /** Warning code: a source is gone or no longer readable. */
    public static final String SOURCE_GONE = "source_gone";
    /** Warning and skip code: every source is gone or no longer readable. */
    public static final String ALL_SOURCES_GONE = "all_sources_gone";
    /** Skip code: the schedule names no source. */
    public static final String NO_SOURCES = "no_sources";
    /** Skip code: the sources hold no track to add. */
    public static final String NOTHING_NEW = "nothing_new";
    /** The snapshot type of a raid. */
    public static final SnapshotType SNAPSHOT_TYPE = SnapshotType.AUTO_PRE_RAID;

    /** A Spotify track id: exactly 22 base-62 characters. */
    private static final Pattern TRACK_ID = Pattern.compile("[0-9A-Za-z]{22}");
    private static final String TRACK_URI = "spotify:track:";

    /** Creates the executor. */
    public RaidExecutor() {
    }

    @Override
    public String type() {
        return TYPE;
    }

    @Override
    public String description() {
        return "Adds new tracks from discovery sources (playlists, liked songs, artists, albums, searches).";
    }

    @Override
    public String displayName() {
        return "Raid";
    }

    /** The destination, when the raid fills another playlist than the target: other jobs are kept off it. */
    @Override
    public Set<String> otherPlaylistsWritten(JobSpec spec) {
        return spec.params().get(DESTINATION) instanceof String destination
                ? CatalogLinks.tryId(destination, "playlist").map(Set::of).orElse(Set.of())
                : Set.of();
    }

    @Override
    public List<ParamSpec> parameters() {
        return List.of(
                ParamSpec.integer(LIMIT, "The most tracks one run adds (default: no limit)").atLeast(1),
                ParamSpec.integer(MAX_PER_ARTIST, "The most tracks of one primary artist one run adds (default: "
                        + "no cap)").atLeast(1),
                ParamSpec.integer(COOLDOWN_DAYS, "A track that left the target less than this many days ago is "
                        + "not added back (0 = off)").atLeast(0).withDefault(0),
                ParamSpec.list(EXCLUDED_TRACKS, "Tracks never to add (22-character track ids, spotify:track: "
                        + "uris or open.spotify.com/track/ links, or episode uris and links)"),
                ParamSpec.string(DESTINATION, "A playlist to fill instead of the target; tracks already in the "
                        + "target are skipped too (raid_and_drip sets it to the drip's staging_playlist)"));
    }

    @Override
    public SnapshotType snapshotType() {
        return SNAPSHOT_TYPE;
    }

    @Override
    public void validate(ValidationContext context) {
        List<FieldError> errors = new ArrayList<>();
        List<String> excluded = context.params().getList(EXCLUDED_TRACKS);
        for (int i = 0; i < excluded.size(); i++) {
            try {
                excludedUri(excluded.get(i), "params." + EXCLUDED_TRACKS + "[" + i + "]");
            } catch (ValidationException e) {
                errors.addAll(e.errors());
            }
        }
        Set<String> written = new HashSet<>();
        if (context.spec().target() != null) {
            written.add(playlistId(context.spec().target().id()));
        }
        context.params().getString(DESTINATION).flatMap(s -> CatalogLinks.tryId(s, "playlist"))
                .ifPresent(written::add);
        List<DiscoverySource> sources = context.spec().sources();
        for (int i = 0; i < sources.size(); i++) {
            DiscoverySource source = sources.get(i);
            if (PlaylistDiscovery.ID.equals(source.strategy())) {
                Optional<String> id = CatalogLinks.tryId(source.argument(), "playlist");
                if (id.isPresent() && written.contains(id.get())) {
                    errors.add(new FieldError("sources[" + i + "].argument", "is the playlist this raid fills; "
                            + "a raid cannot take tracks from its own destination"));
                }
            }
        }
        if (!errors.isEmpty()) {
            throw new ValidationException(errors);
        }
    }

    @Override
    public JobResult execute(JobContext context) {
        String targetId = context.spec().target().id();
        Optional<String> staging = context.params().getString(DESTINATION)
                .map(s -> CatalogLinks.id(s, "playlist", "params." + DESTINATION))
                .filter(id -> !id.equals(targetId));
        String destinationId = staging.orElse(targetId);
        Playlist destination = context.playlists().playlist(destinationId);
        Set<String> present = new HashSet<>(destination.uris());
        if (staging.isPresent()) {
            present.addAll(context.playlists().playlist(targetId).uris());
        }
        JobResult.Builder result = JobResult.builder().detail("destination", destinationId);
        List<DiscoverySource> sources = context.spec().sources();
        if (sources.isEmpty()) {
            context.progress("raid: no sources configured; nothing to do");
            return result.tracksTotal(destination.size()).detail("sources", List.of())
                    .skipped(NO_SOURCES, "no sources configured; nothing to do").build();
        }
        Discovered discovered = discoverAll(context, sources, result);
        RaidSelection.Result selection = RaidSelection.select(discovered.candidates(), rules(context, present,
                destination, targetId));
        for (int i = 0; i < discovered.details().size(); i++) {
            discovered.details().get(i).put("added", selection.pickedPerSource().get(i));
        }
        List<String> uris = selection.picked().stream().map(Track::uri).toList();
        if (!uris.isEmpty()) {
            append(context, destinationId, uris);
        } else if (discovered.gone() < sources.size()) {
            result.skipped(NOTHING_NEW, "no new tracks in the " + (sources.size() - discovered.gone())
                    + " readable source(s)");
        }
        return result.tracksAdded(uris.size()).tracksTotal(destination.size() + uris.size())
                .detail("sources", List.copyOf(discovered.details())).detail("skipped", selection.skipped())
                .detail("added_by_earlier_run", selection.addedEarlier()).build();
    }

    /**
     * What the sources gave: per source its candidates and its detail map (in source order), and how many
     * sources were gone.
     */
    private record Discovered(List<List<Track>> candidates, List<Map<String, Object>> details, int gone) {
    }

    /**
     * Reads every source in order; a gone source gives no candidates and a warning. When all are gone, the
     * result is warned and marked skipped.
     */
    private static Discovered discoverAll(JobContext context, List<DiscoverySource> sources,
            JobResult.Builder result) {
        List<List<Track>> candidates = new ArrayList<>();
        List<Map<String, Object>> details = new ArrayList<>();
        int gone = 0;
        for (int i = 0; i < sources.size(); i++) {
            DiscoverySource source = sources.get(i);
            Map<String, Object> detail = new LinkedHashMap<>();
            detail.put("index", i);
            detail.put("strategy", source.strategy());
            detail.put("argument", source.argument() == null ? "" : source.argument());
            List<Track> found;
            try {
                found = discover(context, source, i);
                detail.put("status", "ok");
            } catch (PlaylistNotFoundException | NotFoundException e) {
                gone++;
                found = List.of();
                detail.put("status", "gone");
                result.warning(SOURCE_GONE, describe(source, i) + " is gone or no longer readable; skipped ("
                        + e.getMessage() + ")");
            }
            detail.put("found", found.size());
            context.progress("raid: " + describe(source, i) + ": " + found.size() + " candidate(s)");
            candidates.add(found);
            details.add(detail);
        }
        if (gone == sources.size()) {
            String allGone = "all " + sources.size() + " source(s) are gone or no longer readable; nothing was added";
            result.warning(ALL_SOURCES_GONE, allGone).skipped(ALL_SOURCES_GONE, allGone);
        }
        return new Discovered(candidates, details, gone);
    }

    /** Appends the picked tracks to the destination: plans the writes and snapshots it first. */
    private static void append(JobContext context, String destinationId, List<String> uris) {
        context.progress("raid: adding " + uris.size() + " track(s) to playlist '" + destinationId + "'");
        context.planWrites(WritePlan.builder().add(destinationId, uris.size()).build());
        context.snapshotBeforeMutation(destinationId);
        context.appendTracks(destinationId, uris);
    }

    private static List<Track> discover(JobContext context, DiscoverySource source, int index) {
        String path = "sources[" + index + "]";
        DiscoveryStrategy strategy = context.plugins().strategy(source.strategy()).orElseThrow(() ->
                new JobExecutionException(path + " names the discovery strategy '" + source.strategy()
                        + "', which is not registered (known: " + String.join(", ", context.plugins().strategyIds())
                        + "). " + context.plugins().whereToFind(PluginDescriptor.Kind.DISCOVERY_STRATEGY,
                                source.strategy()) + " Or change the schedule."));
        Params params = Params.parse(strategy.parameters(), source.params(), path + ".params");
        List<Track> found = strategy.discover(new DiscoveryRequest(source, params, context.playlists(),
                context.lastSuccessAt().orElse(null), context.clock()));
        if (found == null) {
            throw new JobExecutionException("discovery strategy '" + source.strategy() + "' returned no list for "
                    + path);
        }
        return found;
    }

    private static RaidSelection.Rules rules(JobContext context, Set<String> present, Playlist destination,
            String targetId) {
        String destinationId = destination.id();
        Params params = context.params();
        Set<String> excluded = new LinkedHashSet<>();
        List<String> entries = params.getList(EXCLUDED_TRACKS);
        for (int i = 0; i < entries.size(); i++) {
            excluded.add(storedExclusion(entries.get(i), "params." + EXCLUDED_TRACKS + "[" + i + "]"));
        }
        Integer limit = params.has(LIMIT) ? params.getInt(LIMIT) : null;
        Integer maxPerArtist = params.has(MAX_PER_ARTIST) ? params.getInt(MAX_PER_ARTIST) : null;
        return new RaidSelection.Rules(present, excluded, coolingDown(context, destinationId, targetId), limit,
                maxPerArtist, addedByEarlierRun(context, destination));
    }

    /**
     * The tracks an earlier, failed run of this slot already added to the destination: on a retry, the tracks
     * in it that the engine first saw there after the schedule's last success (or since it was created). Their
     * add was applied although the run failed (a later step failed, or the add's answer was lost), so they
     * count towards this slot's {@code limit}.
     */
    private static Set<String> addedByEarlierRun(JobContext context, Playlist destination) {
        if (!context.isRetry()) {
            return Set.of();
        }
        Optional<Instant> lastSuccess = context.lastSuccessAt();
        Instant created = context.schedule().createdAt();
        Set<String> in = new HashSet<>(destination.uris());
        Set<String> out = new HashSet<>();
        context.membership().firstSeen(destination.id()).forEach((uri, at) -> {
            if (DripExecutor.since(at, lastSuccess, created) && in.contains(uri)) {
                out.add(uri);
            }
        });
        return out;
    }

    private static Predicate<String> coolingDown(JobContext context, String destinationId, String targetId) {
        int days = context.params().getInt(COOLDOWN_DAYS, 0);
        if (days <= 0) {
            return uri -> false;
        }
        Instant cutoff = context.clock().instant().minus(Duration.ofDays(days));
        MembershipHistory history = context.membership();
        Set<String> playlists = new LinkedHashSet<>(List.of(destinationId, targetId));
        return uri -> playlists.stream().map(p -> history.leftAt(p, uri)).flatMap(Optional::stream)
                .anyMatch(left -> left.isAfter(cutoff));
    }

    /**
     * A dismissed track's uri, as checked when a schedule is created or changed: a track id, a
     * {@code spotify:track:} uri or an {@code open.spotify.com/track/} link whose id is a Spotify track id
     * (exactly 22 letters and digits), or an episode uri or link.
     *
     * @throws ValidationException naming {@code field} when the entry is none of these
     */
    static String excludedUri(String entry, String field) {
        String uri = storedExclusion(entry, field);
        if (uri.startsWith(TRACK_URI) && !TRACK_ID.matcher(uri.substring(TRACK_URI.length())).matches()) {
            throw new ValidationException(field, "'" + entry.trim() + "' does not name a track by a valid id: a "
                    + "Spotify track id is exactly 22 letters and digits (A-Z, a-z, 0-9); expected "
                    + CatalogLinks.accepted("track") + " with such an id, or a spotify:episode:… uri or link");
        }
        return uri;
    }

    /**
     * A dismissed track's uri as a run reads it: track ids, uris and links, or episode uris and links, the
     * track id not checked further, so a schedule stored before ids were checked keeps running (an entry with
     * a malformed id matches no track).
     */
    private static String storedExclusion(String entry, String field) {
        boolean namesEpisode = entry != null && (entry.contains(":episode:") || entry.contains("/episode/"));
        Optional<String> episode = namesEpisode ? CatalogLinks.tryId(entry, "episode") : Optional.empty();
        return episode.map(id -> "spotify:episode:" + id).orElseGet(() -> CatalogLinks.uri(entry, "track", field));
    }

    private static String playlistId(String idOrLink) {
        return CatalogLinks.tryId(idOrLink, "playlist").orElse(idOrLink);
    }

    private static String describe(DiscoverySource source, int index) {
        String argument = source.argument() == null || source.argument().isBlank() ? ""
                : " '" + source.argument() + "'";
        return "source " + (index + 1) + " (" + source.strategy() + argument + ")";
    }
}
