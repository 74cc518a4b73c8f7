package dev.shuffify.examples.spotify;

import dev.shuffify.error.JobExecutionException;
import dev.shuffify.Shuffify;
import dev.shuffify.executor.raid.discovery.CatalogLinks;
import dev.shuffify.model.Execution;
import dev.shuffify.model.Playlist;
import dev.shuffify.model.PlaylistPair;
import dev.shuffify.model.PlaylistSummary;
import dev.shuffify.model.Preview;
import dev.shuffify.model.Schedule;
import dev.shuffify.model.ScheduleDefinition;
import dev.shuffify.model.Snapshot;
import dev.shuffify.model.Trigger;
import dev.shuffify.spi.PlaylistService;
import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;

/** One run of the demo: sign in, list the playlists, create the schedule, then preview it or run it. */
final class DemoRun {

    private final SpotifyHost host;
    private final DemoOptions options;
    private final DemoOutput out;
    private final Shuffify shuffify;

    DemoRun(SpotifyHost host, DemoOptions options, DemoOutput out) {
        this.host = host;
        this.options = options;
        this.out = out;
        this.shuffify = host.shuffify();
    }

    /**
     * Runs the demo.
     *
     * @return the exit code: {@link SpotifyDemo#OK}, {@link SpotifyDemo#FAILED} when the run failed, or
     *     {@link SpotifyDemo#USAGE} when there is no playlist to work on
     */
    int run() {
        out.line(options.apply() ? "Shuffify Spotify demo: --apply, the job runs for real and writes to Spotify."
                : "Shuffify Spotify demo: dry run, nothing is written to Spotify (--apply --playlist ID runs the job).");
        PlaylistService spotify = host.connect();
        String spotifyUser = spotify.currentUserId();
        out.line("Signed in to Spotify as user '" + spotifyUser + "'.");
        out.blank();
        List<PlaylistSummary> playlists = spotify.playlists();
        out.playlists(playlists, spotifyUser);
        out.blank();
        Optional<String> targetId = target(playlists, spotifyUser);
        if (targetId.isEmpty()) {
            out.line("You own no playlist with tracks to work on; pass one with --playlist ID.");
            return SpotifyDemo.USAGE;
        }
        Playlist target = spotify.playlist(targetId.get());
        out.name(target.id(), target.name());
        Playlist archive = options.job().equals("rotate") ? pair(spotify, target) : null;
        if (options.job().equals("rotate") && archive == null) {
            return SpotifyDemo.USAGE;
        }
        Schedule schedule = shuffify.schedules().create(SpotifyHost.USER,
                ScheduleDefinition.of(DemoJob.spec(options, target), Trigger.named("daily")));
        out.line("Schedule " + schedule.id() + ": " + describe(schedule) + ", " + schedule.trigger().describe()
                + " (next run " + schedule.nextRunAt().truncatedTo(ChronoUnit.SECONDS) + ").");
        out.line("A host leaves it to the scheduler; the demo runs it once now.");
        out.blank();
        int code = options.apply() ? apply(schedule, target, archive, spotify) : preview(schedule, target, archive);
        out.blank();
        out.line("Spotify calls: " + host.observed().reads() + " read(s), " + host.observed().writes()
                + " write(s)" + (options.apply() ? "." : "; a dry run writes nothing."));
        return code;
    }

    private Optional<String> target(List<PlaylistSummary> playlists, String spotifyUser) {
        if (options.playlist() != null) {
            return Optional.of(CatalogLinks.id(options.playlist(), "playlist", "--playlist"));
        }
        Optional<PlaylistSummary> first = playlists.stream()
                .filter(p -> spotifyUser.equals(p.ownerId()) && p.total() >= 2).findFirst();
        first.ifPresent(p -> out.line("No --playlist given: working on your first playlist with tracks, '"
                + p.name() + "'."));
        return first.map(PlaylistSummary::id);
    }

    private Playlist pair(PlaylistService spotify, Playlist target) {
        if (options.archive() == null && !options.apply()) {
            out.line("rotate needs --archive ID (one of your playlists) in a dry run: creating the archive would be"
                    + " a write. With --apply, leaving it out creates '" + target.name() + " (archive)'.");
            return null;
        }
        String archiveId = options.archive() == null ? null
                : CatalogLinks.id(options.archive(), "playlist", "--archive");
        PlaylistPair pair = archiveId == null ? shuffify.pairs().createWithNewArchive(SpotifyHost.USER, target.id())
                : shuffify.pairs().create(SpotifyHost.USER, target.id(), archiveId);
        out.name(pair.archive().id(), pair.archive().name());
        out.line("Paired " + out.playlist(target.id()) + " with the archive " + out.playlist(pair.archive().id())
                + (archiveId == null ? ", created just now." : "."));
        return spotify.playlist(pair.archive().id());
    }

    private String describe(Schedule schedule) {
        StringBuilder b = new StringBuilder(schedule.jobType()).append(" of ")
                .append(out.playlist(schedule.job().target().id()));
        if (options.raids()) {
            b.append(" from ").append(schedule.job().sources().stream()
                    .map(s -> s.strategy() + (s.argument() == null ? "" : " " + s.argument())).toList())
                    .append(", at most ").append(options.limit()).append(" track(s)");
        }
        if (options.shuffles()) {
            b.append(", algorithm ").append(options.algorithm()).append(", write_mode ").append(options.writeMode());
        }
        if (options.job().equals("rotate")) {
            b.append(", ").append(options.rotationMode()).append(" of ").append(options.rotationCount())
                    .append(" track(s)");
        }
        return b.toString();
    }

    private int preview(Schedule schedule, Playlist target, Playlist archive) {
        Preview preview = shuffify.runs().preview(SpotifyHost.USER, schedule.id());
        out.line("Preview of the next run (planned writes, one line per call; nothing is sent):");
        out.changes(preview.changes());
        out.line("  result: " + preview.result().tracksAdded() + " added, " + preview.result().tracksRemoved()
                + " removed, " + preview.result().tracksTotal() + " in total");
        preview.result().warnings().forEach(w -> out.line("  warning: " + w));
        out.blank();
        out.beforeAfter(out.playlist(target.id()) + " now and after the run", target.uris(),
                PlannedOrder.after(target.id(), target.uris(), preview.changes()), options.shuffles());
        if (archive != null) {
            out.beforeAfter("The archive " + out.playlist(archive.id()) + " now and after the run", archive.uris(),
                    PlannedOrder.after(archive.id(), archive.uris(), preview.changes()), false);
        }
        return 0;
    }

    private int apply(Schedule schedule, Playlist target, Playlist archive, PlaylistService spotify) {
        Execution run;
        try {
            run = shuffify.runs().runNow(SpotifyHost.USER, schedule.id());
        } catch (JobExecutionException e) {
            String status = shuffify.runs().history(SpotifyHost.USER, schedule.id(), 1).stream().findFirst()
                    .map(x -> x.status().wireName()).orElse("failed");
            out.line("The run ended " + status + ": " + e.getMessage());
            return 1;
        }
        out.line("Ran " + run.jobType() + ": " + run.status().wireName() + " in "
                + run.duration().map(DemoRun::seconds).orElse("?") + ", " + run.tracksAdded() + " added, "
                + run.tracksRemoved() + " removed, " + run.tracksTotal() + " in total.");
        run.warnings().forEach(w -> out.line("  warning: " + w));
        for (Snapshot s : shuffify.snapshots().list(SpotifyHost.USER, target.id())) {
            out.line("Snapshot taken before the first write: " + s.id() + " (" + s.type().wireName() + ", "
                    + s.size() + " tracks); Shuffify.snapshots().restore puts it back.");
        }
        out.blank();
        out.beforeAfter(out.playlist(target.id()) + " before and after the run", target.uris(),
                spotify.playlist(target.id()).uris(), options.shuffles());
        if (archive != null) {
            out.beforeAfter("The archive " + out.playlist(archive.id()) + " before and after the run", archive.uris(),
                    spotify.playlist(archive.id()).uris(), false);
        }
        return 0;
    }

    private static String seconds(Duration d) {
        return String.format(java.util.Locale.ROOT, "%.1f s", d.toMillis() / 1000.0);
    }
}
