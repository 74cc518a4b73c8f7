package dev.shuffify.internal.engine;

import dev.shuffify.model.ExecutionStatus;
import dev.shuffify.model.PlannedChange;
import dev.shuffify.model.Playlist;
import dev.shuffify.model.Track;
import dev.shuffify.spi.PlaylistService;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * After a job's writes: re-reads the playlists it wrote and checks them against what it meant to write; rolls
 * back a mismatch (or a failure that left tracks in no playlist) to the state before the job; records
 * membership of what the playlists now hold.
 */
final class WriteChecks {
    private static final Logger LOG = LoggerFactory.getLogger(ExecutionEngine.class);
    private final EngineConfig config;

    /** How a rollback ended: the status and message the run ends with. */
    record Rollback(ExecutionStatus status, String message) {
    }

    WriteChecks(EngineConfig config) {
        this.config = config;
    }

    /** Re-reads every playlist the job wrote and compares it with what it meant to write. */
    static List<Verification.Check> checks(TrackingPlaylistService tracking) {
        List<Verification.Check> checks = new ArrayList<>();
        for (TrackingPlaylistService.State s : tracking.written()) {
            Playlist actual = tracking.reread(s.id);
            checks.add(new Verification.Check(s.id, s.name, uris(s.before), uris(s.items), actual.uris(),
                    s.orderChanged));
        }
        return checks;
    }

    private static List<String> uris(List<Track> tracks) {
        return tracks.stream().map(Track::uri).toList();
    }

    /** Puts every changed playlist back as it was before the job; the outcome says how far that went. */
    Rollback rollBack(List<Verification.Check> checks, String message, TrackingPlaylistService tracking) {
        PlaylistService service = tracking.delegate();
        List<String> failures = new ArrayList<>();
        List<String> incomplete = new ArrayList<>();
        for (Verification.Check c : checks) {
            if (c.unchanged()) {
                continue;
            }
            // a job that never replaced the playlist promised its added dates: the rollback keeps them too
            boolean keepAddedDates = tracking.changes().stream().noneMatch(ch -> ch.playlistId()
                    .equals(c.playlistId()) && ch.operation() == PlannedChange.Operation.REPLACE);
            try {
                PlaylistRestore.Outcome outcome = PlaylistRestore.restore(service, c.playlistId(), c.actual(),
                        c.before(), keepAddedDates);
                if (!outcome.complete()) {
                    incomplete.add("playlist '" + c.playlistId() + "': " + outcome.describe());
                }
                config.store().membership().observe(c.playlistId(), c.before(), config.clock().instant());
            } catch (RuntimeException e) {
                failures.add("restoring playlist '" + c.playlistId() + "' failed: " + e.getMessage());
            }
        }
        if (!failures.isEmpty()) {
            LOG.error("{}; {}", message, failures);
            return new Rollback(ExecutionStatus.FAILED, message + "; " + String.join("; ", failures)
                    + (incomplete.isEmpty() ? "" : "; " + String.join("; ", incomplete))
                    + ". Restore the snapshot taken before the job by hand.");
        }
        if (!incomplete.isEmpty()) {
            String text = message + "; restored the playlists as far as the service allows: "
                    + String.join("; ", incomplete);
            LOG.error("{}", text);
            return new Rollback(ExecutionStatus.FAILED, text);
        }
        LOG.warn("{}; restored the playlists as they were before the job", message);
        return new Rollback(ExecutionStatus.FAILED_ROLLED_BACK,
                message + "; restored the playlists as they were before the job");
    }

    /** Records membership as re-read. */
    void observeAfter(List<Verification.Check> checks) {
        for (Verification.Check c : checks) {
            observe(c.playlistId(), c.actual(), Map.of());
        }
    }

    /** Records membership as the job's model of the playlists has it (writes not verified). */
    void observeModel(TrackingPlaylistService tracking) {
        for (TrackingPlaylistService.State s : tracking.written()) {
            observe(s.id, uris(s.items), Map.of());
        }
    }

    void observe(String playlistId, List<String> uris, Map<String, Instant> addedAt) {
        try {
            config.store().membership().observe(playlistId, uris, addedAt, config.clock().instant());
        } catch (RuntimeException e) {
            LOG.warn("could not record the membership of playlist {}", playlistId, e);
        }
    }
}
